"""Rendered samples of what the corpus lacks: decision letters that carry three dates, the IND's statements,
foster-care decisions, and passport photos beside other photos of people.

Pages are drawn with PIL in several layouts and wordings, some photographed (turned on a table, uneven light,
compressed); faces come from the real passport specimens in ``../shared/real`` (read by path, never copied).
Used by the benchmark (``bench.pipeline``) and the sample-driven tests, so both measure the same samples.
"""

from __future__ import annotations

import io
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bench.photo_faults import FAULTS, TABLE

FONTS = "/usr/share/fonts/truetype"
SANS = f"{FONTS}/noto/NotoSans-Regular.ttf"
SANS_BOLD = f"{FONTS}/noto/NotoSans-Bold.ttf"
SERIF = f"{FONTS}/noto/NotoSerif-Regular.ttf"
SERIF_BOLD = f"{FONTS}/noto/NotoSerif-Bold.ttf"
DEJAVU = f"{FONTS}/dejavu/DejaVuSans.ttf"
DEJAVU_BOLD = f"{FONTS}/dejavu/DejaVuSans-Bold.ttf"
HAND = f"{FONTS}/dejavu/DejaVuSans-Oblique.ttf"  # no handwriting font is installed: slanted, uneven, blue
ARABIC = f"{FONTS}/noto/NotoSansArabicUI-Regular.ttf"
PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi
INK = (25, 25, 30)
PEN = (20, 40, 140)

DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


@dataclass(frozen=True)
class Sample:
    name: str
    kind: str
    make: Callable[[], bytes]  # the upload's bytes (PNG, JPEG, PDF), drawn when asked (in the benchmark's workers)
    decision_date: date | None = None


# ---------------------------------------------------------------- drawing

class Page:
    """A white page to write on, line by line or at given places."""

    def __init__(self, size: tuple[int, int] = PAGE_SIZE, margin: int = 140):
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)
        self.margin = margin
        self.y = 130

    def line(self, text: str, size: int = 30, font: str = SANS, x: int | None = None, gap: float = 1.6,
             fill=INK) -> None:
        self.draw.text((self.margin if x is None else x, self.y), text, font=ImageFont.truetype(font, size), fill=fill)
        self.y += round(size * gap)

    def at(self, x: int, y: int, text: str, size: int = 30, font: str = SANS, fill=INK) -> None:
        self.draw.text((x, y), text, font=ImageFont.truetype(font, size), fill=fill)

    def paragraph(self, text: str, size: int = 28, font: str = SANS, width: int = 58) -> None:
        for line in _wrap(text, width):
            self.line(line, size, font, gap=1.5)
        self.y += size // 2

    def skip(self, pixels: int) -> None:
        self.y += pixels

    def field(self, label: str, value: str = "", size: int = 28, value_x: int = 560) -> None:
        """A form's label with a dotted line, filled in by hand when ``value`` is given."""
        font = ImageFont.truetype(SANS, size)
        self.draw.text((self.margin, self.y), label, font=font, fill=INK)
        baseline = self.y + size + 6
        self.draw.line((value_x, baseline, PAGE_SIZE[0] - self.margin, baseline), fill=(120, 120, 120), width=2)
        if value:
            handwriting(self.draw, (value_x + 10, self.y - 8), value, size + 6)
        self.y += round(size * 2.1)

    def box(self, label: str, ticked: bool, size: int = 28) -> None:
        left = self.margin
        self.draw.rectangle((left, self.y + 4, left + size, self.y + 4 + size), outline=INK, width=2)
        if ticked:
            handwriting(self.draw, (left + 2, self.y - 6), "X", size + 6)
        self.draw.text((left + size + 20, self.y), label, font=ImageFont.truetype(SANS, size), fill=INK)
        self.y += round(size * 1.8)

    def png(self) -> bytes:
        return png(self.image)


