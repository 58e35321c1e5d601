"""Stage 6b: what a document says about each person it names: given names, surname, birth date, role.

Three sources, each recorded in ``PersonMention.source``:

* ``mrz``: a passport's or ID card's holder, names exactly as the machine-readable zone has them;
* ``fields``: a certificate's labelled fields. Separate fields for the surname and the given names
  ("Nom: RAHIMI / Prénoms: FATIMA", "الاسم: هبة / النسبة: حمدان") make one person, the document's subject,
  with the birth date of its birth-date field; fields labelled with a role ("Name of father", "Wife",
  "اسم الأب", "Nom du défunt") name the people beside the subject;
* ``text``: names in capitals in sentences ("AHMAD HAIDARI, born 17 October 1977");
* ``booklet``: a family booklet's rows (relation, name and birth date on a line, or column by column).

Where a document gives a name in one piece, it is split into given names and surname as names are
written: "HASSAN, Omar" and "Omar HASSAN" say which is which; otherwise the last word (with its
particle: AL AHMAD, VAN DIJK) is the surname. Roles are the document's own words for the person
(``Role``); they help the rules tell the subject of a certificate from the parents it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import languages
from .phrases import normalise
from .dates import find_dates
from .types import DocumentKind, MrzResult, PersonMention, Role

_BIRTH_LABEL = re.compile(r"birth|geboorte|geboren|naissance|\bnee?\b|geburt|dogum|الولاده|الميلاد|تولد")
_CAPS_NAME = re.compile(r"\b([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){1,4})\b")
_NOT_NAMES = {
    "REPUBLIC", "CERTIFICATE", "PASSPORT", "IDENTITY", "CARD", "BIRTH", "MARRIAGE", "DEATH", "ACTE", "DE", "DES",
    "FAMILY", "REGISTER", "LIVRET", "FAMILLE", "FAMILIALE", "FICHE", "CIVIL", "ETAT", "TRANSLATION", "TRADUCTION", "VERTALING",
    "CONSENT", "PARENTAL", "REGISTRAR", "NOTARY", "STATE", "ISLAMIC", "ARAB", "FEDERAL", "OF", "THE", "AND",
    "BEEDIGDE", "CERTIFIED", "GEBOORTEAKTE", "HUWELIJKSAKTE", "NAISSANCE", "MARIAGE", "DECES", "TRADUCTEUR",
    "VERKLARING", "OUDER", "ACHTERBLIJVENDE", "TOESTEMMINGSVERKLARING", "OVERLIJDENSAKTE", "SYRIAN", "EUR",
}
# The particles of a surname: AL AHMAD, EL HADI, ABU BAKR, VAN DER BERG.
_SURNAME_PARTICLES = {"AL", "EL", "ABU", "ABOU", "BIN", "BEN", "IBN", "BINT", "OULD", "VAN", "DER", "DEN", "DE", "LA",
                      "LE", "DU", "DOS", "DA", "DI", "AIT", "ال"}

# Labels of a certificate's fields (folded: lower case, no accents, Arabic letters folded as phrases.normalise does).
_SURNAME_FIELD = re.compile(
    r"^(surname|family name|last name|nom de famille|nom|geslachtsnaam|achternaam|familienaam|nachname|"
    r"familienname|soyadi|النسبه|الكنيه|اللقب|الشهره|نام خانوادكي)$")
_GIVEN_FIELD = re.compile(
    r"^(given names?|first names?|forenames?|prenoms?|voornamen|voornaam|vornamen?|adi|الاسم|اسم|نام)$")
_BIRTH_FIELD = re.compile(
    r"^(date (and place )?of birth|born( on)?|nee?\(?e?\)? le|date de naissance|geboortedatum|geboren( op)?|"
    r"datum van geboorte|geburtsdatum|geboren am|dogum tarihi|تاريخ الولاده|تاريخ الميلاد|تاريخ تولد|"
    r"ዕለት ልደት|ዕለተ ልደት|ዕለት ትውልዲ)")
# Field labels that name a person by their role (the value is their whole name).
_ROLE_FIELDS: tuple[tuple[Role, re.Pattern], ...] = tuple((role, re.compile(pattern)) for role, pattern in (
    (Role.CHILD, r"(name of (the )?child|full name of (the )?child|child s name|nom de l enfant|naam (van het )?kind|"
                 r"name des kindes|اسم المولود|المولود|name of the minor)"),
    (Role.FATHER, r"(father|vader|pere|vater|baba|اسم الاب|الاب|نام پدر|پدر|fils ?/? ?fille de|fils de|fille de|"
                  r"ኣቦ|አባት)"),
    (Role.MOTHER, r"(mother|moeder|mere|mutter|anne|اسم الام|الام|نام مادر|مادر|^et de$|ኣደ|እናት)"),
    (Role.HUSBAND, r"(husband|groom|echtgenoot|epoux|ehemann|الزوج$|شوهر)"),
    (Role.WIFE, r"(wife|bride|echtgenote|epouse|ehefrau|الزوجه|همسر)"),
    (Role.DECEASED, r"(deceased|defunte?|overledene|verstorbene|المتوفي|متوفي)"),
    (Role.HEAD_OF_FAMILY, r"(head of (the )?(family|household)|chef de famille|gezinshoofd|رب الاسره|رب العائله)"),
    (Role.SON, r"(\bson\b|\bfils\b|\bzoon\b|\bsohn\b|الابن|الولد)"),
    (Role.DAUGHTER, r"(daughter|\bfille\b|dochter|tochter|البنت|الابنه)"),
    (Role.SPOUSE, r"(spouse|conjointe?|partner|الزوجه)"),
    (Role.WITNESS, r"(witness|temoin|getuige|zeuge|الشاهد|شاهد)"),
    (Role.TRANSLATOR, r"(translator|vertaler|traducteur|traductrice|ubersetzer|مترجم)"),
))
_BIRTH_PLACE_FIELD = re.compile(r"^(place of birth|birth ?place|lieu de naissance|geboorteplaats|plaats van geboorte|"
                                r"geburtsort|dogum yeri|مكان الولاده|مكان الميلاد|محل تولد|ቦታ ትውልዲ|ቦታ ልደት)$")
_FULL_NAME_FIELD = re.compile(r"^(full name|name|naam|nom et prenoms?|nom complet|volledige naam|ad soyad|"
                              r"adi soyadi|الاسم الكامل|الاسم الثلاثي|نام و نام خانوادكي|ስም|ሙሉእ ስም|ሙሉ ስም)$")
_FIELD = re.compile(r"^\s*(?P<label>[^:：|]{2,40}?)\s*[:：|]\s*(?P<value>\S.*?)\s*$")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+")
# Labels before a person's name in Arabic and Persian documents (not witnesses: they are no family).
_ARABIC_NAME_LABEL = re.compile(
    r"^(?:الاسم|اسم|الزوج|الزوجة|رب الأسرة|رب الاسرة|الولد|الابن|البنت|الأب|الأم|المتوفى|نام|پدر|مادر|همسر|فرزند)"
    r"[^:：]*[:：]\s*(.+)$"
)
_NAME_LABEL = re.compile(
    r"^(?:full name(?: of child)?|name|naam|nom(?: du defunt)?|nom et prenoms?|prenoms?|surname|given names|"
    r"husband|wife|father|mother|name of (?:father|mother|child)|vader|moeder|echtgeno(?:ot|te)|epoux|epouse)\b"
    r"[^:]*:\s*(.+)$",
    re.I,
)
_NO_FAMILY = {Role.WITNESS, Role.TRANSLATOR}
# Whom a certificate's unlabelled subject (its separate name fields) is.
_SUBJECT_ROLES = {DocumentKind.BIRTH_CERTIFICATE: Role.CHILD, DocumentKind.DEATH_CERTIFICATE: Role.DECEASED}
_TRANSLATOR = re.compile(r"(sworn|beedigde?|certified) (translator|vertaler|tolk)|traduct(eur|rice) (jure|assermente)|"
                         r"(vereidigte?r?|beeidigte?r?) ubersetzer|مترجم")


@dataclass
class _Person:
    given_names: str | None = None
    surname: str | None = None
    full_name: str | None = None
    birth_date: date | None = None
    birth_place: str | None = None
    role: Role | None = None
    source: str = "fields"
    lines: list[int] = field(default_factory=list)

    def mention(self) -> PersonMention | None:
        given, surname = self.given_names, self.surname
        if self.full_name and not (given or surname):
            given, surname = split_name(self.full_name)
        name = self.full_name or " ".join(part for part in (given, surname) if part)
        if not name:
            return None
        return PersonMention(name=name, birth_date=self.birth_date, given_names=given, surname=surname,
                             role=self.role, source=self.source, birth_place=self.birth_place)


def people(text: str, kind: DocumentKind, mrz: MrzResult | None) -> list[PersonMention]:
    """What the document says about each person it names (see the module's docstring)."""
    if mrz is not None and (mrz.surname or mrz.given_names):
        name = " ".join(part for part in (mrz.given_names, mrz.surname) if part)
        return [PersonMention(name=name, birth_date=mrz.birth_date, given_names=mrz.given_names or None,
                              surname=mrz.surname or None, role=Role.HOLDER, source="mrz")]
    if kind in (DocumentKind.OTHER, DocumentKind.ASYLUM_DECISION, DocumentKind.PASSPORT_PHOTO):
        return []
    lines = text.splitlines()
    found = _from_fields(lines)
    if found and found[0].role is None and found[0].source == "fields" and kind in _SUBJECT_ROLES:
        found[0].role = _SUBJECT_ROLES[kind]
    claimed = {index for person in found for index in person.lines}
    mentions = [mention for person in found if (mention := person.mention())]
    for mention in _from_text(lines, claimed):
        if not any(_same_name(mention.name, other.name) for other in mentions):
            mentions.append(mention)
        else:  # the same person in a sentence and a field: the sentence may add the birth date
            index = next(i for i, other in enumerate(mentions) if _same_name(mention.name, other.name))
            if mentions[index].birth_date is None and mention.birth_date is not None:
                mentions[index] = _with_birth_date(mentions[index], mention.birth_date)
    if kind is DocumentKind.FAMILY_BOOKLET:
        mentions = [replace(mention, source="booklet") for mention in mentions]
    return [mention for mention in mentions if mention.role not in _NO_FAMILY]


def split_name(full_name: str) -> tuple[str | None, str | None]:
    """(given names, surname) of a name written in one piece."""
    full_name = " ".join(full_name.replace(",", " , ").split())
    if " , " in full_name:  # "HASSAN, Omar": the surname first
        surname, given = (part.strip() for part in full_name.split(" , ", 1))
        return given or None, surname or None
    words = full_name.split()
    if len(words) < 2:
        return (words[0] if words else None), None
    capitals = [word.isupper() and len(word) > 1 for word in words]
    if any(capitals) and not all(capitals) and not _ARABIC_WORD.search(full_name):  # "Omar HASSAN", "HASSAN Omar"
        return (" ".join(w for w, caps in zip(words, capitals) if not caps) or None,
                " ".join(w for w, caps in zip(words, capitals) if caps) or None)
    start = len(words) - 1
    while start > 1 and words[start - 1].upper().strip("-") in _SURNAME_PARTICLES:
        start -= 1
    return " ".join(words[:start]), " ".join(words[start:])


# ---------------------------------------------------------------- labelled fields

def _field(line: str) -> tuple[str, str] | None:
    match = _FIELD.match(line)
    if not match or not re.search(r"[^\W\d_]", match["value"]) and not find_dates(match["value"]):
        return None
    return normalise(match["label"]).replace("\n", " ").strip(), match["value"].strip(" .;")


def _role_of(label: str) -> Role | None:
    return next((role for role, pattern in _ROLE_FIELDS if pattern.search(label)), None)


def _clean_name(value: str) -> str | None:
    arabic = _ARABIC_WORD.findall(value)
    if arabic:
        return " ".join(arabic[:5])
    words = re.findall(r"[^\W\d_][^\W\d_'\-]*", value)
    return " ".join(words[:6]) or None


def _from_fields(lines: list[str]) -> list[_Person]:
    """The subject (separate surname / given-names / birth-date fields, or a child's or deceased's name)
    and the people its role fields name."""
    subject = _Person()
    others: list[_Person] = []
    for index, line in enumerate(lines):
        parsed = _field(line)
        if parsed is None:
            continue
        label, value = parsed
        if _BIRTH_FIELD.search(label):
            dates = find_dates(value)
            if dates:
                target = subject if (subject.given_names or subject.surname or subject.full_name) \
                    and subject.birth_date is None else next((p for p in reversed(others) if p.birth_date is None), None)
                if target is not None:
                    target.birth_date = dates[0]
                    target.lines.append(index)
            continue
        if _BIRTH_PLACE_FIELD.match(label):
            place = _clean_name(value)
            if place and (subject.given_names or subject.surname or subject.full_name) and not subject.birth_place:
                subject.birth_place = place.title() if place.isupper() else place
                subject.lines.append(index)
            continue
        name = _clean_name(value)
        if name is None:
            continue
        role = _role_of(label)
        born = find_dates(value)  # a booklet's row: "Epouse | SELAM HAIDARI 09/07/2010"
        if _SURNAME_FIELD.match(label):
            subject.surname = name
        elif _GIVEN_FIELD.match(label):
            subject.given_names = name
        elif role in (Role.CHILD, Role.DECEASED) and not subject.full_name and not subject.given_names:
            subject.full_name, subject.role = name, role
            subject.birth_date = subject.birth_date or (born[0] if born else None)
        elif role is not None:
            others.append(_Person(full_name=name, role=role, birth_date=born[0] if born else None, lines=[index]))
            continue
        elif _FULL_NAME_FIELD.match(label) and not (subject.full_name or subject.given_names):
            subject.full_name = name
        else:
            continue
        subject.lines.append(index)
    if subject.surname and subject.given_names:
        subject.full_name = None  # the two fields say which is which
    elif subject.surname and not subject.full_name:  # a lone "Nom:" is the whole name, as translations write it
        subject.full_name, subject.surname = subject.surname, None
    people = [subject] if (subject.full_name or subject.given_names) else []
    return people + others


# ---------------------------------------------------------------- names in sentences and booklet rows

def _from_text(lines: list[str], claimed: set[int]) -> list[PersonMention]:
    mentions: dict[str, tuple[date | None, Role | None]] = {}
    for index, line in enumerate(lines):
        if index in claimed:
            continue
        translator = _TRANSLATOR.search(normalise(line))
        for name in _names_in(line):
            birth = _birth_date_near(lines, index)
            role = Role.TRANSLATOR if translator else _row_role(line, name)
            known_birth, known_role = mentions.get(name, (None, None))
            mentions[name] = (known_birth or birth, known_role or role)
    roles = _column_roles(lines)
    for name, birth in _column_births(lines).items():
        known_birth, known_role = mentions.get(name, (None, None))
        mentions[name] = (known_birth or birth, known_role)
    for name, role in roles.items():
        if name in mentions and mentions[name][1] is None:
            mentions[name] = (mentions[name][0], role)
    result = []
    for name, (birth, role) in mentions.items():
        given, surname = split_name(name)
        result.append(PersonMention(name=name, birth_date=birth, given_names=given, surname=surname, role=role,
                                    source="text"))
    return result


def _row_role(line: str, name: str) -> Role | None:
    """A booklet row's relation, written before the name ("Epouse SELAM HAIDARI 09/07/2010", "الولد 1: سمير")."""
    before = line.split(name, 1)[0] if name in line else ""
    folded = normalise(before).replace("\n", " ")
    if not folded or len(folded.split()) > 4:
        return None
    return _role_of(folded)


def _column_roles(lines: list[str]) -> dict[str, Role]:
    """Relations from a booklet read column by column: a run of relation lines beside a run of names."""
    role_runs = _runs(lines, lambda line: _role_of(normalise(line)) if len(line.split()) <= 3 else None)
    name_runs = _runs(lines, lambda line: names[0] if len(names := _names_in(line)) == 1 else None)
    roles: dict[str, Role] = {}
    for _, names in name_runs:
        same_length = [found for _, found in role_runs if len(found) == len(names) >= 2]
        if len(same_length) == 1:
            roles.update(zip(names, same_length[0]))
    return roles


def _column_births(lines: list[str]) -> dict[str, date]:
    """Birth dates from a table laid out in columns.

    Tesseract reads such a table column by column: a run of lines holding one name each, and
    elsewhere a run of lines holding one date each. Runs of the same length pair up row by row;
    among several date runs, the one under a birth-date heading."""
    name_runs = _runs(lines, lambda line: names[0] if len(names := _names_in(line)) == 1 else None)
    date_runs = _runs(lines, lambda line: dates[0] if len(dates := find_dates(line)) == 1 and _only_a_date(line) else None)
    births: dict[str, date] = {}
    for _, names in name_runs:
        same_length = [(start, dates) for start, dates in date_runs if len(dates) == len(names) >= 2]
        headed = [dates for start, dates in same_length if start and _BIRTH_LABEL.search(languages.fold(lines[start - 1]))]
        if headed or len(same_length) == 1:
            births.update(zip(names, headed[0] if headed else same_length[0][1]))
    return births


def _runs(lines: list[str], read) -> list[tuple[int, list]]:
    """(first line, values) of each run of consecutive lines from which ``read`` gets a value."""
    runs: list[tuple[int, list]] = []
    previous = -2
    for index, line in enumerate(lines):
        value = read(line)
        if value is None:
            continue
        if index == previous + 1:
            runs[-1][1].append(value)
        else:
            runs.append((index, [value]))
        previous = index
    return runs


def _only_a_date(line: str) -> bool:
    return not re.search(r"[^\W\d_]", languages.fold(line))  # no letters beside the date (numeric dates)


def _names_in(line: str) -> list[str]:
    arabic = _ARABIC_NAME_LABEL.match(line.strip())
    if arabic:
        words = _ARABIC_WORD.findall(arabic[1])[:4]
        return [" ".join(words)] if words else []
    labelled = _NAME_LABEL.match(line.strip())
    candidates = _CAPS_NAME.findall(labelled[1] if labelled else line)
    names = []
    for candidate in candidates:
        # "D'ETAT": an elided article does not make a title word a name.
        words = [word for word in candidate.split() if re.sub(r"^[DL]'", "", word) not in _NOT_NAMES]
        if len(words) >= 2 or (labelled and words):
            names.append(" ".join(words))
    return names


def _birth_date_near(lines: list[str], index: int) -> date | None:
    """A date on the name's own line (booklet rows, 'born on ...') or on a birth-date line just below."""
    dates = find_dates(lines[index] + " " + (lines[index + 1] if index + 1 < len(lines) else ""))
    if dates and re.search(r"born|geboren|ne\(?e?\)? le|\d", languages.fold(lines[index])):
        return dates[0]
    for line in lines[index + 1:index + 3]:
        if _BIRTH_LABEL.search(languages.fold(line)):
            found = find_dates(line)
            if found:
                return found[0]
    return None


def _same_name(first: str, second: str) -> bool:
    return " ".join(first.split()).upper() == " ".join(second.split()).upper()


def _with_birth_date(mention: PersonMention, birth: date) -> PersonMention:
    return replace(mention, birth_date=birth)
