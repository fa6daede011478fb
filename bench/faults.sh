#!/usr/bin/env bash
# Fault tests: does an acknowledged write survive a crash? Builds Release, starts PostgreSQL with its durable
# defaults (fsync, synchronous_commit and full_page_writes on), an SMTP sink and the host, drives concurrent writes
# (anonymous reactions, signed-in reactions that mail, editor revisions) and, per scenario, injects one fault:
#
#   host-kill         the host gets SIGKILL and is started again
#   postgres-kill     PostgreSQL (postmaster and all its processes) gets SIGKILL and is started again (crash recovery)
#   postgres-restart  PostgreSQL restarts (pg_ctl restart -m fast)
#   two-hosts         two hosts with Wolverine:ManageProjections=true; one gets SIGKILL and stays down
#
# After each: every acknowledged write is in the event store, every projection and subscription has caught up,
# no mail went out twice (by Message-ID) and every one went out or, cut off mid-send by the fault, is marked "onzeker"
# (never sent again, shown to admins), no delivery is left waiting, no dead letters, and the hash chain verifies.
# Everything runs on 127.0.0.1 and is removed afterwards. Not part of `dotnet test`; see README "Fault tests".
#
#   bash bench/faults.sh                          # all four scenarios
#   SCENARIOS="host-kill" LOAD_SECONDS=20 bash bench/faults.sh
#
# Settings (environment): SCENARIOS, LOAD_SECONDS (s of load per scenario, 30), FAULT_AFTER (s of load before the
# fault, 10), CATCH_UP_TIMEOUT (s to wait for projections and mails afterwards, 90), READY_TIMEOUT (s, 180),
# BUILD_TIMEOUT (s, 900). Exit code 0 only when every check of every scenario holds.
set -euo pipefail

SCENARIOS=${SCENARIOS:-"host-kill postgres-kill postgres-restart two-hosts"}
LOAD_SECONDS=${LOAD_SECONDS:-30}
FAULT_AFTER=${FAULT_AFTER:-10}
CATCH_UP_TIMEOUT=${CATCH_UP_TIMEOUT:-90}
READY_TIMEOUT=${READY_TIMEOUT:-180}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-900}
PG_SETTINGS=""   # PostgreSQL's durable defaults, as in production

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST_DIR="$ROOT/src/Host"
HOST_DLL="$HOST_DIR/bin/Release/net10.0/Wijkengids.Host.dll"
PASSWORD='Wijkengids-dev-2026!'
MASTER_KEY=$(head -c 32 /dev/urandom | base64)

source "$ROOT/bench/lib.sh"
command -v python3 >/dev/null 2>&1 || die "python3 is nodig (SMTP-sink)"

WORK=$(mktemp -d /tmp/wijkengids-faults.XXXXXX)
build "$HOST_DIR"
[[ -f "$HOST_DLL" ]] || die "niet gevonden: $HOST_DLL"
start_postgres

psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -At "$@"; }

# ---------------------------------------------------------------- SMTP sink: one line per received mail (Message-ID)
cat >"$WORK/smtp_sink.py" <<'PY'
import socketserver, sys
out = sys.argv[2]
class Handler(socketserver.StreamRequestHandler):
    def reply(self, line): self.wfile.write((line + "\r\n").encode()); self.wfile.flush()
    def handle(self):
        self.reply("220 sink")
        while True:
            line = self.rfile.readline()
            if not line: return
            cmd = line.decode(errors="replace").strip().upper()
            if cmd.startswith("EHLO"): self.reply("250-sink"); self.reply("250 8BITMIME")
            elif cmd.startswith("DATA"):
                self.reply("354 go on")
                message_id = "?"
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"): break
                    if data.lower().startswith(b"message-id:"): message_id = data.decode(errors="replace").split(":", 1)[1].strip()
                with open(out, "a") as f: f.write(message_id + "\n"); f.flush()
                self.reply("250 ok")
            elif cmd.startswith("QUIT"): self.reply("221 bye"); return
            else: self.reply("250 ok")
class Server(socketserver.ThreadingTCPServer): allow_reuse_address = True; daemon_threads = True
Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
SMTP_PORT=$(free_port)
python3 "$WORK/smtp_sink.py" "$SMTP_PORT" "$WORK/mails.txt" >"$WORK/smtp.log" 2>&1 &
EXTRA_PIDS+=($!)

# ---------------------------------------------------------------- hosts
declare -A APP_PID=() APP_URL=()