def handwriting(draw: ImageDraw.ImageDraw, origin: tuple[int, int], text: str, size: int) -> None:
    """Letters written one by one, slanted, a little up and down, in a pen's blue."""
    wobble = random.Random(text)
    x, y = origin
    font = ImageFont.truetype(HAND, size)
    for char in text:
        draw.text((x, y + wobble.randint(-3, 3)), char, font=font, fill=PEN)
        x += draw.textlength(char, font=font) + wobble.randint(-1, 2)


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def photographed(image: Image.Image, skew: float = 3, fault: str | None = None, width: int = 1400) -> Image.Image:
    """As a phone photographs a page: smaller, askew on a table, with one of the photo faults."""
    photo = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    canvas = Image.new("RGB", (photo.width + 160, photo.height + 160), TABLE)
    canvas.paste(photo, (80, 80))
    if skew:
        canvas = canvas.rotate(skew, expand=True, resample=Image.BICUBIC, fillcolor=TABLE)
    return FAULTS[fault](canvas) if fault else canvas


def dutch_date(day: date) -> str:
    return f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}"


def english_date(day: date) -> str:
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def numeric_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


# ---------------------------------------------------------------- asylum decisions with three dates

@dataclass(frozen=True)
class LetterDates:
    decision: date
    application: date
    start: date  # "met ingang van": in the letters the IND sends, the day of the application

    @property
    def end(self) -> date:
        return self.start.replace(year=self.start.year + 5) - timedelta(days=1)


def _ind_head(page: Page, font: str = SANS_BOLD) -> None:
    page.line("Immigratie- en Naturalisatiedienst", 40, font, gap=1.3)
    page.line("Ministerie van Asiel en Migratie", 26, gap=2.6)


def letter_label_colon(dates: LetterDates, name: str) -> bytes:
    """A summary of the decision above the dated head; the application's and end dates in the body."""
    page = Page()
    _ind_head(page)
    page.line(f"Besluit: inwilliging, verblijfsvergunning asiel per {dutch_date(dates.start)}", 28, SANS_BOLD, gap=2.2)
    page.line(f"Datum: {dutch_date(dates.decision)}")
    page.line("V-nummer: 2938475610")
    page.line("Onderwerp: Besluit op uw aanvraag om een verblijfsvergunning asiel", gap=2.4)
    page.line(f"Geachte heer/mevrouw {name},", gap=2.0)
    page.paragraph(f"U heeft op {dutch_date(dates.application)} een aanvraag ingediend voor een verblijfsvergunning "
                   "asiel voor bepaalde tijd. Ik heb besloten uw aanvraag in te willigen.")
    page.paragraph(f"De verblijfsvergunning wordt verleend met ingang van {dutch_date(dates.start)} en is geldig tot "
                   f"en met {dutch_date(dates.end)}.")
    return page.png()


def letter_head_column(dates: LetterDates, name: str) -> bytes:
    """The IND's letter head: a narrow column on the right, each label above its value."""
    page = Page()
    _ind_head(page)
    y = 330
    for label, value in (("Uw aanvraag van", dutch_date(dates.application)), ("Datum", dutch_date(dates.decision)),
                         ("Ons kenmerk", "IND-2026-448120"), ("V-nummer", "5820193746")):
        page.at(860, y, label, 22, SANS_BOLD)
        page.at(860, y + 32, value, 24)
        y += 92
    page.y = 330
    page.line(f"Aan {name}", 28)
    page.line("Azc Ter Apel", 28)
    page.y = 760
    page.line("Onderwerp: beschikking op uw asielaanvraag", gap=2.2)
    page.paragraph(f"Geachte heer of mevrouw {name}, op uw aanvraag heb ik als volgt beslist. U krijgt een "
                   "verblijfsvergunning asiel voor bepaalde tijd. De vergunning gaat in op "
                   f"{dutch_date(dates.start)}.")
    page.paragraph("Deze beschikking geldt als besluit in de zin van de Algemene wet bestuursrecht.")
    return page.png()


def letter_table(dates: LetterDates, name: str) -> bytes:
    """Labelled dates in a grid of two columns, two to a row; numeric dates."""
    page = Page()
    _ind_head(page, SERIF_BOLD)
    page.line(f"Beschikking verblijfsvergunning asiel - {name}", 30, SERIF_BOLD, gap=2.4)
    rows = ((("Datum aanvraag:", dates.application), ("Datum besluit:", dates.decision)),
            (("Ingangsdatum:", dates.start), ("Geldig tot:", dates.end)))
    for row in rows:
        for column, (label, value) in enumerate(row):
            page.at(page.margin + column * 500, page.y, f"{label} {numeric_date(value)}", 26, SERIF)
        page.y += 56
    page.skip(40)
    page.paragraph("Ik heb besloten uw aanvraag in te willigen. Tegen dit besluit kunt u binnen vier weken "
                   "bezwaar maken.", font=SERIF)
    return page.png()


