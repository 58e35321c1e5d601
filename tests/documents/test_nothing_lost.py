"""Nothing uploaded is lost when a worker dies, Redis stops or the database is unreachable.

Real processes throughout: a redis-server of the test's own on a spare port (the
machine's Redis and PostgreSQL are never touched), Celery worker processes of the
test's own, and the real test database. The database is cut for the worker only:
through a TCP proxy the test controls (PostgreSQL), or by pointing the worker at a
path that stops being a database (SQLite).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
import documents.tasks  # noqa: F401  (registered in this process too, as where a web process imports it)
from documents.models import Document
from documents.queueing import PROCESS_DOCUMENT_TASK, SWEEP_STUCK_DOCUMENTS_TASK, requeue_stuck_documents
from tests.conftest import WorkerProcess, _database_url_for_worker, wait_until_finished
from tests.documents import hostile
from tests.factories import CaseFactory, DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Redelivery after a worker's death within seconds, not the production quarter of an hour.
QUICK_REDELIVERY = {
    "CELERY_VISIBILITY_TIMEOUT": "6",
    "CELERY_UNACKED_RESTORE_INTERVAL": "1",
    "CELERY_UNACKED_RESTORE_THROTTLE": "1",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, what: str, timeout: float = 60, every: float = 0.1):
    """Poll ``condition`` until it holds; a ceiling against hangs, not a speed check."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError(f"Still waiting after {timeout}s for {what}")


