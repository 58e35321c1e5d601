"""The invitation on paper: an A4 sheet in the sponsor's language and Dutch, with the code and the link as a QR code."""

import re

import pytest
import segno
from django.urls import reverse

from accounts.models import User
from tests.factories import CaseFactory, CounsellorFactory

pytestmark = pytest.mark.django_db


def open_case(client, counsellor, **extra):
    client.force_login(counsellor)
    return client.post(reverse("accounts:sponsor_case_create"), {
        "first_name": "Amal", "last_name": "Haddad", "birth_date": "1990-05-01", "v_number": "1234567890",
        "decision_date": "2026-10-01", "permit_type": "refugee", **extra,
    }, follow=True).content.decode()


def test_the_sheet_is_in_the_sponsors_language_and_dutch_with_the_code_and_a_qr_code(client):
    page = open_case(client, CounsellorFactory(), language="ar", phone="+31612345678")

    sponsor = User.objects.get(last_name="Haddad")
    assert (sponsor.preferred_language, sponsor.phone) == ("ar", "+31612345678")
    assert re.findall(r'data-sheet-language="(\w+)"', page) == ["ar", "nl"]
    assert 'lang="ar" dir="rtl"' in page and 'lang="nl" dir="ltr"' in page
    assert "دعوتك إلى" in page and "Je uitnodiging voor Nareis" in page
    link = re.search(r'data-invitation-link>([^<]+)<', page).group(1)
    expected_qr = segno.make(link, error="m").svg_inline(scale=5, border=4, dark="#000", light="#fff", omitsize=True)
    assert expected_qr in page  # the QR code encodes exactly the link
    assert page.count(re.search(r"data-invitation-code dir=\"ltr\">([^<]+)<", page).group(1)) >= 2


def test_a_new_code_is_printed_in_the_language_chosen(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    client.force_login(counsellor)
    page = client.post(reverse("accounts:invitation_issue", args=[case.pk]), {"language": "ti"},
                       follow=True).content.decode()
    assert re.findall(r'data-sheet-language="(\w+)"', page) == ["ti", "nl"]


def test_without_a_known_language_the_sheet_is_in_english_and_dutch(client):
    page = open_case(client, CounsellorFactory())
    assert re.findall(r'data-sheet-language="(\w+)"', page) == ["en", "nl"]