def letter_english(dates: LetterDates, name: str) -> bytes:
    """An English letter: the outcome first, the date of the decision further down."""
    page = Page()
    page.line("Immigration and Naturalisation Service", 38, DEJAVU_BOLD, gap=1.3)
    page.line("Ministry of Asylum and Migration", 24, DEJAVU, gap=2.6)
    page.line(f"Decision: granted with effect from {english_date(dates.start)}", 28, DEJAVU_BOLD, gap=2.2)
    page.line("Our reference: 7741-2291", 28, DEJAVU)
    page.line(f"Date of decision: {english_date(dates.decision)}", 28, DEJAVU)
    page.line("Subject: decision on your asylum application", 28, DEJAVU, gap=2.4)
    page.line(f"Dear {name},", 28, DEJAVU, gap=2.0)
    page.paragraph(f"On {english_date(dates.application)} you applied for an asylum residence permit. "
                   "The IND has decided to grant your application.", font=DEJAVU)
    page.paragraph(f"Your residence permit is valid until {english_date(dates.end)}.", font=DEJAVU)
    return page.png()


def letter_place_dated(dates: LetterDates, name: str) -> bytes:
    """Dated with the place under the text, as signed; the start date in the body first."""
    page = Page()
    _ind_head(page)
    page.line(f"Betreft: besluit op uw asielaanvraag d.d. {numeric_date(dates.application)}", gap=2.2)
    page.paragraph(f"Geachte {name}, u ontvangt een verblijfsvergunning asiel voor bepaalde tijd. "
                   "Het besluit gaat in op")
    page.line(dutch_date(dates.start) + ".", 28, gap=2.0)
    page.paragraph("De IND heeft uw aanvraag ingewilligd. Bewaar deze beschikking goed.")
    page.skip(40)
    page.line(f"Den Haag, {dutch_date(dates.decision)}", gap=1.4)
    page.line("De Minister van Asiel en Migratie, namens deze,")
    return page.png()


LETTERS = (letter_label_colon, letter_head_column, letter_table, letter_english, letter_place_dated)
LETTER_NAMES = ("Hassan", "Tesfay", "Rahimi", "Osman", "Al Khatib")


def _letter_dates(index: int) -> LetterDates:
    chooser = random.Random(index)
    application = date(2024, 1, 8) + timedelta(days=chooser.randint(0, 600))
    decision = application + timedelta(days=chooser.randint(150, 480))
    return LetterDates(decision=decision, application=application, start=application)


def _decision_sample(index: int, letter, photo: bool) -> Sample:
    dates, name = _letter_dates(index), LETTER_NAMES[index % len(LETTER_NAMES)]

    def make() -> bytes:
        page = Image.open(io.BytesIO(letter(dates, name)))
        return png(photographed(page, skew=-2.5, fault="lamp on one side") if photo else page)

    return Sample(f"decision_{letter.__name__.removeprefix('letter_')}{'_photo' if photo else ''}",
                  "asylum_decision", make, dates.decision)


def decision_letters() -> list[Sample]:
    """Each layout flat and photographed, each with its own dates."""
    return [_decision_sample(index * 2 + photo, letter, bool(photo))
            for index, letter in enumerate(LETTERS) for photo in (0, 1)]


# ---------------------------------------------------------------- the IND's statements

@dataclass(frozen=True)
class Signer:
    name: str
    birth: str
    place: str
    signed: str


SIGNERS = (Signer("Selam Tesfay", "12-04-2009", "Asmara", "Kampala, 3-11-2026"),
           Signer("Omar Hassan", "02-03-1985", "Aleppo", "Beirut, 14 okt 2026"),
           Signer("Maryam Rahimi", "21-08-1990", "Herat", "Teheran 28.10.2026"))


def _form_head(page: Page, title: str, subtitle: str, font: str = SANS_BOLD) -> None:
    page.line("IND", 54, font, gap=1.1)
    page.line("Immigratie- en Naturalisatiedienst" if subtitle.isascii() else "", 22, gap=1.8)
    page.line(title, 40, font, gap=1.4)
    page.line(subtitle, 24, gap=2.4)


