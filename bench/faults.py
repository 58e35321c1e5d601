"""The production stack under faults: 100 uploads by 20 concurrent sponsors while a worker is SIGKILLed,
Redis is restarted and every database connection is cut.

Everything is the bench's own: a PostgreSQL database on this machine's server (127.0.0.1:5432, dropped and
made again), a redis-server on a spare port, gunicorn, two Celery workers and Celery beat with
NAREIS_PRODUCTION=true. The machine's shared Redis and other databases are never touched.

Prints upload latency (p50, p95; and p50 before the first fault, the baseline of the same run, with the
ratio), documents per minute, the HTTP 5xx answers, lost documents, and the time from the last fault until
every document is ``done`` or ``failed`` with a message.

    .venv/bin/python -m bench.faults [--uploads 100] [--sponsors 20]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "nareis_bench_faults"
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PASSWORD = "bench-faults-password-1"
FINISH_CEILING_SECONDS = 900


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stack:
    """Redis, gunicorn, workers and beat of the bench's own."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.redis_port = free_port()
        self.web_port = free_port()
        self.env = os.environ | {
            "NAREIS_PRODUCTION": "true", "NAREIS_HTTPS": "false", "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0", "CELERY_QUEUE": "nareis-bench-faults",
            "MEDIA_ROOT": str(workdir / "media"), "STATIC_ROOT": str(workdir / "static"),
            "NAREIS_VAR_DIR": str(workdir), "OMP_THREAD_LIMIT": "1", "WEB_CONCURRENCY": "4", "LOG_LEVEL": "WARNING",
        }
        self.redis: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self.others: list[subprocess.Popen] = []

    def _spawn(self, command: list[str], log: str) -> subprocess.Popen:
        with (self.workdir / log).open("ab") as output:
            return subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT,
                                    start_new_session=True)

    def start_redis(self) -> None:
        self.redis = self._spawn(["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", str(self.workdir)], "redis.log")
        wait_for(lambda: subprocess.run(["redis-cli", "-p", str(self.redis_port), "ping"], capture_output=True)
                 .stdout.strip() == b"PONG", 20)

    def restart_redis(self) -> None:
        self.redis.terminate()
        self.redis.wait(timeout=20)
        self.start_redis()

    def start_worker(self) -> None:
        self.workers.append(self._spawn([sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency=1",
                                         "-n", f"bench-{uuid.uuid4().hex[:6]}@localhost", "--loglevel=INFO"],
                                        "worker.log"))

    def kill_worker(self) -> None:
        worker = self.workers.pop(0)
        os.killpg(worker.pid, signal.SIGKILL)  # the worker, its pool process and tesseract
        worker.wait()

    def start(self) -> None:
        self.start_redis()
        for command in (["migrate", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=self.env, check=True)
        self.others.append(self._spawn([sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py",
                                        "--bind", f"127.0.0.1:{self.web_port}"], "gunicorn.log"))
        self.others.append(self._spawn([sys.executable, "-m", "celery", "-A", "config", "beat", "--schedule",
                                        str(self.workdir / "beat-schedule"), "--loglevel=INFO"], "beat.log"))
        for _ in range(2):
            self.start_worker()
        wait_for(lambda: _answers(f"http://127.0.0.1:{self.web_port}/login/"), 60)

    def stop(self) -> None:
        for process in [*self.others, *self.workers, self.redis]:
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in [*self.others, *self.workers, self.redis]:
            if process is not None:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).read()
        return True
    except OSError:
        return False


def wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"still waiting after {timeout}s")
        time.sleep(0.2)


def psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql],
                          capture_output=True, text=True, check=True).stdout


def cut_every_connection() -> int:
    return len(psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{DATABASE}' "
                    "AND pid <> pg_backend_pid()").split())


