"""Shared fixtures: the sample corpus, and one real Celery worker per test session.

The worker is a separate ``celery worker`` process consuming from the real
Redis and writing to the test database, exactly as in production.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from config.celery import app as celery_app

CORPUS_DIR = Path(os.environ.get("NAREIS_CORPUS", settings.BASE_DIR.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    assert (CORPUS_DIR / "labels.jsonl").exists(), f"The sample corpus is missing at {CORPUS_DIR}"
    return CORPUS_DIR


@pytest.fixture(scope="session")
def corpus_labels(corpus_dir) -> dict[str, dict]:
    lines = (corpus_dir / "labels.jsonl").read_text().splitlines()
    return {label["file"]: label for label in map(json.loads, filter(None, lines))}


@pytest.fixture(scope="session", autouse=True)
def _page_cache_of_this_session():
    """Cached pages (tracker/page_cache.py) of this session only: other sessions share the Redis server and, with
    their own databases, the same ids. The Celery worker, started later, is given the same prefix."""
    prefix = f"test-pages-{uuid.uuid4().hex[:12]}"
    os.environ["NAREIS_PAGE_CACHE_PREFIX"] = prefix
    settings.PAGE_CACHE_PREFIX = prefix
    yield prefix


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request leaves its reader's language active in the thread (LocaleMiddleware and PreferredLanguageMiddleware
    activate it, nothing deactivates it): the next test starts in the default, as the next request would."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def admin_client(client, db):
    """A client logged in as an admin of this project (``AdminFactory``), in place of pytest-django's own."""
    from tests.factories import AdminFactory

    client.force_login(AdminFactory())
    return client


def admin_action(client, changelist: str, action: str, objects, **data):
    """Post ``action`` on ``objects`` from the admin list ``changelist`` ("admin:cases_case_changelist"), as the
    list's "Action" menu and "Go" button do; ``data`` are the action's own fields."""
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
    from django.urls import reverse

    selected = [getattr(each, "pk", each) for each in objects]
    follow = data.pop("follow", False)
    return client.post(reverse(changelist), {"action": action, ACTION_CHECKBOX_NAME: selected, **data}, follow=follow)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories set a password for every user; the real hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _database_url_for_worker() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    return f"postgres://{credentials}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


class WorkerProcess:
    def __init__(self, queue: str, log_path: Path):
        self.queue = queue
        self.log_path = log_path
        self.hostname = f"test-{uuid.uuid4().hex[:8]}@localhost"
        self.process: subprocess.Popen | None = None

    def start(self, concurrency: int = 2, env: dict[str, str] | None = None) -> None:
        """``env`` overrides the worker's environment (another broker, database or time limits)."""
        env = os.environ | {
            "DATABASE_URL": _database_url_for_worker(),
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "REDIS_URL": settings.CELERY_BROKER_URL,
            "CELERY_QUEUE": self.queue,
            "OMP_THREAD_LIMIT": "1",
        } | (env or {})
        command = [
            sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", self.queue, "-n", self.hostname,
            f"--concurrency={concurrency}", "--loglevel=INFO", "--without-mingle", "--without-gossip",
        ]
        self.log = self.log_path.open("ab")
        # A session of its own, so kill() reaches the pool processes and tesseract too.
        self.process = subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.wait_until_ready()

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The Celery worker exited; see {self.log_path}")
            if celery_app.control.ping(destination=[self.hostname], timeout=0.5):
                return
        raise RuntimeError(f"The Celery worker did not start in {timeout}s; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL the worker and every process it started, as when a machine dies."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.log.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self.log.closed:
            self.log.close()


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real worker process for the whole session. Tests using it need ``transaction=True``."""
    queue = f"nareis-test-{uuid.uuid4().hex[:8]}"
    celery_app.conf.task_default_queue = queue
    log_dir = Path(os.environ.get("NAREIS_TEST_ARTIFACTS", tmp_path_factory.mktemp("artifacts")))
    log_dir.mkdir(parents=True, exist_ok=True)
    # One log per test process (make test runs them in parallel: pytest-xdist names them gw0, gw1, ...).
    process = os.environ.get("PYTEST_XDIST_WORKER", "")
    worker = WorkerProcess(queue, log_dir / f"celery-worker{'-' + process if process else ''}.log")
    with django_db_blocker.unblock():
        worker.start()
    yield worker
    worker.stop()


@pytest.fixture(autouse=True)
def _worker_done_before_tables_are_emptied(request):
    """A test may end while the worker still reads a document it queued (a retake sent as the test closes). Emptying
    the tables then, while the worker's transaction holds some of them, deadlocks on PostgreSQL and fails the test's
    teardown: wait, with a ceiling, until no document is waiting or being read. (The database is set up before this
    fixture, by pytest-django's own, so it is emptied after.)"""
    yield
    if "celery_worker" not in request.fixturenames:
        return
    from documents.models import Document

    busy = Document.objects.filter(status__in=[Document.Status.QUEUED, Document.Status.PROCESSING])
    deadline = time.monotonic() + 60
    while busy.exists() and time.monotonic() < deadline:
        time.sleep(0.25)


def wait_until_finished(document, timeout: float = 180):
    """Wait for the worker to finish ``document``; a ceiling against hangs, not a speed check."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if document.is_finished:
            return document
        time.sleep(0.25)
    raise AssertionError(f"Document {document.pk} still {document.status} after {timeout}s")
