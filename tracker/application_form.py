"""What the IND's application form 647 (mvv nareizigers asiel) asks of each family member, answered from the documents.

For each member: the names exactly as the passport's machine-readable zone writes them, birth date and place,
nationality, sex, passport number and expiry, the relation to the sponsor, and the documents that prove each point,
so that a counsellor copies rather than retypes. Every value is a set of readings, each with its source (a document,
or the sponsor's entry where no document gives it). Where two documents give a value differently, the answer has
no value: it is marked as disputed with every reading, never guessed.

The labels are the form's own Dutch (the form is filled in in Dutch); the page and the dossier's index show them.
Reads only what the pipeline kept (``Document.mrz`` and ``Document.fields["people"]``, see
``documents.pipeline.types.PersonMention``); rejected and binned documents say nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils import translation

from cases.models import Case, FamilyMember
from documents.linking import said_about
from documents.models import Document

from .checklist import Checklist, build_checklist

FORM_TITLE = "Gegevens voor formulier 647 (aanvraag mvv nareizigers asiel)"
FORM_INTRO = ("Per gezinslid de antwoorden op de vragen van het formulier, uit de documenten van het dossier. "
              "Namen staan zoals in de machineleesbare zone (MRZ) van het paspoort. Waar documenten elkaar "
              "tegenspreken staat geen antwoord maar elke lezing met haar bron: controleer die eerst.")
DISPUTED = "Documenten spreken elkaar tegen"
UNKNOWN = "Niet bekend uit de documenten"
ENTERED = "zoals de referent opgaf"
PROOF = "Bewijsstukken"

# (key, the question as form 647 puts it)
QUESTIONS = (
    ("surname", "Achternaam (zoals in het paspoort)"),
    ("given_names", "Voornamen (zoals in het paspoort)"),
    ("birth_date", "Geboortedatum"),
    ("birth_place", "Geboorteplaats"),
    ("nationality", "Nationaliteit"),
    ("sex", "Geslacht"),
    ("passport_number", "Paspoortnummer"),
    ("passport_expiry", "Paspoort geldig tot"),
    ("relation", "Relatie tot de referent"),
)
RELATIONS = {
    "spouse": "Echtgeno(o)t(e)", "partner": "Partner (niet gehuwd)", "child": "Minderjarig kind",
    "partner_child": "Kind van de partner", "adult_child": "Meerderjarig kind", "parent": "Ouder",
    "sibling": "Broer of zus", "foster_child": "Pleegkind",
}
SEXES = {"M": "Man", "F": "Vrouw", "X": "Onbepaald"}
# Nationalities as the form writes them, for the countries most families come from; others show their MRZ code.
NATIONALITIES = {
    "AFG": "Afghaanse", "ERI": "Eritrese", "ETH": "Ethiopische", "IRN": "Iraanse", "IRQ": "Iraakse",
    "SYR": "Syrische", "SOM": "Somalische", "SDN": "Soedanese", "SSD": "Zuid-Soedanese", "YEM": "Jemenitische",
    "TUR": "Turkse", "PSE": "Palestijnse", "LBY": "Libische", "LBN": "Libanese", "JOR": "Jordaanse",
    "EGY": "Egyptische", "COD": "Congolese", "BDI": "Burundese", "UGA": "Oegandese", "KEN": "Keniaanse",
    "PAK": "Pakistaanse", "MAR": "Marokkaanse", "DZA": "Algerijnse", "TUN": "Tunesische",
    "XXA": "Staatloos", "XXB": "Vluchteling (Verdrag van 1951)", "XXX": "Onbekend",
}
KIND_NAMES = {
    "passport": "paspoort", "id_card": "identiteitskaart", "birth_certificate": "geboorteakte",
    "marriage_certificate": "huwelijksakte", "death_certificate": "overlijdensakte", "family_booklet": "familieboek",
    "translation": "vertaling", "consent_declaration": "toestemmingsverklaring", "asylum_decision": "asielbeschikking",
    "passport_photo": "pasfoto", "good_conduct_statement": "antecedentenverklaring",
    "marital_status_statement": "verklaring burgerlijke staat", "foster_care_decision": "pleegzorgbesluit",
    "other": "overig document",
}


@dataclass(frozen=True)
class Reading:
    value: str
    document: Document | None  # None: the sponsor's entry

    @property
    def source(self) -> str:
        if self.document is None:
            return ENTERED
        return f"{KIND_NAMES.get(self.document.kind, self.document.kind or 'document')} {self.document.original_name}"


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    readings: tuple[Reading, ...]

    @property
    def disputed(self) -> bool:
        return len({reading.value for reading in self.readings}) > 1

    @property
    def value(self) -> str | None:
        """The value to copy: None where nothing gives it or the documents disagree."""
        return None if self.disputed or not self.readings else self.readings[0].value

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(reading.source for reading in self.readings))


@dataclass(frozen=True)
class Proof:
    requirement: str
    documents: list[Document]


@dataclass
class MemberForm:
    member: FamilyMember
    answers: list[Answer]
    proof: list[Proof] = field(default_factory=list)

    @property
    def disputed(self) -> list[Answer]:
        return [answer for answer in self.answers if answer.disputed]


def application_form(case: Case, checklist: Checklist | None = None) -> list[MemberForm]:
    """Form 647's answers for every eligible member of ``case`` (the checklist's labels in Dutch)."""
    with translation.override("nl"):
        checklist = checklist or build_checklist(case)
        rows = [row for row in checklist.members if row.eligible]
        proofs = {row.member.pk: [Proof(str(r.label), [d for d in r.documents
                                                       if d.review_status != Document.Review.REJECTED])
                                  for r in row.requirements] for row in rows}
    documents = list(case.documents.filter(removed_at__isnull=True)
                     .exclude(review_status=Document.Review.REJECTED).prefetch_related("members")
                     .order_by("created_at", "id"))
    return [MemberForm(row.member, member_answers(row.member, documents), proofs[row.member.pk]) for row in rows]


def member_answers(member: FamilyMember, documents: list[Document]) -> list[Answer]:
    readings: dict[str, list[Reading]] = {key: [] for key, _ in QUESTIONS}
    linked = [document for document in documents if any(m.pk == member.pk for m in document.members.all())]
    passports = [d for d in linked if d.kind == Document.Kind.PASSPORT and (d.mrz or {}).get("surname")]
    id_cards = [d for d in linked if d.kind == Document.Kind.ID_CARD and (d.mrz or {}).get("surname")]
    for document in passports or id_cards:  # names as the passport writes them; an ID card's where no passport is
        mrz = document.mrz
        _add(readings, "surname", mrz.get("surname"), document)
        _add(readings, "given_names", mrz.get("given_names"), document)
        _add(readings, "nationality", _nationality(mrz.get("nationality")), document)
        _add(readings, "sex", SEXES.get(mrz.get("sex") or ""), document)
    for document in passports:
        _add(readings, "passport_number", document.mrz.get("document_number"), document)
        expiry = getattr(document, "expiry_date", None) or _iso(document.mrz.get("expiry_date"))
        _add(readings, "passport_expiry", _day(expiry), document)
    for document in linked:
        for person in said_about(member, document):
            _add(readings, "birth_date", _day(person.birth_date), document)
            _add(readings, "birth_place", person.birth_place, document)
    if not readings["surname"] and not readings["given_names"]:  # no passport yet: what the sponsor entered
        _add(readings, "surname", member.surname.upper(), None)
        _add(readings, "given_names", member.given_names.upper(), None)
    if not readings["birth_date"]:
        _add(readings, "birth_date", _day(member.birth_date), None)
    if not readings["sex"]:
        _add(readings, "sex", SEXES.get(member.sex or ""), None)
    _add(readings, "relation", RELATIONS.get(member.relation, member.relation), None)
    return [Answer(key, question, tuple(readings[key])) for key, question in QUESTIONS]


def _add(readings: dict[str, list[Reading]], key: str, value: str | None, document: Document | None) -> None:
    value = " ".join(str(value).split()) if value else ""
    if value and not any(r.value == value and r.document == document for r in readings[key]):
        readings[key].append(Reading(value, document))


def _nationality(code: str | None) -> str | None:
    return f"{NATIONALITIES[code]} ({code})" if code in NATIONALITIES else code


def _iso(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _day(day: date | None) -> str | None:
    return day.strftime("%d-%m-%Y") if day else None