def good_conduct_dutch(signer: Signer | None) -> bytes:
    page = Page()
    _form_head(page, "Antecedentenverklaring", "Bijlage bij de aanvraag voor een mvv - nareizigers asiel")
    page.paragraph("Deze verklaring vult u alleen in als de vreemdeling 12 jaar of ouder is.", 24)
    page.line("1  Verklaring", 30, SANS_BOLD)
    page.line("Kruis aan wat van toepassing is", 24)
    page.box("Ik verklaar dat:", ticked=signer is not None)
    for clause in ("ik nooit ben veroordeeld tot een gevangenisstraf of vrijheidsbenemende maatregel;",
                   "ik nooit een taakstraf of onvoorwaardelijke geldboete heb gekregen;",
                   "ik nooit een strafbeschikking of transactie heb aanvaard voor een misdrijf;",
                   "ik op dit moment niet word vervolgd voor een misdrijf;",
                   "ik geen gedragingen heb gepleegd als bedoeld in artikel 1F van het Vluchtelingenverdrag."):
        page.paragraph("-  " + clause, 22, width=78)
    page.box("Ik kan het bovenstaande niet verklaren, om de volgende reden:", ticked=False)
    page.skip(30)
    page.line("2  Ondertekening", 30, SANS_BOLD)
    page.field("Naam", signer.name if signer else "")
    page.field("Geboortedatum", signer.birth if signer else "")
    page.field("Plaats en datum", signer.signed if signer else "")
    page.field("Handtekening", "S. T." if signer else "")
    return page.png()


def good_conduct_english(signer: Signer | None) -> bytes:
    page = Page()
    _form_head(page, "Antecedents certificate", "Annex to the application for a provisional residence permit", DEJAVU_BOLD)
    page.paragraph("This certificate only needs to be completed if the foreign national is 12 years of age or older.",
                   24, DEJAVU)
    page.line("1  Certificate", 30, DEJAVU_BOLD)
    page.box("I certify that:", ticked=signer is not None)
    for clause in ("I have never been sentenced to imprisonment or a custodial measure for committing a crime;",
                   "I have never been sentenced to community service or an unconditional fine;",
                   "I have never accepted an out-of-court settlement or a penalty order;",
                   "I am currently not subject to prosecution for committing a crime."):
        page.paragraph("-  " + clause, 22, DEJAVU, width=78)
    page.box("I am unable to certify the above for the following reasons:", ticked=False)
    page.skip(30)
    page.line("2  Signing (by the foreign national)", 30, DEJAVU_BOLD)
    page.line("I have completed this form truthfully.", 24, DEJAVU)
    page.field("Name", signer.name if signer else "")
    page.field("Place and date", signer.signed if signer else "")
    page.field("Signature", "O. H." if signer else "")
    return page.png()


def good_conduct_questions(signer: Signer | None) -> bytes:
    """Another wording: a statement on criminal history as questions answered yes or no, in both languages."""
    page = Page()
    page.line("Verklaring omtrent antecedenten / Statement on criminal history", 32, SERIF_BOLD, gap=2.4)
    for dutch, english in (("Bent u ooit veroordeeld voor een strafbaar feit?", "Have you ever been convicted of a criminal offence?"),
                           ("Wordt u op dit moment vervolgd?", "Are you currently being prosecuted?"),
                           ("Heeft u een inreisverbod?", "Are you subject to an entry ban?")):
        page.line(dutch, 26, SERIF)
        page.line(english, 24, SERIF, gap=1.4)
        page.box("nee / no", ticked=signer is not None, size=24)
        page.box("ja / yes", ticked=False, size=24)
    page.skip(20)
    page.field("Naam / Name", signer.name if signer else "")
    page.field("Datum / Date", signer.signed if signer else "")
    page.field("Handtekening / Signature", "M. R." if signer else "")
    return page.png()


