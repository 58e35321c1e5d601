"""No upload request or document task, hostile or not, makes a process grow past 1 GB.

Each request and each task runs in a process of its own (``memory_probe``) against the test
database, and reports its peak resident memory. Before the per-request and per-document pixel
budgets and one-page-at-a-time decoding, twenty 59-megapixel PNGs as the pages of one document took
a web process to 5.4 GB; a TIFF with a small first page hid four 121-megapixel pages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from documents.models import Document
from tests.conftest import _database_url_for_worker
from tests.documents import hostile
from tests.factories import CaseFactory, DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)

ONE_GB = 1024


@cache
def large_png() -> bytes:
    return hostile.large_blank_png()  # 59 megapixels, ~190 KB


def probe(*args: str) -> dict:
    env = os.environ | {"DATABASE_URL": _database_url_for_worker(), "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                        "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run([sys.executable, "-m", "tests.documents.memory_probe", *args], cwd=settings.BASE_DIR,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{args[0]}: peak {outcome['peak_mb']} MB")  # shown with -s
    return outcome


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def test_twenty_huge_pages_of_one_document_are_refused_within_memory(tmp_path):
    case = CaseFactory()
    paths = [write(tmp_path, f"page{i}.png", large_png()) for i in range(20)]

    outcome = probe("upload", str(case.pk), "--one-document", *paths)

    assert outcome["peak_mb"] < ONE_GB, outcome
    [result] = outcome["files"]
    assert result["outcome"] == "rejected" and "too large to process" in result["message"]
    assert not Document.objects.filter(case=case).exists()


def test_huge_pages_within_the_budget_are_put_into_the_pdf_one_at_a_time(tmp_path):
    case = CaseFactory()
    paths = [write(tmp_path, f"page{i}.png", large_png()) for i in range(6)]  # 354 of 400 megapixels

    outcome = probe("upload", str(case.pk), "--one-document", *paths)

    assert outcome["peak_mb"] < ONE_GB, outcome
    assert [f["outcome"] for f in outcome["files"]] == ["received"]
    assert Document.objects.get(case=case).content_type == "application/pdf"


def test_twenty_huge_photos_in_one_request_are_taken_one_at_a_time_until_the_budget_is_spent(tmp_path):
    case = CaseFactory()
    paths = [write(tmp_path, f"photo{i}.png", large_png()) for i in range(20)]

    outcome = probe("upload", str(case.pk), *paths)

    assert outcome["peak_mb"] < ONE_GB, outcome
    taken = [f for f in outcome["files"] if f["outcome"] != "rejected"]
    refused = [f for f in outcome["files"] if f["outcome"] == "rejected"]
    # 400 megapixels per request: six photos of 59; the same bytes again are duplicates of the first.
    assert len(taken) == 6 and len(refused) == 14
    assert all("Please send it again on its own" in f["message"] for f in refused)


def test_one_huge_photo_is_stored_and_read_within_memory(tmp_path):
    case = CaseFactory()

    stored = probe("upload", str(case.pk), write(tmp_path, "scan.png", large_png()))
    read = probe("read", str(Document.objects.get(case=case).pk))

    assert stored["peak_mb"] < ONE_GB and read["peak_mb"] < ONE_GB, (stored, read)
    assert read["status"] == Document.Status.DONE


def test_a_tiff_hiding_huge_pages_behind_a_small_first_page_is_refused(tmp_path):
    case = CaseFactory()

    outcome = probe("upload", str(case.pk), write(tmp_path, "fax.tiff", hostile.tiff_with_large_later_pages()))

    assert outcome["peak_mb"] < ONE_GB, outcome
    [result] = outcome["files"]
    assert result["outcome"] == "rejected" and "too large to process" in result["message"]


def test_the_worker_checks_every_tiff_page_too():
    """A file stored before the upload check knew of TIFF pages, or put in storage some other way."""
    document = DocumentFactory(file=ContentFile(hostile.tiff_with_large_later_pages(), name="fax.tiff"),
                               content_type="image/tiff", status=Document.Status.QUEUED, kind="")

    outcome = probe("read", str(document.pk))

    assert outcome["peak_mb"] < ONE_GB, outcome
    assert outcome["status"] == Document.Status.FAILED and "too large to process" in outcome["error"]


def test_the_worker_reads_a_document_of_many_large_pages_one_page_at_a_time():
    twenty_pages = hostile.tiff_with_large_later_pages(side=4_400, large_pages=19)  # 19 × 19 megapixels
    document = DocumentFactory(file=ContentFile(twenty_pages, name="booklet.tiff"), content_type="image/tiff",
                               status=Document.Status.QUEUED, kind="")

    outcome = probe("read", str(document.pk))

    assert outcome["peak_mb"] < ONE_GB, outcome
    assert outcome["status"] == Document.Status.DONE, outcome["error"]
