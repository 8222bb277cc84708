#!/usr/bin/env bash
# Vendors the dashboard's charting library (Observable Plot and d3, UMD builds) into
# src/main/resources/publish/vendor/ from the npm registry, at the versions and hashes pinned in
# tools/vendor-charts.pins: a tarball or a file whose sha256 differs from its pin stops the script.
# The vendored files are committed, so building and publishing never need npm or the network.
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/main/resources/publish/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() { # file, expected sha256
  local actual
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$actual" = "$2" ] || { echo "sha256 de $1 : $actual, attendu $2" >&2; exit 1; }
}

grep -v '^#' tools/vendor-charts.pins | while read -r name version tarball_sha file file_sha committed; do
  [ -n "$name" ] || continue
  tarball=$(cd "$work" && npm pack --silent "$name@$version")
  check "$work/$tarball" "$tarball_sha"
  mkdir -p "$work/$name"
  tar xzf "$work/$tarball" -C "$work/$name" "$file" package/LICENSE
  check "$work/$name/$file" "$file_sha"
  cp "$work/$name/$file" "$target/$committed"
  cp "$work/$name/package/LICENSE" "$target/${committed%%.*}.LICENSE"
  echo "$name@$version → $target/$committed"
done
