"""Whom a document is about: not yet assigned, one tap to assign, and links proposed with the difference shown.

A document linked to nobody is *not yet assigned*, unless the sponsor said it is about themself or it is of a
kind only the sponsor has (the asylum decision): it is never silently taken as the sponsor's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case, FamilyMember
from cases.services import update_family_member

from .kinds import SPONSOR_KINDS
from .linking import ProposedLink, member_name, proposed_links, stored_mentions
from .models import Document


def is_about_sponsor(document: Document) -> bool:
    return document.about_sponsor or document.kind in SPONSOR_KINDS


def needs_no_person(document: Document) -> bool:
    """Whom it is about comes from elsewhere: the sponsor's, or a translation (about whom its original is about)."""
    return is_about_sponsor(document) or document.kind == Document.Kind.TRANSLATION or bool(document.translation_of_id)


def is_unassigned(document: Document, member_ids: tuple | list | None = None) -> bool:
    """Read, about someone, not rejected, and linked to nobody. ``member_ids``: the document's members if already
    known. A rejected document counts for nobody whomever it is about: the sponsor is asked for another, not
    whom this one is about."""
    if (document.status != Document.Status.DONE or document.removed_at is not None or needs_no_person(document)
            or document.review_status == Document.Review.REJECTED):
        return False
    linked = member_ids if member_ids is not None else [m.pk for m in document.members.all()]
    return not linked


@dataclass(frozen=True)
class Proposal:
    link: ProposedLink
    member: FamilyMember

    @property
    def dates_differ(self) -> bool:
        return self.link.difference == "birth_date"


def proposals_for(document: Document, members: list[FamilyMember]) -> list[Proposal]:
    by_id = {member.pk: member for member in members}
    links = proposed_links(stored_mentions(document), [member_name(m) for m in members],
                           linked=[m.pk for m in document.members.all()], dismissed=document.dismissed_proposals or [])
    return [Proposal(link, by_id[link.member_id]) for link in links]


def annotate_cards(case: Case, documents: list[Document]) -> int:
    """Set ``unassigned`` and ``proposals`` on each document for its card; return how many are unassigned."""
    members = list(case.members.all())
    unassigned = 0
    for document in documents:
        document.unassigned = is_unassigned(document)
        document.proposals = proposals_for(document, members) if document.status == Document.Status.DONE else []
        unassigned += document.unassigned
    return unassigned


def _back_to_review(document: Document, may_review: bool, changes: dict) -> list[str]:
    """A counsellor's acceptance was for the people it was linked to then: the sponsor's change asks again."""
    if may_review or document.review_status == Document.Review.PENDING:
        return []
    changes["review_status"] = [document.review_status, Document.Review.PENDING]
    document.review_status = Document.Review.PENDING
    return ["review_status"]


def assign_document(document: Document, *, member: FamilyMember | None = None, about_sponsor: bool = False,
                    actor, may_review: bool, request=None) -> None:
    """One tap: the document is (also) about ``member``, or about the sponsor."""
    if member is not None and member.case_id != document.case_id:
        raise ValueError("Family members must belong to the document's case.")
    with transaction.atomic():
        changes: dict = {}
        fields: list[str] = []
        if member is not None and not document.members.filter(pk=member.pk).exists():
            before = sorted(document.members.values_list("pk", flat=True))
            document.members.add(member)
            changes["members"] = [before, sorted({*before, member.pk})]
        if about_sponsor and not document.about_sponsor:
            changes["about_sponsor"] = [False, True]
            document.about_sponsor = True
            fields.append("about_sponsor")
        if not changes:
            return
        fields += _back_to_review(document, may_review, changes)
        if fields:
            document.save(update_fields=[*fields, "updated_at"])
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                     changes=changes, request=request)


def confirm_proposal(document: Document, member: FamilyMember, *, birth_date: date | None = None, actor,
                     may_review: bool, request=None) -> None:
    """The sponsor says the document is about ``member``; with ``birth_date``, the member's is corrected to it."""
    with transaction.atomic():
        if birth_date is not None and birth_date != member.birth_date:
            update_family_member(member, {"birth_date": birth_date}, actor=actor, request=request)
        assign_document(document, member=member, actor=actor, may_review=may_review, request=request)


def dismiss_proposal(document: Document, member: FamilyMember, *, actor, request=None) -> None:
    """Not this member: the proposal is not made again."""
    dismissed = list(document.dismissed_proposals or [])
    if member.pk in dismissed:
        return
    with transaction.atomic():
        document.dismissed_proposals = [*dismissed, member.pk]
        document.save(update_fields=["dismissed_proposals", "updated_at"])
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                     changes={"dismissed_proposals": [dismissed, document.dismissed_proposals]}, request=request)
