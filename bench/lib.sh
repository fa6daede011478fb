#!/usr/bin/env bash
# Shared helpers of the benchmark scripts (sourced, not run): cleanup of what we started, a throwaway
# PostgreSQL cluster, free ports, waiting for a URL, Release builds. Everything stays on 127.0.0.1.

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "FOUT: $*"; exit 1; }

# ---------------------------------------------------------------- cleanup
WORK=""
PG_BIN=""
HOST_PID=""
EXTRA_PIDS=()
BARE_PID=""

stop_pid() { # stop_pid PID name: TERM, wait up to 15 s, then KILL; only the PID we started.
  local pid=$1 name=$2
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  log "$name stoppen (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$BARE_PID" "BareKestrel"
  stop_pid "$HOST_PID" "Wijkengids-host"
  for pid in "${EXTRA_PIDS[@]}"; do stop_pid "$pid" "proces"; done
  if [[ -n "$WORK" && -n "$PG_BIN" && -f "$WORK/pgdata/postmaster.pid" ]]; then
    log "PostgreSQL stoppen"
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if (( rc != 0 && rc != 130 && rc != 143 )); then
      for f in "$WORK"/host*.log "$WORK/bare.log" "$WORK/postgres.log"; do
        [[ -s "$f" ]] && { log "laatste regels van ${f##*/}:"; tail -n 30 "$f" >&2; }
      done
    fi
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- helpers
is_root() { [[ $(id -u) -eq 0 ]]; }

as_pg() { # run a PostgreSQL server program; as root it has to run as the postgres user
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() { # a port nobody listens on at 127.0.0.1
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "geen vrije poort gevonden"
}

wait_for_200() { # wait_for_200 URL PID TIMEOUT NAME
  local url=$1 pid=$2 timeout=$3 name=$4 deadline=$((SECONDS + $3)) code
  while (( SECONDS < deadline )); do
    kill -0 "$pid" 2>/dev/null || die "$name is gestopt voordat $url antwoordde"
    code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" || true)
    [[ "$code" == 200 ]] && return 0
    sleep 1
  done
  die "$name gaf binnen $timeout s geen 200 op $url (laatste status: ${code:-geen})"
}

to_ms() { # wrk latency (e.g. 812.00us, 3.21ms, 1.02s) -> milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# run_wrk NAME URL -> sets RPS, P99_MS, ERRORS (and keeps the full output in $WORK/wrk-NAME.txt)
run_wrk() {
  local name=$1 url=$2 out="$WORK/wrk-$1.txt" p99 non2xx sockerr
  [[ "$url" == http://127.0.0.1:* ]] || die "alleen 127.0.0.1: $url"
  sleep "$SETTLE"   # let the previous load (GC, background work) die down
  timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null
  log "meten: $name ($url, ${DURATION}s)"
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$out"
  RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  [[ -n "$RPS" && -n "$p99" ]] || { cat "$out" >&2; die "kon de wrk-uitvoer voor $name niet lezen"; }
  P99_MS=$(to_ms "$p99")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  sockerr=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$out")
  ERRORS=""
  [[ -n "$non2xx" ]] && ERRORS="non-2xx/3xx: $non2xx"
  [[ -n "$sockerr" ]] && ERRORS="${ERRORS:+$ERRORS; }socket: $sockerr"
  return 0
}

# ---------------------------------------------------------------- tools
command -v curl >/dev/null 2>&1 || die "curl is nodig"
command -v dotnet >/dev/null 2>&1 || die "dotnet is nodig"

if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  PG_BIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
  [[ -x "$PG_BIN/initdb" ]] || PG_BIN=$(dirname "$(command -v pg_ctl)")
else
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
[[ -n "$PG_BIN" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] ||
  die "PostgreSQL-serverprogramma's (initdb, pg_ctl) niet gevonden op PATH of onder /usr/lib/postgresql/*/bin"

build() {
  local project=$1 attempt
  for attempt in 1 2 3; do
    log "bouwen (Release): ${project#"$ROOT"/} (poging $attempt)"
    if timeout "$BUILD_TIMEOUT" dotnet build "$project" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1; then return 0; fi
    grep -E 'error|fout' "$WORK/build.log" | sort -u | head -n 20 >&2 || true
    (( attempt < 3 )) && { log "bouwen mislukt; over 60 s opnieuw"; sleep 60; }
  done
  die "bouwen van $project mislukt"
}


# Server settings of the throwaway cluster: fast by default; bench/faults.sh sets PG_SETTINGS="" for PostgreSQL's
# durable defaults (fsync, synchronous_commit and full_page_writes on).
PG_SETTINGS=${PG_SETTINGS-"-c fsync=off -c synchronous_commit=off -c full_page_writes=off"}

pg_options() { echo "-p $PG_PORT -h 127.0.0.1 -k $WORK/socket $PG_SETTINGS -c max_connections=300"; }

start_postgres() { # a throwaway cluster in $WORK/pgdata on a free port; sets PG_PORT
  if is_root; then chown postgres:postgres "$WORK"; fi
  PG_PORT=$(free_port)
  log "PostgreSQL aanmaken in $WORK/pgdata ($PG_BIN)"
  as_pg "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb mislukt"; }
  as_pg mkdir -p "$WORK/socket"
  log "PostgreSQL starten op 127.0.0.1:$PG_PORT"
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/postgres.log" -w -t 60 \
    -o "$(pg_options)" \
    start >/dev/null || die "PostgreSQL starten mislukt"
}

connection() { # connection DB -> the Npgsql connection string of database DB in the throwaway cluster
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1${POOL:+;Maximum Pool Size=$POOL}"
}

start_host() { # start_host DB ENVIRONMENT [NAME=VALUE ...] -> HOST_PID, HOST_URL, T0 (ms); logs to $WORK/host-DB.log
  local db=$1 environment=$2 port
  shift 2
  port=$(free_port)
  HOST_URL="http://127.0.0.1:$port"
  T0=$(date +%s%3N)
  (
    cd "$HOST_DIR"
    export ASPNETCORE_ENVIRONMENT="$environment" ConnectionStrings__Wijkengids="$(connection "$db")" Logging__LogLevel__Default=Warning
    # The benchmarks talk plain HTTP on 127.0.0.1: no redirect to HTTPS in Production (docs/adr/0078).
    [[ "$environment" == Production ]] && export Https__Required=false
    for setting in "$@"; do export "${setting?}"; done
    exec dotnet "$HOST_DLL" --contentRoot "$HOST_DIR" --urls "$HOST_URL"
  ) >"$WORK/host-$db.log" 2>&1 &
  HOST_PID=$!
}
