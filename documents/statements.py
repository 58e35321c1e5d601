"""What a document says about each family member it is linked to, as the rules compare it.

CONTRACTS.md section 3 (the same person on every document) takes, per document,
entries of given names, surname and birth date per member. They come from
``linking.said_about`` (the person the document names who is that member by name,
or the holder of a document about one member alone: the MRZ, a certificate's
fields, a family booklet's rows), the same function form 647's data uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from .kinds import PersonFacts
from .linking import said_about
from .models import Document


def people_statements(document: Document, members: Sequence) -> list[PersonFacts]:
    """The rules' ``people`` entries of ``document``; ``members``: the family members it is linked to."""
    statements = []
    for member in members:
        for mention in said_about(member, document, linked_count=len(members)):
            if mention.given_names or mention.birth_date:
                statements.append(PersonFacts(str(member.pk), mention.given_names, mention.surname,
                                              mention.birth_date))
    return statements
