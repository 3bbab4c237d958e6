#!/bin/sh
# Runs once, when the social-services database is first created: a login for the gateway,
# which may read group membership only (the migrate job grants SELECT on that one table).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE sig_gateway LOGIN PASSWORD '${GATEWAY_DB_PASSWORD}';
GRANT CONNECT ON DATABASE ${POSTGRES_DB} TO sig_gateway;
SQL
