"""Stage 5: which kind a document is, with a confidence, from weighted evidence.

Evidence is the multilingual phrase families of ``vocabulary`` (a family counts
once; in the first lines, where titles are, it weighs more), plus structure:
an MRZ decides between passport and ID card, a translator's statement makes
a document a translation whatever the translated text says it is, and a photo
with little text whose one face fills much of the frame is a passport photo
(``faces``). Too little evidence for any kind gives ``other`` rather than a guess.
Where no zone parses, a holder's line of one whose check digits hold (``classify_zone``) counts as a zone
that fails its check digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import vocabulary
from .classify_decision import decision_state, receipt_is_no_decision
from .classify_card import CARD_BACK_CONFIDENCE, card_back, letter_marks
from .classify_consent import CONSENT_STRUCTURE, consent_structure
from .classify_lookalike import (agency_registration, divorce_is_no_marriage, registration_is_no_book,
                                 school_or_health_record)
from .classify_passport import passport_page
from .classify_title import title_lines
from .classify_zone import HolderLine, holder_line
from .faces import Face
from .phrases import any_phrase, normalise, whole_words
from .types import DocumentKind, MrzResult

MIN_EVIDENCE = 3.5  # below this no kind is claimed: the document is "other"
TRANSLATION_OVERRIDE = 5.0  # a translator's statement at least this strong makes it a translation
MRZ_WEIGHT = 8.0
LITTLE_TEXT_WORDS = 8  # a passport photo carries at most a studio's name or a date on its back

@dataclass(frozen=True)
class Classification:
    kind: DocumentKind
    confidence: float
    scores: dict[DocumentKind, float]
    # Where a zone that does not parse or pass counted (``classify_zone``): "part" (a holder's line in the
    # text), "failing" (a zone read, most of its check digits holding, others not); "" otherwise.
    partial_zone: str = ""
    # Whether the kind claimed (or, for "other", the strongest one) rests on a birth's labels alone, no title
    # read (``parents_and_birth``): an identity card of some countries prints those labels too.
    by_labels: bool = False
    # Whether a letter in an asylum decision's words announces a decision still to come ("voornemen"): "other".
    intended_decision: bool = False
    # Whether a holder's face shows on a card-shaped page whose parents' and birth labels are a birth record's (no
    # card's own mark, zone or ID wording): a birth booklet's photo page, or a card printing its holder's parents.
    face_beside_labels: bool = False


@lru_cache(maxsize=1)
def _compiled() -> dict[DocumentKind, list[tuple[float, re.Pattern]]]:
    compiled = {}
    for kind, families in vocabulary.EVIDENCE.items():
        compiled[kind] = [(weight, any_phrase(phrases)) for weight, phrases in families]
    return compiled


def score_text(text: str, identity: DocumentKind | None = None) -> dict[DocumentKind, float]:
    """Evidence per kind in ``text`` (any language; OCR text is fine). ``identity``: the identity document
    the page shows itself to be by marks outside its text (a card's or passport's zone, a holder's face on a
    card): its labels of the holder's parents and birth are that document's (``birth_labels_owner``)."""
    normalised = normalise(text)
    title = title_lines(text)
    scores = {}
    for kind, families in _compiled().items():
        total, rest = 0.0, normalised
        for weight, pattern in families:
            if pattern.search(title):
                total += weight * vocabulary.TITLE_BONUS
            elif weight == vocabulary.TITLE_WEIGHT and pattern.search(rest):
                # A kind's name in running text is a mention ("bring your marriage certificate"), not a title; its
                # words are the mention's and are not counted again as the kind's typical words ("marriage").
                total += weight * vocabulary.MENTION_FACTOR
                rest = pattern.sub("\n", rest)
            elif pattern.search(rest):
                total += weight
        scores[kind] = total
    if _records_a_birth(normalised, scores):
        scores[birth_labels_owner(normalised, identity)] += PARENTS_AND_BIRTH
    if consent_structure(normalised, text):
        scores[DocumentKind.CONSENT_DECLARATION] += CONSENT_STRUCTURE
    return scores


# A page labelling a person's father, mother and birth, and no death, marriage or family book (whose records
# name the deceased's, the spouses' or the members' parents and births too), records that birth, title or not.
# An identity card of some countries prints the same labels: where the page shows a card's own marks (its
# expiry, its number, its zone, its holder's face) they are the card's; otherwise a kind claimed on them alone
# is said to be unsure (``by_labels``).
PARENTS_AND_BIRTH = MIN_EVIDENCE
OTHER_EVENT = 2.0  # a death's, a marriage's or a book's evidence from this on (a typical word) rules that reading out
OTHER_RECORDS = (DocumentKind.DEATH_CERTIFICATE, DocumentKind.MARRIAGE_CERTIFICATE, DocumentKind.FAMILY_BOOKLET)


def _records_a_birth(normalised: str, scores: dict[DocumentKind, float]) -> bool:
    """Whether the parents' and birth labels of ``normalised`` are a birth's record's: no other event's, and no
    pupil's or child's health record's (``classify_lookalike``)."""
    return (all(scores[kind] < OTHER_EVENT for kind in OTHER_RECORDS) and parents_and_birth(normalised)
            and not school_or_health_record(normalised))


