#!/usr/bin/env bash
# Scale-out on real engines: nginx on loopback in front of 1, 2 and 3 instances of the jar on
# one database, the page and API scenarios through it, then correctness under load with three
# instances polling and dispatching while signed webhooks stream in and one instance is killed
# with -9 mid-run; bench/sql/checks.sql queries the database afterwards.
#   bench/scaleout.sh <db> <scale>      (prints result rows for bench/run.sh)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; scale=$2
case $scale in small) secs=5; due=3000; msgs=3000 ;; *) secs=30; due=100000; msgs=50000 ;; esac
export BENCH_LUA=$BENCH_DIR/lua BENCH_TOKENS=$OUT/tokens.tsv BENCH_KEY=bk_bench_1_0123456789abcdef BENCH_SLUG=bench-1 BENCH_LO=1
export BENCH_HI; BENCH_HI=$(psql -X -d "$db" -Atc "select hi from public.bench_stores where k = 1")
names=()
cleanup() {
  for n in "${names[@]}"; do stop_app "$n"; done
  [ -f "$OUT/nginx-lb.pid" ] && kill "$(cat "$OUT/nginx-lb.pid")" 2>/dev/null
  [ -n "${sink:-}" ] && kill "$sink" 2>/dev/null
  true
}
trap cleanup EXIT
lb() { # lb <port...>: (re)starts nginx in front of the given instance ports
  [ -f "$OUT/nginx-lb.pid" ] && kill "$(cat "$OUT/nginx-lb.pid")" 2>/dev/null && sleep 0.5
  local servers=""; for p in "$@"; do servers+="server 127.0.0.1:$p max_fails=1 fail_timeout=5s; "; done
  sed -e "s#@PORT@#$lport#" -e "s#@SERVERS@#$servers#" -e "s#@OUT@#$OUT#g" "$BENCH_DIR/nginx/upstream.conf" >"$OUT/nginx-lb.conf"
  nginx -c "$OUT/nginx-lb.conf" -p "$OUT"; sleep 0.5
}
wrk_row() { # wrk_row <scenario> <lua> [env...]
  local sc=$1 lua=$2; shift 2
  local res; res=$(env "$@" wrk -t2 -c8 -d"${secs}s" -s "$BENCH_LUA/$lua" "http://127.0.0.1:$lport" 2>&1 | grep '^RESULT ' | sed 's/^RESULT //' || true)
  printf '1\t%s\tbeacon\t%s\t%s\n' "$sc" "${res:-{\}}" "$(loadavg)"; log "$sc: $res"
}
lport=$(free_port)
ports=()
# throughput with 1, 2, 3 instances (polling and dispatch off)
for n in ${BENCH_SCALEOUT_N:-1 2 3}; do
  p=$(free_port); ports+=("$p"); names+=("lb-$n")
  start_app "$db" "$p" "lb-$n" --spring.datasource.hikari.maximum-pool-size=6
  lb "${ports[@]}"
  wrk -t2 -c4 -d3s -s "$BENCH_LUA/api.lua" "http://127.0.0.1:$lport" >/dev/null 2>&1 || true
  wrk_row "scaleout-page-x$n" page.lua
  wrk_row "scaleout-api-x$n" api.lua
done
for n in "${names[@]}"; do stop_app "$n"; done; names=()

# correctness under load: 3 instances polling and dispatching, webhooks through nginx, one killed -9
log "correctness: $due due shipments, $msgs due messages, webhooks, kill -9 of one instance mid-run"
smtp=$(free_port); : >"$OUT/smtp.log"
python3 "$BENCH_DIR/lib/smtp_sink.py" "$smtp" "$OUT/smtp.log" & sink=$!
psqlq -d "$db" -f "$BENCH_DIR/sql/audit.sql" \
  -c "update beacon.shipments set next_poll_at = now() + interval '1 day' where next_poll_at is not null" \
  -c "update beacon.notify_messages set next_attempt_at = now() + interval '1 day' where status = 'PENDING'" \
  -c "update beacon.notify_messages set status = 'PENDING', next_attempt_at = now() + interval '1 day', lease_owner = null,
      lease_token = null, lease_expires_at = null where status = 'SENDING'" >/dev/null
