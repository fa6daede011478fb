#!/usr/bin/env bash
# Rebuilds the dependency-only shim packages (see docs/adr/0003-shim-packages.md).
# A .nupkg is a zip archive; these hold nothing but their .nuspec.
set -euo pipefail
cd "$(dirname "$0")"
for spec in *.nuspec; do
  id=$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' "$spec")
  version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$spec")
  out="${id}.${version}.nupkg"
  tmp=$(mktemp -d)
  cp "$spec" "$tmp/${id}.nuspec"
  rm -f "$out"
  (cd "$tmp" && zip -q -X "$OLDPWD/$out" "${id}.nuspec")
  rm -rf "$tmp"
  echo "built $out"
done