def _parents_and_birth() -> tuple[re.Pattern, ...]:
    return tuple(whole_words(labels) for labels in (vocabulary.FATHER_LABELS, vocabulary.MOTHER_LABELS,
                                                    vocabulary.BIRTH_LABELS))


def birth_labels_owner(normalised: str, identity: DocumentKind | None = None) -> DocumentKind:
    """Whose labels a person's parents and birth are: an identity document's where the page shows one's marks
    (``identity``, or a card's own labels in ``normalised``), a birth record's otherwise."""
    if identity is not None:
        return identity
    return DocumentKind.ID_CARD if card_marks(normalised) else DocumentKind.BIRTH_CERTIFICATE


def card_marks(normalised: str) -> bool:
    """Whether ``normalised`` text labels what only an identity document prints: its expiry, its card's
    number, its holder's signature, height, eyes or blood group. A document's number with a nationality is
    not enough: an extract of a birth labels both."""
    return bool(whole_words(vocabulary.CARD_LABELS).search(normalised)
                or whole_words(vocabulary.HOLDER_BODY_LABELS).search(normalised))


def parents_and_birth(normalised: str) -> bool:
    """Whether ``normalised`` text labels a father, a mother and a birth date or place; or a father and both the
    birth's date and place, and no grandfather (a civil record of some countries, an Iranian shenasnameh, names no
    mother; an identity paper naming the father names his father too: an Afghan or Iraqi one)."""
    if all(pattern.search(normalised) for pattern in _parents_and_birth()):
        return True
    father_and_birth = (vocabulary.FATHER_LABELS, vocabulary.BIRTH_DATE_LABELS, vocabulary.BIRTH_PLACE_LABELS)
    return (all(whole_words(labels).search(normalised) for labels in father_and_birth)
            and not whole_words(vocabulary.GRANDFATHER_LABELS).search(normalised))


# A civil-status book (a French livret de famille, a family register) keeps one event per page or
# section: the spouses' marriage on one, each child's birth on others, a death on another. Its inner
# pages have no title; their labels show which event each records, and so do the book's own rows: a
# numbered child's entry (a birth) and both spouses labelled on one page (a marriage).
CIVIL_EVENTS = (DocumentKind.MARRIAGE_CERTIFICATE, DocumentKind.BIRTH_CERTIFICATE, DocumentKind.DEATH_CERTIFICATE)
EVENT_EVIDENCE = 2.0  # a page whose labels give an event at least this much records that event
BOOKLET_STRUCTURE = 3.0  # a booklet's lead over the strongest single certificate its pages hold