def seed_sponsors(count: int) -> list[tuple[str, int]]:
    """Sponsors with a case each, made through the models (the bench process uses the bench's database)."""
    from accounts.models import Organisation, User
    from cases.models import Case

    organisation = Organisation.objects.create(name="Bench organisation")
    sponsors = []
    for index in range(count):
        user = User.objects.create_user(username=f"bench-sponsor-{index}", password=PASSWORD,
                                        first_name="Sponsor", last_name=str(index))
        case = Case.objects.create(sponsor=user, organisation=organisation)
        sponsors.append((user.username, case.pk))
    return sponsors


class Sponsor:
    def __init__(self, base: str, username: str, case_id: int):
        self.base, self.username, self.case_id = base, username, case_id
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def log_in(self) -> None:
        page = self.opener.open(f"{self.base}/login/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"username": self.username, "password": PASSWORD,
                                       "csrfmiddlewaretoken": token}).encode()
        self.opener.open(urllib.request.Request(f"{self.base}/login/", data, headers={"Referer": f"{self.base}/login/"}),
                         timeout=30).read()
        self.opener.open(f"{self.base}/cases/{self.case_id}/", timeout=30).read()  # warm: every view imported

    def upload(self, name: str, data: bytes) -> tuple[int, float, str]:
        boundary = uuid.uuid4().hex
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                f"Content-Type: image/jpeg\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(
            f"{self.base}/cases/{self.case_id}/documents/upload/", body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}", "Accept": "application/json",
                     "X-CSRFToken": self.csrf(), "Referer": f"{self.base}/cases/{self.case_id}/"})
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=120) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        except OSError as error:
            status, text = 0, str(error)
        return status, time.monotonic() - started, text


def photo(index: int) -> bytes:
    from tests.documents.hostile import photo_with_text

    return photo_with_text((900 + index, 600 + index % 7))  # each upload a different file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--uploads", type=int, default=100)
    parser.add_argument("--sponsors", type=int, default=20)
    args = parser.parse_args()
    psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")
    workdir = Path(tempfile.mkdtemp(prefix="nareis-bench-faults-"))
    stack = Stack(workdir)
    os.environ.update({key: stack.env[key] for key in ("DATABASE_URL", "REDIS_URL", "MEDIA_ROOT", "STATIC_ROOT",
                                                       "NAREIS_VAR_DIR", "DJANGO_SECRET_KEY", "NAREIS_PRODUCTION",
                                                       "NAREIS_HTTPS", "CELERY_QUEUE")})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    try:
        stack.start()
        import django

        django.setup()
        run(stack, args, workdir)
    finally:
        stack.stop()
        print(f"Logs: {workdir}")


