"""Typed results shared by every pipeline stage.

Pure Python: nothing here imports Django, so the pipeline runs the same in the
Celery worker, the ``classify_documents`` command, benchmarks and unit tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum

from ..kinds import DocumentKind

__all__ = ["DocumentKind", "MrzResult", "PersonMention", "PipelineError", "PipelineResult", "Role", "TranslationInfo"]


class PipelineError(Exception):
    """A file the pipeline cannot process; ``str(error)`` is shown to the user."""


class MrzDoubt(StrEnum):
    """Why a valid MRZ reading may still be wrong (see ``mrz_doubt``)."""

    NAMES_DIFFER = "mrz_names_differ"  # readings whose check digits hold read the names otherwise
    # a checked field passes read either way round of look-alike characters, or holds letters where digits are likelier
    LOOKALIKES = "mrz_lookalikes"
    NARROW_VOTE = "mrz_narrow_vote"  # a checked field as one reading read it, the others each their own way


@dataclass(frozen=True)
class MrzResult:
    format: str  # "TD1", "TD2" or "TD3"
    lines: tuple[str, ...]
    document_number: str
    surname: str
    given_names: str
    nationality: str
    issuing_country: str
    birth_date: date | None
    sex: str  # "M", "F" or "X"
    expiry_date: date | None
    valid: bool
    # Why a valid reading may still be wrong (``MrzDoubt``: readings disagree on the names, ...), or "".
    # Not part of the contract's MRZ: it reaches the output as the pipeline's ``unsure`` (``pipeline.doubt``).
    # On one reading of a zone (not yet the answer): where that reader guessed (``mrz_doubt.doubt_of``).
    doubt: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        del data["doubt"]
        data["lines"] = list(self.lines)
        for key in ("birth_date", "expiry_date"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass(frozen=True)
class TranslationInfo:
    language: str  # ISO 639-1 code of the target language
    sworn: bool

    def to_dict(self) -> dict:
        return asdict(self)


class Role(StrEnum):
    """Who a person is on the document, in the document's own words."""

    HOLDER = "holder"  # of a passport or ID card
    CHILD = "child"  # the child a birth certificate is about
    FATHER = "father"
    MOTHER = "mother"
    HUSBAND = "husband"
    WIFE = "wife"
    SPOUSE = "spouse"
    HEAD_OF_FAMILY = "head_of_family"
    SON = "son"
    DAUGHTER = "daughter"
    DECEASED = "deceased"
    WITNESS = "witness"
    TRANSLATOR = "translator"


@dataclass(frozen=True)
class PersonMention:
    """What a document says about one person it names: for linking it to family members and for comparing
    what the documents say about each member.

    Stored as ``Document.fields["people"]``, a list of these as dicts (``to_dict``)::

        {"name": "FATIMA AHMAD AL AHMAD",   # as written; linking compares it with members' names
         "given_names": "FATIMA AHMAD",     # null where the document does not tell them apart
         "surname": "AL AHMAD",
         "birth_date": "1978-04-24",        # ISO date, or null
         "birth_place": null,               # as written, where the document gives it
         "role": "daughter",                # a Role value, or null
         "source": "booklet"}               # "mrz", "fields" (a certificate's labelled fields), "text"
                                            # (names in sentences) or "booklet" (a family booklet's rows)

    Older rows hold only ``name`` and ``birth_date``; readers must take the other keys as optional.
    """

    name: str
    birth_date: date | None = None
    given_names: str | None = None
    surname: str | None = None
    role: Role | None = None
    source: str | None = None
    birth_place: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "given_names": self.given_names, "surname": self.surname,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None,
                "birth_place": self.birth_place, "role": str(self.role) if self.role else None, "source": self.source}


@dataclass
class PipelineResult:
    kind: DocumentKind = DocumentKind.OTHER
    confidence: float = 0.0
    languages: list[str] = field(default_factory=list)
    pages: int = 0
    text: str = ""
    mrz: MrzResult | None = None
    decision_date: date | None = None
    translation: TranslationInfo | None = None
    people: list[PersonMention] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    # Why the pipeline is not sure of ``kind`` ("looks like an ID card, no MRZ found"), or "" when it is.
    unsure: str = ""
    # What a new photo would put right (``retake.Retake`` values: "blurred", "too_dark", ...); [] for good photos.
    retake: list[str] = field(default_factory=list)

    def to_contract_dict(self, file: str) -> dict:
        """The JSON line of ``classify_documents --json`` (see CONTRACTS.md)."""
        return {
            "file": file,
            "kind": str(self.kind),
            "confidence": round(self.confidence, 3),
            "languages": list(self.languages),
            "pages": self.pages,
            "mrz": self.mrz.to_dict() if self.mrz else None,
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
            "translation": self.translation.to_dict() if self.translation else None,
            "error": self.error,
            "seconds": round(self.seconds, 3),
        }

    def extracted_fields(self) -> dict:
        """What the Document row keeps besides kind, languages, text and MRZ (``Document.fields``).

        ``unsure``: why the pipeline doubts its ``kind``, as a code and the kinds it names
        (``{"code": "no_mrz", "kind": "id_card", "other": None}``, see ``pipeline.doubt``) for the
        counsellor's review; "" when nothing speaks against it. ``retake``: the retake advice shown on
        the sponsor's document card (see ``pipeline.retake``)."""
        return {
            "unsure": self.unsure.to_dict() if hasattr(self.unsure, "to_dict") else self.unsure,
            "people": [person.to_dict() for person in self.people],
            "decision_date": self.decision_date.isoformat() if self.decision_date else None,
            "translation": self.translation.to_dict() if self.translation else None,
            "pages": self.pages,
            "retake": list(self.retake),
        }
