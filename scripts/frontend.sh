#!/usr/bin/env bash
# Build the web page into frontend/dist.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

cd "$ROOT/frontend"
rm -rf dist.tmp
mkdir -p dist.tmp
cp -R public/. dist.tmp/
rm -rf dist
mv dist.tmp dist
