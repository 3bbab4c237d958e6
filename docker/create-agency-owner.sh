#!/bin/sh
# Runs once, when an agency's database is first created (mounted into /docker-entrypoint-initdb.d
# of every agency PostgreSQL). The image's superuser (postgres) has created POSTGRES_DB; this
# hands it to a login of the same name that is NOT a superuser (password: POSTGRES_PASSWORD),
# closes it and the maintenance databases to every other role, and removes the superuser's
# password: over the network only the agency's login (and, in social services' database, the
# gateway's read-only login) can connect. The layout scripts/lib/provision.ts makes for npm start.
set -eu
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
  -v owner="$POSTGRES_DB" -v password="$POSTGRES_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
ALTER DATABASE :"owner" OWNER TO :"owner";
REVOKE ALL ON DATABASE :"owner" FROM PUBLIC;
REVOKE ALL ON DATABASE postgres, template1 FROM PUBLIC;
ALTER ROLE CURRENT_USER PASSWORD NULL;
SQL
