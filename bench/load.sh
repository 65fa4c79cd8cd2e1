#!/usr/bin/env bash
# Creates and fills a bench database: bench/load.sh <db> <orders> [scans-per-shipment]
# The schema comes from the packaged app's own Flyway migrations (the jar is started once
# against the empty database), then the data is generated inside PostgreSQL in chunks
# (generate_series, deterministic ids) with a progress bar. 1,000,000 orders give 1,500,000
# shipments, 15,000,000 scans (10 a shipment) and 500,000 messages.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
db=$1; orders=$2; scans=${3:-10}
chunk=${BENCH_CHUNK:-50000}
log "database $db: drop, create, migrate with the packaged app"
psqlq -d postgres -c "set client_min_messages = warning" -c "drop database if exists $db with (force)" -c "create database $db"
port=$(free_port)
start_app "$db" "$port" "migrate-$db"
stop_app "migrate-$db"
psqlq -d "$db" -v orders="$orders" -f "$BENCH_DIR/sql/fixtures.sql"
t0=$(date +%s); lo=1
bar 0 "$orders" orders "$t0"
while [ "$lo" -le "$orders" ]; do
  hi=$(( lo + chunk - 1 )); [ "$hi" -gt "$orders" ] && hi=$orders
  psqlq -d "$db" -v lo="$lo" -v hi="$hi" -v scans="$scans" -f "$BENCH_DIR/sql/generate-chunk.sql"
  bar "$hi" "$orders" orders "$t0"
  lo=$(( hi + 1 ))
done
echo >&2
log "vacuum analyze"
psqlq -d "$db" -c "vacuum (analyze) beacon.orders, beacon.order_items, beacon.shipments, beacon.tracking_events, beacon.notify_messages"
psqlq -d "$db" -At -c "select 'loaded in $(( $(date +%s) - t0 )) s: ' || (select count(*) from beacon.orders) || ' orders, ' || (select count(*) from beacon.shipments) || ' shipments, ' || (select count(*) from beacon.tracking_events) || ' scans, ' || (select count(*) from beacon.notify_messages) || ' messages, ' || pg_size_pretty(pg_database_size('$db'))" | tee "$OUT/load-$db.txt" >&2
