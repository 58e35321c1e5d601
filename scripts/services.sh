# Sourced by run.sh and test.sh: make sure Redis (and, under CI, PostgreSQL) answer.
# Starts a private Redis on its own port when nothing answers at REDIS_URL.

LOCAL_REDIS_PORT=${LOCAL_REDIS_PORT:-6390}
STARTED_REDIS_PIDFILE=""

redis_answers() {
  .venv/bin/python - "$1" <<'PY' 2>/dev/null
import sys, redis
redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()
PY
}

ensure_redis() {
  export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
  if redis_answers "$REDIS_URL"; then
    return 0
  fi
  local url="redis://127.0.0.1:${LOCAL_REDIS_PORT}/0"
  if ! redis_answers "$url"; then
    echo "Nothing answers at $REDIS_URL; starting a local Redis on port $LOCAL_REDIS_PORT" >&2
    mkdir -p var/redis
    STARTED_REDIS_PIDFILE="$PWD/var/redis/redis.pid"
    redis-server --port "$LOCAL_REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
      --dir "$PWD/var/redis" --pidfile "$STARTED_REDIS_PIDFILE" --logfile "$PWD/var/redis/redis.log"
    for _ in $(seq 50); do redis_answers "$url" && break; sleep 0.1; done
  fi
  export REDIS_URL="$url"
}

stop_started_redis() {
  if [ -n "$STARTED_REDIS_PIDFILE" ] && [ -f "$STARTED_REDIS_PIDFILE" ]; then
    kill "$(cat "$STARTED_REDIS_PIDFILE")" 2>/dev/null || true
  fi
}

ensure_ci_postgres() {
  # CI runs the suite against this machine's PostgreSQL.
  [ "${CI:-}" = "true" ] || return 0
  export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/nareis}
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "PostgreSQL is not answering; starting it" >&2
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 50); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
  fi
}
