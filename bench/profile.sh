#!/usr/bin/env bash
# Profiles one HTTP scenario: starts the jar with a JFR recording, drives it with wrk, and prints
# what one request costs, independent of how busy the machine is (CPU time of the process, bytes
# allocated, PostgreSQL transactions, per request), the hottest frames (top of stack) and the
# hottest Beacon frames anywhere on the stack.
#   bench/profile.sh <db> <page|api|link|static|create|shipment|webhook> [seconds] [connections]
#     (after bench/run.sh or bench/load.sh made the database; writes $OUT/tokens.tsv when absent)
# BENCH_STATEMENTS=1 instead counts the SQL statements of 20 sequential requests (log_statement
# is switched on for the database while the instance runs, so CPU numbers of that run mean nothing).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; scenario=$2; secs=${3:-30}; conns=${4:-2}
export BENCH_LUA=$BENCH_DIR/lua BENCH_TOKENS=$OUT/tokens.tsv BENCH_KEY=bk_bench_1_0123456789abcdef BENCH_SLUG=bench-1 BENCH_LO=1
export BENCH_HI; BENCH_HI=$(psql -X -d "$db" -Atc "select hi from public.bench_stores where k = 1")
[ -s "$BENCH_TOKENS" ] || psql -X -q -At -F $'\t' -d "$db" -v k=1 -v sample=20000 -v secret="$LINK_SECRET" \
  -f "$BENCH_DIR/sql/tokens.sql" >"$BENCH_TOKENS"
jfr=$OUT/profile-$scenario.jfr
port=${BENCH_PORT:-$(free_port)}
export BENCH_TAG=p$(date +%s) BENCH_THREADS=2
case $scenario in
  page) args=(-s "$BENCH_LUA/page.lua") ;; link) args=(-s "$BENCH_LUA/page.lua"); export BENCH_MODE=link ;;
  api) args=(-s "$BENCH_LUA/api.lua") ;; static) args=() ;;
  create) args=(-s "$BENCH_LUA/create.lua") ;; shipment) args=(-s "$BENCH_LUA/shipment.lua") ;;
  webhook) args=(-s "$BENCH_LUA/webhook.lua"); export BENCH_BODIES=$OUT/bodies-$BENCH_TAG.tsv   # one body per request, fresh ids
    psql -X -q -At -F $'\t' -d "$db" -v k=1 -v count=50000 -v tag="$BENCH_TAG" -f "$BENCH_DIR/sql/easypost-bodies.sql" >"$BENCH_BODIES" ;;
  *) echo "scenario: page|api|link|static|create|shipment|webhook"; exit 2 ;;
esac
url=http://127.0.0.1:$port
if [ "$scenario" = static ]; then
  BENCH_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" start_app "$db" "$port" profile
  css=$(curl -fs "$url/t/bench-1/orders/BO-1" | grep -o '/web/page.css[^"]*' | head -1); stop_app profile
  url=$url$css
fi

if [ -n "${BENCH_STATEMENTS:-}" ]; then
  psqlq -d "$db" -c "alter database $db set log_statement = 'all'"
  trap 'psqlq -d "$db" -c "alter database $db reset log_statement"; stop_app profile' EXIT
  BENCH_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" start_app "$db" "$port" profile
  wrk -t1 -c1 -d3s "${args[@]}" "$url" >/dev/null 2>&1 || true # warm-up (pool filled)
  pglog=/var/log/postgresql/postgresql-15-main.log; before=$(wc -l <"$pglog")
  wrk -t1 -c1 -d2s "${args[@]}" "$url" >"$OUT/profile-statements.txt" 2>&1 || true
  sleep 1
  n=$(grep -oP '"requests":\K\d+' "$OUT/profile-statements.txt" || awk '/requests in/ {print $1}' "$OUT/profile-statements.txt")
  tail -n +"$((before + 1))" "$pglog" | grep "@$db " | grep -E 'LOG:  (statement|execute)' \
    | sed -E 's/.*LOG:  (statement|execute [^:]*): //' >"$OUT/profile-statements.sql" || true
  total=$(wc -l <"$OUT/profile-statements.sql")
  echo "$n requests, $total statements: $(python3 -c "print(round($total / max($n, 1), 2))") statements per request"
  sort "$OUT/profile-statements.sql" | sed -E "s/'[^']*'/?/g; s/\\$[0-9]+/?/g" | cut -c1-140 | sort | uniq -c | sort -rn | head -20
  exit 0
fi

BENCH_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" start_app "$db" "$port" profile
trap 'stop_app profile' EXIT
pid=$(cat "$OUT/profile.pid")
wrk -t2 -c8 -d10s "${args[@]}" "$url" >/dev/null 2>&1 || true   # warm-up
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }              # utime + stime, clock ticks
xacts() { psql -X -d "$db" -Atc "select xact_commit + xact_rollback from pg_stat_database where datname = current_database()"; }
jcmd "$pid" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
c0=$(cpu); x0=$(xacts)
out=$(wrk -t"$(( conns < 2 ? conns : 2 ))" -c"$conns" -d"${secs}s" "${args[@]}" "$url" 2>&1 || true)
c1=$(cpu); x1=$(xacts)
jcmd "$pid" JFR.stop name=bench >/dev/null
n=$(grep -oP '"requests":\K\d+' <<<"$out" || awk '/requests in/ {print $1}' <<<"$out")
grep -E "Requests/sec|RESULT" <<<"$out" || true
tick=$(getconf CLK_TCK)
python3 - "$n" "$c0" "$c1" "$x0" "$x1" "$tick" "$(loadavg)" <<'EOF'
import sys
n, c0, c1, x0, x1, tick = (int(a) for a in sys.argv[1:7])
print(f"{n} requests at load {sys.argv[7]}: {1000 * (c1 - c0) / tick / max(n, 1):.2f} CPU ms per request (process), "
      f"{(x1 - x0 - 1) / max(n, 1):.2f} PostgreSQL transactions per request")
EOF
jfr print --json --events jdk.ThreadAllocationStatistics "$jfr" | python3 -c '
import json, sys
events = json.load(sys.stdin)["recording"]["events"]
first, last = {}, {}
for e in events:
    t = e["values"]["thread"]; key = t["javaThreadId"] if t else None; name = t["javaName"] if t else ""
    if not name.startswith("http-nio"): continue
    first.setdefault(key, e["values"]["allocated"]); last[key] = e["values"]["allocated"]
total = sum(last[k] - first[k] for k in last)
n = int(sys.argv[1])
print(f"{total / max(n, 1) / 1024:.1f} KB allocated per request by the request threads")
' "$n"
jfr print --stack-depth 96 --events jdk.ExecutionSample "$jfr" | python3 "$BENCH_DIR/lib/frames.py" "${BENCH_FRAMES:-15}"
