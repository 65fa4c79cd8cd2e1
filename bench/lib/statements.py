"""Counts the statements of each ingest transaction (one that inserts into tracking_events) in a
PostgreSQL server log written with log_statement=all. usage: statements.py <log> <database>"""
import collections, re, sys
log, db = sys.argv[1], sys.argv[2]
pat = re.compile(r"^\S+ \S+ UTC \[(\d+)\] \S+@" + re.escape(db) + r" LOG:  (?:execute [^:]+|statement): ?(.*)$")
open_tx, txs = {}, []
for line in open(log, errors="replace"):
    m = pat.match(line)
    if not m: continue
    pid, sql = m.group(1), m.group(2).strip()
    if sql.upper() == "BEGIN":
        open_tx[pid] = []; continue
    if pid not in open_tx: continue
    if sql.upper() in ("COMMIT", "ROLLBACK"):
        txs.append(open_tx.pop(pid)); continue
    key = re.sub(r"JDBC_SAVEPOINT_\d+", "SP", sql)
    key = re.sub(r"\s+", " ", key)[:90]
    if key.startswith("select s1_0.id"): key = "select shipment (the lock) ..."
    elif key.startswith("select o1_0.id"): key = "select order (Hibernate) ..."
    elif key.startswith("update shipments set action_required"): key = "update shipments (Hibernate) ..."
    elif key.startswith("update orders set cancel_source"): key = "update orders (Hibernate) ..."
    open_tx[pid].append(key)
ing = [t for t in txs if any(s.startswith("insert into tracking_events") for s in t)]
n = len(ing)
c = collections.Counter(s for t in ing for s in t)
print(f"{n} ingest transactions; statements per transaction (BEGIN/COMMIT not counted): {sum(len(t) for t in ing)/max(n,1):.2f}")
for k, v in c.most_common(40): print(f"  {v/max(n,1):6.2f}  {k}")
