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
  "mensen|/mensen"
  "gids-1.4|/gids/1.4"
  "werkateliers|/werkateliers"
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

source "$ROOT/bench/lib.sh"

if ! command -v wrk >/dev/null 2>&1; then
  log "wrk ontbreekt; installeren met apt-get"
  if is_root; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq wrk >/dev/null
  command -v wrk >/dev/null 2>&1 || die "wrk kon niet worden geïnstalleerd"
fi


# ---------------------------------------------------------------- build
WORK=$(mktemp -d /tmp/wijkengids-bench.XXXXXX)
build "$HOST_DIR"
build "$BARE_PROJECT"
[[ -f "$HOST_DLL" ]] || die "niet gevonden: $HOST_DLL"
[[ -f "$BARE_DLL" ]] || die "niet gevonden: $BARE_DLL"

# ---------------------------------------------------------------- PostgreSQL
start_postgres
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres wijkengids

# ---------------------------------------------------------------- Wijkengids host
start_host wijkengids Production
log "Wijkengids-host starten op $HOST_URL (eerste start: migraties en startgegevens)"
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
cp "$WORK"/wrk-*.txt "$WORK"/page-*.html "$WORK/host-wijkengids.log" "$RESULTS_DIR/"
