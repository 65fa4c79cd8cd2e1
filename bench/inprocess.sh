#!/usr/bin/env bash
# In-process scenarios and their bare-SQL twins, alternating per round; prints result rows
# (round, scenario, side, json, load) for bench/run.sh.
#   bench/inprocess.sh <db> <scale> <rounds> <seconds>
# The driver (bench/java) is compiled against the packaged jar's classes and runs the
# application's own beans: ShipmentManagement.ingest (normalize, dedup, store, fold,
# transition, outbox), PollQueue.claimDue, CarrierPoller.pollOnce, the notify Dispatcher. Draining
# sides stop after 4x the scenario time when they cannot empty the due set. BENCH_SCENARIOS (default
# "ingest claim poll dispatch") runs only those named, e.g. BENCH_SCENARIOS=dispatch.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; scale=$2; rounds=$3; secs=$4
case $scale in small) due=5000 ;; *) due=100000 ;; esac
threads=2; scans=10; batch=50
cls=$OUT/inprocess
if [ ! -f "$cls/.built" ] || [ "$JAR" -nt "$cls/.built" ]; then
  rm -rf "$cls" && mkdir -p "$cls/jar" "$cls/classes"
  (cd "$cls/jar" && unzip -q "$JAR")
  javac -nowarn -d "$cls/classes" -cp "$cls/jar/BOOT-INF/classes:$cls/jar/BOOT-INF/lib/*" \
    $(find "$BENCH_DIR/java" -name '*.java') 2>&1 | grep -v '^Note:' >&2 || true
  touch "$cls/.built"
fi
CP="$cls/classes:$cls/jar/BOOT-INF/classes:$cls/jar/BOOT-INF/lib/*"
driver() {
  java ${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -cp "$CP" dev.beacon.bench.InProcessBench "$@" --beacon.link-secret="$LINK_SECRET" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=beacon" 2>>"$OUT/inprocess.log" \
    | { grep -P '^\d+\t' || true; } | while IFS= read -r l; do printf '%s\t%s\n' "$l" "$(loadavg)"; log "$l"; done
}
twin() { # twin <round> <scenario> <script> <pgbench args...>: -t runs print tps; rate = rows/s
  local r=$1 sc=$2 script=$3 unit=$4 per=$5; shift 5
  local out tps; out=$(pgbench -n -M prepared -c $threads -j $threads "$@" -f "$BENCH_DIR/pgbench/$script" "$db" 2>&1) || true
  tps=$(awk '/^tps = / {print $3}' <<<"$out")
  local rate; rate=$(python3 -c "print(round(${tps:-0} * $per, 1))")
  printf '%s\t%s\ttwin\t{"rps":%s,"tps":%s,"unit":"%s"}\t%s\n' "$r" "$sc" "$rate" "${tps:-0}" "$unit" "$(loadavg)"
  log "round $r $sc twin: $rate $unit"
}
mark_due() { psqlq -d "$db" -c "update beacon.shipments set next_poll_at = now() - interval '1 minute' where id in (
  select id from beacon.shipments where next_poll_at is not null order by id limit $due)" -c "vacuum (analyze) beacon.shipments" >/dev/null; }
unmark() { psqlq -d "$db" -c "update beacon.shipments set next_poll_at = now() + interval '1 hour' where next_poll_at <= now()" >/dev/null; }
# pending: <due> messages due again as e-mail; queued with their facts and rendered when sent (as
# the outbox writes them), or with BENCH_MESSAGES=rendered as rows rendered when they were queued.
pending() {
  local words="subject = null, body_text = null, body_html = null, facts = jsonb_build_object('carrier', 'UPS',
    'trackingNumber', '1Z999AA1' || left(m.id::text, 8), 'location', 'Memphis, TN, US', 'statusText', 'In transit',
    'firstName', 'Ana', 'orderNumber', o.order_number, 'items', jsonb_build_array(jsonb_build_object('sku', 'SKU-1',
    'name', 'Trail lamp', 'quantity', 1)))"
  [ "${BENCH_MESSAGES:-facts}" = rendered ] && words="subject = coalesce(m.subject, 'Your order ' || o.order_number),
    body_text = coalesce(m.body_text, 'Your order ' || o.order_number || ' has news.'), facts = null"
  psqlq -d "$db" -c "update beacon.notify_messages m set status = 'PENDING', next_attempt_at = now() - interval '1 minute',
  attempts = 0, sent_at = null, lease_owner = null, lease_token = null, lease_expires_at = null, provider_called_at = null,
  provider_id = null, stale_after = null, time_zone = 'UTC', channel = 'EMAIL', recipient = 'customer' || m.id || '@example.com',
  $words from beacon.orders o where o.id = m.order_id
  and m.id in (select id from beacon.notify_messages order by id limit $due)" -c "vacuum (analyze) beacon.notify_messages" >/dev/null; }
per_client=$(( due / batch / threads + 1 ))
scenarios=" ${BENCH_SCENARIOS:-ingest claim poll dispatch} "
runs() { [[ $scenarios == *" $1 "* ]]; }
for r in $(seq 1 "$rounds"); do
  if [ $(( r % 2 )) = 1 ]; then order="app twin"; else order="twin app"; fi
  runs ingest && for side in $order; do
    if [ $side = app ]; then driver ingest "$r" "$secs" $threads $scans
    else twin "$r" ingest ingest.sql scans/s $scans -T "$secs" -D n1="$(psql -X -d "$db" -Atc "select hi from public.bench_stores where k=1")" -D batch=$scans; fi
  done
  runs claim && for side in $order; do
    mark_due
    if [ $side = app ]; then driver claim "$r" $(( secs * 4 )) $threads $batch
    else twin "$r" claim claim-polls.sql rows/s $batch -t $per_client -D batch=$batch; fi
  done
  runs poll && for side in $order; do
    mark_due
    if [ $side = app ]; then driver poll "$r" $(( secs * 4 )) $threads
    else twin "$r" poll claim-polls.sql rows/s $batch -t $per_client -D batch=$batch; fi
  done
  unmark
  runs dispatch && for side in $order; do
    pending
    if [ $side = app ]; then driver dispatch "$r" $(( secs * 4 )) $threads
    else twin "$r" dispatch claim-messages.sql rows/s 20 -t $(( due / 20 / threads + 1 )) -D batch=20; fi
  done
done
