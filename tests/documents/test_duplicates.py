"""The same file is stored once per case, also when it is sent several times at the same moment.

The duplicate check and the insert are not atomic; a partial unique constraint on (case, sha256) among
live documents (not failed, not in the bin) makes a second copy impossible on SQLite and PostgreSQL,
and the upload that loses the race gets today's duplicate message.
"""

from __future__ import annotations

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

from documents.bin import remove_document
from documents.models import Document
from tests.conftest import wait_until_finished
from tests.documents import hostile
from tests.factories import CaseFactory, DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def post_at_once(case, data: bytes, times: int) -> list[dict]:
    clients = []
    for _ in range(times):
        client = Client()
        client.force_login(case.sponsor)
        clients.append(client)
    start = threading.Barrier(times)
    outcomes: list[dict] = []

    def post(client):
        start.wait()
        try:
            response = client.post(reverse("documents:upload", args=[case.pk]),
                                   {"files": [SimpleUploadedFile("IMG_0001.jpg", data)]}, HTTP_ACCEPT="application/json")
            outcomes.append({"status": response.status_code, **response.json()["files"][0]})
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_same_photo_sent_eight_times_at_once_is_stored_once(celery_worker):
    case = CaseFactory()

    outcomes = post_at_once(case, hostile.photo_with_text(), 8)

    assert [o["status"] for o in outcomes] == [200] * 8
    assert sorted(o["outcome"] for o in outcomes) == ["duplicate"] * 7 + ["received"]
    assert all("was uploaded before" in o["message"] for o in outcomes if o["outcome"] == "duplicate")
    [document] = Document.objects.filter(case=case)
    assert {o["document_id"] for o in outcomes} == {document.pk}
    wait_until_finished(document)  # read by the session's worker before the database is emptied for the next test


def test_the_database_refuses_a_second_live_copy_but_not_a_failed_or_binned_one():
    first = DocumentFactory(sha256="a" * 64)
    DocumentFactory(case=first.case, sha256="a" * 64, status=Document.Status.FAILED)
    binned = DocumentFactory(case=first.case, sha256="b" * 64)
    remove_document(binned, actor=None, may_review=True)
    DocumentFactory(case=first.case, sha256="b" * 64)
    DocumentFactory(sha256="a" * 64)  # another case

    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(case=first.case, sha256="a" * 64)


def test_a_removed_document_sent_again_cannot_also_come_back_from_the_bin(celery_worker):
    case = CaseFactory()
    client = Client()
    client.force_login(case.sponsor)
    data = hostile.photo_with_text()
    upload = lambda: client.post(reverse("documents:upload", args=[case.pk]),  # noqa: E731
                                 {"files": [SimpleUploadedFile("IMG_0002.jpg", data)]})
    upload()
    first = Document.objects.get(case=case)
    remove_document(first, actor=case.sponsor, may_review=False)
    upload()

    response = client.post(reverse("documents:restore", args=[first.pk]), follow=True)

    assert response.status_code == 200
    assert "was not put back: the same file was uploaded again" in response.content.decode()
    first.refresh_from_db()
    assert first.removed_at is not None
    assert Document.objects.filter(case=case, removed_at__isnull=True).count() == 1
    for document in Document.objects.filter(case=case):
        wait_until_finished(document)