@lru_cache(maxsize=1)
def _booklet_rows() -> tuple[re.Pattern, tuple[tuple[re.Pattern, re.Pattern], ...], tuple[re.Pattern, ...]]:
    children = whole_words(vocabulary.NUMBERED_CHILD)
    spouses = tuple((whole_words((husband,)), whole_words((wife,))) for husband, wife in vocabulary.SPOUSES)
    household = tuple(whole_words(row) for row in vocabulary.HOUSEHOLD_ROWS)
    return children, spouses, household


def numbered_children(text: str) -> set[str]:
    """The numbered children's rows of a book ``text`` shows: named so ("premier enfant", "second child" ...), or
    listed under a heading of the children (``listed_children``)."""
    children, _, _ = _booklet_rows()
    named = {" ".join(match.group().split()) for match in children.finditer(normalise(text))}
    return named | listed_children(text)


_ROW_NUMBER = re.compile(r"^\W*\d{1,2}(?!\d)(?!\s*[/.-]\s*\d)")  # a row's number ("2عمر" read glued), no date's
# A year alone or a date whose separators the OCR lost (20130402, 02042013).
_A_YEAR = re.compile(r"(?<!\d)((19|20)\d\d(\d{4})?|\d{4}(19|20)\d\d)(?!\d)")
CHILDREN_ROWS_AFTER = 12  # lines after the heading its rows stand in (a columns' header; entries of a few rows)


HEADING_WORDS = 4  # a heading's words at most ("Enfants issus du mariage"): more make a sentence


