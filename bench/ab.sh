#!/usr/bin/env bash
# Compares two jars on one HTTP scenario on a shared machine: both instances run at once on the
# same database, are warmed up, then driven in alternating rounds of the same wrk run; each round
# prints the requests, the process CPU ms per request (utime + stime from /proc over the round)
# and the load average, so both sides of a pair see the same machine load.
#   bench/ab.sh <db> <jar-a> <jar-b> [page|api|link|static] [rounds] [seconds] [connections]
# BENCH_PORT_A / BENCH_PORT_B choose the ports (default: free ones).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; jar_a=$2; jar_b=$3; scenario=${4:-page}; rounds=${5:-3}; secs=${6:-20}; conns=${7:-2}
export BENCH_LUA=$BENCH_DIR/lua BENCH_TOKENS=$OUT/tokens.tsv BENCH_KEY=bk_bench_1_0123456789abcdef BENCH_SLUG=bench-1 BENCH_LO=1
export BENCH_HI; BENCH_HI=$(psql -X -d "$db" -Atc "select hi from public.bench_stores where k = 1")
[ -s "$BENCH_TOKENS" ] || psql -X -q -At -F $'\t' -d "$db" -v k=1 -v sample=20000 -v secret="$LINK_SECRET" \
  -f "$BENCH_DIR/sql/tokens.sql" >"$BENCH_TOKENS"
export BENCH_THREADS=2
case $scenario in
  page) args=(-s "$BENCH_LUA/page.lua") ;; link) args=(-s "$BENCH_LUA/page.lua"); export BENCH_MODE=link ;;
  api) args=(-s "$BENCH_LUA/api.lua") ;; static) args=() ;;
  *) echo "scenario: page|api|link|static"; exit 2 ;;
esac
port_a=${BENCH_PORT_A:-$(free_port)}; port_b=${BENCH_PORT_B:-$(free_port)}
JAR=$jar_a BENCH_NOWAIT=1 start_app "$db" "$port_a" ab-a
JAR=$jar_b BENCH_NOWAIT=1 start_app "$db" "$port_b" ab-b
trap 'stop_app ab-a; stop_app ab-b' EXIT
wait_app "$port_a" ab-a; wait_app "$port_b" ab-b
path=""
if [ "$scenario" = static ]; then
  path=$(curl -fs "http://127.0.0.1:$port_a/t/bench-1/orders/BO-1" | grep -o '/web/page.css[^"]*' | head -1)
fi
for side in a b; do # warm-up: the JIT compiles the hot path of each instance
  port=port_$side; wrk -t2 -c8 -d"${BENCH_WARMUP:-20}s" "${args[@]}" "http://127.0.0.1:${!port}$path" >/dev/null 2>&1 || true
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tick=$(getconf CLK_TCK)
for r in $(seq 1 "$rounds"); do
  for side in a b; do
    port=port_$side; pid=$(cat "$OUT/ab-$side.pid")
    c0=$(cpu "$pid")
    out=$(wrk -t"$(( conns < 2 ? conns : 2 ))" -c"$conns" -d"${secs}s" "${args[@]}" "http://127.0.0.1:${!port}$path" 2>&1 || true)
    c1=$(cpu "$pid")
    n=$(grep -oP '"requests":\K\d+' <<<"$out" || awk '/requests in/ {print $1}' <<<"$out")
    rps=$(grep -oP '"rps":\K[\d.]+' <<<"$out" || awk '/Requests\/sec/ {print $2}' <<<"$out")
    p99=$(grep -oP '"p99":\K[\d.]+' <<<"$out" || echo "-")
    python3 -c "import sys; n=int(sys.argv[2]); print(f'round {sys.argv[1]} {sys.argv[3]}: {n} requests, {sys.argv[4]} req/s, p99 {sys.argv[5]} ms, ' f'{1000 * (int(sys.argv[7]) - int(sys.argv[6])) / int(sys.argv[8]) / max(n, 1):.2f} CPU ms per request, load {sys.argv[9]}')" \
      "$r" "$n" "$side" "$rps" "$p99" "$c0" "$c1" "$tick" "$(loadavg)"
  done
done
