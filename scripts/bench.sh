#!/usr/bin/env bash
# make bench: pipeline accuracy and speed against a naive tesseract baseline,
# the bytes a phone saves by shrinking photos (and the accuracy kept), then documents per minute with one and
# two Celery worker processes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_redis
trap stop_started_redis EXIT
export BENCH_REDIS_URL="${REDIS_URL%/*}/14"
CORPUS=${CORPUS:-../shared/corpus}
REAL=${REAL:-../shared/real}
echo "== Pipeline: accuracy, MRZ, speed against plain tesseract =="
.venv/bin/python -m bench.pipeline "$CORPUS"
echo
echo "== Retake advice on faulted photos =="
.venv/bin/python -m bench.retake "$CORPUS" "$REAL"
echo
echo "== Pipeline on real scans and photos =="
.venv/bin/python -m bench.real "$REAL"
echo
echo "== Photos shrunk on the phone before upload: bytes saved, accuracy kept =="
.venv/bin/python -m bench.shrink "$CORPUS" "$REAL"
echo
echo "== Real and corpus images photographed the ways phone photos differ =="
.venv/bin/python -m bench.real_stress --real "$REAL" --corpus "$CORPUS"
echo
echo "== Worker scaling through Redis =="
.venv/bin/python -m bench.workers "$CORPUS"
