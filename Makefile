# Two commands: `make run` and `make test`. Everything else is a step they share.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
STAMPS := var/stamps
export OMP_THREAD_LIMIT := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

APT_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-nld tesseract-ocr-fra tesseract-ocr-deu \
	tesseract-ocr-ara tesseract-ocr-fas tesseract-ocr-tir tesseract-ocr-amh tesseract-ocr-tur tesseract-ocr-osd \
	fonts-ocr-b redis-server redis-tools gettext \
	chromium chromium-l10n fonts-noto-core fonts-noto-ui-core fonts-hosny-amiri nodejs

.PHONY: run serve bench-faults test bench bench-dashboard setup system venv messages node demo clean

run: setup
	@scripts/run.sh

test: setup
	@scripts/test.sh $(PYTEST_ARGS)

# The production stack on this machine: gunicorn, a Celery worker, Celery beat, NAREIS_PRODUCTION=true.
serve: setup
	@scripts/serve.sh

bench: setup
	@scripts/bench.sh

# 100 uploads by 20 sponsors against the production stack while a worker is killed, Redis restarted and the
# database connections cut (its own PostgreSQL database on 127.0.0.1:5432 and its own Redis).
bench-faults: setup
	@$(PYTHON) -m bench.faults $(BENCH_ARGS)

# Dashboards and reports at 80,000 cases on PostgreSQL, beside a trivial view (median, p95, ratio, CPU per request).
bench-dashboard: setup
	@$(PYTHON) -m bench.dashboard $(BENCH_ARGS)

setup: system venv messages node

# System packages: installed only when one is missing, so the second run is instant.
system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:" $$missing; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(STAMPS)/venv

$(STAMPS)/venv: requirements.txt
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	@$(PYTHON) -m pip install -q -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

# Browser-test tools from the npm registry (axe-core), pinned by package-lock.json.
node: $(STAMPS)/node

$(STAMPS)/node: package.json package-lock.json
	@# Debian's nodejs comes without npm; NodeSource's includes it (and conflicts with Debian's npm).
	@command -v npm >/dev/null || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends npm; }
	@npm ci --no-audit --no-fund --silent
	@mkdir -p $(STAMPS) && touch $@

messages: venv
	@$(PYTHON) manage.py compilemessages -v 0 --ignore=.venv

demo: setup
	@$(PYTHON) manage.py migrate -v 0 && $(PYTHON) manage.py seed_demo

clean:
	rm -rf var $(VENV)
