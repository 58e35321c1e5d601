"""gunicorn settings for `make serve` and production (`gunicorn config.wsgi --config config/gunicorn.py`).

Sync workers, one request at a time each: an upload decodes one page at a time within 1 GB (see
tests/documents/test_memory.py), so a worker's memory is bounded; WEB_CONCURRENCY of them per machine.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count() * 2)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))  # a 20-page upload on a slow phone connection
graceful_timeout = 30
max_requests = 1000  # a worker is replaced now and then: memory a library keeps does not pile up
max_requests_jitter = 100
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
