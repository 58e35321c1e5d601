"""What a counsellor does with the evidence: review documents, explain what cannot be had, keep the case's facts.

Every change is recorded in the audit trail with who made it and when; the
case page shows that history to counsellors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case, FamilyMember
from documents.models import Document
from documents.services import set_document_members

from .decision_date import forget_proposal_from
from .models import Explanation
from .notifications import Notice, notify_sponsor_on_commit


class ReviewError(ValueError):
    """A change that cannot be made; the message is shown to the counsellor, next to ``field`` when it names one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


UNCHANGED = object()  # a review that does not touch a field


@dataclass(frozen=True)
class DocumentReview:
    review_status: str
    review_reason: str
    kind: str
    members: list[FamilyMember]
    translation_of: Document | None
    rejection_reason: str = ""  # a Document.RejectionReason; review_reason is then the counsellor's own note
    expiry_date: Any = UNCHANGED  # a passport's or ID card's, as the counsellor corrects it (None: not known)
    # About the sponsor (also): distinct from linked to nobody, which leaves the document not yet assigned.
    about_sponsor: Any = UNCHANGED


def review_document(document: Document, review: DocumentReview, *, actor, request=None) -> dict:
    """Apply a counsellor's review; return the changes made (field: [old, new]), also kept in the audit trail."""
    rejected = review.review_status == Document.Review.REJECTED
    if rejected and not (review.rejection_reason or review.review_reason.strip()):
        raise ReviewError(_("Choose a reason when you reject a document: the sponsor reads it in their language."),
                          field="rejection_reason")
    if any(member.case_id != document.case_id for member in review.members):
        raise ReviewError(_("Choose family members of this case."), field="members")
    _check_translation_of(document, review.translation_of)

    old_members = sorted(document.members.values_list("pk", flat=True))
    new_members = sorted(member.pk for member in review.members)
    changes = {}
    corrected = [(field, getattr(review, field)) for field in ("expiry_date", "about_sponsor")
                 if getattr(review, field) is not UNCHANGED]
    for field, new in (("review_status", review.review_status), ("review_reason", review.review_reason.strip()),
                       ("rejection_reason", review.rejection_reason if rejected else ""), ("kind", review.kind),
                       *corrected):
        if getattr(document, field) != new:
            changes[field] = [getattr(document, field), new]
            setattr(document, field, new)
    if "kind" in changes and document.confidence is not None:
        # The kind is the counsellor's now: the pipeline's certainty was about its own (the screen showed
        # "ID card, certainty 95%" for a passport read with 95%, and kept asking to check the kind).
        changes["confidence"] = [document.confidence, None]
        document.confidence = None
    new_original = review.translation_of.pk if review.translation_of else None
    if document.translation_of_id != new_original:
        changes["translation_of"] = [document.translation_of_id, new_original]
        document.translation_of_id = new_original
    if old_members != new_members:
        changes["members"] = [old_members, new_members]
    if not changes:
        return {}
    # Not a change of its own in the audit trail: it follows from the kind, date or members recorded there.
    by_hand = document.hand_set_after(changes)
    by_hand_changed = by_hand != sorted(document.set_by_hand or [])
    document.set_by_hand = by_hand
    with transaction.atomic():
        # Only the reviewed fields: the worker may be writing others (a document being read again).
        fields = [field for field in changes if field != "members"] + (["set_by_hand"] if by_hand_changed else [])
        if fields:
            document.save(update_fields=[*fields, "updated_at"])
        if "members" in changes:
            set_document_members(document, review.members)
        if document.review_status == Document.Review.REJECTED:
            forget_proposal_from(document)
            if "review_status" in changes:  # told in their language, with the reason
                notify_sponsor_on_commit(document.case_id, Notice.DOCUMENT_REJECTED, document=document)
        action = AuditEvent.Action.REVIEW if "review_status" in changes else AuditEvent.Action.CHANGE
        record_event(actor=actor, action=action, target=document, case_id=document.case_id, changes=changes,
                     request=request)
    return changes


