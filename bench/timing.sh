#!/usr/bin/env bash
# Account enumeration by timing (docs/adr/0077): sign-in, registration and password reset must take as long for an
# address with an account as for one without. Builds Release, starts a throwaway PostgreSQL and the host (Development,
# so the development accounts are the known addresses) on 127.0.0.1, then sends N requests per endpoint, known and
# unknown interleaved one at a time, and prints the median and p90 of each and the ratio of the medians.
#
#   bash bench/timing.sh              # N=41 per address kind and endpoint
#   N=101 bash bench/timing.sh
#
# Settings (environment): N (41), WARMUP (5 per kind), READY_TIMEOUT (120 s), BUILD_TIMEOUT (900 s), MAX_SECONDS (900:
# the whole measurement is stopped after this). Results also go to bench/results/timing.txt (git-ignored).
set -euo pipefail
N=${N:-41}
WARMUP=${WARMUP:-5}
READY_TIMEOUT=${READY_TIMEOUT:-120}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-900}
MAX_SECONDS=${MAX_SECONDS:-900}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST_DIR="$ROOT/src/Host"
HOST_DLL="$HOST_DIR/bin/Release/net10.0/Wijkengids.Host.dll"
source "$ROOT/bench/lib.sh"

KNOWN=editor@wijkengids.test
WORK=$(mktemp -d /tmp/wijkengids-timing.XXXXXX)
build "$HOST_DIR"
start_postgres
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres timing
start_host timing Development RateLimits__LoginPerMinute=1000000 RateLimits__FormsPerMinute=1000000
log "host starten op $HOST_URL"
wait_for_200 "$HOST_URL/health/ready" "$HOST_PID" "$READY_TIMEOUT" "host"
DEADLINE=$((SECONDS + MAX_SECONDS))

post() { # post PATH JSON EXPECTED-STATUS -> prints the time in ms
  local out status seconds
  (( SECONDS < DEADLINE )) || die "de meting duurde langer dan $MAX_SECONDS s"
  out=$(curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' -d "$2" "$HOST_URL$1")
  read -r status seconds <<<"$out"
  [[ "$status" == "$3" ]] || die "$1 gaf $status in plaats van $3"
  awk -v s="$seconds" 'BEGIN { printf "%.2f\n", s * 1000 }'
}

body() { # body ENDPOINT EMAIL -> the request body
  case $1 in
    login) printf '{"email":"%s","password":"niet-het-goede-wachtwoord"}' "$2" ;;
    registration) printf '{"displayName":"Meting","email":"%s","password":"een-lang-meetwachtwoord"}' "$2" ;;
    reset) printf '{"email":"%s"}' "$2" ;;
  esac
}

declare -A PATHS=([login]=/api/auth/login [registration]=/api/community/registrations [reset]=/api/community/password-resets)
declare -A STATUS=([login]=401 [registration]=202 [reset]=202)

stats() { # stats FILE -> "median p90"
  sort -n "$1" | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; p = a[int(NR * 0.9 + 0.5)]; printf "%.1f %.1f", m, p }'
}

measure() { # measure ENDPOINT: WARMUP + N requests per kind, alternating known and unknown (a new unknown address each time)
  local endpoint=$1 i
  : >"$WORK/$endpoint-known"; : >"$WORK/$endpoint-unknown"
  log "meten: $endpoint ($N bekend, $N onbekend)"
  for i in $(seq 1 $((WARMUP + N))); do
    local known unknown
    known=$(post "${PATHS[$endpoint]}" "$(body "$endpoint" "$KNOWN")" "${STATUS[$endpoint]}")
    unknown=$(post "${PATHS[$endpoint]}" "$(body "$endpoint" "onbekend-$endpoint-$i-$RANDOM@example.nl")" "${STATUS[$endpoint]}")
    if (( i > WARMUP )); then echo "$known" >>"$WORK/$endpoint-known"; echo "$unknown" >>"$WORK/$endpoint-unknown"; fi
  done
}

for endpoint in login registration reset; do measure "$endpoint"; done

mkdir -p "$ROOT/bench/results"
{
  echo "Account enumeration by timing: $N requests per kind, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  printf '%-13s %13s %13s %15s %15s %7s\n' endpoint "known p50 ms" "known p90 ms" "unknown p50 ms" "unknown p90 ms" ratio
  for endpoint in login registration reset; do
    read -r km kp <<<"$(stats "$WORK/$endpoint-known")"
    read -r um up <<<"$(stats "$WORK/$endpoint-unknown")"
    printf '%-13s %13s %13s %15s %15s %7s\n' "$endpoint" "$km" "$kp" "$um" "$up" "$(awk -v u="$um" -v k="$km" 'BEGIN { printf "%.2f", u / k }')"
  done
} | tee "$ROOT/bench/results/timing.txt"
