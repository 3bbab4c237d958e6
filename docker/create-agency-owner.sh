#!/bin/sh
# Runs once, when an agency's database is first created (mounted into /docker-entrypoint-initdb.d
# of every agency PostgreSQL). The image's superuser (postgres) has created POSTGRES_DB; this
# hands it to a login of the same name that is NOT a superuser (password: POSTGRES_PASSWORD), the
# owner, used by the migrate job only; creates the application login POSTGRES_DB_app (password:
# APP_DB_PASSWORD), which the subgraph connects as and the migrate job grants its rights on the
# tables (read and write, but only read and append to the access log); closes the database and the
# maintenance databases to every other role, and removes the superuser's password: over the
# network only the agency's two logins (and, in social services' database, the gateway's read-only
# login) can connect. The layout packages/dev-kit/src/provision.ts makes for npm start.
set -eu
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname postgres \
  -v owner="$POSTGRES_DB" -v password="$POSTGRES_PASSWORD" \
  -v app="${POSTGRES_DB}_app" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
ALTER DATABASE :"owner" OWNER TO :"owner";
REVOKE ALL ON DATABASE :"owner" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"owner" TO :"app";
REVOKE ALL ON DATABASE postgres, template1 FROM PUBLIC;
ALTER ROLE CURRENT_USER PASSWORD NULL;
SQL
