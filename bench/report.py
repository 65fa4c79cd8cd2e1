"""Writes the result tables of a bench run into docs/performance.md, between the markers
<!-- bench:begin --> and <!-- bench:end -->. Usage: report.py <results.tsv> <performance.md>
Every ratio is computed from the two sides of the same run (median over rounds)."""
import json
import re
import statistics
import sys
from collections import defaultdict

results, doc = sys.argv[1], sys.argv[2]
rows = defaultdict(list)
meta, loads, checks = "", [], []
for line in open(results):
    parts = line.rstrip("\n").split("\t")
    if parts[0] == "meta":
        meta = parts[1]
        continue
    if len(parts) < 4:
        continue
    r, scenario, side, payload = parts[:4]
    load = parts[4] if len(parts) > 4 else ""
    if load:
        loads.append(float(load.split()[0]))
    try:
        data = json.loads(payload)
    except ValueError:
        continue
    if scenario == "check":
        checks.append((side, data.get("value"), data.get("ok")))
    else:
        rows[(scenario, side)].append(data)


def med(scenario, side, key="rps"):
    vals = [float(d[key]) for d in rows.get((scenario, side), []) if key in d and str(d[key]) not in ("", "None")]
    return statistics.median(vals) if vals else None


def fmt(v, digits=None):
    if v is None:
        return "-"
    if digits is None:
        digits = 1 if abs(v) < 100 else 0
    return f"{v:,.{digits}f}"


def ratio(a, b):
    if not a or not b:
        return "-"
    r = a / b
    return f"{r:.2f}x" if r >= 0.1 else f"{r:.3f}x"


def ms(v):
    if v is None:
        return "-"
    if isinstance(v, str):
        m = re.match(r"([\d.]+)(us|ms|s)", v)
        if not m:
            return v
        n = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
        return f"{n:.1f} ms"
    return f"{v:.1f} ms"


