import collections, re, sys
# attribute each sample to the first frame (from top) matching one of the category regexes
cats = [(n, re.compile(r)) for n, r in [
 ("jar/resource lookup", r"boot\.loader|ClassPathResource|URLClassPath|PathResourceResolver"),
 ("micrometer/observation", r"micrometer|Observation"),
 ("pgjdbc", r"org\.postgresql"), ("hikari", r"zaxxer"),
 ("hibernate", r"org\.hibernate"), ("spring-data/tx/aop", r"springframework\.(data|transaction|aop|orm)"),
 ("logging", r"ch\.qos|slf4j"),
 ("SpEL", r"springframework\.expression"), ("messages", r"MessageSource|MessageFormat|ResourceBundle"),
 ("thymeleaf", r"thymeleaf"),
 ("security", r"springframework\.security"), ("csrf", r"[Cc]srf"),
 ("jackson", r"jackson"), ("beacon", r"dev\.beacon"), ("spring web", r"springframework\.web"),
 ("tomcat", r"apache"), ]]
cnt = collections.Counter(); n = 0; stack = None
for line in sys.stdin:
    if "jdk.ExecutionSample" in line: stack = []; n += 1
    m = re.match(r"\s+([\w$.<>]+)\(", line)
    if m and stack is not None: stack.append(m.group(1))
    if line.strip() == "]" and stack:
        for f in stack:
            c = next((c for c, r in cats if r.search(f)), None)
            if c: cnt[c] += 1; break
        else: cnt["other (jdk, gc)"] += 1
        stack = None
print(f"{n} samples, by the first recognizable frame from the top of the stack:")
for c, k in cnt.most_common(): print(f"  {100*k/max(n,1):5.1f}%  {c}")
