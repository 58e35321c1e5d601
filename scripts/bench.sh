#!/usr/bin/env bash
# make bench: pipeline accuracy and speed against a naive tesseract baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus}
.venv/bin/python -m bench.pipeline "$CORPUS"
