"""Rendered samples of what the corpus lacks: decision letters that carry three dates, the IND's statements,
foster-care decisions, and passport photos beside other photos of people.

Pages are drawn with PIL in several layouts and wordings, some photographed (turned on a table, uneven light,
compressed); faces come from the real passport specimens in ``../shared/real`` (read by path, never copied).
Used by the benchmark (``bench.pipeline``) and the sample-driven tests, so both measure the same samples.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
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
    make: Callable[[], bytes]  # PNG bytes, drawn when asked (in the benchmark's worker processes)
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


def all_samples() -> list[Sample]:
    return decision_letters()


REAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "real"  # ../shared/real
