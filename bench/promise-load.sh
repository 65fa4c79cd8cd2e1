#!/usr/bin/env bash
# Times the promise model's load of a store with 1.2M delivered rows (bench/sql/promise-history.sql)
# on a small heap: starts the jar (-Xmx512m -XX:+UseParallelGC unless BENCH_JAVA_OPTS, GC log in
# $OUT/<name>.gc.log), makes a new store through the operator API and loads its rows, then times
# the store's first GET /api/v1/promise (which loads the model) and prints the JVM's CPU time and
# the GC pauses and heap after GC during it.
#   bench/promise-load.sh <db> <name> [timeout s]   (a migrated database; BEACON_JAR, BENCH_PORT)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; name=$2; max=${3:-900}; port=$(free_port)
key=promise-load-operator-key-0123456789abcdef
rm -f "$OUT/$name.gc.log"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -Xlog:gc:file=$OUT/$name.gc.log:uptime,level,tags" \
  start_app "$db" "$port" "$name" --beacon.operator.api-key="$key"
trap 'kill -9 "$(cat "$OUT/$name.pid")" 2>/dev/null || true' EXIT
store=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/stores" -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' -d "{\"name\":\"Promise load\",\"slug\":\"promise-load-$(date +%s)\",\"timeZone\":\"UTC\"}")
id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$store")
api=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["apiKey"])' "$store")
log "loading 1.2M delivered rows for store $id"
PGOPTIONS="-c search_path=beacon" psqlq -d "$db" -v store="$id" -f "$BENCH_DIR/sql/promise-history.sql" >/dev/null
pid=$(cat "$OUT/$name.pid"); cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep 5
before=$(wc -l <"$OUT/$name.gc.log"); cpu0=$(cpu); start=$(date +%s.%N)
code=$(curl -s -m "$max" -o "$OUT/$name.body" -w '%{http_code}' -H "Authorization: Bearer $api" \
  "http://127.0.0.1:$port/api/v1/promise?originRegion=NY&originCountry=US&destinationRegion=CA&destinationCountry=US&carrier=ups&service=ground") || true
end=$(date +%s.%N); cpu1=$(cpu); sleep 1
python3 -c "print('$name: HTTP $code in %.1f s, JVM CPU %.1f s' % ($end - $start, ($cpu1 - $cpu0) / $(getconf CLK_TCK)))"
tail -n +"$((before + 1))" "$OUT/$name.gc.log" | python3 -c '
import re, sys
pauses, after, full = [], [], 0
for l in sys.stdin:
    m = re.search(r"Pause (\w+).* (\d+)M->(\d+)M\((\d+)M\) ([\d.]+)ms", l)
    if m:
        pauses.append(float(m.group(5))); after.append(int(m.group(3))); full += m.group(1) == "Full"
print("GC during the load: %d pauses (%d full), %.0f ms in all, peak heap after GC %d MB"
      % (len(pauses), full, sum(pauses), max(after, default=0)))'
