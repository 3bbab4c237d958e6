#!/bin/sh
# Runs once, when the social-services database is first created (after create-agency-owner.sh):
# the gateway's login, which may connect and only read. The migrate job then grants it SELECT on
# the gateway_membership view (scripts/migrate.ts); nothing else is granted to it.
set -eu
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
  -v db="$POSTGRES_DB" -v password="$GATEWAY_DB_PASSWORD" <<'SQL'
CREATE ROLE sig_gateway LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
ALTER ROLE sig_gateway SET default_transaction_read_only = on;
GRANT CONNECT ON DATABASE :"db" TO sig_gateway;
SQL
