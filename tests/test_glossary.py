"""Every catalogue keeps to locale/GLOSSARY.md: no term it says to avoid, and the fixed labels as chosen."""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

LOCALE = Path(settings.BASE_DIR) / "locale"
INTERFACE_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != "en"]


@dataclass
class Section:
    avoid: list[str] = field(default_factory=list)
    fixed: dict[str, str] = field(default_factory=dict)


def glossary() -> dict[str, Section]:
    """The sections of GLOSSARY.md by language code: backticked terms of the Avoid column, the fixed-label tables."""
    sections: dict[str, Section] = {}
    section, header = None, []
    for line in (LOCALE / "GLOSSARY.md").read_text().splitlines():
        if heading := re.match(r"## ([a-z]{2,3}): ", line):
            section = sections.setdefault(heading.group(1), Section())
            header = []
        elif line.startswith("## "):
            section = None
        elif section is not None and line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not header:
                header = [cell.lower() for cell in cells]
            elif not set(line) <= set("|-: "):
                row = dict(zip(header, cells))
                section.avoid += re.findall(r"`([^`]+)`", row.get("avoid", ""))
                if "msgid" in row:
                    section.fixed[row["msgid"]] = row["msgstr"]
        else:
            header = []
    return sections


def catalogue(language: str) -> list[tuple[str, list[str]]]:
    """(msgid, [msgstr or each plural form]) of every live entry of the language's django.po."""
    return [(fields["msgid"], translations) for fields, translations in catalogue_entries(language)]


def catalogue_entries(language: str) -> list[tuple[dict[str, str], list[str]]]:
    """(the entry's msgid, msgid_plural and msgctxt, [msgstr or each plural form]) of every live entry."""
    entries = []
    for block in (LOCALE / language / "LC_MESSAGES" / "django.po").read_text().split("\n\n"):
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#:"):
                fields["#:"] = fields.get("#:", "") + line[2:]
            if line.startswith("#"):
                continue
            if match := re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line):
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if fields.get("msgid"):
            entries.append((fields, [value for name, value in fields.items() if name.startswith("msgstr")]))
    return entries


def uses(text: str, term: str) -> bool:
    text = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}", "", text)  # placeholders are not words
    text = text.replace("\u00a0", " ")  # a no-break space is a space between words
    if re.fullmatch(r"[\x00-\u024f\s]+", term):  # Latin script: whole words, any case
        return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE) is not None
    return term in text


def test_glossary_has_a_section_for_every_interface_language():
    assert set(INTERFACE_LANGUAGES) <= set(glossary())
    assert all(glossary()[language].avoid for language in INTERFACE_LANGUAGES)


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_no_catalogue_entry_uses_a_term_the_glossary_says_to_avoid(language):
    avoid = glossary()[language].avoid
    offending = [(msgid, term) for msgid, translations in catalogue(language)
                 for term in avoid if any(uses(text, term) for text in translations)]
    assert offending == []


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_fixed_labels_are_translated_as_the_glossary_chose(language):
    fixed = glossary()[language].fixed
    translated = {msgid: translations[0] for msgid, translations in catalogue(language) if len(translations) == 1}
    assert {msgid: translated.get(msgid) for msgid in fixed} == fixed


NAMED = re.compile(r"%\((\w+)\)[sd]")
POSITIONAL = re.compile(r"%[sd]")
TAGS = re.compile(r"</?[a-z]+[^>]*>")


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_translations_keep_the_placeholders_and_markup_of_their_source(language):
    """A lost %(date)s hides the date; an extra or misspelt one is an error on the page; a lost <bdi> jumbles a name."""
    broken = []
    for fields, translations in catalogue_entries(language):
        sources = [fields["msgid"], fields.get("msgid_plural", fields["msgid"])]
        for text in filter(None, translations):
            named = set(NAMED.findall(text))
            if "msgid_plural" in fields:  # a form may spell its number out ("يومان"), never add a name
                ok = named <= set().union(*(NAMED.findall(source) for source in sources))
            else:
                ok = named == set(NAMED.findall(fields["msgid"]))
            ok = ok and len(POSITIONAL.findall(text)) == len(POSITIONAL.findall(fields["msgid"]))
            ok = ok and sorted(TAGS.findall(text)) == sorted(TAGS.findall(fields["msgid"]))
            if not ok:
                broken.append((fields["msgid"], text))
    assert broken == []


RIGHT_TO_LEFT = [code for code in INTERFACE_LANGUAGES if get_language_info(code)["bidi"]]


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_right_to_left_e_mails_and_text_messages_start_with_a_right_to_left_word(language):
    """A plain-text message has no dir="rtl": its paragraph is laid out by its first letter, so a line starting
    with "IND" or a name runs left to right and jumbles the sentence."""
    wrong_way = []
    for fields, translations in catalogue_entries(language):
        if "templates/tracker/email/" not in fields.get("#:", ""):
            continue
        for text in filter(None, translations):
            first = re.sub(r"^[\s\d\W_]*", "", re.sub(r"%\(\w+\)[sd]", "%", text))
            if text.lstrip().startswith("%(") or re.match(r"[A-Za-z]", first):
                wrong_way.append(text)
    assert wrong_way == []


