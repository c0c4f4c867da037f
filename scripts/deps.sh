#!/usr/bin/env bash
# Install the Debian packages Leerlijn needs (run or test), or say how.
#   scripts/deps.sh run|test|bench
set -euo pipefail
. "$(dirname "$0")/lib.sh"

mode=${1:-run}
pkgs=(make gcc kore libjansson-dev libpq-dev libsodium-dev libcmocka-dev
      libcurl4-openssl-dev
      libxlsxwriter-dev
      postgresql-15 postgresql-client-15)
if [ "$mode" = test ]; then
	pkgs+=(docker-compose)
	# The fuzz harnesses: clang with libFuzzer and the sanitizers.
	pkgs+=(clang libclang-rt-14-dev)
	# The browser tests of the web app: headless Chromium and a font.
	pkgs+=(chromium fonts-dejavu-core)
	# The scale-out test: nginx in front of two nodes, with brotli.
	pkgs+=(nginx libnginx-mod-http-brotli-filter)
fi
# make bench: the HTTP load generator and a JSON reader for its checks.
if [ "$mode" = bench ]; then
	pkgs+=(wrk jq)
fi

missing=()
for p in "${pkgs[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
# Node.js and npm: any installed node >= 18 will do.
if ! command -v node >/dev/null || ! command -v npm >/dev/null ||
    [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 18 ]; then
	missing+=(nodejs npm)
fi

# The browser tests' driver (playwright-core) needs Node.js 20 or newer;
# the web app's build (Vite 6) runs on Debian 12's own Node.js 18.
if [ "$mode" = test ] && command -v node >/dev/null &&
    [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
	die "make test needs Node.js 20 or newer (found $(node -v))"
fi

[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
	say "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends "${missing[@]}" \
	    >/dev/null || die "apt-get failed; run: $line"
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	say "installing with sudo: ${missing[*]}"
	sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
	sudo -n env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends "${missing[@]}" \
	    >/dev/null || die "apt-get failed; run: sudo $line"
else
	say "missing packages: ${missing[*]}"
	say "install them first, as root:"
	printf '  apt-get update && %s\n' "$line" >&2
	exit 1
fi