start_app() { # start_app NAME DB [NAME=VALUE ...]: starts (or restarts on the same port) host NAME
  local name=$1 db=$2 port
  shift 2
  if [[ -z "${APP_URL[$name]:-}" ]]; then port=$(free_port); APP_URL[$name]="http://127.0.0.1:$port"; fi
  (
    cd "$HOST_DIR"
    export ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Wijkengids="$(connection "$db");Maximum Pool Size=40" \
      Logging__LogLevel__Default=Warning Smtp__Host=127.0.0.1 Smtp__Port="$SMTP_PORT" Smtp__Security=none \
      RateLimits__LoginPerMinute=100000 RateLimits__FormsPerMinute=100000 Security__MasterKey="$MASTER_KEY" Https__Required=false
    for setting in "$@"; do export "${setting?}"; done
    exec dotnet "$HOST_DLL" --contentRoot "$HOST_DIR" --urls "${APP_URL[$name]}"
  ) >>"$WORK/host-$name.log" 2>&1 &
  APP_PID[$name]=$!
  EXTRA_PIDS+=($!)
}

wait_ready() { wait_for_200 "${APP_URL[$1]}/health/ready" "${APP_PID[$1]}" "$READY_TIMEOUT" "host $1"; }

kill_app() { kill -9 "${APP_PID[$1]}" 2>/dev/null || true; wait "${APP_PID[$1]}" 2>/dev/null || true; }

kill_postgres() { # SIGKILL to the postmaster and every process of the cluster
  local main children
  main=$(head -n 1 "$WORK/pgdata/postmaster.pid")
  children=$(pgrep -P "$main" || true)
  kill -9 "$main" $children 2>/dev/null || true
  while kill -0 "$main" 2>/dev/null; do sleep 0.1; done
}

start_pg_again() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/postgres.log" -w -t 120 -o "$(pg_options)" start >/dev/null; }

login() { # login URL JAR EMAIL
  curl -s -m 30 -c "$2" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"email\":\"$3\",\"password\":\"$PASSWORD\"}" "$1/api/auth/login"
}

# ---------------------------------------------------------------- load
# Each worker writes until END, tries the next host when one does not answer, and appends what was acknowledged.
post_json() { # post_json METHOD URL BODY [JAR] -> prints "CODE BODY"
  local args=(-s -m 15 -X "$1" -H 'Content-Type: application/json' -d "$3" -w '\n%{http_code}')
  [[ -n "${4:-}" ]] && args+=(-b "$4")
  curl "${args[@]}" "$2" 2>/dev/null || echo $'\n000'
}