def marital_status_dutch(signer: Signer | None) -> bytes:
    page = Page()
    _form_head(page, "Verklaring burgerlijke staat", "Bijlage voor gezinsleden van 15 jaar en ouder")
    page.field("Naam", signer.name if signer else "")
    page.field("Geboortedatum", signer.birth if signer else "")
    page.field("Geboorteplaats", signer.place if signer else "")
    page.line("1  Wat is uw burgerlijke staat?", 30, SANS_BOLD)
    for option in ("ongehuwd (nooit gehuwd geweest)", "gehuwd", "geregistreerd partnerschap", "gescheiden",
                   "weduwe / weduwnaar"):
        page.box(option, ticked=signer is not None and option.startswith("ongehuwd"))
    page.line("2  Heeft u een relatie?", 30, SANS_BOLD)
    page.box("Nee, ik heb geen relatie", ticked=signer is not None)
    page.box("Ja, ik heb een relatie met:", ticked=False)
    page.skip(20)
    page.paragraph("Ik verklaar dat ik deze verklaring naar waarheid heb ingevuld.", 24)
    page.field("Plaats en datum", signer.signed if signer else "")
    page.field("Handtekening", "S. T." if signer else "")
    return page.png()


def marital_status_english(signer: Signer | None) -> bytes:
    page = Page()
    _form_head(page, "Declaration of marital status", "For family members aged 15 or older", DEJAVU_BOLD)
    page.line("I declare that I am:", 28, DEJAVU)
    for option in ("never married", "married", "in a registered partnership", "divorced", "widowed"):
        page.box(option, ticked=signer is not None and option == "married")
    page.line("Relationship", 30, DEJAVU_BOLD)
    page.box("I do not have a relationship with anyone", ticked=False)
    page.box("I have a relationship with:", ticked=signer is not None)
    page.field("Name of partner", "Sara Ali" if signer else "")
    page.skip(20)
    page.field("Name", signer.name if signer else "")
    page.field("Place and date", signer.signed if signer else "")
    page.field("Signature", "O. H." if signer else "")
    return page.png()


def marital_status_relations(signer: Signer | None) -> bytes:
    """Another wording: a statement of civil status and relationships, Dutch and English side by side."""
    page = Page()
    page.line("Statement of civil status and relationships", 34, SERIF_BOLD, gap=1.3)
    page.line("Verklaring over de burgerlijke staat en relaties", 28, SERIF, gap=2.4)
    page.field("Full name / Volledige naam", signer.name if signer else "", value_x=620)
    page.field("Date of birth / Geboortedatum", signer.birth if signer else "", value_x=620)
    page.line("Civil status / Burgerlijke staat", 28, SERIF_BOLD)
    for option in ("single, not married / ongehuwd", "married / gehuwd", "divorced / gescheiden",
                   "widowed / weduwe of weduwnaar"):
        page.box(option, ticked=signer is not None and option.startswith("widowed"))
    page.box("I live together with a partner / ik woon samen met een partner", ticked=False)
    page.skip(20)
    page.field("Signature / Handtekening", "M. R." if signer else "", value_x=620)
    return page.png()


STATEMENT_FORMS = {
    "good_conduct_statement": (good_conduct_dutch, good_conduct_english, good_conduct_questions),
    "marital_status_statement": (marital_status_dutch, marital_status_english, marital_status_relations),
}


def _form_sample(kind: str, form, signer: Signer | None, fault: str | None) -> bytes:
    page = Image.open(io.BytesIO(form(signer)))
    return png(photographed(page, skew=-3, fault=fault) if fault else page)


def ind_statements() -> list[Sample]:
    """Each form blank, filled in by hand, and filled in and photographed."""
    samples = []
    for kind, forms in STATEMENT_FORMS.items():
        for index, form in enumerate(forms):
            signer = SIGNERS[index % len(SIGNERS)]
            fault = ("lamp on one side", "JPEG quality 30", "taken at an angle")[index]
            for variant, who, photo in (("blank", None, None), ("filled", signer, None), ("photo", signer, fault)):
                samples.append(Sample(f"{form.__name__}_{variant}", kind, partial(_form_sample, kind, form, who, photo)))
    return samples


# ---------------------------------------------------------------- foster-care decisions

class RightToLeftPage(Page):
    """Arabic lines set from the right margin."""

    def line(self, text: str, size: int = 30, font: str = ARABIC, x: int | None = None, gap: float = 1.7,
             fill=INK) -> None:
        right = PAGE_SIZE[0] - self.margin if x is None else x
        self.draw.text((right, self.y), text, font=ImageFont.truetype(font, size), fill=fill, anchor="ra",
                       direction="rtl")
        self.y += round(size * gap)


