"""Take it again (issue 12): the card names what is wrong with a photo, and a new photo replaces it."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from documents.models import Document
from documents.retake import RETAKE_LABELS
from documents.pipeline.retake import Retake
from tests.factories import CaseFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def _photo(name="new.png", shade=200) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 1200), (shade, shade, shade)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def blurred():
    case = CaseFactory()
    member = FamilyMemberFactory(case=case)
    document = DocumentFactory(case=case, kind="birth_certificate", original_name="IMG_0042.jpg",
                               fields={"retake": ["blurred", "cut_off"]})
    document.members.add(member)
    return document


def _case_page(client, document) -> str:
    return client.get(reverse("tracker:case_detail", args=[document.case_id])).content.decode()


def test_the_card_says_what_is_wrong_in_the_sponsors_language(client, blurred):
    client.force_login(blurred.case.sponsor)
    page = _case_page(client, blurred)
    assert 'data-retake="blurred cut_off"' in page and "data-retake-submit" in page
    assert str(RETAKE_LABELS[Retake.BLURRED]) in page and str(RETAKE_LABELS[Retake.CUT_OFF]) in page
    blurred.case.sponsor.preferred_language = "ar"
    blurred.case.sponsor.save()
    with translation.override("ar"):
        arabic = str(RETAKE_LABELS[Retake.BLURRED])
    assert arabic != str(RETAKE_LABELS[Retake.BLURRED])
    assert arabic in _case_page(client, blurred)


def test_a_good_photo_and_an_accepted_document_get_no_advice(client, blurred):
    good = DocumentFactory(case=blurred.case, original_name="good.jpg", fields={"retake": []})
    blurred.review_status = Document.Review.ACCEPTED
    blurred.save()
    client.force_login(blurred.case.sponsor)
    page = _case_page(client, blurred)
    assert "data-retake=" not in page and good.original_name in page


def test_take_it_again_replaces_the_document_and_keeps_its_links(client, blurred):
    client.force_login(blurred.case.sponsor)
    page = client.post(reverse("documents:retake", args=[blurred.pk]), {"file": _photo()}, follow=True).content.decode()
    blurred.refresh_from_db()
    assert blurred.removed_at is not None  # in the bin, where it can be put back
    new = Document.objects.get(case=blurred.case, removed_at__isnull=True)
    assert new.original_name == "new.png" and list(new.members.all()) == list(blurred.members.all())
    assert f'data-binned="{blurred.pk}"' in page and f'data-document="{new.pk}"' in page


def test_the_new_photo_keeps_the_kind_a_counsellor_gave_the_old_one(client, blurred):
    blurred.set_by_hand = ["kind"]
    blurred.save()
    client.force_login(blurred.case.sponsor)
    client.post(reverse("documents:retake", args=[blurred.pk]), {"file": _photo()})
    new = Document.objects.get(case=blurred.case, removed_at__isnull=True)
    assert (new.kind, new.set_by_hand) == ("birth_certificate", ["kind"])


def test_without_a_photo_or_with_the_same_photo_nothing_is_replaced(client, blurred):
    client.force_login(blurred.case.sponsor)
    client.post(reverse("documents:retake", args=[blurred.pk]), {})
    blurred.refresh_from_db()
    assert blurred.removed_at is None
    client.post(reverse("documents:retake", args=[blurred.pk]), {"file": _photo()})
    new = Document.objects.get(case=blurred.case, removed_at__isnull=True)
    client.post(reverse("documents:retake", args=[new.pk]), {"file": _photo("again.png")})
    new.refresh_from_db()
    assert new.removed_at is None  # the same bytes again: a new photo is asked for


def test_the_pages_script_gets_the_outcome_and_a_resend_is_recognised(client, blurred):
    """A retake kept on the phone (nareis.js) is sent again when its answer was lost: it is not stored twice,
    and the sponsor reads that it arrived, not that the document can no longer be replaced."""
    client.force_login(blurred.case.sponsor)
    url = reverse("documents:retake", args=[blurred.pk])
    first = client.post(url, {"file": _photo()}, headers={"Accept": "application/json"})
    assert first.status_code == 200
    sent = first.json()["files"][0]
    new = Document.objects.get(case=blurred.case, removed_at__isnull=True)
    assert sent["outcome"] == "received" and sent["document_id"] == new.pk and sent["name"] == "new.png"

    again = client.post(url, {"file": _photo()}, headers={"Accept": "application/json"})
    assert again.status_code == 200
    assert again.json()["files"][0] == sent
    assert Document.objects.filter(case=blurred.case).count() == 2

    other = client.post(url, {"file": _photo("other.png", shade=90)}, headers={"Accept": "application/json"})
    assert other.status_code == 422  # another photo for a document already replaced: said so, nothing stored
    assert other.json()["files"][0]["outcome"] == "rejected"
    assert Document.objects.filter(case=blurred.case).count() == 2
    nothing = client.post(reverse("documents:retake", args=[new.pk]), {}, headers={"Accept": "application/json"})
    assert nothing.status_code == 422 and nothing.json()["files"][0]["message"] == "Choose the new photo first."