# (nothing is due while the instances start: the messages made due below were not already being
# sent by an instance; before, the generator's due messages were dispatched at once and the reset
# below put 72 of them, already handed to the SMTP sink, back to PENDING: counted as sent twice.
# Rows left SENDING by an earlier run's instances are parked too: the rescue made 16 of them due
# at once in the eighth run, and the reset then sent them again)
tag=$(date +%s)
psql -X -q -At -F $'\t' -d "$db" -v k=1 -v count=$(( secs * 2000 )) -v tag="$tag" -f "$BENCH_DIR/sql/easypost-bodies.sql" >"$OUT/bodies-lb.tsv"
ports=()
for n in 1 2 3; do
  p=$(free_port); ports+=("$p"); names+=("ok-$n")
  BENCH_NOWAIT=1 BENCH_POLL=true BENCH_DISPATCH=true start_app "$db" "$p" "ok-$n" --spring.datasource.hikari.maximum-pool-size=6 \
    --spring.datasource.hikari.data-source-properties.ApplicationName="beacon-$n" \
    --beacon.carriers.poll.tick=1s --beacon.carriers.poll.lease=20s \
    --beacon.notify.dispatcher.interval=PT1S --beacon.notify.dispatcher.lease=PT20S \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp"
done
for n in 1 2 3; do wait_app "${ports[$(( n - 1 ))]}" "ok-$n"; done
lb "${ports[@]}"
# the work arrives once all three are up, so the kill lands while claims are in flight
run_start=$(psql -X -d "$db" -Atc "select now()")
psqlq -d "$db" -c "update beacon.shipments set next_poll_at = now() - interval '1 minute' where id in (select id from beacon.shipments where milestone in ('IN_TRANSIT','PICKED_UP','LABEL_CREATED') order by md5(id::text) limit $due)" \
  -c "update beacon.notify_messages set status = 'PENDING', next_attempt_at = now() - interval '1 minute', attempts = 0, sent_at = null,
      lease_owner = null, lease_token = null, lease_expires_at = null, provider_called_at = null, provider_id = null, stale_after = null,
      channel = 'EMAIL', time_zone = 'UTC', recipient = 'c' || left(id::text, 8) || '@example.com'
      where id in (select id from beacon.notify_messages order by md5(id::text) limit $msgs)" >/dev/null
( sleep $(( secs / 2 )); log "kill -9 ok-2"; kill -9 "$(cat "$OUT/ok-2.pid")" ) &
killer=$!
res=$(BENCH_BODIES=$OUT/bodies-lb.tsv BENCH_THREADS=4 BENCH_ACKS=$OUT/acks.txt wrk -t4 -c4 -d"${secs}s" -s "$BENCH_LUA/webhook.lua" "http://127.0.0.1:$lport" 2>&1 | grep '^RESULT ' | sed 's/^RESULT //' || true)
wait $killer || true
printf '1\tscaleout-webhook-kill9\tbeacon\t%s\t%s\n' "${res:-{\}}" "$(loadavg)"; log "webhooks with kill -9: $res"
# let the survivors take over the killed instance's leases, then drain (up to BENCH_DRAIN_WAIT s, default
# 1800: the SMTP sink takes about 110 e-mails a second, and 50,000 are made due)
for _ in $(seq 1 "${BENCH_DRAIN_WAIT:-1800}"); do
  left=$(psql -X -d "$db" -Atc "select (select count(*) from beacon.shipments where next_poll_at <= now()) + (select count(*) from beacon.notify_messages where status in ('PENDING','SENDING') and next_attempt_at <= now())")
  [ "$left" = 0 ] && break; sleep 1
done
psqlq -d "$db" -c "drop table if exists public.bench_acks" -c "create table public.bench_acks (event_id text)" \
  -c "\\copy public.bench_acks from '$OUT/acks.txt'" -c "delete from public.bench_acks where event_id = ''" >/dev/null
checks=$(psql -X -q -At -F '|' -d "$db" -v tag="$tag" -v run_start="$run_start" -f "$BENCH_DIR/sql/checks.sql")
dups=$(sort "$OUT/smtp.log" | uniq -d | wc -l)
checks+=$'\n'"e-mails received by the SMTP sink|$(wc -l <"$OUT/smtp.log")|t"$'\n'"e-mails received twice (same Message-ID)|$dups|$([ "$dups" = 0 ] && echo t || echo f)"
while IFS='|' read -r name value ok; do
  printf '1\tcheck\t%s\t{"value":%s,"ok":"%s"}\t%s\n' "$name" "$value" "$ok" "$(loadavg)"; log "check: $name = $value ($ok)"
done <<<"$checks"
psqlq -d "$db" -c "drop trigger if exists bench_poll_audit on beacon.shipments" -c "drop trigger if exists bench_send_audit on beacon.notify_messages" >/dev/null