class RedisServer:
    """A redis-server of this test's own, which it may stop and start again on the same port."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.folder = folder
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, "redis-server to answer", timeout=20)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)

    def _answers(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
        except redis.ConnectionError:
            return False


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def broker(own_redis):
    """The web side (this process) and the workers started here use ``own_redis`` and a queue of their own."""
    queue = f"nareis-lost-{uuid.uuid4().hex[:8]}"
    saved = celery_app.conf.broker_url, celery_app.conf.task_default_queue
    celery_app.conf.broker_url, celery_app.conf.task_default_queue = own_redis.url, queue
    celery_app._after_fork()  # drop connection pools to the old broker
    workers: list[WorkerProcess] = []

    def start_worker(log_name: str, **env) -> WorkerProcess:
        (log_dir() / log_name).unlink(missing_ok=True)  # the log of this test only: counted below
        worker = WorkerProcess(queue, log_dir() / log_name)
        worker.start(concurrency=1, env={"REDIS_URL": own_redis.url} | QUICK_REDELIVERY | env)
        workers.append(worker)
        return worker

    yield start_worker
    for worker in workers:
        worker.stop()
    celery_app.conf.broker_url, celery_app.conf.task_default_queue = saved
    celery_app._after_fork()


def log_dir() -> Path:
    folder = Path(os.environ.get("NAREIS_TEST_ARTIFACTS", settings.BASE_DIR / "var" / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def upload(client, case, name: str, data: bytes):
    return client.post(reverse("documents:upload", args=[case.pk]), {"files": [SimpleUploadedFile(name, data)]},
                       follow=True)


def times_read(worker: WorkerProcess, document: Document) -> int:
    return worker.log_path.read_text(errors="replace").count(f"Document {document.pk} read as")


def test_document_being_read_when_its_worker_is_killed_is_finished_once_by_a_new_worker(client, broker):
    first = broker("killed-worker.log")
    case = CaseFactory()
    client.force_login(case.sponsor)
    upload(client, case, "scans.pdf", hostile.pdf_with_pages(8))  # seconds of OCR: time to be killed in the middle
    document = Document.objects.get(case=case)

    wait_for(lambda: Document.objects.get(pk=document.pk).status == Document.Status.PROCESSING, "the worker to start")
    first.kill()  # SIGKILL to the worker, its pool process and tesseract
    assert Document.objects.get(pk=document.pk).status == Document.Status.PROCESSING

    second = broker("second-worker.log")
    wait_until_finished(document)

    assert document.status == Document.Status.DONE, document.error_message
    assert document.attempts == 2
    assert times_read(first, document) == 0 and times_read(second, document) == 1


def test_uploads_while_redis_is_down_are_kept_and_read_once_it_is_back(client, broker, own_redis, corpus_dir):
    own_redis.stop()
    case = CaseFactory()
    client.force_login(case.sponsor)

    response = upload(client, case, "passport.jpg", (corpus_dir / "003_passport.jpg").read_bytes())

    assert response.status_code == 200 and "passport.jpg was received" in response.content.decode()
    document = Document.objects.get(case=case)
    assert document.status == Document.Status.RECEIVED
    assert document.file.storage.exists(document.file.name)

    own_redis.start()
    # The beat-driven sweeper, run by a worker: it queues what stayed "received".
    worker = broker("after-redis-worker.log", DOCUMENT_REQUEUE_RECEIVED_AFTER_SECONDS="0")
    celery_app.send_task(SWEEP_STUCK_DOCUMENTS_TASK)
    wait_until_finished(document)
    assert document.status == Document.Status.DONE, document.error_message
    assert times_read(worker, document) == 1


@pytest.mark.usefixtures("broker")
def test_sweeper_leaves_documents_received_while_redis_is_down(own_redis):
    document = DocumentFactory(status=Document.Status.RECEIVED)
    own_redis.stop()

    sweep = requeue_stuck_documents(now=timezone.now() + timedelta(hours=1))

    assert sweep.broker_down and sweep.requeued == []
    document.refresh_from_db()
    assert document.status == Document.Status.RECEIVED


def test_sweeper_queues_again_what_is_stuck_and_leaves_the_rest(broker):
    long_ago = timezone.now() - timedelta(hours=2)
    stuck = {status: DocumentFactory(status=status) for status in
             (Document.Status.RECEIVED, Document.Status.QUEUED, Document.Status.PROCESSING)}
    Document.objects.filter(pk__in=[d.pk for d in stuck.values()]).update(updated_at=long_ago)
    just_uploaded = DocumentFactory(status=Document.Status.RECEIVED)
    finished = DocumentFactory(status=Document.Status.DONE)
    Document.objects.filter(pk=finished.pk).update(updated_at=long_ago)

    sweep = requeue_stuck_documents()

    assert sorted(sweep.requeued) == sorted(d.pk for d in stuck.values())
    assert set(Document.objects.filter(pk__in=sweep.requeued).values_list("status", flat=True)) == {"queued"}
    just_uploaded.refresh_from_db()
    assert just_uploaded.status == Document.Status.RECEIVED
    assert redis.Redis.from_url(celery_app.conf.broker_url).llen(celery_app.conf.task_default_queue) == 3


def test_sweeper_runs_every_minute_with_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["sweep-stuck-documents"]
    assert entry["task"] == SWEEP_STUCK_DOCUMENTS_TASK and entry["schedule"] <= 60


# --- The database unreachable for the worker only.


class TcpProxy:
    """Forwards a local port to PostgreSQL; ``cut`` refuses new connections and drops open ones."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.listener: socket.socket | None = None
        self.connections: list[socket.socket] = []
        self.lock = threading.Lock()

    def open(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept(); close() alone does not
        self.listener.close()
        with self.lock:
            for sock in self.connections:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.connections.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_WR)


