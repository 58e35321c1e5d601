"""Worker scaling: documents per minute with one and with two Celery worker processes.

Runs the real path end to end: documents are stored through the upload service
into a throwaway SQLite database and media folder, queued through Redis and read
by a real ``celery worker`` process; the same batch is read once with
``--concurrency=1`` and once with ``--concurrency=2``.

    .venv/bin/python -m bench.workers [CORPUS_DIR] [--documents N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure_environment(workdir: Path, queue: str) -> dict[str, str]:
    env = {
        "NAREIS_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        "CELERY_QUEUE": queue,
        "OMP_THREAD_LIMIT": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    os.environ.update(env)
    return env


def create_documents(corpus: Path, count: int) -> list[int]:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command

    from accounts.models import Organisation, User
    from documents.intake import check_upload
    from documents.models import Document
    from cases.models import Case

    call_command("migrate", verbosity=0)
    sponsor = User.objects.create(username=f"bench-{uuid.uuid4().hex[:6]}")
    organisation, _ = Organisation.objects.get_or_create(name="Bench")
    case = Case.objects.create(sponsor=sponsor, organisation=organisation)
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower() in {".jpg", ".png", ".pdf", ".heic"})
    ids = []
    for index in range(count):
        path = files[index % len(files)]
        upload = SimpleUploadedFile(path.name, path.read_bytes())
        content_type = check_upload(upload).content_type
        document = Document(case=case, original_name=path.name, content_type=content_type, size=upload.size,
                            sha256=f"{index:064x}")
        document.file.save(path.name, upload, save=True)
        ids.append(document.pk)
    return ids


def run_batch(ids: list[int], concurrency: int, env: dict[str, str], queue: str) -> float:
    from documents.models import Document
    from documents.queueing import enqueue

    from config.celery import app

    Document.objects.filter(pk__in=ids).update(status=Document.Status.RECEIVED, attempts=0)
    hostname = f"bench-{uuid.uuid4().hex[:6]}@localhost"
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue, f"--concurrency={concurrency}",
         "--loglevel=WARNING", "--without-mingle", "--without-gossip", "-n", hostname],
        cwd=ROOT, env=os.environ | env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        while not app.control.ping(destination=[hostname], timeout=0.5):  # the clock starts once it is up
            if worker.poll() is not None:
                raise SystemExit("The Celery worker did not start.")
        time.sleep(1)  # the pool's child processes finish starting
        started = time.perf_counter()
        for document in Document.objects.filter(pk__in=ids):
            enqueue(document)
        pending = Document.objects.filter(pk__in=ids).exclude(status__in=[Document.Status.DONE, Document.Status.FAILED])
        while pending.exists():
            time.sleep(0.2)
        return time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--documents", type=int, default=48)
    args = parser.parse_args()

    queue = f"bench-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(prefix="nareis-bench-") as tmp:
        env = configure_environment(Path(tmp), queue)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        ids = create_documents(Path(args.corpus), args.documents)
        one = run_batch(ids, 1, env, queue)
        two = run_batch(ids, 2, env, queue)

    per_minute_one = len(ids) / one * 60
    per_minute_two = len(ids) / two * 60
    print(f"documents: {len(ids)} from {args.corpus}")
    print(f"1 worker process : {one:7.1f} s  {per_minute_one:6.1f} documents/minute")
    print(f"2 worker processes: {two:7.1f} s  {per_minute_two:6.1f} documents/minute")
    print(f"scaling ratio (2 vs 1): {per_minute_two / per_minute_one:.2f}x  (target >= 1.8x on 2 cores)")


if __name__ == "__main__":
    main()
