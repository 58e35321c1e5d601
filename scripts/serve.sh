#!/usr/bin/env bash
# make serve: the production stack on this machine until Ctrl-C: gunicorn, a Celery worker and Celery beat,
# NAREIS_PRODUCTION=true with a secret key generated once (var/secret_key), static files collected and compressed.
# Plain HTTP on 127.0.0.1 (NAREIS_HTTPS=false); in a real deployment TLS ends at the proxy in front.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_redis
mkdir -p var
if [ ! -s var/secret_key ]; then
  (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key)
fi
export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-$(cat var/secret_key)}
export NAREIS_PRODUCTION=true NAREIS_HTTPS=${NAREIS_HTTPS:-false}
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}
BIND=${NAREIS_BIND:-127.0.0.1:8000}
PY=.venv/bin/python
$PY manage.py migrate -v 0
$PY manage.py collectstatic --noinput -v 0
[ -n "${NAREIS_SEED_DEMO:-}" ] && NAREIS_DEMO=1 $PY manage.py seed_demo

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_started_redis
}
trap cleanup INT TERM EXIT

.venv/bin/gunicorn config.wsgi --config config/gunicorn.py --bind "$BIND" &
pids+=($!)
.venv/bin/celery -A config worker --loglevel=INFO &
pids+=($!)
.venv/bin/celery -A config beat --schedule var/celerybeat-schedule --loglevel=INFO &  # exactly one beat
pids+=($!)
echo "Nareis (production stack) runs at http://$BIND/ (broker $REDIS_URL, database ${DATABASE_URL:-SQLite in var/}). Ctrl-C stops everything." >&2
wait -n "${pids[@]}"
