"""Reads `jfr print --events jdk.ExecutionSample` on stdin; prints the hottest frames at the top of
the stack, the hottest frames anywhere on the stack (inclusive), and the hottest Beacon frames."""
import collections, re, sys
top, incl, beacon, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
skip = re.compile(r"^(java\.lang\.Thread|java\.util\.concurrent|org\.apache\.tomcat\.util\.(net|threads)|"
                  r"org\.apache\.catalina\.core\.(ApplicationFilterChain|StandardWrapperValve|StandardContextValve|"
                  r"StandardHostValve|StandardEngineValve)|org\.apache\.coyote)")
stack = None
for line in sys.stdin:
    if "jdk.ExecutionSample" in line:
        stack = []; n += 1
    m = re.match(r"\s+([\w$.<>]+)\(", line)
    if m and stack is not None:
        stack.append(m.group(1))
        if len(stack) == 1: top[m.group(1)] += 1
    if line.strip() == "]" and stack:
        for f in set(stack):
            if f.startswith("dev.beacon"): beacon[f] += 1
            elif not skip.match(f): incl[f] += 1
        stack = None
limit = int(sys.argv[1]) if len(sys.argv) > 1 else 15
pct = lambda c: f"{100 * c / max(n, 1):5.1f}%"
print(f"{n} samples; top of stack:")
for f, c in top.most_common(limit): print(f"  {pct(c)}  {f}")
print("Frames anywhere on the stack (inclusive, framework plumbing left out):")
for f, c in incl.most_common(limit * 3): print(f"  {pct(c)}  {f}")
print("Beacon frames anywhere on the stack:")
for f, c in beacon.most_common(limit): print(f"  {pct(c)}  {f}")
