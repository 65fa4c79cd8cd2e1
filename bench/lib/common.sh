# Shared helpers of the bench scripts (sourced). PostgreSQL at 127.0.0.1:5432, user postgres.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
JAR=${BEACON_JAR:-$ROOT/tracking-app/target/beacon.jar}
PGHOST=127.0.0.1; PGUSER=postgres; export PGHOST PGUSER
LINK_SECRET=bench-link-secret-0123456789abcdef
OUT=${BENCH_OUT:-$ROOT/bench/out}
mkdir -p "$OUT"

psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# Checks and installs the Debian packages the harness needs.
need_packages() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v pgbench >/dev/null || missing+=(postgresql-contrib)
  command -v python3 >/dev/null || missing+=(python3)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
  fi
}

# BENCH_PORT, when set, is used instead of a free port (a port range assigned on a shared machine)
free_port() { [ -n "${BENCH_PORT:-}" ] && { echo "$BENCH_PORT"; return; }; python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_app <db> <port> <name> [extra args...]: starts the packaged jar in the background
# (polling and dispatch off unless BENCH_POLL/BENCH_DISPATCH=true), writes $OUT/<name>.pid and .log.
start_app() {
  local db=$1 port=$2 name=$3; shift 3
  java ${BENCH_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC} -jar "$JAR" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=beacon" \
    --server.port="$port" --beacon.public-base-url="http://127.0.0.1:$port" \
    --beacon.link-secret="$LINK_SECRET" \
    --beacon.page.lookups-per-minute=100000000 --beacon.page.lookups-per-day=1000000000 \
    --beacon.page.views-per-minute=100000000 \
    --beacon.carriers.poll.enabled="${BENCH_POLL:-false}" --beacon.notify.dispatcher.enabled="${BENCH_DISPATCH:-false}" \
    --logging.level.root=WARN --logging.level.org.springframework.boot.web=INFO \
    "$@" >"$OUT/$name.log" 2>&1 &
  echo $! >"$OUT/$name.pid"
  [ -n "${BENCH_NOWAIT:-}" ] || wait_app "$port" "$name"
}

wait_app() { # wait_app <port> <name>: until the instance answers its health check
  local port=$1 name=$2
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health"; then return 0; fi
    kill -0 "$(cat "$OUT/$name.pid")" 2>/dev/null || { tail -30 "$OUT/$name.log" >&2; return 1; }
    sleep 1
  done
  log "$name did not start"; return 1
}

stop_app() {
  local name=$1 pid
  [ -f "$OUT/$name.pid" ] || return 0
  pid=$(cat "$OUT/$name.pid")
  kill "$pid" 2>/dev/null && for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$OUT/$name.pid"
}

bar() { # bar <done> <total> <label> <t0>
  local w=40 d=$1 t=$2 n; n=$(( d * w / t ))
  printf '\r[%-40s] %3d%% %s %d/%d %ds' "$(printf '%*s' "$n" '' | tr ' ' '#')" $(( d * 100 / t )) "$3" "$d" "$t" $(( $(date +%s) - $4 )) >&2
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
