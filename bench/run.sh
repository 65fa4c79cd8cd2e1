#!/usr/bin/env bash
# Beacon benchmark harness: one command, writes the tables of docs/performance.md.
#   bench/run.sh [--scale small|full] [--rounds N] [--duration SECONDS] [--connections N]
#                [--no-load] [--no-http] [--no-scaleout] [--no-inprocess] [--no-docs] [--cadence MINUTES]
# --no-http keeps the HTTP and history rows of the last run and redoes the rest.
# --cadence MINUTES also runs bench/cadence.sh (1M live shipments on a 2-hour cadence, polling
# through a carrier stub) for that long, last: it CHANGES the data set (revives and reschedules
# shipments), so run it on a copy or reload afterwards.
# small: 20,000 orders, 1 round of 5 s per side (proves the harness end to end, numbers mean little);
# full:  1,000,000 orders (1.5M shipments, 15M scans, 500k messages), 3 alternating rounds of 30 s.
# Needs: Java 17, PostgreSQL on 127.0.0.1:5432 (user postgres, trust); installs wrk, nginx-light and
# postgresql-contrib (pgbench) from Debian when absent; builds the jar when absent.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
scale=small; rounds=; duration=; conns=8; load=1; http=1; scaleout=1; inprocess=1; docs=1; cadence=0
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift ;; --rounds) rounds=$2; shift ;; --duration) duration=$2; shift ;;
    --connections) conns=$2; shift ;; --no-load) load=0 ;; --no-http) http=0 ;; --no-scaleout) scaleout=0 ;;
    --no-inprocess) inprocess=0 ;; --no-docs) docs=0 ;; --cadence) cadence=$2; shift ;;
    *) echo "unknown option $1"; exit 2 ;;
  esac; shift
done
case $scale in
  small) orders=20000; rounds=${rounds:-1}; duration=${duration:-5}; bodies=20000; history=20000 ;;
  full) orders=1000000; rounds=${rounds:-3}; duration=${duration:-30}; bodies=400000; history=200000 ;;
  *) echo "--scale small|full"; exit 2 ;;
esac
DB=${BENCH_DB:-beacon_bench_$scale}
export BENCH_LUA=$BENCH_DIR/lua
RESULTS=$OUT/results-$scale.tsv
need_packages
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package)
if [ $load = 1 ] || ! psql -X -d "$DB" -Atc "select 1 from public.bench_stores limit 1" >/dev/null 2>&1; then
  "$BENCH_DIR/load.sh" "$DB" "$orders"
fi
read -r n1 < <(psql -X -d "$DB" -Atc "select hi from public.bench_stores where k = 1")
tag=$(date +%s)
log "fixtures: grant cookies and signed links, signed EasyPost deliveries, history CSV"
psql -X -q -At -F $'\t' -d "$DB" -v k=1 -v sample=20000 -v secret="$LINK_SECRET" -f "$BENCH_DIR/sql/tokens.sql" >"$OUT/tokens.tsv"
psql -X -q -At -F $'\t' -d "$DB" -v k=1 -v count="$bodies" -v tag="$tag" -f "$BENCH_DIR/sql/easypost-bodies.sql" >"$OUT/bodies.tsv"
psql -X -q -d "$DB" -v rows="$history" -v tag="$tag" -f "$BENCH_DIR/sql/history-csv.sql" >"$OUT/history.csv"

if [ $http = 1 ]; then
port=$(free_port)
start_app "$DB" "$port" bench-app
trap 'stop_app bench-app; [ -f "$OUT/nginx-static.pid" ] && kill "$(cat "$OUT/nginx-static.pid")" 2>/dev/null; true' EXIT
URL=http://127.0.0.1:$port
css=$(curl -fs "$URL/t/bench-1/orders/BO-1" | grep -o '/web/page.css[^"]*' | head -1)
# a bare server for the static ceiling: nginx serving the same stylesheet bytes
sport=$(free_port); mkdir -p "$OUT/static/web"; curl -fs "$URL$css" -o "$OUT/static/web/page.css"
sed -e "s#@PORT@#$sport#" -e "s#@ROOT@#$OUT/static#" -e "s#@OUT@#$OUT#g" "$BENCH_DIR/nginx/static.conf" >"$OUT/nginx-static.conf"
nginx -c "$OUT/nginx-static.conf" -p "$OUT" && sleep 0.5

