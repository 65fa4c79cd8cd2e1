#!/usr/bin/env bash
# Poll cadence: can the instance(s) poll every live shipment on a 2-hour cadence without a growing
# lag? Prints result rows (round, scenario, side, json, load) for bench/run.sh --cadence.
#   bench/cadence.sh <db> [minutes]        (default 15; the database is CHANGED: use a copy)
# What it does:
# 1. brings the live shipments (next_poll_at set) to BENCH_CADENCE_LIVE (default 1,000,000) by
#    reviving delivered or returned ones as in transit, then spreads their next poll evenly over
#    the 2 hours after a start offset (BENCH_CADENCE_OFFSET seconds, default 120, time for the
#    instance to start): 1,000,000 in 2 hours is 139 polls a second;
# 2. starts a carrier stub on loopback (bench/stub/CarrierStub.java: UPS, FedEx, USPS and DHL
#    answers in their real shapes, one in-transit scan per number; BENCH_STUB_LATENCY ms per
#    request, default 0; BENCH_STUB_NEW percent of numbers whose answer has a scan, default 100)
#    and BENCH_INSTANCES (default 1) packaged jars, -Xmx512m, polling on, dispatch off, the four
#    real HTTP adapters pointed at the stub; quotas: FedEx its built-in 1,400 per 10 s and 100,000 a
#    day, UPS, USPS and DHL raised to BENCH_CADENCE_QUOTA a second (default 100; DHL 5,000,000 a day);
#    BENCH_POLL_ARGS adds poller properties (e.g. --beacon.carriers.poll.batch=100);
# 3. every 10 s samples: numbers the stub answered (polls/s), the lag (now() - min(next_poll_at)
#    among due live shipments) and how many are overdue, the instance's CPU and heap (jstat), the
#    load average; writes them to $OUT/cadence-samples.tsv and prints them;
# 4. at the end: shipments recorded as polled since the start (last_polled_at), the outcomes.
# BENCH_CADENCE_KEEP=1 keeps the schedule as the last run left it (its backlog: the run then measures
# how fast the instances drain it). BENCH_JFR=1 records a JFR profile of the first instance over the whole run ($OUT/cadence.jfr).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; minutes=${2:-15}
live=${BENCH_CADENCE_LIVE:-1000000}; offset=${BENCH_CADENCE_OFFSET:-120}; quota=${BENCH_CADENCE_QUOTA:-100}
instances=${BENCH_INSTANCES:-1}
samples=$OUT/cadence-samples.tsv
sql() { psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }

if [ -z "${BENCH_CADENCE_KEEP:-}" ]; then
log "cadence: $live live shipments due within 2 hours of now + ${offset}s"
sql "set search_path = beacon;
with need as (select greatest(0, $live - (select count(*) from shipments where next_poll_at is not null
                                              and removed_at is null)) as n)
update shipments s set milestone = 'IN_TRANSIT', health = 'ON_TRACK', reason = null, delivered_at = null,
       next_poll_at = now()
where s.id in (select id from shipments where next_poll_at is null and removed_at is null
               and milestone in ('DELIVERED', 'RETURNED') order by id limit (select n from need))" >/dev/null
# (the generator leaves last_polled_at up to 3 days ahead: brought back, so it tells the polls of the run)
sql "update beacon.shipments set next_poll_at = now() + interval '$offset seconds'
       + (('x' || substr(md5(id::text), 1, 8))::bit(32)::bigint % 7200000) * interval '1 millisecond',
       last_polled_at = least(last_polled_at, now() - interval '2 hours')
     where next_poll_at is not null and removed_at is null" >/dev/null