def test_a_forbidden_term_is_found_inside_a_word_in_arabic_and_as_a_whole_word_in_latin_script():
    assert uses("اسم العائلة للكفيل", "كفيل")
    assert uses("Ontbrekende documenten missen nog", "missen")
    assert not uses("De kefilname", "kefil")
    assert not uses("Uitnodiging voor %(sponsor)s", "sponsor")


# Mistakes the language review found more than once; the glossary must keep forbidding them, so a text added later
# cannot bring them back (a row dropped or reworded would otherwise silently lift the check).
RECURRING_MISTAKES = {
    "so": ["koodka", "nambaro", "caddeyn", "waraysi", "Nederlandis", "inuu yar yahay", "cafin", "lama akhrin karo"],
    "tr": ["cevap", "18 yaşına giriyor", "reşit olmayan", "menşe", "Tamam"],
    "ti": ["ደብዳቤ", "ኔዘርላንድ", "ቃል ምሕላፍ", "18 ዓመት ይመልእ", "ብመሓላ ዝተተርጎመ", "መዝግቡ", "፣", "ማንም", "ይቕረ"],
}


@pytest.mark.parametrize("language", sorted(RECURRING_MISTAKES))
def test_the_glossary_keeps_forbidding_the_recurring_mistakes_of_the_review(language):
    assert set(RECURRING_MISTAKES[language]) <= set(glossary()[language].avoid)


def test_forbidden_phrases_and_punctuation_are_found_but_longer_words_are_not_mistaken_for_them():
    assert uses("Bu çocuk hâlâ reşit olmayan sayılır.", "reşit olmayan")
    assert uses("Koodka QR", "koodka")
    assert not uses("Koodhka QR", "koodka")
    assert not uses("Kimlik · Tamamlandı", "Tamam")
    assert uses("ካብ ኩሎም ፋይላትካ፣ እቲ ፋይል", "፣")


# "Answer by 5 May": 5 May is still in time. A word for "before" there tells the sponsor the last day is too late.
BEFORE = {"nl": ["vóór"], "ar": ["قبل"], "fa": ["قبل", "پیش از"], "ti": ["ቅድሚ"], "so": ["ka hor"], "tr": ["önce"]}
BY_A_DATE = re.compile(r"\bby %\(\w+\)s|\brespond by$")


@pytest.mark.parametrize("language", sorted(BEFORE))
def test_by_a_date_is_never_translated_as_before_that_date(language):
    wrong = [(fields["msgid"], text) for fields, translations in catalogue_entries(language)
             if BY_A_DATE.search(fields["msgid"]) for text in translations
             if any(uses(text, word) for word in BEFORE[language])]
    assert wrong == []


def test_the_by_a_date_check_sees_the_deadline_texts():
    deadlines = [fields["msgid"] for fields, _ in catalogue_entries("nl") if BY_A_DATE.search(fields["msgid"])]
    assert "Answer by %(date)s" in deadlines and "respond by" in deadlines


NUMBER_AND_YEARS = re.compile(r"(?:\d|%\(\w+\)[sd])(\s)ዓመት")


def test_tigrinya_keeps_a_number_and_its_years_on_one_line():
    """"18 ዓመት" (the age that decides who may come) is joined by a no-break space: a narrow phone screen must not
    leave "18" at the end of one line and "ዓመት" on the next."""
    split = [(msgid, text) for msgid, translations in catalogue("ti") for text in translations
             if any(match.group(1) != "\u00a0" for match in NUMBER_AND_YEARS.finditer(text))]
    assert split == []
    assert NUMBER_AND_YEARS.search("ውላድ (ትሕቲ 18 ዓመት)").group(1) == " "  # the check sees a plain space


GLUED_TO_A_NAME = re.compile(r"\w<bdi>")


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_no_letter_is_written_onto_an_isolated_name(language):
    """A name isolated in <bdi> (a person, a file) stands as a word of its own: Tigrinya's ብ or Arabic's لـ
    written onto a Latin name reads as one garbled word ("ብAmina")."""
    glued = [(msgid, text) for msgid, translations in catalogue(language) for text in translations
             if GLUED_TO_A_NAME.search(text)]
    assert glued == []
    assert GLUED_TO_A_NAME.search("ብ<bdi>%(who)s</bdi>") and not GLUED_TO_A_NAME.search("ዝሰረዞ፡ <bdi>%(who)s</bdi>")
