#!/bin/bash
# The streaming hot standby of the compose "scale" profile: on first start
# a base backup of the primary with `pg_basebackup -R` (standby.signal and
# primary_conninfo), then PostgreSQL in the foreground.
set -euo pipefail
data=/var/lib/postgresql/data
if [ ! -s "$data/PG_VERSION" ]; then
	until pg_isready -h "$PRIMARY_HOST" -U replicator -q; do sleep 1; done
	PGPASSWORD=$LEERLIJN_REPLICATION_PASSWORD pg_basebackup \
	    -h "$PRIMARY_HOST" -U replicator -D "$data" -R -X stream -c fast
	chmod 700 "$data"
fi
exec postgres -D "$data" -c hot_standby=on