env_common() { export BENCH_TOKENS=$OUT/tokens.tsv BENCH_BODIES=$OUT/bodies.tsv BENCH_KEY=bk_bench_1_0123456789abcdef \
  BENCH_LO=1 BENCH_HI=$n1 BENCH_SLUG=bench-1 BENCH_THREADS=2; }
env_common
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$(loadavg)" >>"$RESULTS"; }
# wrk_side <round> <scenario> <side> <connections> <url> [lua] [env...]
wrk_side() {
  local r=$1 sc=$2 side=$3 c=$4 url=$5 lua=${6:-}; shift 6 || shift $#
  local t=$(( c < 2 ? c : 2 ))
  local out; out=$(env "$@" BENCH_TAG="$tag$r$sc" wrk -t$t -c"$c" -d"${duration}s" --latency ${lua:+-s "$BENCH_LUA/$lua"} "$url" 2>&1) || true
  local res; res=$(grep "^RESULT " <<<"$out" | sed "s/^RESULT //" || true)
  if [ -z "$res" ]; then # wrk without a script: parse its own summary
    local rps p50 p99; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    local bad; bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); p99=${p99:-}
    res="{\"rps\":${rps:-0},\"p50\":\"$p50\",\"p99\":\"$p99\",\"non2xx\":${bad:-0}}"
  fi
  row "$r" "$sc" "$side" "$res"; log "round $r $sc $side c=$c: $res"
}
# pgb_side <round> <scenario> <side> <clients> <script> [pgbench args...]
pgb_side() {
  local r=$1 sc=$2 side=$3 c=$4 script=$5; shift 5
  local out; out=$(pgbench -n -M prepared -c "$c" -j $(( c < 2 ? c : 2 )) -T "$duration" -D n1="$n1" "$@" -f "$BENCH_DIR/pgbench/$script" "$DB" 2>&1) || true
  local tps lat; tps=$(awk '/^tps = / {print $3}' <<<"$out"); lat=$(awk '/^latency average/ {print $4}' <<<"$out")
  local res="{\"rps\":${tps:-0},\"avg\":${lat:-0}}"
  row "$r" "$sc" "$side" "$res"; log "round $r $sc $side c=$c: $res"
}
pair() { # pair <round> <first-fn...> -- <second-fn...>: alternates which side runs first
  local r=$1; shift; local a=() b=(); while [ "$1" != -- ]; do a+=("$1"); shift; done; shift; b=("$@")
  if [ $(( r % 2 )) = 1 ]; then "${a[@]}"; "${b[@]}"; else "${b[@]}"; "${a[@]}"; fi
}

# warm-up: every scenario's own code paths, long enough for the JIT (on 2 shared cores the
# stylesheet went from ~2,000 req/s in its first 15 s to ~7,800 in the next 15 s); BENCH_WARMUP=s
warm=${BENCH_WARMUP:-45}
log "warm-up: ${warm}s per scenario"
for w in "page.lua" "page.lua BENCH_MODE=link" "api.lua" "create.lua" "shipment.lua"; do  # not the webhook: its bodies are sent once
  set -- $w; lua=$1; shift
  env "$@" BENCH_TAG="${tag}w" wrk -t2 -c4 -d"${warm}s" -s "$BENCH_LUA/$lua" "$URL" >/dev/null 2>&1 || true
done
wrk -t2 -c4 -d"${warm}s" "$URL$css" >/dev/null 2>&1 || true
: >"$RESULTS"
printf 'meta\tscale=%s orders=%s rounds=%s duration=%ss connections=%s nproc=%s date=%s\t\t\t%s\n' "$scale" "$orders" "$rounds" \
  "$duration" "$conns" "$(nproc)" "$(date -u +%FT%TZ)" "$(loadavg)" >>"$RESULTS"