def p(scenario, key):
    vals = [d.get(key) for d in rows.get((scenario, "beacon"), []) if d.get(key) is not None]
    if not vals:
        return None
    if isinstance(vals[0], str):
        return vals[len(vals) // 2]
    return statistics.median(float(v) for v in vals)


out = []
out.append(f"Run: {meta}. Load average (1 min) during the run: "
           f"{min(loads):.2f} to {max(loads):.2f}." if loads else f"Run: {meta}.")
out.append("")
out.append("| Scenario | Beacon | p50 | p99 | Physical-limit twin (same run) | Twin | Ratio | Target |")
out.append("|---|---|---|---|---|---|---|---|")
http = [
    ("page", "Tracking page, proven order (grant cookie), req/s", "pgbench -M prepared, the page's 2 statements in autocommit (store kept 5 s)", "page", "≥ 0.50x"),
    ("page", "Tracking page vs the static ceiling", "bare nginx serving the page's stylesheet", "static", "≥ 0.35x"),
    ("page-c2", "Tracking page at 2 connections", "pgbench, same script, 2 clients", "page-c2", "p99 ≤ 25 ms"),
    ("page-half", "Tracking page at half its maximum throughput (paced, 8 connections), req/s", "-", None, "p99 reported"),
    ("link", "Signed link (303 + grant cookie), req/s", "pgbench page script", "page", "-"),
    ("api", "Status API GET /api/v1/orders/{n}, req/s", "pgbench -M prepared, the API's 2 statements in autocommit (key kept 5 s)", "api", "≥ 0.75x"),
    ("static", "Stylesheet from Beacon, req/s", "bare nginx, same file", "static", "-"),
    ("create", "Order creation POST /api/v1/orders, req/s", "pgbench: order + item insert", "create", "-"),
    ("shipment", "Shipment registration POST .../shipments, req/s", "-", None, "-"),
    ("webhook", "EasyPost webhook (signed, 1 new scan), req/s", "pgbench: 1-row INSERT ... ON CONFLICT", "webhook", "-"),
]
for sc, label, twin_label, twin_sc, target in http:
    a = med(sc, "beacon")
    b = med(twin_sc, "twin") if twin_sc else None
    lat = (ms(p(sc, "p50")), ms(p(sc, "p99"))) if twin_sc != "static" or sc == "static" else ("", "")
    out.append(f"| {label} | {fmt(a)} | {lat[0]} | {lat[1]} | {twin_label} | {fmt(b)} | {ratio(a, b)} | {target} |")
out.append("")
out.append("| In process | Beacon | Physical-limit twin (same run) | Twin | Ratio | Target |")
out.append("|---|---|---|---|---|---|")
inproc = [
    ("ingest", "Scan ingest (ShipmentManagement.ingest, 10 scans a call), scans/s", "multi-row INSERT ... ON CONFLICT DO NOTHING, 10 rows", "≥ 0.30x"),
    ("claim", "Poll claiming (PollQueue.claimDue, batch 50), shipments/s", "bare UPDATE ... FOR UPDATE SKIP LOCKED, batch 50", "≥ 0.50x"),
    ("poll", "Poll cycle (CarrierPoller.pollOnce, carriers unconfigured), shipments/s", "bare claim, batch 50", "-"),
    ("dispatch", "Message dispatch (Dispatcher, instant provider), messages/s", "the claim as MessageClaims issues it, then SENT, batch 20", "≥ 0.50x"),
    ("history", "History import (API, CSV), rows/min", "COPY of the same file into a staging table", "≥ 100,000 rows/min"),
]
for sc, label, twin_label, target in inproc:
    a, b = med(sc, "beacon"), med(sc, "twin")
    out.append(f"| {label} | {fmt(a)} | {twin_label} | {fmt(b)} | {ratio(a, b)} | {target} |")
cadence = rows.get(("cadence", "beacon"), [])
if cadence:
    out.append("")
    out.append("| Poll cadence (bench/cadence.sh) | Live, due within 2 h | Needed polls/s | Polls/s (median, second half) "
               "| Lag at the end | Overdue at the end | CPU ms a poll (instance / PostgreSQL) | Holds |")
    out.append("|---|---|---|---|---|---|---|---|")
    for c in cadence:
        out.append(f"| {c.get('instances')} instance(s), {c.get('minutes')} min, carrier stub {c.get('latency_ms')} ms "
                   f"| {fmt(c.get('live'))} | {fmt(c.get('need'))} | {fmt(c.get('rps'))} ({fmt(c.get('steady'))}) "
                   f"| {c.get('lag_end')} s | {fmt(c.get('overdue_end'))} | {c.get('app_cpu_ms', '-')} / {c.get('pg_cpu_ms', '-')} "
                   f"| {'yes' if c.get('holds') else 'NO'} |")
scale = sorted({s for (s, _) in rows if s.startswith("scaleout-page-x")})
if scale:
    out.append("")
    out.append("| Instances behind nginx | Tracking page req/s | Status API req/s |")
    out.append("|---|---|---|")
    for s in scale:
        n = s.rsplit("x", 1)[1]
        out.append(f"| {n} | {fmt(med(s, 'beacon'))} | {fmt(med('scaleout-api-x' + n, 'beacon'))} |")
if checks:
    w = rows.get(("scaleout-webhook-kill9", "beacon"), [{}])[0]
    out.append("")
    out.append(f"Correctness with 3 instances polling and dispatching while signed webhooks stream in through nginx "
               f"and one instance is killed with -9 mid-run ({fmt(w.get('rps'))} webhook req/s, "
               f"{w.get('non2xx', '-')} non-2xx, {w.get('socket_errors', '-')} socket errors during the kill):")
    out.append("")
    out.append("| Check | Value | Holds |")
    out.append("|---|---|---|")
    for name, value, ok in checks:
        out.append(f"| {name} | {value} | {'yes' if ok == 't' else 'NO'} |")

text = open(doc).read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
block = begin + "\n" + "\n".join(out) + "\n" + end
if begin in text:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S)
else:
    text += "\n" + block + "\n"
open(doc, "w").write(text)
print("\n".join(out))