@contextmanager
def database_gate():
    """Yield (worker's DATABASE_URL, cut, restore) for the test database."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        folder = Path(db["NAME"]).parent / f"gate-{uuid.uuid4().hex[:8]}"
        folder.mkdir()
        link = folder / "db.sqlite3"
        link.symlink_to(db["NAME"])

        def cut():
            link.unlink()
            link.mkdir()  # a folder where the database file was: "unable to open database file"

        def restore():
            link.rmdir()
            link.symlink_to(db["NAME"])

        try:
            yield f"sqlite:///{link}", cut, restore
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    else:
        proxy = TcpProxy((db.get("HOST") or "127.0.0.1", int(db.get("PORT") or 5432)))
        proxy.open()
        url = _database_url_for_worker().replace(f":{db.get('PORT') or 5432}/", f":{proxy.port}/")
        try:
            yield url, proxy.cut, proxy.open
        finally:
            proxy.cut()


def test_task_retries_while_the_database_is_unreachable_and_then_completes(client, broker, corpus_dir):
    with database_gate() as (worker_database_url, cut, restore):
        worker = broker("no-database-worker.log", DATABASE_URL=worker_database_url, DATABASE_CONN_MAX_AGE="0")
        cut()
        case = CaseFactory()
        client.force_login(case.sponsor)
        upload(client, case, "passport.jpg", (corpus_dir / "003_passport.jpg").read_bytes())
        document = Document.objects.get(case=case)

        wait_for(lambda: "Retry in" in worker.log_path.read_text(errors="replace"), "the task to retry")
        assert Document.objects.get(pk=document.pk).status == Document.Status.QUEUED
        restore()

        wait_until_finished(document)
    assert document.status == Document.Status.DONE, document.error_message
    assert times_read(worker, document) == 1


def test_a_document_over_the_time_limit_ends_failed_and_the_worker_goes_on(client, broker, corpus_dir):
    """Time limits on every task: a slow file ends ``failed`` with a message, and the worker reads the next one."""
    worker = broker("time-limit-worker.log", DOCUMENT_TASK_SOFT_TIME_LIMIT="1", DOCUMENT_TASK_TIME_LIMIT="5")
    assert PROCESS_DOCUMENT_TASK in celery_app.tasks  # registered here too, as in a web process: its limits stay here
    case = CaseFactory()
    client.force_login(case.sponsor)
    # Twenty pages of text to read: far more than a second (blank pages could be read within it).
    upload(client, case, "scans.tiff", hostile.tiff_pages([f"PAGE {n} OF THE FAMILY BOOKLET" for n in range(20)]))
    slow = Document.objects.get(case=case)

    wait_until_finished(slow)
    assert slow.status == Document.Status.FAILED
    assert "took too long" in slow.error_message

    upload(client, case, "passport.jpg", (corpus_dir / "003_passport.jpg").read_bytes())
    quick = wait_until_finished(Document.objects.get(case=case, original_name="passport.jpg"))
    assert quick.is_finished and worker.process.poll() is None


# --- Lost tasks found within minutes: Redis asked for the queue, workers send a heartbeat.


def test_documents_whose_tasks_redis_lost_are_queued_again_within_two_minutes(client, broker, own_redis):
    case = CaseFactory()
    client.force_login(case.sponsor)
    for index in range(3):
        upload(client, case, f"photo{index}.jpg", hostile.photo_with_text((900 + index, 600)))
    documents = list(Document.objects.filter(case=case))
    assert {d.status for d in documents} == {Document.Status.QUEUED}
    two_minutes_later = timezone.now() + timedelta(minutes=2)

    assert requeue_stuck_documents(now=two_minutes_later).requeued == []  # their tasks wait in Redis

    own_redis.stop()
    own_redis.start()  # no persistence: the queue is gone
    assert sorted(requeue_stuck_documents(now=two_minutes_later).requeued) == sorted(d.pk for d in documents)

    broker("after-lost-queue-worker.log")
    for document in documents:
        wait_until_finished(document)
        assert document.status == Document.Status.DONE, document.error_message


def test_a_killed_workers_document_is_queued_again_within_five_minutes(client, broker, settings):
    slow_redelivery = {"CELERY_VISIBILITY_TIMEOUT": "900", "DOCUMENT_HEARTBEAT_SECONDS": "1"}
    first = broker("heartbeat-worker.log", **slow_redelivery)
    case = CaseFactory()
    client.force_login(case.sponsor)
    upload(client, case, "scans.pdf", hostile.pdf_with_pages(8))
    document = Document.objects.get(case=case)
    wait_for(lambda: Document.objects.get(pk=document.pk).status == Document.Status.PROCESSING, "the worker to start")
    claimed_at = Document.objects.get(pk=document.pk).updated_at
    wait_for(lambda: Document.objects.get(pk=document.pk).updated_at > claimed_at, "a heartbeat")

    # A live worker's document is left alone.
    assert requeue_stuck_documents().requeued == []
    first.kill()
    lost_after = timedelta(seconds=settings.DOCUMENT_WORKER_LOST_AFTER_SECONDS + 1)
    assert lost_after < timedelta(minutes=5) - timedelta(minutes=1)  # plus a minute until beat's next sweep
    assert requeue_stuck_documents(now=timezone.now() + lost_after).requeued == [document.pk]

    second = broker("after-heartbeat-worker.log", **slow_redelivery)
    wait_until_finished(document)
    assert document.status == Document.Status.DONE, document.error_message
    assert document.attempts == 2 and times_read(second, document) == 1
