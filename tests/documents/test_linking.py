"""Which family members a document's named people are (pure functions, no database)."""

from __future__ import annotations

from datetime import date

import pytest

from documents.linking import MemberName, is_same_person, match_members
from documents.pipeline.types import PersonMention

MARYAM = MemberName(1, "Maryam", "Darwish", date(1990, 3, 4))
SAMIR = MemberName(2, "Samir", "Al-Hussein", date(2001, 8, 8))
MOHAMMED = MemberName(3, "Muhammad Ali", "Hassan", None)


@pytest.mark.parametrize("written", ["MOHAMMED ALI HASSAN", "Hassan, Mohamad", "MUHAMMAD HASAN"])
def test_latin_spellings_of_one_name_are_the_same_person(written):
    assert is_same_person(MOHAMMED, PersonMention(written, None))


def test_different_birth_dates_are_different_people():
    assert not is_same_person(MARYAM, PersonMention("MARYAM DARWISH", date(1991, 3, 4)))


@pytest.mark.parametrize("written", ["مريم درويش", "درويش مريم"])
def test_name_in_arabic_script_is_the_member_with_that_latin_name(written):
    assert is_same_person(MARYAM, PersonMention(written, None))


def test_arabic_name_with_another_family_name_is_someone_else():
    assert not is_same_person(MARYAM, PersonMention("مريم حيدري", None))


def test_arabic_article_and_given_name_alone_with_the_birth_date_link_the_child():
    assert is_same_person(SAMIR, PersonMention("سمير", date(2001, 8, 8)))
    assert not is_same_person(SAMIR, PersonMention("سمير", None))
    assert is_same_person(SAMIR, PersonMention("سمير الحسين", None))


def test_booklet_in_arabic_links_each_member_it_names():
    mentions = [PersonMention("حسن الحسين", None), PersonMention("سمير", date(2001, 8, 8)),
                PersonMention("مريم درويش", None)]
    assert match_members(mentions, [MARYAM, SAMIR, MOHAMMED]) == [1, 2]
