#!/usr/bin/env bash
# Build the web app (frontend/, TypeScript + Preact) with Vite into
# frontend/dist, which Kore serves at "/".  npm ci runs only when
# package-lock.json changed since the last install.  With "lint" (make
# test), ESLint checks the sources first.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

cd "$ROOT/frontend"
command -v npm >/dev/null || die "npm is missing (scripts/deps.sh installs it)"
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.leerlijn-lock 2>/dev/null || true)" != "$lock" ]; then
	say "installing the web app's packages (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error >/dev/null ||
	    die "npm ci failed in frontend/"
	echo "$lock" >node_modules/.leerlijn-lock
fi
# The API's types come from api/openapi.json, generated on every build and
# never committed: tsc then fails when the app and the document disagree.
node_modules/.bin/openapi-typescript ../api/openapi.json -o src/api-types.ts.tmp \
    --empty-objects-unknown --silent >/dev/null ||
    die "openapi-typescript could not read api/openapi.json"
mv src/api-types.ts.tmp src/api-types.ts
if [ "${1:-}" = lint ]; then
	node_modules/.bin/eslint --max-warnings 0 . || die "ESLint found problems in the web app"
fi
rm -rf dist.tmp
node_modules/.bin/tsc --noEmit -p . ||
    die "the web app does not type-check (against api/openapi.json's types too)"
node_modules/.bin/vite build --outDir dist.tmp --emptyOutDir --logLevel warn ||
    die "vite build failed"
# The API's CSP forbids inline scripts and styles: refuse a build that has any.
if grep -Eq '<script>|<script [^>]*>[^<]|<style|style="' dist.tmp/index.html; then
	die "frontend/dist/index.html has inline script or style"
fi
rm -rf dist
mv dist.tmp dist
