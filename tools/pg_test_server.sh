#!/usr/bin/env bash
# Start a private PostgreSQL cluster on loopback for the test suite (idempotent).
# Prints the SQLAlchemy URL to use as CASEDESK_TEST_PG_URL.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
PGDATA=${CASEDESK_PGDATA:-/tmp/casedesk-pg}
PORT=${CASEDESK_PGPORT:-55432}
RUNAS=()
[ "$(id -u)" = 0 ] && RUNAS=(runuser -u postgres --)
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
  "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  rm -f "$PGDATA/postmaster.pid"  # left by a server killed with its session
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c max_connections=100" start >/dev/null
fi
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtA)
"${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='casedesk'" | grep -q 1 \
  || "${PSQL[@]}" -c "CREATE ROLE casedesk LOGIN PASSWORD 'casedesk' CREATEDB"
"${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname='casedesk_test'" | grep -q 1 \
  || "${PSQL[@]}" -c "CREATE DATABASE casedesk_test OWNER casedesk"
"${PSQL[@]}" -d casedesk_test -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
echo "postgresql+psycopg://casedesk:casedesk@127.0.0.1:$PORT/casedesk_test"