def foster_english_care_order() -> bytes:
    page = Page()
    page.line("IN THE FAMILY COURT AT KAMPALA", 34, SERIF_BOLD, gap=1.4)
    page.line("Family Cause No. 214 of 2024", 26, SERIF, gap=2.2)
    page.line("CARE ORDER", 40, SERIF_BOLD, gap=2.2)
    page.paragraph("Upon the application of the Probation and Social Welfare Officer, and having considered the "
                   "best interests of the child SELAM TESFAY, a minor born on 12 April 2015, the court orders that "
                   "the child be placed in the care of Mr Yonas Tesfay and Mrs Hiwet Gebre as foster parents until "
                   "she attains the age of eighteen years.", 26, SERIF)
    page.paragraph("Given under my hand and the seal of the court this 3rd day of June 2024.", 26, SERIF)
    page.line("Magistrate Grade I", 26, SERIF)
    return page.png()


def foster_english_guardianship() -> bytes:
    """A guardianship order set out as labelled fields."""
    page = Page()
    page.line("REPUBLIC OF SOMALILAND", 30, DEJAVU_BOLD, gap=1.3)
    page.line("Hargeisa Regional Court", 26, DEJAVU, gap=2.2)
    page.line("Guardianship Order", 40, DEJAVU_BOLD, gap=2.2)
    for label, value in (("Name of the minor", "Abdi Warsame Osman"), ("Date of birth", "07-09-2013"),
                         ("Legal guardian appointed", "Hodan Ali Osman (aunt)"),
                         ("Reason", "both parents deceased"), ("Case number", "HRC/GU/2023/118")):
        page.line(f"{label}: {value}", 27, DEJAVU)
    page.paragraph("The guardian shall have custody of the minor and may act for him in all matters of civil "
                   "status, travel and residence.", 26, DEJAVU)
    return page.png()


def foster_french_placement() -> bytes:
    page = Page()
    page.line("REPUBLIQUE DU BURUNDI", 30, SERIF_BOLD, gap=1.3)
    page.line("Tribunal pour enfants de Bujumbura", 28, SERIF, gap=2.2)
    page.line("JUGEMENT DE PLACEMENT", 40, SERIF_BOLD, gap=2.2)
    page.paragraph("Le juge des enfants, vu la requête de l'aide sociale à l'enfance, ordonne le placement de "
                   "l'enfant mineure NDAYISHIMIYE Grace, née le 2 février 2016 à Gitega, auprès de la famille "
                   "d'accueil de Monsieur et Madame NIYONZIMA, à qui la garde de l'enfant est confiée.", 26, SERIF)
    page.paragraph("Fait à Bujumbura, le 18 mars 2023.", 26, SERIF)
    return page.png()


def foster_french_tutelle() -> bytes:
    page = Page()
    page.line("Ordonnance de tutelle", 40, SANS_BOLD, gap=2.2)
    page.paragraph("Nous, juge de paix du canton de Goma, désignons Madame BAHATI Esther comme tutrice de "
                   "l'enfant mineur MUGISHA Eric, né le 11 novembre 2012, confié à sa famille depuis le décès de "
                   "ses parents.", 27)
    page.line("Droit de garde : la tutrice", 27)
    page.line("Signature et cachet du tribunal", 27)
    return page.png()


def foster_dutch_placement() -> bytes:
    page = Page()
    page.line("Rechtbank Noord-Nederland", 30, SANS_BOLD, gap=1.3)
    page.line("Team familie en jeugd - kinderrechter", 26, gap=2.2)
    page.line("Beschikking uithuisplaatsing", 40, SANS_BOLD, gap=2.2)
    page.paragraph("De kinderrechter verleent een machtiging tot uithuisplaatsing van de minderjarige Ahmad "
                   "Rahimi, geboren op 4 juli 2014, in een pleeggezin. De jeugdbeschermer plaatst het kind bij de "
                   "pleegouders Karimi te Groningen.", 27)
    page.paragraph("Deze beschikking is gegeven op 9 januari 2025.", 27)
    return page.png()


def foster_arabic_custody() -> bytes:
    page = RightToLeftPage()
    page.line("المحكمة الشرعية في دمشق", 34)
    page.line("حجة حضانة", 44)
    page.line("بناء على الدعوى المقدمة تقرر المحكمة إسناد حضانة الطفل", 30)
    page.line("محمد خالد العلي المولود في ٢٠١٥/٠٣/١٠", 30)
    page.line("إلى عمه السيد أحمد العلي لوفاة والديه", 30)
    page.line("القاضي الشرعي", 30)
    return page.png()