def accept_documents(documents: Iterable[Document], *, actor, request=None) -> int:
    """Accept several documents as they are (kind, links and translation unchanged); return how many changed."""
    accepted = 0
    for document in documents:
        review = DocumentReview(review_status=Document.Review.ACCEPTED, review_reason=document.review_reason,
                                kind=document.kind, members=list(document.members.all()),
                                translation_of=document.translation_of)
        accepted += bool(review_document(document, review, actor=actor, request=request))
    return accepted


def _check_translation_of(document: Document, original: Document | None) -> None:
    if original is None:
        return
    if original.pk == document.pk:
        raise ReviewError(_("A document cannot be its own translation."), field="translation_of")
    if original.case_id != document.case_id:
        raise ReviewError(_("The original must be a document of this case."), field="translation_of")
    if original.translation_of_id == document.pk:
        raise ReviewError(_("That document is already marked as a translation of this one."), field="translation_of")


def add_explanation(case: Case, *, member: FamilyMember | None, requirement: str, text: str, remedy: str = "",
                    document_sought: str = "", attempts: str = "", other_evidence: str = "",
                    actor, request=None) -> Explanation:
    """Record why evidence cannot be had, with each part the IND weighs (all required)."""
    if member is not None and member.case_id != case.pk:
        raise ReviewError(_("Choose a family member of this case."), field="member")
    parts = {"document_sought": document_sought.strip(), "text": text.strip(), "attempts": attempts.strip(),
             "other_evidence": other_evidence.strip()}
    for field, message in (
        ("document_sought", _("Say which document cannot be had.")),
        ("text", _("Write why the evidence cannot be had.")),
        ("attempts", _("Write what was tried to get it.")),
        ("other_evidence", _("Write what other evidence exists (or that there is none).")),
    ):
        if not parts[field]:
            raise ReviewError(message, field=field)
    with transaction.atomic():
        explanation = Explanation.objects.create(case=case, member=member, requirement=requirement, remedy=remedy,
                                                 created_by=actor, **parts)
        record_event(actor=actor, action=AuditEvent.Action.CREATE, target=explanation, case_id=case.pk,
                     changes={"requirement": [None, requirement], "member": [None, member.pk if member else None],
                              **{field: [None, value] for field, value in parts.items()}, "remedy": [None, remedy]},
                     request=request)
    return explanation


def withdraw_explanation(explanation: Explanation, *, actor, request=None) -> None:
    with transaction.atomic():
        record_event(actor=actor, action=AuditEvent.Action.DELETE, target=explanation, case_id=explanation.case_id,
                     changes={"text": [explanation.text, None]}, request=request)
        explanation.delete()


CASE_FACT_FIELDS = (
    "v_number", "sponsor_birth_date", "permit_decision_date", "permit_type", "application_filed_on",
    "planned_filing_on", "sponsor_asylum_application_date", "policy_override", "policy_override_reason",
    "late_reason",
)


def update_case_facts(case: Case, values: dict, *, actor, request=None) -> dict:
    """Change the case's own facts (decision date, permit type, V-number...); return and record the changes.

    Choosing the rules by hand needs a reason (ReviewError otherwise)."""
    override = values.get("policy_override", case.policy_override)
    reason = values.get("policy_override_reason", case.policy_override_reason)
    if override and not (reason or "").strip():
        raise ReviewError(_("Give a reason when you choose which rules apply."))
    changes = {}
    for field in CASE_FACT_FIELDS:
        if field in values and getattr(case, field) != values[field]:
            changes[field] = [getattr(case, field), values[field]]
            setattr(case, field, values[field])
    if "permit_decision_date" in changes and case.decision_date_to_check:
        changes["decision_date_to_check"] = [True, False]  # a counsellor entered the date: nothing left to check
        case.decision_date_to_check = False
    if changes:
        with transaction.atomic():
            case.save(update_fields=[*changes, "updated_at"])  # not the proposal, which the worker may be writing
            record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk,
                         changes=changes, request=request)
    return changes
