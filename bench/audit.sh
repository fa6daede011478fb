#!/usr/bin/env bash
# Audit read side at scale: fill a throwaway database with EVENTS demo events (`audit demo`), then measure
#   - how fast the timeline and the hash chain catch up after a bulk load;
#   - projection lag while RATE events/s are appended (p50/p95/p99/max);
#   - per-item and per-actor timelines (API and page), per kind, per period, combined, an item's provenance, with wrk (signed in as the
#     auditor; every request also records the look as an event, so that cost is included);
#   - full-chain verification throughput and a full JSON Lines export (rows/s, and the host's memory during it).
#
#   bash bench/audit.sh                      # EVENTS=1000000
#   EVENTS=100000 DURATION=5 bash bench/audit.sh
#
# Settings: EVENTS (1000000), DAYS (30), RATE (500), RATE_SECONDS (30), DURATION (s per wrk run, 10), WARMUP (3),
# THREADS (2), CONNECTIONS (4), SETTLE (3), READY_TIMEOUT (180), BUILD_TIMEOUT (900). Report: bench/results/audit.txt.
set -euo pipefail
EVENTS=${EVENTS:-1000000}
DAYS=${DAYS:-30}
RATE=${RATE:-500}
RATE_SECONDS=${RATE_SECONDS:-30}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-4}
SETTLE=${SETTLE:-3}
READY_TIMEOUT=${READY_TIMEOUT:-180}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-900}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST_DIR="$ROOT/src/Host"
HOST_DLL="$HOST_DIR/bin/Release/net10.0/Wijkengids.Host.dll"
source "$ROOT/bench/lib.sh"
command -v wrk >/dev/null 2>&1 || die "wrk is nodig (apt-get install wrk)"

WORK=$(mktemp -d /tmp/wijkengids-audit-bench.XXXXXX)
REPORT="$WORK/report.txt"
report() { echo "$*" | tee -a "$REPORT" >&2; }

build "$HOST_DIR"
start_postgres
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres audit
sql() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d audit -Atqc "$1"; }

cli() { # run an `audit …` command in its own host process (it runs the projection daemon itself)
  (
    cd "$HOST_DIR"
    export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Wijkengids="$(connection audit)" Logging__LogLevel__Default=Warning
    exec dotnet "$HOST_DLL" "$@"
  ) 2>"$WORK/cli.log" | grep -v '^\s*$' | tee -a "$WORK/cli.out" >&2
}

report "Wijkengids audit benchmark  $(date -u '+%Y-%m-%d %H:%M:%SZ')  commit $(git -C "$ROOT" rev-parse --short HEAD)"
report "$(nproc) cores, PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}'), .NET $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
report ""
log "demogeschiedenis: $EVENTS gebeurtenissen"
cli audit demo --events "$EVENTS" --dagen "$DAYS"
grep -E '^Geschreven in|^Tijdlijn en keten bij|^Statistieken' "$WORK/cli.out" | while read -r line; do report "load:  $line"; done
log "vertraging bij $RATE gebeurtenissen/s"
cli audit demo --rate "$RATE" --seconden "$RATE_SECONDS"
grep -E '^Toegevoegd|^Vertraging' "$WORK/cli.out" | while read -r line; do report "lag:   $line"; done
report ""

# ---------------------------------------------------------------- the web host
start_host audit Development
wait_for_200 "$HOST_URL/health/ready" "$HOST_PID" "$READY_TIMEOUT" "Wijkengids-host"
curl -s -c "$WORK/cookie" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"auditor@wijkengids.test","password":"Wijkengids-dev-2026!"}' "$HOST_URL/api/auth/login"
COOKIE="wijkengids.auth=$(awk '$6 == "wijkengids.auth" { print $7 }' "$WORK/cookie")"
[[ "$COOKIE" != "wijkengids.auth=" ]] || die "inloggen als auditor lukte niet"

# An item of the bulk load with many events (the items of the lag run have one event each).
ITEM=$(sql "select stream from audit.timeline where seq between (select max(seq) / 2 from audit.timeline) and (select max(seq) / 2 + 20000 from audit.timeline) and module like 'demo-%' group by stream order by count(*) desc limit 1")
ACTOR=$(sql "select actor from (select actor from audit.timeline order by seq desc limit 100000) r group by actor order by count(*) desc limit 1")
ACTOR_EVENTS=$(sql "select count(*) from audit.timeline where actor = '$ACTOR'")
ITEM_EVENTS=$(sql "select count(*) from audit.timeline where stream = '$ITEM'")
TOTAL=$(sql "select count(*) from audit.timeline")
DAY=$(sql "select to_char((ts at time zone 'Europe/Amsterdam')::date, 'YYYY-MM-DD') from audit.timeline where seq = (select max(seq) / 2 from audit.timeline)")
report "timeline: $TOTAL events; item $ITEM has $ITEM_EVENTS, actor $ACTOR has $ACTOR_EVENTS; period = $DAY"