def foster_arabic_kafala() -> bytes:
    page = RightToLeftPage()
    page.line("المملكة المغربية", 32)
    page.line("عقد كفالة", 44)
    page.line("يتكفل السيد يوسف بنعلي بالطفلة المكفولة", 30)
    page.line("سارة المولودة بتاريخ ٢٠١٧/٠٥/٢٢", 30)
    page.line("وفقا لقرار قاضي شؤون القاصرين", 30)
    return page.png()


FOSTER_DECISIONS = (foster_english_care_order, foster_english_guardianship, foster_french_placement,
                    foster_french_tutelle, foster_dutch_placement, foster_arabic_custody, foster_arabic_kafala)


def _photographed_sample(render, fault: str | None) -> bytes:
    page = Image.open(io.BytesIO(render()))
    return png(photographed(page, skew=2.5, fault=fault) if fault else page)


def foster_care_decisions() -> list[Sample]:
    """Placement, guardianship, custody and kafala decisions in English, French, Dutch and Arabic; every other
    one photographed."""
    faults = ("lamp on one side", "JPEG quality 30", "out of focus")
    return [Sample(render.__name__, "foster_care_decision",
                   partial(_photographed_sample, render, faults[index % 3] if index % 2 else None))
            for index, render in enumerate(FOSTER_DECISIONS)]


# ---------------------------------------------------------------- photos of people

# ../shared/real, or NAREIS_REAL (as for the tests) where the checkout is not beside ../shared
REAL_DIR = Path(os.environ.get("NAREIS_REAL", Path(__file__).resolve().parent.parent.parent / "shared" / "real"))
# Specimens whose holder's photo is large and frontal (passports, ID cards, a driving licence).
FACE_SPECIMENS = ("009_passport.jpg", "013_passport.png", "024_id_card.jpg", "029_id_card.jpg", "060_other.jpg",
                  "005_passport.jpg")
PHOTO_SIZE = (413, 531)  # 35 x 45 mm at 300 dpi


def holder_photo(specimen: str, face_share: float = 0.68) -> Image.Image:
    """The holder's photo cut from a real specimen, framed as a passport photo (the face's box
    ``face_share`` of the width, the eyes a little above the middle)."""
    from documents.pipeline.faces import find_faces
    from documents.pipeline.loading import load_pages

    page = load_pages(REAL_DIR / specimen)[0].convert("RGB")
    face = find_faces(page, work_side=1000, smallest_share=0.05)[0]
    x, y, w, h = face.left * page.width, face.top * page.height, face.width * page.width, face.height * page.height
    width = w / face_share
    height = width * PHOTO_SIZE[1] / PHOTO_SIZE[0]
    left, top = x + w / 2 - width / 2, y + h * 0.45 - height * 0.42
    return page.crop((round(left), round(top), round(left + width), round(top + height))).resize(PHOTO_SIZE, Image.LANCZOS)


def _on_photo_paper(photo: Image.Image, border: int = 14) -> Image.Image:
    paper = Image.new("RGB", (photo.width + 2 * border, photo.height + 2 * border), (246, 246, 242))
    paper.paste(photo, (border, border))
    return paper


def passport_photo_scan(specimen: str) -> bytes:
    return png(holder_photo(specimen).resize((826, 1062), Image.LANCZOS))


def passport_photo_on_table(specimen: str, fault: str | None = None) -> bytes:
    """The print photographed lying on a table, a little askew, the table around it."""
    return png(photographed(_on_photo_paper(holder_photo(specimen)), skew=5, fault=fault, width=520))


def _person(scene: Image.Image, specimen: str, centre_x: int, head_top: int, head_height: int, full_body: bool) -> None:
    """Someone standing in ``scene``: the head from a specimen, a body drawn below it."""
    photo = holder_photo(specimen, face_share=0.8)
    head = photo.resize((round(head_height * photo.width / photo.height), head_height), Image.LANCZOS)
    draw = ImageDraw.Draw(scene)
    shoulders = head.width * 1.25
    body_height = head_height * (3.2 if full_body else 1.2)
    neck_y = head_top + head_height * 0.85
    chooser = random.Random(specimen)
    colour = tuple(chooser.randint(30, 200) for _ in range(3))
    draw.rounded_rectangle((centre_x - shoulders / 2, neck_y, centre_x + shoulders / 2, neck_y + body_height),
                           radius=round(head.width / 3), fill=colour)
    if full_body:
        legs_top = neck_y + body_height
        for offset in (-shoulders / 4, shoulders / 4):
            draw.rectangle((centre_x + offset - shoulders / 7, legs_top, centre_x + offset + shoulders / 7,
                            legs_top + head_height * 3.4), fill=(40, 50, 90))
    scene.paste(head, (round(centre_x - head.width / 2), head_top))


