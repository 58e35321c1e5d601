"""The dashboard's rows are drawn again only when what they show changed (tracker/dashboard_rows.py): a row is
kept under a key made of its facts, so a changed fact can never show an old row."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import CaseFactory, CoordinatorFactory, CounsellorFactory, OrganisationFactory
from tracker.models import CaseSummary
from tracker.page_cache import bump

pytestmark = pytest.mark.django_db


def row_of(client, case) -> str:
    page = client.get(reverse("tracker:case_list")).content.decode()
    return re.search(rf'<tr [^>]*data-case="{case.pk}".*?</tr>', page, re.S).group(0)


@pytest.fixture
def team():
    organisation = OrganisationFactory()
    counsellor = CounsellorFactory(organisation=organisation, first_name="Sanne", last_name="de Vries")
    cases = [CaseFactory(organisation=organisation, counsellors=[counsellor]) for _ in range(3)]
    return organisation, counsellor, cases


def test_a_row_whose_summary_changed_behind_the_signals_back_is_drawn_again(client, team):
    organisation, counsellor, cases = team
    client.force_login(CoordinatorFactory(organisation=organisation))
    assert 'data-awaiting-review="0"' in row_of(client, cases[0])

    # Not through the signals: only the page's generation is replaced, as after a change to another case.
    CaseSummary.objects.filter(case=cases[0]).update(awaiting_review=4)
    bump([organisation.pk])

    assert 'data-awaiting-review="4"' in row_of(client, cases[0])
    assert 'data-awaiting-review="0"' in row_of(client, cases[1])


def test_a_counsellors_new_name_shows_on_every_row_they_follow(client, team):
    organisation, counsellor, cases = team
    client.force_login(CoordinatorFactory(organisation=organisation))
    assert "Sanne de Vries" in row_of(client, cases[2])

    counsellor.last_name = "Bakker"
    counsellor.save()

    assert all("Sanne Bakker" in row_of(client, case) for case in cases)


def test_rows_follow_the_language(client, team):
    organisation, counsellor, cases = team
    client.force_login(counsellor)
    english = row_of(client, cases[0])
    counsellor.preferred_language = "nl"
    counsellor.save()

    dutch = row_of(client, cases[0])

    assert english != dutch
