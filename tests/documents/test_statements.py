"""What a document says about each family member it is linked to, as the rules compare it (documents/statements.py)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from documents.models import Document
from documents.statements import people_statements
from tracker.rules import PersonFacts

NOUR = SimpleNamespace(pk=7, given_names="Nour", surname="Rahimi", birth_date=date(2016, 6, 7))
YONAS = SimpleNamespace(pk=8, given_names="Yonas", surname="Rahimi", birth_date=date(2019, 10, 19))
MRZ = {"valid": True, "surname": "RAHIMI", "given_names": "NOUR", "birth_date": "2016-06-08"}


def document(kind="passport", mrz=None, people=()):
    return Document(kind=kind, mrz=mrz, fields={"people": list(people)})


def test_a_passport_about_one_member_speaks_through_its_mrz():
    assert people_statements(document(mrz=MRZ), [NOUR]) == [PersonFacts("7", "NOUR", "RAHIMI", date(2016, 6, 8))]


def test_the_holder_of_a_passport_about_one_member_is_compared_even_under_another_name():
    mrz = MRZ | {"given_names": "SELAM"}
    assert people_statements(document(mrz=mrz), [NOUR]) == [PersonFacts("7", "SELAM", "RAHIMI", date(2016, 6, 8))]


def test_a_mention_is_matched_by_name_so_a_different_birth_date_is_compared_not_lost():
    people = [{"name": "Nour Rahimi", "given_names": "Nour", "surname": "Rahimi", "birth_date": "2016-07-06"},
              {"name": "Yonas Rahimi", "birth_date": "2019-10-19"}]
    assert people_statements(document("family_booklet", people=people), [NOUR, YONAS]) == [
        PersonFacts("7", "Nour", "Rahimi", date(2016, 7, 6)),
        PersonFacts("8", None, None, date(2019, 10, 19)),
    ]


def test_a_mention_that_names_no_linked_member_says_nothing_on_a_shared_document():
    people = [{"name": "Selam Tesfay", "birth_date": "2000-01-01"}]
    assert people_statements(document("family_booklet", people=people), [NOUR, YONAS]) == []


def test_a_document_about_the_sponsor_says_nothing_about_members():
    assert people_statements(document(mrz=MRZ), []) == []
