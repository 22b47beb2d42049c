#!/usr/bin/env bash
# A consistent backup of the central database while the workers run (pg_dump's custom
# format; restore with pg_restore --clean --dbname=…). Run daily, e.g. from a timer.
#   packaging/server/backup.sh /var/backups/advocate-central
set -euo pipefail
target=${1:?where to put the backup}
database=${ADVOCATE_CENTRAL_DB_NAME:-advocate_central}
mkdir -p "$target"
file="$target/$database-$(date -u +%Y%m%dT%H%M%SZ).dump"
runuser -u postgres -- pg_dump --format=custom --file=/dev/stdout "$database" > "$file.part"
mv "$file.part" "$file"
echo "$file"