for r in $(seq 1 "$rounds"); do
  pair "$r" wrk_side "$r" page beacon "$conns" "$URL" page.lua -- pgb_side "$r" page twin "$conns" page.sql
  pair "$r" wrk_side "$r" page-c2 beacon 2 "$URL" page.lua -- pgb_side "$r" page-c2 twin 2 page.sql
  # the page's latency at half the maximum throughput this round measured
  half=$(awk -F'\t' -v r="$r" '$1==r && $2=="page" && $3=="beacon"' "$RESULTS" | tail -1 | python3 -c "import json,sys; print(max(1, round(json.loads(sys.stdin.read().split('\t')[3])['rps'] / 2)))" 2>/dev/null || echo 100)
  wrk_side "$r" page-half beacon "$conns" "$URL" page.lua BENCH_RATE="$half" BENCH_CONNS="$conns"
  wrk_side "$r" link beacon "$conns" "$URL" page.lua BENCH_MODE=link
  pair "$r" wrk_side "$r" api beacon "$conns" "$URL" api.lua -- pgb_side "$r" api twin "$conns" api.sql
  pair "$r" wrk_side "$r" static beacon "$conns" "$URL$css" "" -- wrk_side "$r" static twin "$conns" "http://127.0.0.1:$sport$css" ""
  pair "$r" wrk_side "$r" create beacon "$conns" "$URL" create.lua -- pgb_side "$r" create twin "$conns" create.sql
  wrk_side "$r" shipment beacon "$conns" "$URL" shipment.lua
  # each round starts at its own share of the body file, so no round re-sends an earlier one's events
  pair "$r" wrk_side "$r" webhook beacon "$conns" "$URL" webhook.lua BENCH_OFFSET=$(( (r - 1) * bodies / rounds )) -- pgb_side "$r" webhook twin "$conns" ingest.sql -D batch=1
done
# history import through the API (the same code as the CLI), against a bare COPY of the file
for r in $(seq 1 "$rounds"); do
  t0=$(date +%s.%N)
  loc=$(curl -fs -D - -o /dev/null -X POST "$URL/api/v1/imports/shipments" -H "Authorization: Bearer bk_bench_2_0123456789abcdef" \
        -H 'Content-Type: text/csv' --data-binary @"$OUT/history.csv" | awk -F': ' 'tolower($1)=="location" {print $2}' | tr -d '\r' || true)
  st=""; for _ in $(seq 1 3600); do
    st=$(curl -fs "$URL$loc" -H "Authorization: Bearer bk_bench_2_0123456789abcdef" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' 2>/dev/null || echo "?")
    [ "$st" = RUNNING ] || [ "$st" = "?" ] && sleep 0.2 || break
  done
  secs=$(python3 -c "import time; print(round(time.time() - $t0, 2))")
  row "$r" history beacon "{\"rps\":$(python3 -c "print(round($history / $secs * 60))"),\"seconds\":$secs,\"status\":\"$st\",\"unit\":\"rows/min\"}"
  t0=$(date +%s.%N)
  psql -X -q -d "$DB" -c "create temporary table h (order_number text, placed_at timestamptz, shipped_at timestamptz, delivered_at timestamptz, promised_by date, origin_region text, origin_country text, destination_region text, destination_postal_code text, destination_country text, carrier text, service text, status text)" -c "\\copy h from '$OUT/history.csv' with (format csv, header)" || log "COPY of the history file failed"
  secs=$(python3 -c "import time; print(round(time.time() - $t0, 2))")
  row "$r" history twin "{\"rps\":$(python3 -c "print(round($history / $secs * 60))"),\"seconds\":$secs,\"unit\":\"rows/min\"}"
  # the next round re-imports changed rows: new order numbers
  sed -i "s/^HI-\([0-9]*\)-/HI-\1r$r-/" "$OUT/history.csv"
done
stop_app bench-app
else
  grep -v -P "^\d+\t(ingest|claim|poll|dispatch|scaleout|check|cadence)" "$RESULTS" >"$RESULTS.keep" || true; mv "$RESULTS.keep" "$RESULTS"
fi
[ $inprocess = 1 ] && "$BENCH_DIR/inprocess.sh" "$DB" "$scale" "$rounds" "$duration" >>"$RESULTS"
[ $scaleout = 1 ] && "$BENCH_DIR/scaleout.sh" "$DB" "$scale" >>"$RESULTS"
[ "$cadence" != 0 ] && "$BENCH_DIR/cadence.sh" "$DB" "$cadence" >>"$RESULTS"
[ $docs = 1 ] && python3 "$BENCH_DIR/report.py" "$RESULTS" "$ROOT/docs/performance.md"
log "results in $RESULTS"
