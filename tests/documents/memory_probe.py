"""Run an upload request or a document task in a process of its own and report its peak memory.

    python -m tests.documents.memory_probe upload CASE_ID [--one-document] FILE ...
    python -m tests.documents.memory_probe read DOCUMENT_ID

Prints one JSON line: the peak resident memory of this process (``VmHWM``) and what happened. The test
(``test_memory.py``) starts it with the test database's ``DATABASE_URL`` and media folder, like a worker.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def peak_mb() -> float:
    # Not ru_maxrss: Linux carries it over from the process that started this one (with vfork, the whole
    # pytest process), so a large test session would count as this probe's memory. VmHWM is this
    # program's own high-water mark, reset when it was executed.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kilobytes
    raise RuntimeError("/proc/self/status has no VmHWM")


def upload(case_id: int, paths: list[str], one_document: bool) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client
    from django.urls import reverse

    from cases.models import Case

    client = Client()
    client.force_login(Case.objects.get(pk=case_id).sponsor)
    files = [SimpleUploadedFile(Path(path).name, Path(path).read_bytes()) for path in paths]
    data = {"files": files, **({"one_document": "1"} if one_document else {})}
    before = peak_mb()
    response = client.post(reverse("documents:upload", args=[case_id]), data, HTTP_ACCEPT="application/json")
    return {"status": response.status_code, "files": response.json()["files"], "baseline_mb": before}


def read(document_id: int) -> dict:
    from documents import processing
    from documents.models import Document

    before = peak_mb()
    processing.process_document(document_id, task_id="memory-probe")
    document = Document.objects.get(pk=document_id)
    return {"status": document.status, "error": document.error_message, "baseline_mb": before}


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    # Everything imported before measuring starts: the baseline is what a warm process holds.
    import documents.pipeline  # noqa: F401
    import documents.views  # noqa: F401

    command, *rest = argv
    if command == "upload":
        one_document = "--one-document" in rest
        case_id, *paths = [arg for arg in rest if arg != "--one-document"]
        outcome = upload(int(case_id), paths, one_document)
    else:
        outcome = read(int(rest[0]))
    print(json.dumps(outcome | {"peak_mb": round(peak_mb())}))


if __name__ == "__main__":
    main(sys.argv[1:])
