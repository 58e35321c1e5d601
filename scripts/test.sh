#!/usr/bin/env bash
# make test: the whole suite against real tesseract, Redis, a Celery worker and (under CI) PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_redis
trap stop_started_redis EXIT
ensure_ci_postgres
# Tests use their own Redis database, database file and media folder, never the demo's.
[[ $REDIS_URL =~ ^([a-z]+://[^/?]*) ]] && export REDIS_URL="${BASH_REMATCH[1]}/15"
export NAREIS_VAR_DIR="$PWD/var/test"
export MEDIA_ROOT="$NAREIS_VAR_DIR/media"
export NAREIS_TEST_ARTIFACTS="$PWD/var/test-artifacts"
rm -rf "$MEDIA_ROOT" "$NAREIS_TEST_ARTIFACTS"
echo "Database: ${DATABASE_URL:-SQLite (embedded)}; broker: $REDIS_URL" >&2
# The whole suite runs in one process per core (pytest-xdist), each with its own test database, Celery worker and
# media folder (tests/parallel_processes.py); a file's tests stay in one process, so a fixture a module shares (a
# corpus read once) is computed once. A chosen test or folder runs in this one process.
if [ $# -eq 0 ]; then
  set -- -n "${NAREIS_TEST_PROCESSES:-auto}" --dist loadfile
fi
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
echo "Test artifacts (screenshots, reports): $NAREIS_TEST_ARTIFACTS" >&2
if [ -d "$NAREIS_TEST_ARTIFACTS/screenshots" ]; then
  echo "Screenshots: $(ls "$NAREIS_TEST_ARTIFACTS/screenshots" | wc -l) in $NAREIS_TEST_ARTIFACTS/screenshots" >&2
fi
exit $status
