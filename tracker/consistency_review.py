"""The documents that disagree on a member, side by side with the sponsor's entry, for the counsellor
(CONTRACTS.md section 3); a disagreement marked explained stops warning until other documents disagree."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case, FamilyMember
from documents.models import Document

from . import rules
from .models import ConsistencyNote
from .rules.consistency import Disagreement, disagreements, value_key

WHAT_DISAGREES = {
    rules.WarningCode.INCONSISTENT_BIRTH_DATE: gettext_lazy("Date of birth"),
    rules.WarningCode.INCONSISTENT_GIVEN_NAMES: gettext_lazy("First given name"),
}


class ConsistencyError(ValueError):
    """A disagreement that cannot be marked explained; the message is shown to the counsellor."""


@dataclass(frozen=True)
class SourceRow:
    document: Document | None  # None: the sponsor's entry
    value: str


@dataclass(frozen=True)
class DisagreementRow:
    member: FamilyMember
    code: str
    what: str
    sources: list[SourceRow]
    document_ids: list[str]
    values: list[str]  # value keys of every source
    note: ConsistencyNote | None  # set when a counsellor explained it


def _shown(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if isinstance(value, date) else str(value)


def disagreement_rows(facts: rules.CaseFacts, members: dict[str, FamilyMember], documents: dict[str, Document],
                      notes: list[ConsistencyNote]) -> list[DisagreementRow]:
    rows = []
    for found in disagreements(facts):
        member = members.get(found.member)
        if member is None:
            continue
        note = _note_for(found, notes)
        rows.append(DisagreementRow(
            member=member, code=found.code, what=str(WHAT_DISAGREES[found.code]),
            sources=[SourceRow(documents.get(source.document) if source.document else None, _shown(source.value))
                     for source in found.sources],
            document_ids=list(found.documents), values=_keys(found), note=note,
        ))
    return rows


def _keys(found: Disagreement) -> list[str]:
    return sorted({value_key(source.value) for source in found.sources})


def _note_for(found: Disagreement, notes: list[ConsistencyNote]) -> ConsistencyNote | None:
    return next((note for note in notes if str(note.member_id) == found.member and note.code == found.code
                 and note.covers(_keys(found))), None)


def without_explained(evaluation: rules.CaseEvaluation, rows: list[DisagreementRow]) -> rules.CaseEvaluation:
    """The evaluation without the warnings of disagreements a counsellor explained."""
    explained = {(str(row.member.pk), row.code) for row in rows if row.note is not None}
    warnings = [w for w in evaluation.warnings if (w.member, w.code) not in explained]
    return replace(evaluation, warnings=warnings)


def mark_explained(case: Case, *, member: FamilyMember, code: str, documents: list[str], values: list[str],
                   note: str, actor, request=None) -> ConsistencyNote:
    if member.case_id != case.pk:
        raise ConsistencyError(_("Choose a family member of this case."))
    if code not in WHAT_DISAGREES:
        raise ConsistencyError(_("This is not a disagreement between documents."))
    if not note.strip():
        raise ConsistencyError(_("Write why the documents disagree."))
    with transaction.atomic():
        saved = ConsistencyNote.objects.create(case=case, member=member, code=code, documents=sorted(documents),
                                               values=sorted(set(values)), note=note.strip(), created_by=actor)
        record_event(actor=actor, action=AuditEvent.Action.CREATE, target=saved, case_id=case.pk,
                     changes={"member": [None, member.pk], "code": [None, code], "documents": [None, saved.documents],
                              "values": [None, saved.values], "note": [None, saved.note]}, request=request)
    return saved
