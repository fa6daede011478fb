#!/usr/bin/env bash
# Throughput of Wijkengids pages compared with a bare Kestrel app serving the same number of bytes.
# Everything runs on 127.0.0.1 with a throwaway PostgreSQL cluster; see bench/README.md.
#
#   bash bench/run.sh                 # DURATION=15 s per measurement
#   DURATION=10 bash bench/run.sh
#
# Settings (environment): DURATION (s, default 15), WARMUP (s, 5), THREADS (2), CONNECTIONS (32),
# SETTLE (s of rest before each measurement, 3), READY_TIMEOUT (s the host may take to become ready, 120),
# BUILD_TIMEOUT (s per build, 900). Results also go to bench/results/ (git-ignored).
set -euo pipefail

# Pages of the Wijkengids host to measure: "name|path", one a line. Add pages here.
PAGES=(
  "home|/"
  "gids-1.4|/gids/1.4"
)

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SETTLE=${SETTLE:-3}
READY_TIMEOUT=${READY_TIMEOUT:-120}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-900}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST_DIR="$ROOT/src/Host"
HOST_DLL="$HOST_DIR/bin/Release/net10.0/Wijkengids.Host.dll"
BARE_PROJECT="$ROOT/bench/BareKestrel"
BARE_DLL="$BARE_PROJECT/bin/Release/net10.0/BareKestrel.dll"
RESULTS_DIR="$ROOT/bench/results"

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "FOUT: $*"; exit 1; }

# ---------------------------------------------------------------- cleanup
WORK=""
PG_BIN=""
HOST_PID=""
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
  if [[ -n "$WORK" && -n "$PG_BIN" && -f "$WORK/pgdata/postmaster.pid" ]]; then
    log "PostgreSQL stoppen"
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$WORK" && -d "$WORK" ]]; then
    if (( rc != 0 && rc != 130 && rc != 143 )); then
      for f in host.log bare.log postgres.log; do
        [[ -s "$WORK/$f" ]] && { log "laatste regels van $f:"; tail -n 30 "$WORK/$f" >&2; }
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
if ! command -v wrk >/dev/null 2>&1; then
  log "wrk ontbreekt; installeren met apt-get"
  if is_root; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq wrk >/dev/null
  command -v wrk >/dev/null 2>&1 || die "wrk kon niet worden geïnstalleerd"
fi
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

# ---------------------------------------------------------------- build
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

WORK=$(mktemp -d /tmp/wijkengids-bench.XXXXXX)
build "$HOST_DIR"
build "$BARE_PROJECT"
[[ -f "$HOST_DLL" ]] || die "niet gevonden: $HOST_DLL"
[[ -f "$BARE_DLL" ]] || die "niet gevonden: $BARE_DLL"

# ---------------------------------------------------------------- PostgreSQL
if is_root; then chown postgres:postgres "$WORK"; fi
PG_PORT=$(free_port)
log "PostgreSQL aanmaken in $WORK/pgdata ($PG_BIN)"
as_pg "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
  >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb mislukt"; }
as_pg mkdir -p "$WORK/socket"
log "PostgreSQL starten op 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -h 127.0.0.1 -k $WORK/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || die "PostgreSQL starten mislukt"
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres wijkengids

# ---------------------------------------------------------------- Wijkengids host
HOST_PORT=$(free_port)
HOST_URL="http://127.0.0.1:$HOST_PORT"
log "Wijkengids-host starten op $HOST_URL (eerste start: migraties en startgegevens)"
(
  cd "$HOST_DIR"
  export ASPNETCORE_ENVIRONMENT=Production
  export ConnectionStrings__Wijkengids="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=wijkengids"
  export Logging__LogLevel__Default=Warning
  exec dotnet "$HOST_DLL" --contentRoot "$HOST_DIR" --urls "$HOST_URL"
) >"$WORK/host.log" 2>&1 &
HOST_PID=$!
started=$SECONDS
wait_for_200 "$HOST_URL/health/ready" "$HOST_PID" "$READY_TIMEOUT" "Wijkengids-host"
log "host gereed na $((SECONDS - started)) s"

# ---------------------------------------------------------------- measure
# Every page must answer 200 before anything is measured; remember its size.
declare -A BYTES=()
for page in "${PAGES[@]}"; do
  name=${page%%|*}
  path=${page#*|}
  read -r status bytes < <(curl -s -o "$WORK/page-$name.html" -m 30 -w '%{http_code} %{size_download}\n' "$HOST_URL$path")
  [[ "$status" == 200 ]] || die "$HOST_URL$path ($name) gaf status $status in plaats van 200"
  BYTES[$name]=$bytes
done

ROWS=()
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
for page in "${PAGES[@]}"; do
  name=${page%%|*}
  path=${page#*|}
  url="$HOST_URL$path"
  bytes=${BYTES[$name]}
  run_wrk "wijkengids-$name" "$url"
  host_rps=$RPS host_p99=$P99_MS host_errors=$ERRORS

  BARE_PORT=$(free_port)
  BARE_URL="http://127.0.0.1:$BARE_PORT/"
  dotnet "$BARE_DLL" --size "$bytes" --urls "http://127.0.0.1:$BARE_PORT" >"$WORK/bare.log" 2>&1 &
  BARE_PID=$!
  wait_for_200 "$BARE_URL" "$BARE_PID" 30 "BareKestrel"
  bare_bytes=$(curl -s -o /dev/null -m 10 -w '%{size_download}' "$BARE_URL")
  [[ "$bare_bytes" == "$bytes" ]] || die "BareKestrel gaf $bare_bytes bytes in plaats van $bytes"
  run_wrk "bare-$name" "$BARE_URL"
  bare_rps=$RPS bare_p99=$P99_MS bare_errors=$ERRORS
  stop_pid "$BARE_PID" "BareKestrel"
  BARE_PID=""

  ratio=$(awk -v a="$host_rps" -v b="$bare_rps" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
  ROWS+=("wijkengids:$name|$path|$bytes|$host_rps|$host_p99|$ratio|$host_errors")
  ROWS+=("bare:$name|/|$bare_bytes|$bare_rps|$bare_p99|1.000|$bare_errors")
done

# ---------------------------------------------------------------- report
report() {
  echo "Wijkengids benchmark  $(date -u '+%Y-%m-%d %H:%M:%SZ')  commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' (+ wijzigingen in src)')"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (warm-up ${WARMUP}s), $(nproc) cores, PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}'), .NET $(dotnet --version)"
  echo "load average before measuring: $LOAD_BEFORE (other work on this machine makes the numbers noisy)"
  echo
  printf '%-22s %-14s %8s %12s %10s %8s  %s\n' "target" "path" "bytes" "req/s" "p99 (ms)" "ratio" "errors"
  local row target path bytes rps p99 ratio errors
  for row in "${ROWS[@]}"; do
    IFS='|' read -r target path bytes rps p99 ratio errors <<<"$row"
    printf '%-22s %-14s %8s %12s %10s %8s  %s\n' "$target" "$path" "$bytes" "$rps" "$p99" "$ratio" "${errors:--}"
  done
  echo
  echo "ratio = req/s of the Wijkengids page / req/s of BareKestrel serving the same number of bytes (1.000 = no overhead)."
}

mkdir -p "$RESULTS_DIR"
report | tee "$RESULTS_DIR/latest.txt"
rm -f "$RESULTS_DIR"/wrk-*.txt "$RESULTS_DIR"/page-*.html
cp "$WORK"/wrk-*.txt "$WORK"/page-*.html "$WORK/host.log" "$RESULTS_DIR/"
