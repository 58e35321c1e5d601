"""What the review screen shows beside a document, and the order a counsellor steps through documents in.

Everything here is read from rows already fetched: the screen and the queue run
the same number of queries whatever the number of documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.db.models import F, QuerySet
from django.utils.dateparse import parse_date
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from cases.models import Case, FamilyMember
from cases.selectors import cases_visible_to
from documents.assignment import is_unassigned
from documents.kinds import SPONSOR_KINDS
from documents.linking import MemberName, is_same_person
from documents.messages import doubt_message
from documents.models import Document
from documents.pipeline.doubt import MRZ_READING_DOUBTS, DoubtCode
from documents.pipeline.mrz_layouts import LAYOUTS
from documents.pipeline.mrz_parse import checks
from documents.pipeline.types import PersonMention


# Below this the pipeline is unsure of the kind: the screen says so, with the pipeline's reason if it gave one.
UNSURE_BELOW = 0.6
# Where the pipeline keeps why it is unsure of a document's kind (PipelineResult.extracted_fields).
UNSURE_KEY = "unsure"

MRZ_FIELD_LABELS = {
    "document_number": _("Document number"),
    "surname": _("Surname"),
    "given_names": _("Given names"),
    "nationality": _("Nationality"),
    "issuing_country": _("Issuing country"),
    "birth_date": _("Date of birth"),
    "sex": _("Sex"),
    "expiry_date": _("Expiry date"),
}
MRZ_DATES = ("birth_date", "expiry_date")


class LinkReason:
    MRZ = _("MRZ match")
    NAME_AND_BIRTH_DATE = _("name and date of birth match")
    NAME = _("name match")
    BY_HAND = _("linked by hand")


@dataclass(frozen=True)
class MrzField:
    label: str
    value: str | date
    check: bool | None  # the field's own check digit: agrees, does not agree, or the field has none


@dataclass(frozen=True)
class PersonRead:
    name: str
    birth_date: date | None
    from_mrz: bool


@dataclass(frozen=True)
class Link:
    member: FamilyMember
    why: str


@dataclass(frozen=True)
class Reading:
    """What the pipeline read, as the counsellor checks it."""

    confidence: float | None
    unsure: bool
    unsure_reason: str
    doubt_about: str  # DoubtAbout, or ""
    mrz_format: str
    mrz_valid: bool | None
    mrz_fields: list[MrzField] = field(default_factory=list)
    people: list[PersonRead] = field(default_factory=list)
    expiry_date: date | None = None
    languages: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    pages: int = 1
    # Whom it is about besides ``links``: the sponsor (said so, or by its kind), or nobody yet.
    about_sponsor: bool = False
    sponsor_by_kind: bool = False
    unassigned: bool = False

    @property
    def percent(self) -> int | None:
        return round(100 * self.confidence) if self.confidence is not None else None


def is_unsure(document: Document) -> bool:
    """Whether the pipeline is unsure of the document's kind: a low certainty, or a reason it gave. Once a
    counsellor has set the kind, only a doubt about what the MRZ says is left."""
    stored = _stored_doubt(document)
    if _kind_not_the_pipelines(document):
        return _doubt_code(stored) in MRZ_READING_DOUBTS
    return _low_certainty(document) or bool(doubt_message(stored))


def _kind_not_the_pipelines(document: Document) -> bool:
    """A read document without the pipeline's certainty: its kind is not the pipeline's. The certainty is cleared
    where a person sets the kind (``review.review_document``) and where a new reading finds another kind than the
    one kept (``processing.save_result``: a person's, ``Document.set_by_hand``, or a reviewed document's)."""
    return document.status == Document.Status.DONE and document.confidence is None


class DoubtAbout(StrEnum):
    """What a counsellor is asked to check where the pipeline doubts a document."""

    KIND = "kind"
    MRZ = "mrz"  # the kind is clear; what the MRZ says is in doubt
    INTENDED_DECISION = "intended_decision"  # rightly "other": a voornemen, not the decision


def doubt_about(document: Document) -> str:
    """``DoubtAbout`` for an unsure document (``is_unsure``), "" for a sure one. A doubt about the MRZ or an
    intended decision asks to check the kind only where the kind's certainty is low as well."""
    if not is_unsure(document):
        return ""
    code = _doubt_code(_stored_doubt(document))
    if code == DoubtCode.INTENDED_DECISION:
        return DoubtAbout.INTENDED_DECISION
    return DoubtAbout.MRZ if code in MRZ_READING_DOUBTS and not _low_certainty(document) else DoubtAbout.KIND


def _low_certainty(document: Document) -> bool:
    return document.confidence is not None and document.confidence < UNSURE_BELOW


def _stored_doubt(document: Document):
    """The pipeline's reason to doubt, as stored in the document's fields (``doubt_message`` reads it)."""
    return document.fields.get(UNSURE_KEY) if isinstance(document.fields, dict) else None


