#!/usr/bin/env bash
# Booking contention: REQUESTS (500) booking requests at once for one session with CAPACITY (20) places.
# Reports how long it took and checks that exactly CAPACITY were confirmed and the rest wait-listed in order
# (positions 1..REQUESTS-CAPACITY), none lost. Exits 1 when that does not hold. All on 127.0.0.1.
#
#   bash bench/booking-contention.sh
#   REQUESTS=1000 CAPACITY=50 bash bench/booking-contention.sh
set -euo pipefail
REQUESTS=${REQUESTS:-500}
CAPACITY=${CAPACITY:-20}
READY_TIMEOUT=${READY_TIMEOUT:-120}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-900}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST_DIR="$ROOT/src/Host"
HOST_DLL="$HOST_DIR/bin/Release/net10.0/Wijkengids.Host.dll"
source "$ROOT/bench/lib.sh"
command -v python3 >/dev/null 2>&1 || die "python3 ontbreekt"

WORK=$(mktemp -d /tmp/wijkengids-contention.XXXXXX)
build "$HOST_DIR"
start_postgres
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres wijkengids

POOL=100 start_host wijkengids Development RateLimits__FormsPerMinute=1000000
log "Wijkengids-host starten op $HOST_URL (Development: de ontwikkelaccounts bestaan; formulierlimiet uit)"
wait_for_200 "$HOST_URL/health/ready" "$HOST_PID" "$READY_TIMEOUT" "Wijkengids-host"

python3 - "$HOST_URL" "$REQUESTS" "$CAPACITY" <<'PY'
import json, sys, time, uuid, http.cookiejar, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor

base, requests, capacity = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
jar = http.cookiejar.CookieJar()
organiser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def call(opener, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with opener.open(req, timeout=120) as r:
            text = r.read()
            return r.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")

status, _ = call(organiser, "POST", "/api/auth/login", {"email": "organiser@wijkengids.test", "password": "Wijkengids-dev-2026!"})
assert status == 204, f"inloggen: {status}"
people = call(organiser, "GET", "/api/community/people")[1]
trainers = [p["id"] for p in people if any(r["role"] == "trainer" for r in p["roles"])][:2]
status, fmt = call(organiser, "POST", "/api/workshops/formats", {
    "title": "Drukte " + uuid.uuid4().hex[:6], "description": "Benchmark van gelijktijdige aanvragen.", "durationMinutes": 240,
    "participantsPerSession": capacity, "price": 1000, "themes": ["leefbaarheid"], "trainers": trainers})
assert status == 201, f"werkatelier: {status} {fmt}"
status, session = call(organiser, "POST", "/api/workshops/sessions",
    {"formatSlug": fmt["slug"], "startsAt": "2030-05-15T10:00", "place": "Benchmarkzaal", "capacity": capacity})
assert status == 201, f"sessie: {status} {session}"
area = call(organiser, "GET", "/api/community/areas")[1][0]["id"]

def request(i):
    opener = urllib.request.build_opener()
    return call(opener, "POST", "/api/workshops/bookings", {
        "formatSlug": fmt["slug"], "sessionId": session["id"], "areaId": area, "organisation": f"Gemeente {i}",
        "contactName": f"Contact {i}", "contactEmail": f"contact{i}@example.nl", "participants": 1,
        "goals": "Een plan van aanpak.", "coFinancing": False})[0]

started = time.perf_counter()
with ThreadPoolExecutor(max_workers=requests) as pool:
    statuses = list(pool.map(request, range(requests)))
elapsed = time.perf_counter() - started

bookings = call(organiser, "GET", f"/api/workshops/bookings?sessionId={session['id']}")[1]
confirmed = sum(1 for b in bookings if b["status"] == "bevestigd")
waiting = sorted(b["waitListPosition"] for b in bookings if b["status"] == "wachtlijst")
created = statuses.count(201)
print(f"{requests} gelijktijdige aanvragen voor {capacity} plaatsen in {elapsed:.2f} s ({requests / elapsed:.0f} aanvragen/s)")
print(f"201 Created: {created}; andere statussen: {sorted(set(s for s in statuses if s != 201))}")
print(f"opgeslagen: {len(bookings)}; bevestigd: {confirmed}; wachtlijst: {len(waiting)}")
ok = created == requests and len(bookings) == requests and confirmed == capacity and waiting == list(range(1, requests - capacity + 1))
print("RESULTAAT: " + ("goed – precies de capaciteit bevestigd, de rest op volgorde op de wachtlijst, niets verloren" if ok else "FOUT"))
sys.exit(0 if ok else 1)
PY