measure() { # measure NAME PATH: wrk with the auditor's cookie; prints p50/p99 (ms) and req/s
  local name=$1 path=$2 out="$WORK/wrk-$1.txt" code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$HOST_URL$path")
  [[ "$code" == 200 ]] || die "$path gaf $code"
  sleep "$SETTLE"
  timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Cookie: $COOKIE" "$HOST_URL$path" >/dev/null
  timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "$HOST_URL$path" >"$out"
  printf '%-28s p50 %8s ms   p99 %8s ms   %8s req/s   %s\n' "$name" \
    "$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")" "$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")" \
    "$(awk '/^Requests\/sec:/ { print $2 }' "$out")" "$(awk '/Non-2xx/ { print "non-2xx: " $NF }' "$out")" | tee -a "$REPORT" >&2
}

report ""
report "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, signed in as auditor (each request also appends its look):"
measure "item (API)" "/api/audit/timeline?item=$ITEM"
measure "item (page)" "/audit?item=$ITEM"
measure "actor, page 1 (API)" "/api/audit/timeline?actor=$ACTOR"
measure "actor, page 1 (page)" "/audit?actor=$ACTOR"
OLDER=$(curl -s -H "Cookie: $COOKIE" "$HOST_URL/api/audit/timeline?actor=$ACTOR&limit=50" | sed -E 's/.*"olderBefore":([0-9]+).*/\1/')
measure "actor, deep page (API)" "/api/audit/timeline?actor=$ACTOR&before=$((OLDER / 2))"
measure "kind (API)" "/api/audit/timeline?kind=demo_lesson_published"
measure "period, 1 day (API)" "/api/audit/timeline?from=$DAY&to=$DAY"
measure "actor+kind+module (API)" "/api/audit/timeline?actor=$ACTOR&kind=demo_booking_confirmed&module=demo-workshops"
measure "oldest first (API)" "/api/audit/timeline?order=oldest"
measure "provenance (API)" "/api/audit/items/$ITEM/provenance"
measure "provenance (page)" "/audit/herkomst?item=$ITEM"

report ""
log "volledige ketencontrole"
curl -s -m 3600 -H "Cookie: $COOKIE" "$HOST_URL/api/audit/verify" >"$WORK/verify.json"
report "verify: $(python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); print("intact=%s checked=%s seconds=%s events/s=%.0f" % (v["intact"], v["checked"], v["seconds"], v["eventsPerSecond"]))' "$WORK/verify.json")"

log "volledige export (JSON Lines)"
rss_max=0
( while kill -0 "$HOST_PID" 2>/dev/null; do awk '/VmRSS/ { print $2 }' "/proc/$HOST_PID/status"; sleep 0.2; done ) >"$WORK/rss.txt" &
RSS_PID=$!
EXTRA_PIDS+=("$RSS_PID")
rss_before=$(awk '/VmRSS/ { print $2 }' "/proc/$HOST_PID/status")
read -r bytes seconds < <(curl -s -m 3600 -o "$WORK/export.jsonl" -w '%{size_download} %{time_total}\n' -H "Cookie: $COOKIE" "$HOST_URL/api/audit/export?format=jsonl")
kill "$RSS_PID" 2>/dev/null || true
rss_max=$(sort -n "$WORK/rss.txt" | tail -1)
rows=$(wc -l <"$WORK/export.jsonl")
report "export: $rows rows, $((bytes / 1048576)) MiB in ${seconds}s ($(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }') rows/s); host RSS $((rss_before / 1024)) MiB before, max $((rss_max / 1024)) MiB during"
log "offline controle van de export"
start=$(date +%s%3N)
(cd "$HOST_DIR" && dotnet "$HOST_DLL" audit verify "$WORK/export.jsonl" --volledig) >"$WORK/offline.txt" 2>&1 || true
report "offline verify: $(grep -E '^Uitkomst' "$WORK/offline.txt") in $(( $(date +%s%3N) - start )) ms ($(grep -E '^Regels' "$WORK/offline.txt"))"

mkdir -p "$ROOT/bench/results"
cp "$REPORT" "$ROOT/bench/results/audit.txt"
log "rapport: bench/results/audit.txt"