def _doubt_code(stored) -> str | None:
    return stored.get("code") if isinstance(stored, dict) else None


def reading_of(document: Document, members: list[FamilyMember]) -> Reading:
    """``members``: the document's own members, already fetched."""
    mrz = document.mrz if isinstance(document.mrz, dict) else None
    fields = document.fields if isinstance(document.fields, dict) else {}
    people = _people(mrz, fields)
    reason = doubt_message(fields.get(UNSURE_KEY))
    expiry = getattr(document, "expiry_date", None) or (mrz and _date(mrz.get("expiry_date")))
    pages = fields.get("pages")
    return Reading(
        confidence=document.confidence,
        unsure=is_unsure(document),
        unsure_reason=reason,
        doubt_about=doubt_about(document),
        mrz_format=mrz.get("format", "") if mrz else "",
        mrz_valid=mrz.get("valid") if mrz else None,
        mrz_fields=_mrz_fields(mrz) if mrz else [],
        people=people,
        expiry_date=expiry or None,
        languages=[language_name(code) for code in document.languages or []],
        links=[Link(member, _why_linked(member, people)) for member in members],
        pages=pages if isinstance(pages, int) and pages > 0 else 1,
        about_sponsor=document.about_sponsor,
        sponsor_by_kind=document.kind in SPONSOR_KINDS,
        unassigned=is_unassigned(document, [member.pk for member in members]),
    )


def language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _date(value) -> date | None:
    return parse_date(value) if isinstance(value, str) else None


def _people(mrz: dict | None, fields: dict) -> list[PersonRead]:
    people = []
    if mrz and (mrz.get("surname") or mrz.get("given_names")):
        name = f"{mrz.get('given_names', '')} {mrz.get('surname', '')}".strip()
        people.append(PersonRead(name, _date(mrz.get("birth_date")), from_mrz=True))
    for person in fields.get("people") or []:
        if isinstance(person, dict) and person.get("name"):
            people.append(PersonRead(person["name"], _date(person.get("birth_date")), from_mrz=False))
    return people


def _mrz_fields(mrz: dict) -> list[MrzField]:
    results = _check_results(mrz)
    rows = []
    for name, label in MRZ_FIELD_LABELS.items():
        value = mrz.get(name)
        if not value:
            continue
        rows.append(MrzField(str(label), _date(value) or value if name in MRZ_DATES else value, results.get(name)))
    return rows


def _check_results(mrz: dict) -> dict[str, bool]:
    """Each check digit of the MRZ's lines, by the field it covers ("composite" for the last)."""
    layout = LAYOUTS.get(mrz.get("format", ""))
    lines = mrz.get("lines") or []
    if layout is None or len(lines) != layout.line_count or any(len(line) != layout.line_length for line in lines):
        return {}
    names = [f.name for f in layout.fields if f.check is not None] + ["composite"]
    return dict(zip(names, checks(lines, layout), strict=True))


def _why_linked(member: FamilyMember, people: list[PersonRead]) -> str:
    candidate = MemberName(member.pk, member.given_names, member.surname, member.birth_date)
    for person in people:
        if is_same_person(candidate, PersonMention(person.name, person.birth_date)):
            if person.from_mrz:
                return str(LinkReason.MRZ)
            if person.birth_date and person.birth_date == member.birth_date:
                return str(LinkReason.NAME_AND_BIRTH_DATE)
            return str(LinkReason.NAME)
    return str(LinkReason.BY_HAND)


# --- The review queue: documents read and waiting for a counsellor, across their cases.


def managed_cases(user) -> QuerySet[Case]:
    """The cases whose documents ``user`` reviews: a counsellor's own cases; every case for admins."""
    cases = cases_visible_to(user)
    return cases if user.is_superuser or user.works_on_cases else cases.none()


def review_queue(user) -> QuerySet[Document]:
    """Documents waiting for review in ``user``'s cases: the case nearest its deadline first, then by upload."""
    return (
        Document.objects.filter(case__in=managed_cases(user).values("pk"), review_status=Document.Review.PENDING,
                                status__in=[Document.Status.DONE, Document.Status.FAILED], removed_at__isnull=True)
        .exclude(kind="")
        .order_by(F("case__application_filed_on").asc(nulls_first=True),
                  F("case__permit_decision_date").asc(nulls_last=True), "case_id", "created_at", "id")
    )


def neighbours(ids: list[int], current: int) -> tuple[int | None, int | None]:
    """The documents before and after ``current`` in ``ids``; for one not in it, the first as the next."""
    if current not in ids:
        return None, ids[0] if ids else None
    index = ids.index(current)
    return (ids[index - 1] if index > 0 else None), (ids[index + 1] if index + 1 < len(ids) else None)
