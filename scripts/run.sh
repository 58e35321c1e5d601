#!/usr/bin/env bash
# make run: migrate, create demo accounts, then the web server and a Celery worker until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_redis
export NAREIS_DEMO=1
PY=.venv/bin/python
$PY manage.py migrate -v 0
$PY manage.py seed_demo

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_started_redis
}
trap cleanup INT TERM EXIT

.venv/bin/celery -A config worker --beat --schedule var/celerybeat-schedule --loglevel=INFO &  # beat: the sweeper
pids+=($!)
$PY manage.py runserver 127.0.0.1:8000 &
pids+=($!)
echo "Nareis runs at http://127.0.0.1:8000/ (broker $REDIS_URL). Ctrl-C stops everything." >&2
wait -n "${pids[@]}"