worker_reactions() { # worker_reactions ID END KIND JAR URLS...: KIND "anonymous" (JAR "") or "signed" (signed in, mails)
  local id=$1 end=$2 kind=$3 jar=$4 n=0 i=0 response code
  shift 4
  local urls=("$@")
  while (( SECONDS < end )); do
    n=$((n + 1))
    response=$(post_json POST "${urls[i % ${#urls[@]}]}/api/contributions/reactions" \
      "{\"about\":\"algemeen\",\"name\":\"Fout $id\",\"email\":\"w$id-$n-$RANDOM@voorbeeld.nl\",\"message\":\"Reactie $n van schrijver $id onder storing.\",\"consent\":true,\"showName\":false}" "$jar")
    code=${response##*$'\n'}
    if [[ "$code" == 201 ]]; then
      grep -o '"id":"[^"]*"' <<<"${response%$'\n'*}" | head -n 1 | cut -d'"' -f4 >>"$WORK/ack-$SCENARIO-$kind.txt"
    else
      i=$((i + 1)); sleep 0.2
    fi
  done
}

worker_revisions() { # worker_revisions END JAR URLS...: one lesson, a revision after the other
  local end=$1 jar=$2 i=0 response code item version stored n=0
  shift 2
  local urls=("$@")
  response=$(post_json POST "${urls[0]}/api/content/items" \
    '{"kind":"lesson","text":{"title":"Les onder storing","statement":"Een stelling.","body":"Versie 0.","themes":[],"sections":[],"sources":[]}}' "$jar")
  [[ "${response##*$'\n'}" == 201 ]] || die "les aanmaken mislukt: $response"
  item=$(grep -o '"id":"[^"]*"' <<<"$response" | head -n 1 | cut -d'"' -f4)
  version=$(grep -o '"version":[0-9]*' <<<"$response" | head -n 1 | cut -d: -f2)
  echo "$item $version" >>"$WORK/ack-$SCENARIO-revisions.txt"
  while (( SECONDS < end )); do
    n=$((n + 1))
    response=$(post_json PUT "${urls[i % ${#urls[@]}]}/api/content/items/$item/draft" \
      "{\"expectedVersion\":$version,\"text\":{\"title\":\"Les onder storing\",\"statement\":\"Een stelling.\",\"body\":\"Versie $n.\",\"themes\":[],\"sections\":[],\"sources\":[]}}" "$jar")
    code=${response##*$'\n'}
    if [[ "$code" == 200 ]]; then
      version=$(grep -o '"version":[0-9]*' <<<"$response" | head -n 1 | cut -d: -f2)
      echo "$item $version" >>"$WORK/ack-$SCENARIO-revisions.txt"
    elif [[ "$code" == 409 ]]; then
      # An earlier write went through but its answer was lost: continue from the stored version.
      stored=$(curl -s -m 15 -b "$jar" "${urls[i % ${#urls[@]}]}/api/content/items/$item" | grep -o '"version":[0-9]*' | head -n 1 | cut -d: -f2 || true)
      [[ -n "$stored" ]] && version=$stored || { i=$((i + 1)); sleep 0.2; }
    else
      echo "$code ${response%$'\n'*}" >"$WORK/revisions-last-error.txt"
      i=$((i + 1)); sleep 0.2
    fi
  done
}

# ---------------------------------------------------------------- checks
FAILED=0
RESULTS=()

check_scenario() { # check_scenario DB URL JAR(auditor)
  local db=$1 url=$2 jar=$3 uncertain stuck reactions revisions missing_r missing_v deadline caught_up_after lag dead mails unique dupes expected verify intact
  cat "$WORK/ack-$SCENARIO-anonymous.txt" "$WORK/ack-$SCENARIO-signed.txt" 2>/dev/null | sort -u >"$WORK/r.csv" || true
  reactions=$(grep -c . "$WORK/r.csv" || true)
  missing_r=$(psql_ -d "$db" <<SQL
create temp table ack (id uuid);
\copy ack from '$WORK/r.csv'
select count(*) from ack where not exists (select 1 from events.mt_streams s where s.id = ack.id);
SQL
)
  revisions=$(grep -c . "$WORK/ack-$SCENARIO-revisions.txt" || true)
  tr ' ' ',' <"$WORK/ack-$SCENARIO-revisions.txt" >"$WORK/v.csv"
  missing_v=$(psql_ -d "$db" <<SQL
create temp table ack (id uuid, version bigint);
\copy ack from '$WORK/v.csv' with (format csv)
select count(*) from ack where not exists (select 1 from events.mt_events e where e.stream_id = ack.id and e.version = ack.version);
SQL
)
  # Projections and subscriptions: every one must reach the last event (the daemon's own HighWater* rows are bookkeeping).
  deadline=$((SECONDS + CATCH_UP_TIMEOUT)); caught_up_after=""
  local started=$SECONDS
  while (( SECONDS < deadline )); do
    lag=$(psql_ -d "$db" -c "select coalesce((select max(seq_id) from events.mt_events), 0) - coalesce(min(last_seq_id), 0)
                               from events.mt_event_progression where name not like 'HighWater%'")
    if [[ "$lag" == 0 ]]; then caught_up_after=$((SECONDS - started)); break; fi
    sleep 1
  done
  # Mails: one per signed-in reaction (status "ontvangen"), each exactly once.
  expected=$(sort -u "$WORK/ack-$SCENARIO-signed.txt" 2>/dev/null | grep -c . || true)
  deadline=$((SECONDS + CATCH_UP_TIMEOUT))
  while (( SECONDS < deadline )); do
    unique=$(sort -u "$WORK/mails.txt" | grep -c . || true)
    (( unique >= expected )) && break
    sleep 1
  done
  sleep 3   # a late duplicate would arrive now
  mails=$(grep -c . "$WORK/mails.txt" || true)
  unique=$(sort -u "$WORK/mails.txt" | grep -c . || true)
  dupes=$((mails - unique))
  # Deliveries: none may be left waiting or half-sent; one cut off mid-send is "onzeker" (not sent again, shown to admins).
  uncertain=$(psql_ -d "$db" -c "select count(*) from community.mt_doc_maildelivery where data->>'Status' = 'onzeker'")
  stuck=$(psql_ -d "$db" -c "select count(*) from community.mt_doc_maildelivery where data->>'Status' in ('wachtend', 'bezig', 'mislukt')")
  dead=$(psql_ -d "$db" -c "select case when to_regclass('messaging.wolverine_dead_letters') is null then 0
                               else (select count(*) from messaging.wolverine_dead_letters) end")
  verify=$(curl -s -m 300 -b "$jar" "$url/api/audit/verify")
  intact=$(grep -o '"intact":[a-z]*' <<<"$verify" | cut -d: -f2)
  local ok=yes
  (( missing_r == 0 && missing_v == 0 )) || ok=no
  [[ -n "$caught_up_after" ]] || ok=no
  # Every expected mail arrived once, or (cut off by the fault) is marked "onzeker"; never twice, never stuck.
  (( unique <= expected && unique + uncertain >= expected && dupes == 0 && stuck == 0 && dead == 0 )) || ok=no
  [[ "$intact" == true ]] || ok=no
  [[ $ok == yes ]] || FAILED=1
  RESULTS+=("$(printf '%-17s %6s %5s %6s %5s %5s %6s %5s %5s %7s %5s %5s %6s  %s' "$SCENARIO" "$reactions" "$missing_r" "$revisions" \
    "$missing_v" "${caught_up_after:-nooit}" "$expected" "$unique" "$dupes" "$uncertain" "$stuck" "$dead" "${intact:-?}" "$ok")")
  [[ "$intact" == true ]] || log "verificatie: ${verify:0:400}"
  [[ -f "$WORK/revisions-last-error.txt" ]] && log "laatste geweigerde revisie: $(head -c 300 "$WORK/revisions-last-error.txt")"
  [[ -n "$caught_up_after" ]] || log "achterstand: $(psql_ -d "$db" -c "select string_agg(name || '=' || last_seq_id, ', ') from events.mt_event_progression") (laatste event $(psql_ -d "$db" -c 'select max(seq_id) from events.mt_events'))"
  log "${RESULTS[-1]}"
}

# ---------------------------------------------------------------- scenarios
for SCENARIO in $SCENARIOS; do
  log "=== scenario $SCENARIO"
  db="faults_${SCENARIO//-/_}"
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
  : >"$WORK/mails.txt"
  APP_URL=(); APP_PID=()
  extra=()
  [[ "$SCENARIO" == two-hosts ]] && extra=(Wolverine__ManageProjections=true)
  start_app a "$db" "${extra[@]}"
  wait_ready a
  urls=("${APP_URL[a]}")
  if [[ "$SCENARIO" == two-hosts ]]; then
    start_app b "$db" "${extra[@]}"
    wait_ready b
    urls=("${APP_URL[b]}" "${APP_URL[a]}")
  fi
  for role in contributor editor auditor; do
    [[ $(login "${APP_URL[a]}" "$WORK/$role.jar" "$role@wijkengids.test") == 204 ]] || die "aanmelden als $role mislukt"
  done
  end=$((SECONDS + LOAD_SECONDS))
  workers=()
  worker_reactions 1 "$end" anonymous "" "${urls[@]}" & workers+=($!)
  worker_reactions 2 "$end" anonymous "" "${urls[@]}" & workers+=($!)
  worker_reactions 3 "$end" signed "$WORK/contributor.jar" "${urls[@]}" & workers+=($!)
  worker_revisions "$end" "$WORK/editor.jar" "${urls[@]}" & workers+=($!)
  sleep "$FAULT_AFTER"
  case "$SCENARIO" in
    host-kill) log "SIGKILL voor de host"; kill_app a; start_app a "$db"; wait_ready a ;;
    postgres-kill) log "SIGKILL voor PostgreSQL"; kill_postgres; sleep 2; start_pg_again ;;
    postgres-restart) log "PostgreSQL herstarten"; as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -w -t 120 -m fast -o "$(pg_options)" restart >/dev/null ;;
    two-hosts) log "SIGKILL voor host b"; kill_app b ;;
    *) die "onbekend scenario: $SCENARIO" ;;
  esac
  wait "${workers[@]}"
  wait_ready a
  check_scenario "$db" "${APP_URL[a]}" "$WORK/auditor.jar"
  kill_app a
  [[ -n "${APP_PID[b]:-}" ]] && kill_app b
done

echo
echo "Fouttests ($(date -u '+%Y-%m-%d %H:%M UTC'), belasting ${LOAD_SECONDS} s per scenario, storing na ${FAULT_AFTER} s, $(nproc) kernen)"
printf '%-17s %6s %5s %6s %5s %5s %6s %5s %5s %7s %5s %5s %6s  %s\n' scenario reacties weg revisies weg bij-s mails-v mails dubbel onzeker vast dead keten ok
for row in "${RESULTS[@]}"; do echo "$row"; done
exit "$FAILED"
