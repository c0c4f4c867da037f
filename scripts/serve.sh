#!/usr/bin/env bash
# Serve against an existing database (DATABASE_URL): wait for it, migrate,
# seed, then run kore in the foreground.  Used by the Docker image.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
: "${DATABASE_URL:?DATABASE_URL must point at the database}"
build/leerlijn-db wait 60
build/leerlijn-db setup schema seeds
kore_conf build/leerlijn.conf
exec kore -fnr -c build/leerlijn.conf