sql "vacuum (analyze) beacon.shipments" >/dev/null
fi
read -r total due2h < <(sql "select count(*), count(*) filter (where next_poll_at <= now() + interval '2 hours' + interval '$offset seconds')
                            from beacon.shipments where next_poll_at is not null and removed_at is null")
log "live: $total, due within 2 h of the start: $due2h ($(python3 -c "print(round($due2h / 7200, 1))") polls/s needed)"

sport=$(free_port)
java "$BENCH_DIR/stub/CarrierStub.java" "$sport" "${BENCH_STUB_LATENCY:-0}" "${BENCH_STUB_NEW:-100}" >"$OUT/cadence-stub.log" 2>&1 &
echo $! >"$OUT/cadence-stub.pid"
stub=http://127.0.0.1:$sport
pids=(); ports=()
cleanup() {
  for i in $(seq 1 "$instances"); do stop_app "cadence-$i"; done
  kill "$(cat "$OUT/cadence-stub.pid")" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -fs -o /dev/null "$stub/stats" && break; sleep 1; done
carriers=()
for c in ups fedex usps dhl; do
  carriers+=(--beacon.carriers.$c.base-url="$stub" --beacon.carriers.$c.client-id=bench --beacon.carriers.$c.client-secret=bench)
done
carriers+=(--beacon.carriers.dhl.api-key=bench)
for c in ups usps dhl; do carriers+=(--beacon.carriers.$c.requests-per-period="$quota" --beacon.carriers.$c.period=1s); done
carriers+=(--beacon.carriers.dhl.requests-per-day=5000000)
jfr=()
for i in $(seq 1 "$instances"); do
  opts="-Xmx512m -XX:+UseParallelGC"
  [ "$i" = 1 ] && [ -n "${BENCH_JFR:-}" ] && opts="$opts -XX:StartFlightRecording=settings=profile,filename=$OUT/cadence.jfr"
  ports+=("$(free_port)")
  BENCH_POLL=true BENCH_NOWAIT=1 BENCH_JAVA_OPTS="$opts" start_app "$db" "${ports[-1]}" "cadence-$i" "${carriers[@]}" ${BENCH_POLL_ARGS:-}
  pids+=("$(cat "$OUT/cadence-$i.pid")")
done
for i in $(seq 1 "$instances"); do wait_app "${ports[$((i - 1))]}" "cadence-$i"; done
t0=$(sql "select now()")
log "instances started (${pids[*]}); sampling every 10 s for $minutes min"

answered() { curl -fs "$stub/stats" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ups"]+d["fedex"]+d["usps"]+d["dhl"])'; }
cpu() { local s=0 p; for p in "${pids[@]}"; do s=$(( s + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo $s; }
# heap used after the last collection is not cheap to get; used now (MB), GC time (s) and collections so far
heap() { jstat -gc "${pids[0]}" | awk 'NR==2 {printf "%.0f\t%.2f\t%d", ($3+$4+$6+$8)/1024, $19, $13+$15}'; }
# CPU of the PostgreSQL backends serving the instances (their JDBC connections), in clock ticks
pgcpu() {
  local s=0 p
  for p in $(sql "select pid from pg_stat_activity where datname = current_database() and application_name = 'PostgreSQL JDBC Driver'"); do
    [ -r "/proc/$p/stat" ] && s=$(( s + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo $s
}
tick=$(getconf CLK_TCK)
printf 'elapsed_s\tpolls_per_s\tlag_s\toverdue\tcpu_pct\tpg_cpu_pct\theap_mb\tgc_s\tgcs\tload\n' >"$samples"
n0=$(answered); c0=$(cpu); g0=$(pgcpu); s0=$(date +%s.%N); start=$s0
end=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
  sleep 10
  n1=$(answered); c1=$(cpu); g1=$(pgcpu); s1=$(date +%s.%N)
  read -r lag overdue < <(sql "select coalesce(extract(epoch from now() - min(next_poll_at)), 0)::int, count(*)
                               from beacon.shipments where next_poll_at <= now()")
  line=$(python3 -c "
dt = $s1 - $s0
print(f'{$s1 - $start:.0f}\t{($n1 - $n0) / dt:.1f}\t$lag\t$overdue\t{100 * ($c1 - $c0) / $tick / dt:.0f}\t{100 * max(0, $g1 - $g0) / $tick / dt:.0f}\t$(heap)\t$(loadavg)')")
  printf '%s\n' "$line" >>"$samples"; log "$line"
  n0=$n1; c0=$c1; g0=$g1; s0=$s1
done
read -r polled outcomes < <(sql "select coalesce(sum(n), 0), coalesce(string_agg(o || '=' || n, ',' order by n desc), '-')
  from (select last_poll_outcome o, count(*) n from beacon.shipments where last_polled_at between '$t0' and now() group by 1) x")
log "recorded as polled since the start: $polled ($outcomes)"
python3 - "$samples" "$minutes" "$due2h" "$instances" "${BENCH_STUB_LATENCY:-0}" "$polled" "$outcomes" "$(loadavg)" <<'EOF'
import json, statistics, sys
path, minutes, due2h, instances, latency, polled, outcomes, load = sys.argv[1:9]
rows = [l.rstrip("\n").split("\t") for l in open(path)][1:]
rate = [float(r[1]) for r in rows]; lag = [int(r[2]) for r in rows]; over = [int(r[3]) for r in rows]
cpu = sum(float(r[4]) for r in rows); pg = sum(float(r[5]) for r in rows)  # percent of a core, per sample
per = lambda c: round(10 * c / max(sum(rate), 0.1), 1)  # CPU ms per poll (samples are ~10 s apart)
half = len(rows) // 2
need = int(due2h) / 7200
steady = statistics.median(rate[half:]) if rows else 0
# holds: in the second half of the run no due shipment waited more than 2 minutes (a tick is 5 s)
holds = bool(rows) and max(lag[half:]) <= 120
out = {"rps": round(statistics.median(rate), 1) if rows else 0, "steady": round(steady, 1), "need": round(need, 1),
       "lag_max": max(lag) if rows else 0, "lag_end": lag[-1] if rows else 0, "overdue_end": over[-1] if rows else 0,
       "minutes": int(minutes), "instances": int(instances), "latency_ms": int(latency), "polled": int(polled),
       "outcomes": outcomes, "app_cpu_ms": per(cpu), "pg_cpu_ms": per(pg), "live": int(due2h), "holds": holds, "unit": "polls/s"}
print(f"1\tcadence\tbeacon\t{json.dumps(out)}\t{load}")
EOF
