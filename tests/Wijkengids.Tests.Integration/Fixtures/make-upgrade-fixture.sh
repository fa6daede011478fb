#!/usr/bin/env bash
# Makes an upgrade fixture: a database filled by today's code, kept in the repository (docs/adr/0088).
#
#   bash tests/Wijkengids.Tests.Integration/Fixtures/make-upgrade-fixture.sh [name] [--overwrite]
#
# name defaults to upgrade-2026-12. The script builds the integration tests and runs ScenarioTests once with
# WIJKENGIDS_UPGRADE_FIXTURE set: the test starts the host with AppFactory (Development, AppFactory.MasterKey) on a fresh
# database of the test PostgreSQL (a throwaway cluster, or WIJKENGIDS_TEST_CONNECTION), fills every module through the
# HTTP API (Infrastructure/Scenarios.cs), checks the result, waits until the timeline, the hash chain and the messages are
# settled, stops the host and dumps the database with pg_dump (plain SQL, --no-owner --no-privileges; found beside initdb
# or on PATH, as the host's backup command finds it). The script then puts into this folder:
#
#   <name>.sql.gz   the gzipped dump, restored by UpgradeTests with psql
#   <name>.json     the manifest: counts per module and the ids, slugs and tokens the scenarios made (read by the tests)
#   <name>.md       what it is, the commit that made it and what it holds
#
# Needs: the .NET SDK, the PostgreSQL server programs (initdb, pg_ctl) and pg_dump/psql. The fixture is made from the
# committed code: the script refuses when src/ or tests/ have uncommitted changes.
#
# NEVER remake a fixture once the code writes later event shapes (renamed event types, aliases, migrated documents): it
# stands for a database in the field, and remaking it with newer code hides the very upgrade it is there to prove. A newer
# database gets a fixture of its own with a new name (and a test that restores it). Hence an existing fixture is only
# replaced with --overwrite, which is meant for the short time before any later code exists.
set -euo pipefail

name="upgrade-2026-12"
overwrite=false
for arg in "$@"; do
    case "$arg" in
        --overwrite) overwrite=true ;;
        -*) echo "Onbekende optie: $arg" >&2; exit 2 ;;
        *) name="$arg" ;;
    esac
done
if [[ ! "$name" =~ ^upgrade-[0-9]{4}-[0-9]{2}[a-z0-9-]*$ ]]; then
    echo "Geef de fixture een naam als upgrade-JJJJ-MM (gekregen: $name)." >&2
    exit 2
fi

fixtures="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$fixtures/../../.." && pwd)"
cd "$root"

if [[ -e "$fixtures/$name.sql.gz" && "$overwrite" != true ]]; then
    echo "$fixtures/$name.sql.gz bestaat al. Een fixture wordt niet opnieuw gemaakt zodra latere code andere events schrijft;" >&2
    echo "maak een nieuwe met een nieuwe naam, of gebruik --overwrite als er nog geen latere code is (docs/adr/0088)." >&2
    exit 3
fi
if ! git diff --quiet HEAD -- src tests ":(exclude)tests/Wijkengids.Tests.Integration/Fixtures" ||
   [[ -n "$(git ls-files --others --exclude-standard -- src tests ":(exclude)tests/Wijkengids.Tests.Integration/Fixtures")" ]]; then
    echo "src/ of tests/ heeft wijzigingen die niet gecommit zijn; de fixture moet van gecommitte code komen." >&2
    exit 3
fi
commit="$(git rev-parse HEAD)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build tests/Wijkengids.Tests.Integration
WIJKENGIDS_UPGRADE_FIXTURE="$work/$name.sql.gz" WIJKENGIDS_UPGRADE_FIXTURE_COMMIT="$commit" \
    dotnet test tests/Wijkengids.Tests.Integration --no-build --filter "FullyQualifiedName~ScenarioTests"

for extension in sql.gz json md; do
    [[ -s "$work/$name.$extension" ]] || { echo "ScenarioTests schreef $name.$extension niet." >&2; exit 1; }
done
mv "$work/$name.sql.gz" "$work/$name.json" "$work/$name.md" "$fixtures/"

bytes=$(stat -c %s "$fixtures/$name.sql.gz")
echo "Fixture $name gemaakt van $commit: $bytes bytes."
if (( bytes > 2 * 1024 * 1024 )); then
    echo "Let op: groter dan 2 MB; houd de scenario's klein." >&2
fi
echo "Controleer met: dotnet test tests/Wijkengids.Tests.Integration --filter \"FullyQualifiedName~UpgradeTests\""