def run(stack: Stack, args, workdir: Path) -> None:
    from django.db import close_old_connections

    from documents.models import Document

    base = f"http://127.0.0.1:{stack.web_port}"
    sponsors = [Sponsor(base, username, case_id) for username, case_id in seed_sponsors(args.sponsors)]
    for sponsor in sponsors:
        sponsor.log_in()
    per_sponsor = args.uploads // len(sponsors)
    results: list[tuple[float, int, float, str]] = []  # (sent at, status, seconds, body)
    retried: list[tuple[int, str]] = []  # the answer to sending again after a 503
    lock = threading.Lock()
    started = time.monotonic()

    def sponsor_run(number: int, sponsor: Sponsor) -> None:
        rng = random.Random(number)
        for upload in range(per_sponsor):
            time.sleep(rng.uniform(1.0, 7.0))  # a phone's pace: the uploads span the faults
            sent_at = time.monotonic() - started
            name, data = f"IMG_{number:02d}{upload:02d}.jpg", photo(number * 100 + upload)
            status, seconds, body = sponsor.upload(name, data)
            with lock:
                results.append((sent_at, status, seconds, body))
            if status in (0, 503):  # "try again": the sponsor taps the retry button a little later
                time.sleep(5)
                status, seconds, body = sponsor.upload(name, data)
                with lock:
                    retried.append((status, body))

    faults: list[tuple[float, str]] = []

    def inject_faults() -> None:
        time.sleep(8)
        stack.kill_worker()
        faults.append((time.monotonic() - started, "worker SIGKILLed"))
        stack.start_worker()
        time.sleep(7)
        stack.restart_redis()
        faults.append((time.monotonic() - started, "Redis restarted (queue lost)"))
        time.sleep(7)
        cut = cut_every_connection()
        faults.append((time.monotonic() - started, f"{cut} database connections cut"))

    threads = [threading.Thread(target=sponsor_run, args=(n, s)) for n, s in enumerate(sponsors)]
    fault_thread = threading.Thread(target=inject_faults)
    for thread in [*threads, fault_thread]:
        thread.start()
    for thread in [*threads, fault_thread]:
        thread.join()
    last_fault = max(at for at, _ in faults)

    case_ids = [sponsor.case_id for sponsor in sponsors]
    finished_at = None
    while time.monotonic() - started < last_fault + FINISH_CEILING_SECONDS:
        close_old_connections()
        try:
            unfinished = Document.objects.filter(case_id__in=case_ids).exclude(status__in=["done", "failed"]).count()
        except Exception:  # noqa: BLE001 - the connection the bench itself had was cut too
            from django.db import connection

            connection.close()
            continue
        if unfinished == 0:
            finished_at = time.monotonic() - started
            break
        time.sleep(1)

    documents = list(Document.objects.filter(case_id__in=case_ids))
    answers = [(status, body) for _, status, _, body in results] + retried
    received = [body for status, body in answers if status == 200 and '"received"' in body]
    ids = {int(match) for body in received for match in re.findall(r'"document_id": (\d+)', body)}
    stored_ids = {document.pk for document in documents}
    lost = len(ids - stored_ids) + sum(1 for d in documents if d.status not in ("done", "failed"))
    failed_without_message = sum(1 for d in documents if d.status == "failed" and not d.error_message)
    latencies = sorted(seconds for _, status, seconds, _ in results if status)
    before_faults = sorted(seconds for sent_at, status, seconds, _ in results if status and sent_at < faults[0][0])
    server_errors = sum(1 for _, status, _, _ in results if status == 500)
    interrupted = sum(1 for _, status, _, _ in results if status == 503)
    unanswered = sum(1 for _, status, _, _ in results if status == 0)
    done = sum(1 for d in documents if d.status == "done")

    def p(values, q):
        return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")

    print(f"Faults: " + "; ".join(f"{what} at {at:.0f} s" for at, what in faults))
    print(f"Uploads: {len(results)} by {len(sponsors)} sponsors; answered {len(latencies)}, unanswered {unanswered}")
    print(f"Upload latency: p50 {p(latencies, .5):.2f} s, p95 {p(latencies, .95):.2f} s; "
          f"before the first fault p50 {p(before_faults, .5):.2f} s "
          f"(ratio {p(latencies, .5) / p(before_faults, .5):.2f})")
    server_errors += sum(1 for status, _ in retried if status == 500)
    print(f"HTTP 500: {server_errors}; 503 'interrupted, try again' (a connection cut mid-request): {interrupted}, "
          f"sent again: {', '.join(str(status) for status, _ in retried) or '-'}")
    print(f"Documents: {len(documents)} stored, {done} done, "
          f"{sum(1 for d in documents if d.status == 'failed')} failed with a message, "
          f"{failed_without_message} failed without one, {lost} lost")
    if finished_at is None:
        print(f"Not every document finished within {FINISH_CEILING_SECONDS} s of the last fault")
    else:
        minutes = finished_at / 60
        print(f"Documents per minute: {len(documents) / minutes:.1f} (all {len(documents)} in {finished_at:.0f} s)")
        print(f"Every document done or failed {finished_at - last_fault:.0f} s after the last fault "
              f"(goal: within 180 s)")


if __name__ == "__main__":
    main()
