"""Nothing lost by a wrong tap: removing moves a document to the bin, undo puts it back, the bin empties itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from config.celery import app as celery_app
from documents.bin import empty_bin
from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory
from tests.test_access_matrix import DONE, MATRIX, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor():
    return CounsellorFactory()


@pytest.fixture
def document(counsellor):
    return DocumentFactory(case=CaseFactory(counsellors=[counsellor]), original_name="passport.jpg")


def test_removing_asks_first_even_without_javascript(client, document):
    client.force_login(document.case.sponsor)
    page = client.get(reverse("documents:remove", args=[document.pk])).content.decode()
    assert "passport.jpg" in page and "data-confirm-remove" in page
    document.refresh_from_db()
    assert document.removed_at is None  # asking removes nothing


def test_remove_and_undo_right_there(client, document):
    client.force_login(document.case.sponsor)
    page = client.post(reverse("documents:remove", args=[document.pk]), follow=True).content.decode()
    document.refresh_from_db()
    assert document.removed_at is not None and document.removed_by == document.case.sponsor
    assert f'data-binned="{document.pk}"' in page and f'data-restore="{document.pk}"' in page
    assert f'data-document="{document.pk}"' not in page  # no longer among the documents

    client.post(reverse("documents:restore", args=[document.pk]))

    document.refresh_from_db()
    assert document.removed_at is None and default_storage.exists(document.file.name)


def test_the_sponsor_reads_that_they_removed_it_and_the_counsellor_reads_who_did(client, document, counsellor):
    """The sponsor read "Removed by Omar Rahimi on ..." about their own tap, as if someone else had done it."""
    sponsor = document.case.sponsor
    client.force_login(sponsor)
    page = client.post(reverse("documents:remove", args=[document.pk]), follow=True).content.decode()
    assert "You removed it on" in page and "Removed by" not in page

    client.force_login(counsellor)
    page = client.get(reverse("tracker:case_detail", args=[document.case_id])).content.decode()
    assert "Removed by <bdi>" in page
    assert "You removed it on" not in page


def test_a_removed_document_no_longer_counts_as_evidence(client, document):
    member = document.case.members.create(relation="child", given_names="Sara", surname="Haile")
    document.members.add(member)
    client.force_login(document.case.sponsor)
    assert 'data-requirement="identity" data-status="pending"' in client.get(
        reverse("tracker:case_detail", args=[document.case_id])).content.decode()
    client.post(reverse("documents:remove", args=[document.pk]))
    page = client.get(reverse("tracker:case_detail", args=[document.case_id])).content.decode()
    assert 'data-requirement="identity" data-status="missing"' in page


def test_the_counsellor_sees_what_was_removed_by_whom_and_restores_it(client, document, counsellor):
    client.force_login(document.case.sponsor)
    client.post(reverse("documents:remove", args=[document.pk]))
    client.force_login(counsellor)
    page = client.get(reverse("documents:bin", args=[document.case_id])).content.decode()
    assert "passport.jpg" in page and str(document.case.sponsor) in page
    client.post(reverse("documents:restore", args=[document.pk]))
    document.refresh_from_db()
    assert document.removed_at is None
    actions = list(AuditEvent.objects.filter(target_id=str(document.pk), action="change")
                   .values_list("actor", "changes__removed_at__1"))
    assert [actor for actor, _ in actions] == [counsellor.pk, document.case.sponsor_id]


def test_an_accepted_document_is_removed_only_by_a_counsellor_the_sponsor_asks(client, document, counsellor):
    Document.objects.filter(pk=document.pk).update(review_status=Document.Review.ACCEPTED)
    client.force_login(document.case.sponsor)
    client.post(reverse("documents:remove", args=[document.pk]))
    document.refresh_from_db()
    assert document.removed_at is None

    client.post(reverse("documents:ask_removal", args=[document.pk]))
    document.refresh_from_db()
    assert document.removal_requested_at is not None

    client.force_login(counsellor)
    assert 'data-removal-requests="1"' in client.get(reverse("tracker:case_list")).content.decode()
    assert f'data-requested="{document.pk}"' in client.get(reverse("documents:bin", args=[document.case_id])).content.decode()
    client.post(reverse("documents:remove", args=[document.pk]))
    document.refresh_from_db()
    assert document.removed_at is not None and document.removed_by == counsellor


def test_asking_to_remove_an_accepted_document_stands_where_removing_does(client, document):
    """The sponsor's way to take back an accepted document was folded under "About whom?", where the page itself
    says a sponsor taking back a wrong photo does not look."""
    Document.objects.filter(pk=document.pk).update(review_status=Document.Review.ACCEPTED)
    client.force_login(document.case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[document.case_id])).content.decode()
    card = page[page.index(f'data-document="{document.pk}"'):]
    assert "data-ask-removal" in card and card.index("</details>") < card.index("data-ask-removal")


def test_the_bin_empties_itself_after_the_period_and_only_then(document):
    client_time = timezone.now()
    Document.objects.filter(pk=document.pk).update(removed_at=client_time)
    name = document.file.name
    assert empty_bin(now=client_time + timedelta(days=settings.DOCUMENT_BIN_DAYS) - timedelta(minutes=1)) == 0
    assert default_storage.exists(name)
    assert empty_bin(now=client_time + timedelta(days=settings.DOCUMENT_BIN_DAYS)) == 1
    assert not Document.objects.filter(pk=document.pk).exists()
    event = AuditEvent.objects.filter(action="delete", target_id=str(document.pk)).get()
    assert event.actor is None and event.target_repr == "passport.jpg"


def test_celery_beat_empties_the_bin(document):
    from documents.tasks import empty_bin_task

    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert empty_bin_task.name in schedule and empty_bin_task.name in celery_app.tasks
    Document.objects.filter(pk=document.pk).update(removed_at=timezone.now() - timedelta(days=settings.DOCUMENT_BIN_DAYS))
    assert empty_bin_task() == 1


def test_nothing_a_sponsor_does_deletes_a_file_before_the_bin_empties(client, django_capture_on_commit_callbacks):
    """Every URL of the project, as the sponsor of the case (GET and POST, with the matrix's data and as a
    removal): every file stays in storage, and every document stays in the database."""
    world = World()
    others = [DocumentFactory(case=world.case, review_status=status) for status in ("accepted", "rejected", "pending")]
    documents = [world.document, *others]
    client.force_login(world.users["sponsor"])
    with django_capture_on_commit_callbacks(execute=True):
        for route, entry in sorted(MATRIX.items()):
            if route == "logout/":
                continue
            for document in documents if route.startswith("documents/") else [world.document]:
                url = entry.url(world).replace(f"/documents/{world.document.pk}/", f"/documents/{document.pk}/")
                client.get(url)
                client.post(url, entry.data(world))
                client.post(url, {**entry.data(world), "answer": "correct", "about_sponsor": "1", "post": "yes"})
        for document in documents:  # the admin's own delete is behind its staff check: the sponsor gets its login
            response = client.post(f"/admin/documents/document/{document.pk}/delete/", {"post": "yes"})
            assert response.status_code == 302 and response.url.startswith("/admin/login/")
    for document in documents:
        assert Document.objects.filter(pk=document.pk).exists()
        assert default_storage.exists(document.file.name), document
