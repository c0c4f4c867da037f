#!/bin/bash
# Run once by the postgres image when it creates the primary's cluster
# (/docker-entrypoint-initdb.d): a role for streaming replication and the
# pg_hba.conf line that lets the standby use it.  For a cluster made
# before, run the same two steps by hand.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
    -v pw="$LEERLIJN_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'pw';
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