def listed_children(text: str) -> set[str]:
    """Rows of children a book's page lists under a heading of the children ("الأولاد", "Kinderen", "Enfants
    issus du mariage"): each beginning with its number and giving a birth, its year or date or a birth's label, on
    its line or the next (a children's page, its columns' labels aside; an entry of a few rows)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    heading = whole_words(vocabulary.CHILDREN_HEADINGS)
    rows = set()
    for index, line in enumerate(lines):
        if _children_heading(heading, normalise(line)):
            following = lines[index + 1: index + 1 + CHILDREN_ROWS_AFTER]
            rows |= {f"child row {row}" for at, row in enumerate(following)
                     if _ROW_NUMBER.match(row) and _gives_a_birth(row[_ROW_NUMBER.match(row).end():], following[at + 1:at + 2])}
    return rows


def _gives_a_birth(row: str, next_lines: list[str]) -> bool:
    if _A_YEAR.search(row):
        return True
    birth = whole_words(vocabulary.BIRTH_DATE_LABELS)
    return any(birth.search(normalise(line)) for line in [row, *next_lines])


def _children_heading(heading: re.Pattern, line: str) -> bool:
    """Whether ``line`` heads a list of children: "children" in one language or two ("Enfants الأبناء", "Les
    enfants"), or a short heading opening with it ("Enfants issus du mariage", "Children of the marriage")."""
    words = line.split()
    rest = heading.sub(" ", line).split()
    if rest == words:
        return False
    if all(word in ("les", "the", "de", "die") for word in rest):
        return True
    opening = heading.match(" ".join(word for word in words if word not in ("les", "the", "die")))
    return opening is not None and len(words) <= HEADING_WORDS and not any(char.isdigit() for char in line)


def booklet_rows(page: str) -> set[DocumentKind]:
    """The events a page's rows record whatever its title says: a numbered child's entry, a spouses' entry, a
    household's members listed by their relation to its head (a spouse's marriage, a child's birth). A refugee
    agency's registration lists a household too: no book's (``classify_lookalike``)."""
    normalised = normalise(page)
    if agency_registration(normalised):
        return set()
    _, spouses, household = _booklet_rows()
    if all(_a_rows_label(row, normalised) for row in household) and not letter_marks(normalised):
        return {DocumentKind.MARRIAGE_CERTIFICATE, DocumentKind.BIRTH_CERTIFICATE}
    events = {DocumentKind.BIRTH_CERTIFICATE} if numbered_children(page) else set()
    if any(husband.search(normalised) and wife.search(normalised) for husband, wife in spouses):
        events.add(DocumentKind.MARRIAGE_CERTIFICATE)
    return events


ROW_LABEL_START = 4  # a register's row puts a member's relation among its first words (after a number, a sex)


TABLE_ROW_WORDS = 10  # a table's row: a member's cells (names, a birth's place and year, a relation, a status)


def _a_rows_label(pattern: re.Pattern, normalised: str) -> bool:
    """Whether ``pattern`` labels a row: it begins among the first words of its line ("Spouse: ...", "2 K Esi
    ..."), or stands in a table's row, a few cells one of which gives a year ("رنا سليم هند حماة 1984 زوجته"),
    not in a sentence's middle ("... with his wife and children")."""
    return any(len(line[:match.start()].split()) < ROW_LABEL_START
               or (len(line.split()) <= TABLE_ROW_WORDS and _A_YEAR.search(line))
               for line in normalised.splitlines() for match in pattern.finditer(line))


# Every booklet prints pages of information for its holders: how it is kept, what is entered in it at each birth,
# marriage, divorce or death. They record none of those events and name them all; what they do name, sentence
# after sentence, is the booklet itself.
PROSE_WORDS = 7  # a line of running text, not a form's row
GUIDANCE_MENTIONS = 2  # sentences naming the booklet


def booklet_guidance(text: str) -> bool:
    """Whether ``text`` holds a booklet's printed information: running text naming the booklet (le livret, the
    booklet, الدفتر) in two lines or more. A letter about a booklet (an application for one) is no page of it."""
    normalised = normalise(text)
    if letter_marks(normalised):
        return False
    booklet = whole_words(vocabulary.BOOKLET_WORDS)
    prose = [line for line in normalised.splitlines() if len(line.split()) >= PROSE_WORDS]
    return sum(1 for line in prose if booklet.search(line)) >= GUIDANCE_MENTIONS


def recorded_events(text: str) -> set[DocumentKind]:
    """The civil events the pages of ``text`` (joined by form feeds) record: one per page by its labels, and
    those its booklet rows show; a page of the booklet's own information counts as the booklet's."""
    events = set()
    for page in text.split("\f"):
        events |= _page_events(page)
        events |= booklet_rows(page)
    return events


def _page_events(page: str) -> set[DocumentKind]:
    """The event a page's labels record, if any; the booklet's, where the page holds its printed information."""
    scores = score_text(page)
    event = max(CIVIL_EVENTS, key=lambda kind: scores[kind])
    events = {event} if scores[event] >= EVENT_EVIDENCE else set()
    return events | {DocumentKind.FAMILY_BOOKLET} if booklet_guidance(page) else events


def has_book_structure(text: str) -> bool:
    """Pages (or one photo of facing pages) recording different events, or two children's numbered rows, or the
    booklet's printed information beside a record: a book of them, not one certificate. A single page counts only
    its booklet rows (a certificate's title and a label of another event, such as a death certificate's place of
    birth, would make two), and the event its labels record where it also holds the booklet's information."""
    if "\f" in text:
        events = recorded_events(text)
    else:
        events = booklet_rows(text) | (_page_events(text) if booklet_guidance(text) else set())
    return len(events) >= 2 or len(numbered_children(text)) >= 2


def has_little_text(text: str) -> bool:
    return len(re.findall(r"[^\W\d_]{3,}", text)) <= LITTLE_TEXT_WORDS


def classify(text: str, mrz: MrzResult | None = None, portrait: Face | None = None,
             unread_zone: MrzResult | None = None, holder_face: bool = False) -> Classification:
    """``portrait``: the face of a photo with one face filling much of the frame (``faces.portrait_face``).
    ``unread_zone``: a zone read but not taken as ``mrz`` (it fails its check digits, and the page has no
    passport or ID wording): it counts where its holder's line holds. ``holder_face``: a face printed among
    the text of a card-shaped page: where the page's parents' and birth labels are a birth record's by everything
    else, it may be an identity card's holder or a birth booklet's photo page (an Iranian shenasnameh): a close
    call between the two."""
    partial = source = None
    if mrz is None:
        if (partial := holder_line(text)) is not None:
            source = "part"
        elif unread_zone is not None and (partial := holder_line("\n".join(unread_zone.lines))) is not None:
            source = "failing"
    identity = _identity_shown(mrz, partial, unread_zone)
    scores = score_text(text, identity)
    normalised = normalise(text)
    receipt_is_no_decision(normalised, scores)
    divorce = divorce_is_no_marriage(title_lines(text), scores)
    registration_is_no_book(normalised, scores)
    if has_book_structure(text):
        booklet = DocumentKind.FAMILY_BOOKLET
        scores[booklet] = max(scores[booklet], *(scores[event] for event in CIVIL_EVENTS)) + BOOKLET_STRUCTURE
    if mrz is not None:
        scores[kind_of_mrz(mrz)] += MRZ_WEIGHT if mrz.valid else MRZ_WEIGHT / 2
    elif partial is not None:
        scores[partial.kind] += MRZ_WEIGHT / 2
    classification = _classify(text, scores, mrz, portrait)
    if partial is not None and classification.kind is partial.kind:
        return replace(classification, partial_zone=source)
    if _rests_on_birth_labels(text, classification, identity):
        return replace(classification, by_labels=True, face_beside_labels=holder_face)
    if classification.kind is DocumentKind.OTHER and mrz is None and partial is None and passport_page(text, normalised, scores):
        return _a_passport_page(classification)
    if (classification.kind in (DocumentKind.OTHER, DocumentKind.ASYLUM_DECISION) and mrz is None and partial is None
            and card_back(normalised, scores)):
        return _a_cards_back(classification)
    if (classification.kind is DocumentKind.OTHER and mrz is None and partial is None and not divorce
            and booklet_rows(text)):
        return _a_books_page(text, scores, portrait)
    if classification.kind is DocumentKind.ASYLUM_DECISION and (state := decision_state(normalised, title_lines(text))) != "decided":
        # Its evidence stays in the scores: the doubt names what it looks like.
        return replace(classification, kind=DocumentKind.OTHER, intended_decision=state == "intended")
    return classification


def _a_passport_page(classification: Classification) -> Classification:
    """A passport by its data page's marks alone: unsure, "looks like a passport, no MRZ found"."""
    passport = DocumentKind.PASSPORT
    scores = {**classification.scores, passport: max(classification.scores[passport], MIN_EVIDENCE)}
    return Classification(passport, CARD_BACK_CONFIDENCE, scores)


def _a_cards_back(classification: Classification) -> Classification:
    """An identity card by its marks alone (``card_back``): its words of a residence permit for asylum are the
    card's, not a decision's. Unsure: no title and no zone say so."""
    scores = dict(classification.scores)
    card = DocumentKind.ID_CARD
    scores[card] = max(scores[card], scores[DocumentKind.ASYLUM_DECISION], MIN_EVIDENCE)
    scores[DocumentKind.ASYLUM_DECISION] = 0.0
    return Classification(card, CARD_BACK_CONFIDENCE, scores)


def _a_books_page(text: str, scores: dict[DocumentKind, float], portrait: Face | None) -> Classification:
    """One page of a civil-status book photographed alone, claiming too little to be anything: an inner page
    has no title, but a numbered child's entry, or both spouses labelled, are a book's own rows. Said to rest
    on its labels (``by_labels``)."""
    booklet = DocumentKind.FAMILY_BOOKLET
    scores = {**scores, booklet: max(scores[booklet], MIN_EVIDENCE)}
    return replace(_classify(text, scores, None, portrait), by_labels=True)


IDENTITY_KINDS = (DocumentKind.PASSPORT, DocumentKind.ID_CARD)


def _identity_shown(mrz: MrzResult | None, partial: HolderLine | None,
                    unread_zone: MrzResult | None) -> DocumentKind | None:
    """The identity document a page shows itself to be by more than its text's labels: its zone (read, in
    part, or failing its check digits). A face beside the labels is no such mark: a birth booklet's photo page
    shows one too (``Classification.face_beside_labels``)."""
    if mrz is not None:
        zone_kind = kind_of_mrz(mrz)
    elif partial is not None:
        zone_kind = partial.kind
    elif unread_zone is not None:
        zone_kind = kind_of_mrz(unread_zone)
    else:
        zone_kind = None
    return zone_kind if zone_kind in IDENTITY_KINDS else None


def _rests_on_birth_labels(text: str, classification: Classification, identity: DocumentKind | None) -> bool:
    birth, scores = DocumentKind.BIRTH_CERTIFICATE, classification.scores
    strongest = max((kind for kind in scores if kind is not DocumentKind.OTHER), key=lambda kind: scores[kind])
    if classification.kind not in (birth, DocumentKind.OTHER) or strongest is not birth:
        return False
    normalised = normalise(text)
    return (_records_a_birth(normalised, scores) and birth_labels_owner(normalised, identity) is birth
            and scores[birth] - PARENTS_AND_BIRTH < MIN_EVIDENCE and not _birth_record().search(normalised))


def _birth_record() -> re.Pattern:
    return any_phrase(vocabulary.BIRTH_RECORD_LABELS)


def _classify(text: str, scores: dict[DocumentKind, float], mrz: MrzResult | None, portrait: Face | None) -> Classification:
    translation = scores[DocumentKind.TRANSLATION]
    if translation >= TRANSLATION_OVERRIDE and mrz is None:
        return Classification(DocumentKind.TRANSLATION, _confidence(translation, 0.0), scores)
    candidates = {kind: score for kind, score in scores.items() if kind is not DocumentKind.TRANSLATION}
    candidates[DocumentKind.TRANSLATION] = translation
    ranked = sorted(candidates.items(), key=lambda item: item[1], reverse=True)
    (best_kind, best), (_, second) = ranked[0], ranked[1]
    if best_kind is DocumentKind.OTHER or best < MIN_EVIDENCE:
        if portrait is not None and mrz is None and has_little_text(text):
            return Classification(DocumentKind.PASSPORT_PHOTO, _portrait_confidence(portrait), scores)
        return Classification(DocumentKind.OTHER, _other_confidence(scores), scores)
    return Classification(best_kind, _confidence(best, second), scores)


CARD_CODES = "IAC"


def kind_of_mrz(mrz: MrzResult) -> DocumentKind:
    """P< is a passport; I, A and C (TD1/TD2 identity documents, residence permits among them) an ID
    card; V a visa, which proves no identity: "other" (its MRZ is kept for the counsellor)."""
    first = mrz.lines[0] if mrz.lines else ""
    if first.startswith("V"):
        return DocumentKind.OTHER
    if first.startswith("P") or (not first and mrz.format == "TD3"):
        return DocumentKind.PASSPORT
    if mrz.format == "TD3":
        # Two lines of 44 are a passport's (its P misread). With a card's code (I, A, C) and check digits that
        # fail, they are no identity document's (a vehicle registration's zone); a residence permit's sticker
        # in that layout would pass them.
        if first[0] in CARD_CODES:
            return DocumentKind.ID_CARD if mrz.valid else DocumentKind.OTHER
        return DocumentKind.PASSPORT
    return DocumentKind.ID_CARD


def _portrait_confidence(face: Face) -> float:
    """Surer the more of the frame the face fills (about 60% of the width in a 35 x 45 mm photo)."""
    return round(min(0.95, 0.6 + 0.35 * min(1.0, face.width / 0.6)), 3)


def _other_confidence(scores: dict[DocumentKind, float]) -> float:
    """Little evidence for any kind is itself the evidence for "other"."""
    claimed = max(score for kind, score in scores.items() if kind is not DocumentKind.OTHER)
    doubt = min(claimed, 2 * MIN_EVIDENCE) / (2 * MIN_EVIDENCE)
    return round(0.9 - 0.4 * doubt, 3)


def _confidence(best: float, second: float) -> float:
    """Grows with the evidence and with its lead over the runner-up."""
    strength = 1 - 1 / (1 + best / 4)
    lead = (best - second) / best if best else 0.0
    return round(min(0.99, 0.35 + 0.4 * strength + 0.3 * lead), 3)
