"""The rules and the documents app share a vocabulary (documents.kinds); where each keeps its own table, they agree."""

import pytest

from documents.assignment import is_about_sponsor
from documents.kinds import SPONSOR_KINDS, DocumentKind
from tests.factories import DocumentFactory
from tracker.rules.policy import SPONSOR_EVIDENCE


def test_the_kinds_documents_keep_for_the_sponsor_are_those_the_rules_count_for_the_sponsor():
    assert SPONSOR_KINDS == frozenset().union(*SPONSOR_EVIDENCE.values())


@pytest.mark.django_db
def test_an_asylum_decision_linked_to_nobody_is_the_sponsors():
    assert is_about_sponsor(DocumentFactory(kind=DocumentKind.ASYLUM_DECISION))
    assert not is_about_sponsor(DocumentFactory(kind=DocumentKind.PASSPORT))
