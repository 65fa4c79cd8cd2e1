#!/usr/bin/env bash
# Profiles one HTTP scenario with JFR: starts the jar with a recording, drives it with wrk,
# and prints the hottest frames (top of stack) and the hottest Beacon frames anywhere on the stack.
#   bench/profile.sh <db> <page|api|link|static> [seconds]   (after bench/run.sh made the fixtures)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; scenario=$2; secs=${3:-30}
export BENCH_LUA=$BENCH_DIR/lua BENCH_TOKENS=$OUT/tokens.tsv BENCH_KEY=bk_bench_1_0123456789abcdef BENCH_SLUG=bench-1 BENCH_LO=1
export BENCH_HI; BENCH_HI=$(psql -X -d "$db" -Atc "select hi from public.bench_stores where k = 1")
jfr=$OUT/profile-$scenario.jfr
port=$(free_port)
BENCH_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" start_app "$db" "$port" profile
trap 'stop_app profile' EXIT
case $scenario in
  page) args=(-s "$BENCH_LUA/page.lua") ;; link) args=(-s "$BENCH_LUA/page.lua"); export BENCH_MODE=link ;;
  api) args=(-s "$BENCH_LUA/api.lua") ;; static) args=() ;;
esac
url=http://127.0.0.1:$port; [ "$scenario" = static ] && url=$url/web/page.css
wrk -t2 -c8 -d10s "${args[@]}" "$url" >/dev/null 2>&1 || true   # warm-up
jcmd "$(cat "$OUT/profile.pid")" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
wrk -t2 -c8 -d"${secs}s" "${args[@]}" "$url" | grep -E "Requests/sec|RESULT" || true
jcmd "$(cat "$OUT/profile.pid")" JFR.stop name=bench >/dev/null
jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr" | python3 -c '
import collections, re, sys
top, beacon, n = collections.Counter(), collections.Counter(), 0
stack = None
for line in sys.stdin:
    if "jdk.ExecutionSample" in line:
        stack = []; n += 1
    m = re.match(r"\s+([\w$.<>]+)\(", line)
    if m and stack is not None:
        stack.append(m.group(1))
        if len(stack) == 1: top[m.group(1)] += 1
    if line.strip() == "]" and stack:
        for f in set(s for s in stack if s.startswith("dev.beacon")): beacon[f] += 1
        stack = None
print(f"{n} samples; top of stack:")
for f, c in top.most_common(15): print(f"  {100*c/max(n,1):5.1f}%  {f}")
print("Beacon frames anywhere on the stack:")
for f, c in beacon.most_common(15): print(f"  {100*c/max(n,1):5.1f}%  {f}")
'
