#!/usr/bin/env bash
# Measures the hot read paths under load with wrk: the order status API (one indexed lookup per
# request) and, when present, the tracking page. Start Beacon first, e.g.
#   bin/demo --beacon.demo.api-key=bk_bench_key_0123456789abcdef --beacon.demo.traffic-interval=PT0S
# then: bench/run-lookups.sh [orders-to-seed]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
key=${BEACON_KEY:-bk_bench_key_0123456789abcdef}
base=${BEACON_URL:-http://localhost:8080}
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk"; exit 1; }

for _ in $(seq 1 60); do
  [ "$(runuser -u postgres -- psql -tAqc "select count(*) from beacon.stores where slug = 'demo'" 2>/dev/null)" = 1 ] && break
  sleep 2
done
have=$(runuser -u postgres -- psql -tAqc "select count(*) from beacon.orders where order_number like 'B-%'")
if [ "$have" -lt "$n" ]; then
  echo "seeding $n orders ..."
  runuser -u postgres -- psql -q -v n="$n" -v slug=demo -f bench/seed.sql
fi

cat > /tmp/beacon-lookup.lua <<LUA
math.randomseed(42)
request = function()
  local path = "/api/v1/orders/B-" .. math.random(1, $n)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer $key" })
end
LUA
echo "== GET /api/v1/orders/{n} (random among $n orders), 4 connections, 2 threads, 30 s"
wrk -t2 -c4 -d30s --latency -s /tmp/beacon-lookup.lua "$base"