def _landscape(size: tuple[int, int]) -> Image.Image:
    """Sky above, sand or grass below."""
    scene = Image.new("RGB", size, (120, 170, 220))
    draw = ImageDraw.Draw(scene)
    horizon = round(size[1] * 0.55)
    for row in range(horizon):
        shade = round(60 * row / horizon)
        draw.line((0, row, size[0], row), fill=(110 + shade, 160 + shade // 2, 225))
    draw.rectangle((0, horizon, size[0], size[1]), fill=(215, 195, 150))
    return scene


def group_photo(specimens: tuple[str, ...]) -> bytes:
    """Several people side by side, their heads the same size: a family or holiday picture."""
    scene = _landscape((1500, 1000))
    step = scene.width / (len(specimens) + 1)
    for index, specimen in enumerate(specimens):
        _person(scene, specimen, round(step * (index + 1)), 260 + 20 * (index % 2), 240, full_body=False)
    return png(scene)


def full_body_snapshot(specimen: str, fault: str | None = None) -> bytes:
    """One person, standing, head to feet: the face a small part of the picture."""
    scene = _landscape((900, 1200))
    _person(scene, specimen, 450, 220, 130, full_body=True)
    return png(photographed(scene, skew=0, fault=fault, width=900) if fault else scene)


def holiday_photo(specimens: tuple[str, str]) -> bytes:
    """Two people in a wide view of a beach."""
    scene = _landscape((1800, 1200))
    _person(scene, specimens[0], 650, 430, 190, full_body=True)
    _person(scene, specimens[1], 1100, 460, 170, full_body=True)
    return png(scene)


def two_close_up(specimens: tuple[str, str]) -> bytes:
    """Two faces side by side filling the picture, as in a selfie: two people, not a passport photo."""
    heads = [holder_photo(specimen).resize((435, 560), Image.LANCZOS) for specimen in specimens]
    scene = Image.new("RGB", (900, 620), (200, 190, 170))
    for index, head in enumerate(heads):
        scene.paste(head, (10 + index * 445, 30))
    return png(scene)


def photos_of_people() -> list[Sample]:
    """Passport photos (scanned, photographed on a table) and pictures of people that are not."""
    samples = []
    for index, specimen in enumerate(FACE_SPECIMENS[:5]):
        stem = specimen.split(".")[0]
        samples.append(Sample(f"photo_scan_{stem}", "passport_photo", partial(passport_photo_scan, specimen)))
        fault = (None, "lamp on one side", "JPEG quality 30")[index % 3]
        samples.append(Sample(f"photo_on_table_{stem}", "passport_photo",
                              partial(passport_photo_on_table, specimen, fault)))
    samples += [
        Sample("group_three", "other", partial(group_photo, FACE_SPECIMENS[:3])),
        Sample("group_four", "other", partial(group_photo, FACE_SPECIMENS[2:6])),
        Sample("full_body", "other", partial(full_body_snapshot, FACE_SPECIMENS[3])),
        Sample("full_body_noisy", "other", partial(full_body_snapshot, FACE_SPECIMENS[1], "sensor noise")),
        Sample("holiday_two", "other", partial(holiday_photo, (FACE_SPECIMENS[4], FACE_SPECIMENS[0]))),
        Sample("two_close_up", "other", partial(two_close_up, (FACE_SPECIMENS[1], FACE_SPECIMENS[3]))),
    ]
    return samples


def family_books() -> list[Sample]:
    """Family booklets and registers over pages or photographed open, and civil records that stay what they are
    (``bench.booklets``)."""
    from bench.booklets import CASES

    return [Sample(case.name, case.kind, case.make) for case in CASES]


def all_samples() -> list[Sample]:
    return decision_letters() + ind_statements() + foster_care_decisions() + photos_of_people() + family_books()
