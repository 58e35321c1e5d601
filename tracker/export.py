"""The dossier for the application: one ZIP per case.

Documents are grouped in a folder per person (the sponsor first, then each
family member), a translation lies beside its original, the scans of the IND's
letters are in ``00-ind-letters/``, and ``00-index.pdf`` lists the deadline, the
checklist and every file. Rejected documents stay out.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils import translation
from django.utils.translation import gettext as _, ngettext

from cases.models import Case
from documents.models import Document

from .application_form import DISPUTED, FORM_INTRO, FORM_TITLE, PROOF, UNKNOWN, application_form
from .checklist import Checklist, build_checklist, shown_warnings
from .labels import DEADLINE_STATUS_LABELS, REASON_LABELS, WARNING_LABELS, relation_label
from .models import IndLetter

# Fonts for every script of the interface (Debian's fonts-noto-core, installed by the Makefile), so names in the
# index print as written: Latin (Dutch, English, Somali, Turkish), Ge'ez (Tigrinya), Arabic (Arabic, Farsi).
# Text shaping (HarfBuzz, through uharfbuzz) joins Arabic letters and lays right-to-left text out right to left.
_NOTO = Path("/usr/share/fonts/truetype/noto")
_FONTS = {
    "Index": _NOTO / "NotoSans-Regular.ttf",
    "IndexEthiopic": _NOTO / "NotoSansEthiopic-Regular.ttf",
    "IndexArabic": _NOTO / "NotoNaskhArabic-Regular.ttf",
}
# fpdf2 subsets fonts through fontTools, which logs every glyph at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)
_SPOOL_BYTES = 16 * 1024 * 1024  # larger dossiers go to a temporary file, not memory


@dataclass(frozen=True)
class DossierFile:
    path: str  # inside the ZIP
    document: Document


@dataclass(frozen=True)
class LetterFile:
    path: str  # inside the ZIP
    letter: IndLetter


@dataclass(frozen=True)
class Dossier:
    filename: str
    file: tempfile.SpooledTemporaryFile  # positioned at the start
    files: list[DossierFile]
    missing: list[Document]  # documents whose stored file could not be read
    letters: list[LetterFile] = field(default_factory=list)  # the IND letters' scans


def dossier_name(case: Case, today: date) -> str:
    return f"nareis-dossier-{slugify(case.v_number or str(case.pk))}-{today.isoformat()}"


def person_folders(case: Case, checklist: Checklist) -> dict[int | None, str]:
    """A folder per person: the sponsor (key None) first, then each family member by id."""
    folders = {None: f"01-{_slug(str(case.sponsor)) or 'sponsor'}"}
    for index, row in enumerate(checklist.members, start=2):
        folders[row.member.pk] = f"{index:02d}-{_slug(row.member.full_name) or f'member-{row.member.pk}'}"
    return folders


def plan_files(case: Case, documents: list[Document], checklist: Checklist) -> list[DossierFile]:
    """Where each document goes: ``NN-person/kind-id.ext``, a translation beside its original."""
    folders = person_folders(case, checklist)
    kept = [d for d in documents if d.review_status != Document.Review.REJECTED and d.file]
    by_id = {d.pk: d for d in kept}

    def folders_of(document: Document) -> list[str]:
        member_ids = [m.pk for m in document.members.all()] or [None]
        return [folders[m] for m in member_ids if m in folders]

    planned = []
    for document in kept:
        original = by_id.get(document.translation_of_id)
        suffix = PurePath(document.file.name).suffix.lower() or ".bin"
        if original is not None:
            # Beside the original, wherever it is, named after it.
            stem = f"{_stem(original)}-translation-{document.pk}"
            targets = folders_of(original)
        else:
            stem = _stem(document)
            targets = folders_of(document)
        planned += [DossierFile(f"{folder}/{stem}{suffix}", document) for folder in targets]
    return sorted(planned, key=lambda f: f.path)


LETTERS_FOLDER = "00-ind-letters"


def plan_letters(letters: list[IndLetter]) -> list[LetterFile]:
    """Each scanned IND letter as ``00-ind-letters/<received>-<kind>-<id>.ext``, oldest first."""
    return [LetterFile(f"{LETTERS_FOLDER}/{letter.received_on.isoformat()}-{letter.kind}-{letter.pk}"
                       f"{PurePath(letter.scan.name).suffix.lower() or '.bin'}", letter)
            for letter in sorted(letters, key=lambda letter: (letter.received_on, letter.pk)) if letter.scan]


def _stem(document: Document) -> str:
    return f"{document.kind or 'unread'}-{document.pk}"


def _slug(text: str) -> str:
    return slugify(text, allow_unicode=True)[:60]


# The dossier goes with the application to the IND, which works in Dutch, whatever
# language the person downloading it reads.
DOSSIER_LANGUAGE = "nl"


def build_dossier(case: Case, today: date | None = None) -> Dossier:
    with translation.override(DOSSIER_LANGUAGE):
        return _build_dossier(case, today or timezone.localdate())


def _build_dossier(case: Case, today: date) -> Dossier:
    checklist = build_checklist(case, today)
    documents = list(case.documents.filter(removed_at__isnull=True).prefetch_related("members")
                     .order_by("created_at", "id"))
    planned = plan_files(case, documents, checklist)
    planned_letters = plan_letters(list(case.ind_letters.all()))
    name = dossier_name(case, today)
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)
    missing: list[Document] = []
    with zipfile.ZipFile(spool, "w") as archive:
        written = []
        for item in planned:
            if _copy(item.document.file, archive, f"{name}/{item.path}"):
                written.append(item)
            elif item.document not in missing:
                missing.append(item.document)
        letters = [item for item in planned_letters if _copy(item.letter.scan, archive, f"{name}/{item.path}")]
        index = index_pdf(case, checklist, written, missing, today, letters=letters)
        archive.writestr(zipfile.ZipInfo(f"{name}/00-index.pdf", date_time=timezone.now().timetuple()[:6]), index,
                         compress_type=zipfile.ZIP_DEFLATED)
    spool.seek(0)
    return Dossier(f"{name}.zip", spool, written, missing, letters)


def _copy(stored_file, archive: zipfile.ZipFile, path: str) -> bool:
    """False when the stored file cannot be read (the index then says so)."""
    try:
        with stored_file.open("rb") as stored, archive.open(path, "w") as target:
            shutil.copyfileobj(stored, target, 1024 * 1024)
    except (FileNotFoundError, OSError):
        return False
    return True


def index_pdf(case: Case, checklist: Checklist, files: list[DossierFile], missing: list[Document],
              today: date, letters: list[LetterFile] = ()) -> bytes:
    from fpdf import FPDF  # imported here: only the export needs it

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    family = "Index"
    for name, path in _FONTS.items():
        pdf.add_font(name, "", str(path))
    pdf.set_fallback_fonts([name for name in _FONTS if name != family])  # glyphs Noto Sans lacks
    pdf.set_text_shaping(True)

    def line(value: str, size: int = 10, gap: float = 5.5) -> None:
        pdf.set_font(family, size=size)
        pdf.multi_cell(0, gap, value, new_x="LMARGIN", new_y="NEXT", align="L")

    def heading(value: str) -> None:
        pdf.ln(3)
        line(value, size=13, gap=7)

    evaluation = checklist.evaluation
    pdf.add_page()
    line(_("Family reunification (nareis): dossier"), size=16, gap=9)
    line(_("Sponsor: %(name)s") % {"name": case.sponsor})
    line(_("V-number: %(v)s") % {"v": case.v_number or "-"})
    line(_("Permit: %(type)s") % {"type": case.get_permit_type_display()})
    line(_("Date on the asylum decision: %(date)s") % {"date": _day(case.permit_decision_date)})
    if evaluation.deadline:
        days = evaluation.days_left
        if days == 0:
            deadline = _("Deadline to apply: %(date)s (today is the last day, %(status)s)")
        else:
            deadline = ngettext("Deadline to apply: %(date)s (%(days)s day left, %(status)s)",
                                "Deadline to apply: %(date)s (%(days)s days left, %(status)s)", abs(days))
        line(deadline % {"date": _day(evaluation.deadline), "days": days,
                         "status": DEADLINE_STATUS_LABELS[evaluation.deadline_status]}, size=12, gap=7)
    else:
        line(str(DEADLINE_STATUS_LABELS[evaluation.deadline_status]), size=12, gap=7)
    if case.application_filed_on:
        line(_("Application filed on %(date)s") % {"date": _day(case.application_filed_on)})
    if checklist.policy:
        rules_name = (_("Rules of the two-status law") if checklist.policy.is_two_status
                      else _("Rules before the two-status law"))
        line(_("%(rules)s (filing day %(date)s)") % {"rules": rules_name, "date": _day(checklist.policy.filing_day)})
        if checklist.policy.reason:
            line("   " + _("Chosen by a counsellor:") + " " + checklist.policy.reason)
    if case.late_reason:
        line(_("Why the application is late: %(reason)s") % {"reason": case.late_reason})
    line(_("Made on %(date)s") % {"date": _day(today)})

    if warnings := shown_warnings(evaluation, filed=case.application_filed_on is not None):
        heading(_("Warnings"))
        for warning in warnings:
            line(f"- {WARNING_LABELS.get(warning.code, warning.code)}")

    paths = {}
    for item in files:
        paths.setdefault(item.document.pk, []).append(item.path)
    folders = person_folders(case, checklist)
    heading(_("Checklist"))
    for row, title in [(checklist.sponsor, _("Sponsor: %(name)s") % {"name": case.sponsor}),
                       *[(r, f"{r.member.full_name} ({relation_label(r.member)})") for r in checklist.members]]:
        line(title, size=11, gap=6.5)
        if not row.eligible:
            reasons = "; ".join(str(REASON_LABELS.get(reason, reason)) for reason in row.reasons)
            line("   " + _("Cannot come through nareis: %(reasons)s") % {"reasons": reasons})
        for requirement in row.requirements:
            folder = folders.get(row.member.pk if row.member else None, "")
            evidence = ", ".join(
                p for d in requirement.documents for p in paths.get(d.pk, []) if p.startswith(folder + "/")) or "-"
            line(f"   {requirement.label}: {requirement.status_label}  [{evidence}]")
        for coming in row.upcoming:
            line("   " + _("%(requirement)s: needed from %(date)s") % {"requirement": coming.label,
                                                                      "date": _day(coming.starts_on)})
    _form_647_section(line, heading, case, checklist)
    explanations = list(case.explanations.select_related("member"))
    if explanations:
        heading(_("Explanations for missing evidence"))
        for explanation in explanations:
            who = explanation.member.full_name if explanation.member else _("sponsor")
            line(f"- {who}, {explanation.get_requirement_display()}: {explanation.document_sought or '-'}")
            for label, value in ((_("Why it cannot be had"), explanation.text),
                                 (_("What was tried"), explanation.attempts),
                                 (_("What other evidence exists"), explanation.other_evidence),
                                 (_("The counsellor's proposal to the IND"),
                                  explanation.get_remedy_display() if explanation.remedy else "")):
                if value:
                    line(f"   {label}: {value}")
    scans = {item.letter.pk: item.path for item in letters}
    if recorded := list(case.ind_letters.all()):
        heading(_("Letters from the IND"))
        for letter in recorded:
            due = _("respond by %(date)s") % {"date": _day(letter.response_due)} if letter.response_due else ""
            answered = _("answered on %(date)s") % {"date": _day(letter.answered_on)} if letter.answered_on else ""
            scan = f"  [{scans[letter.pk]}]" if letter.pk in scans else ""
            line(f"- {_day(letter.received_on)} {letter.get_kind_display()}: {letter.subject} {due} {answered}{scan}")
            if letter.scan and letter.pk not in scans:
                line("   " + _("Not included, the stored file could not be read: %(name)s") % {"name": letter.scan_name},
                     size=9, gap=5)
    heading(_("Files"))
    letter_label = _("Letter from the IND")
    for item in letters:
        letter = item.letter
        line(f"{item.path}  -  {letter_label}: {letter.get_kind_display()}, {_day(letter.received_on)}"
             f"  ({letter.scan_name})", size=9, gap=5)
    for item in files:
        document = item.document
        line(f"{item.path}  -  {document.get_kind_display() or '-'}, {document.get_review_status_display()}"
             f"  ({document.original_name})", size=9, gap=5)
    for document in missing:
        line(_("Not included, the stored file could not be read: %(name)s") % {"name": document.original_name},
             size=9, gap=5)
    return bytes(pdf.output())


def _form_647_section(line, heading, case: Case, checklist: Checklist) -> None:
    """Form 647's answers per member (Dutch, as the form asks), disputed values marked with every reading."""
    forms = application_form(case, checklist)
    if not forms:
        return
    heading(FORM_TITLE)
    line(FORM_INTRO, size=9, gap=4.5)
    for form in forms:
        line(f"{form.member.full_name}", size=11, gap=6.5)
        for answer in form.answers:
            if answer.disputed:
                readings = "; ".join(f"{reading.value} ({reading.source})" for reading in answer.readings)
                line(f"   {answer.question}: LET OP, {DISPUTED.lower()}: {readings}")
            elif answer.value:
                sources = ", ".join(answer.sources)
                line(f"   {answer.question}: {answer.value}  [{sources}]")
            else:
                line(f"   {answer.question}: -  ({UNKNOWN.lower()})")
        for proof in form.proof:
            names = ", ".join(document.original_name for document in proof.documents) or "-"
            line(f"   {PROOF}, {proof.requirement}: {names}", size=9, gap=5)


def _day(day: date | None) -> str:
    return date_format(day, "DATE_FORMAT") if day else "-"
