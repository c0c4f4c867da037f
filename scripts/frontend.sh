#!/usr/bin/env bash
# Build the web app (frontend/, TypeScript + Preact) with Vite into
# frontend/dist, which Kore serves at "/".  npm ci runs only when
# package-lock.json changed since the last install.
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
rm -rf dist.tmp
node_modules/.bin/tsc --noEmit -p . || die "the web app does not type-check"
node_modules/.bin/vite build --outDir dist.tmp --emptyOutDir --logLevel warn ||
    die "vite build failed"
# The API's CSP forbids inline scripts and styles: refuse a build that has any.
if grep -Eq '<script>|<script [^>]*>[^<]|<style|style="' dist.tmp/index.html; then
	die "frontend/dist/index.html has inline script or style"
fi
rm -rf dist
mv dist.tmp dist
