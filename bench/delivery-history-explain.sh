#!/bin/bash
# Times the promise module's delivery_history reads without and with a candidate index
# (store_id, delivered_at, placed_at) where delivered_at is not null, built inside a transaction that
# is rolled back. Each query runs 5 times as `copy (...) to '/dev/null'` (the whole result read on
# the server, no client cost), serially (max_parallel_workers_per_gather = 0: the app reads these
# through a paged portal, which runs without parallel workers). Prints the median, all times and
# the plan. usage: DB=<scratch db made with bench/sql/delivery-history-explain.sql> bash bench/delivery-history-explain.sh
DB=${DB:?scratch database made with bench/sql/delivery-history-explain.sql}
S0="'00000000-0000-0000-0000-000000000000'"; S7="'00000000-0000-0000-0000-000000000007'"
COLS="placed_at, shipped_at, delivered_at, promised_by, origin_region, origin_country, destination_region, destination_country, carrier, service"
declare -A Q
Q[engine_big]="select $COLS from delivery_history where store_id = $S0 and delivered_at is not null order by delivered_at, placed_at"
Q[engine_small]="select $COLS from delivery_history where store_id = $S7 and delivered_at is not null order by delivered_at, placed_at"
Q[report_big]="select $COLS from delivery_history where store_id = $S0 and delivered_at is not null and delivered_at >= now() - interval '12 months' order by delivered_at desc, placed_at desc limit 200000"
Q[report_small]="select $COLS from delivery_history where store_id = $S7 and delivered_at is not null and delivered_at >= now() - interval '12 months' order by delivered_at desc, placed_at desc limit 200000"
Q[count_big]="select count(*) from delivery_history where store_id = $S0 and delivered_at is not null"
for mode in without with; do
  for k in engine_big engine_small report_big report_small count_big; do
    pre="begin; set local max_parallel_workers_per_gather = 0;"
    [ $mode = with ] && pre="$pre create index dh_candidate on delivery_history (store_id, delivered_at, placed_at) where delivered_at is not null; analyze delivery_history;"
    sql="$pre
\\timing on
"
    for i in 1 2 3 4 5; do sql="$sql copy (${Q[$k]}) to '/dev/null';
"; done
    sql="$sql
\\timing off
explain (costs off) ${Q[$k]};
rollback;"
    out=$(echo "$sql" | psql -h 127.0.0.1 -U postgres -d "$DB" -q 2>&1)
    times=$(echo "$out" | grep -oP 'Time: \K[0-9.]+' | head -5 | sort -n | tr '\n' ' ')
    med=$(echo $times | awk '{print $3}')
    plan=$(echo "$out" | grep -E "Scan|Sort" | grep -v "Sort Key" | sed 's/^ *//;s/->  //' | cut -c1-60 | tr '\n' ';')
    echo "$mode $k median_ms=$med all=[$times] plan=$plan"
  done
done
