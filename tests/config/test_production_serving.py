"""The production stack serves pages and static files: gunicorn, WhiteNoise, NAREIS_PRODUCTION=true.

With DEBUG off Django serves no static files; static files gave 404. WhiteNoise serves what `collectstatic`
wrote: compressed, with hashed names that browsers may keep for ever.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings

from tests.conftest import _database_url_for_worker
from tests.documents.test_nothing_lost import free_port

pytestmark = pytest.mark.django_db(transaction=True)


def get(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_gunicorn_serves_pages_and_compressed_hashed_static_files(tmp_path):
    env = os.environ | {"NAREIS_PRODUCTION": "true", "NAREIS_HTTPS": "false", "DJANGO_SECRET_KEY": "test-" * 10,
                        "STATIC_ROOT": str(tmp_path / "static"), "DATABASE_URL": _database_url_for_worker(),
                        "WEB_CONCURRENCY": "1"}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=settings.BASE_DIR,
                   env=env, check=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py",
                               "--bind", f"127.0.0.1:{port}"], cwd=settings.BASE_DIR, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _, page = get(f"{base}/login/")
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not answer"
                time.sleep(0.2)
        assert status == 200
        stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page)
        assert stylesheet, "the page links a stylesheet with a hashed name"

        status, headers, body = get(base + stylesheet.group(1).decode(), **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "gzip" and body[:2] == b"\x1f\x8b"
        assert "max-age=315360000" in headers.get("Cache-Control", "")
    finally:
        server.terminate()
        server.wait(timeout=30)
