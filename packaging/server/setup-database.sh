#!/usr/bin/env bash
# Creates the central API's PostgreSQL role and database on Debian's postgresql
# package (run as root once). The password is read from stdin, never an argument.
#   packaging/server/setup-database.sh < password-file
set -euo pipefail
role=${ADVOCATE_CENTRAL_DB_ROLE:-advocate_central}
database=${ADVOCATE_CENTRAL_DB_NAME:-advocate_central}
IFS= read -r password
[ -n "$password" ] || { echo "setup-database: give the password on stdin" >&2; exit 1; }
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q \
  -v role="$role" -v database="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', :'database', :'role', 'UTF8')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SQL
echo "Database $database is ready for role $role."
