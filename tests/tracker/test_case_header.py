"""A counsellor opening a case sees whose it is and how far it stands, on a page laid out for a laptop."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def test_the_case_page_names_the_sponsor_and_shows_deadline_and_progress_to_counsellors(client):
    counsellor = CounsellorFactory(first_name="Sanne", last_name="de Vries")
    case = CaseFactory(counsellors=[counsellor], v_number="3012345678",
                       permit_decision_date=timezone.localdate() - timedelta(days=30),
                       sponsor__first_name="Amanuel", sponsor__last_name="Tesfay",
                       sponsor__email="amanuel@example.org", sponsor__preferred_language="ti")
    child = FamilyMemberFactory(case=case)
    DocumentFactory(case=case, review_status="accepted").members.add(child)
    client.force_login(counsellor)

    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()

    header = page[page.index("data-case-header"):page.index("</header>", page.index("data-case-header"))]
    assert "Amanuel Tesfay" in header and "3012345678" in header and "ትግርኛ" in header
    assert "amanuel@example.org" in header and "Sanne de Vries" in header
    days_left = (case.deadline - timezone.localdate()).days
    assert f'data-days-left="{days_left}"' in header and f"{days_left} days left" in header
    assert 'data-share="' in header and 'class="staff"' in page


@pytest.mark.parametrize(("staff_language", "sponsor_language", "shown"), [
    ("nl", "ar", "Arabisch (العربيّة)"), ("nl", "so", "Somalisch (Soomaali)"), ("nl", "nl", ">Nederlands<"),
    ("en", "ti", "Tigrinya (ትግርኛ)"),
])
def test_the_sponsors_language_is_named_in_the_counsellors_language_too(client, staff_language, sponsor_language,
                                                                        shown):
    counsellor = CounsellorFactory(preferred_language=staff_language)
    case = CaseFactory(counsellors=[counsellor], sponsor__preferred_language=sponsor_language)
    client.force_login(counsellor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    language = page[page.index("data-language"):]
    assert language[:language.index("</dd>") + 5].endswith(f"{shown.strip('<>')}</dd>")


def test_the_sponsor_keeps_the_phone_page_without_the_staff_header(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "data-case-header" not in page and 'class="staff"' not in page


def test_the_checklist_asks_in_the_sponsors_words_only_on_the_sponsors_page(client):
    """'Where do I get them?' is the sponsor's question; the counsellor's page says whose task it is."""
    counsellor = CounsellorFactory(preferred_language="nl")
    case = CaseFactory(counsellors=[counsellor], sponsor__preferred_language="nl")
    FamilyMemberFactory(case=case)
    client.force_login(counsellor)
    staff_page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Wat telt, en waar de referent het krijgt" in staff_page and "Waar krijg ik ze?" not in staff_page
    client.force_login(case.sponsor)
    sponsor_page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Waar krijg ik ze?" in sponsor_page and "Wat telt" not in sponsor_page
