"""Rendered family booklets and other multi-page civil records, as sponsors upload them: scanned into a PDF page by
page (some pages turned a quarter or upside down, grey, 150 dpi) or photographed open on a table (two facing pages,
the gutter between them). A French livret de famille (its cover, the spouses' page, children's pages some blank,
the spouses' deaths left blank, the pages of legal information every booklet prints), an Algerian and a Moroccan
bilingual booklet, a Syrian and a Lebanese family register extract, and what must not become a booklet: a French
birth certificate whose margin notes a marriage, a marriage extract, a sworn translation of a booklet.

Entries are written in a hand-like script (italic faces, each letter off the line and turned its own way, in a
pen's ink), stamps and signatures drawn over them; a faint guilloche behind the print, as on the booklets' paper.

    .venv/bin/python -m bench.booklets [--only PART ...]

runs every case through ``run_pipeline`` as the worker reads an upload and prints kinds right, pages and seconds.
The cases are also ``bench.samples``' (``family_books``).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

FONTS = "/usr/share/fonts/truetype"
SERIF = f"{FONTS}/noto/NotoSerif-Regular.ttf"
SERIF_BOLD = f"{FONTS}/noto/NotoSerif-Bold.ttf"
SANS = f"{FONTS}/dejavu/DejaVuSans.ttf"
SANS_BOLD = f"{FONTS}/dejavu/DejaVuSans-Bold.ttf"
ARABIC = f"{FONTS}/noto/NotoSansArabic-Regular.ttf"
ARABIC_BOLD = f"{FONTS}/noto/NotoSansArabic-Bold.ttf"
NASKH = f"{FONTS}/noto/NotoNaskhArabic-Regular.ttf"
# No handwriting face is installed: italic and oblique faces mixed letter by letter stand in for a hand.
HANDS = tuple(f"{FONTS}/{name}" for name in ("dejavu/DejaVuSerif-Italic.ttf", "noto/NotoSerif-Italic.ttf",
                                             "noto/NotoSans-Italic.ttf", "dejavu/DejaVuSansCondensed-Oblique.ttf"))
BOOK_PAGE = (1040, 1480)  # a booklet's page (11 x 15.5 cm) scanned at about 240 dpi
PAPER = (247, 243, 232)
PRINT = (35, 35, 40)
INKS = ((25, 45, 130), (20, 20, 30), (40, 40, 95))
STAMP = (95, 60, 150)
TABLE = (96, 78, 66)



@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    make: Callable[[], bytes]  # the upload's bytes (a PDF or a photo), drawn when asked


# ---------------------------------------------------------------- drawing

_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(face: str, size: int) -> ImageFont.FreeTypeFont:
    if (face, size) not in _FONTS:
        _FONTS[face, size] = ImageFont.truetype(face, size)
    return _FONTS[face, size]


def hand(image: Image.Image, x: float, y: float, text: str, size: int, rng: np.random.Generator,
         ink: tuple[int, int, int]) -> None:
    """Latin letters written one by one: faces mixed, each letter turned its own way and off the line, the line
    drifting, in ``ink``."""
    drift = float(rng.uniform(-0.04, 0.04))
    start = x
    for char in text:
        face = font(HANDS[int(rng.integers(len(HANDS)))], size + int(rng.integers(-2, 3)))
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size // 2, size // 3), char, font=face, fill=235)
        glyph = glyph.rotate(float(rng.uniform(-10, 10)), resample=Image.BICUBIC)
        dy = int(rng.integers(-3, 4)) + drift * (x - start)
        image.paste(ink, (int(x) - size // 2, int(y + dy) - size // 3), glyph)
        x += face.getlength(char) * float(rng.uniform(0.88, 1.12))


def hand_rtl(image: Image.Image, right: float, y: float, text: str, size: int, rng: np.random.Generator,
             ink: tuple[int, int, int]) -> None:
    """Arabic written word by word from ``right``: each word shaped whole (its letters join), turned and set off
    the line its own way."""
    x = right
    for word in text.split():
        # The Naskh face has digits but no Latin signs: a date "2004/05/01" among the words in a Latin hand.
        latin = not _arabic(word) and not word.isdigit()
        face = font(HANDS[1] if latin else NASKH, size + int(rng.integers(-2, 4)))
        width = int(face.getlength(word, direction="rtl")) + size
        glyph = Image.new("L", (width, size * 2), 0)
        ImageDraw.Draw(glyph).text((width - size // 2, size // 3), word, font=face, fill=230, anchor="ra",
                                   direction="rtl")
        glyph = glyph.rotate(float(rng.uniform(-5, 5)), resample=Image.BICUBIC)
        image.paste(ink, (int(x - width + size // 2), int(y) - size // 3 + int(rng.integers(-3, 4))), glyph)
        x -= width - size // 2 + face.getlength(" ") * float(rng.uniform(1.0, 2.2))


class Sheet:
    """A page of a booklet or a register: guilloche behind the print, labels printed, entries by hand."""

    def __init__(self, seed: int, size: tuple[int, int] = BOOK_PAGE, paper=PAPER, guilloche: bool = True,
                 margin: int = 70):
        self.image = Image.new("RGB", size, paper)
        self.draw = ImageDraw.Draw(self.image)
        self.rng = np.random.default_rng(seed)
        self.ink = INKS[seed % len(INKS)]
        self.left, self.right, self.y = margin, size[0] - margin, 80
        if guilloche:
            self._guilloche()

    def _guilloche(self) -> None:
        width, height = self.image.size
        phase = float(self.rng.uniform(0, 6))
        for band in range(22):
            centre = height * (band + 0.5) / 22
            points = [(x, centre + 22 * math.sin(x / 41 + band * 0.7 + phase)) for x in range(0, width + 8, 8)]
            self.draw.line(points, fill=(226, 220, 232), width=2)

    def centred(self, text: str, size: int, face: str = SERIF_BOLD, gap: float = 1.6, fill=PRINT) -> None:
        typeface = font(face, size)
        direction = "rtl" if _arabic(text) else None
        width = self.draw.textlength(text, font=typeface, direction=direction)
        self.draw.text(((self.image.width - width) / 2, self.y), text, font=typeface, fill=fill, direction=direction)
        self.y += round(size * gap)

    def heading(self, text: str, size: int = 30, face: str = SERIF_BOLD, gap: float = 1.9) -> None:
        self.draw.text((self.left, self.y), text, font=font(face, size), fill=PRINT)
        self.y += round(size * gap)

    def row(self, label: str, entry: str = "", size: int = 25, face: str = SERIF, gap: float = 2.1,
            entry_x: int | None = None, arabic_label: str = "") -> None:
        """A printed label on a dotted line; ``entry`` written on it by hand (Latin left to right, Arabic from
        the line's right end); ``arabic_label`` printed at the right margin (a bilingual form)."""
        typeface = font(face, size)
        self.draw.text((self.left, self.y), label, font=typeface, fill=PRINT)
        end = self.right
        if arabic_label:
            label_face = font(ARABIC, size)
            self.draw.text((self.right, self.y - 4), arabic_label, font=label_face, fill=PRINT, anchor="ra",
                           direction="rtl")
            end = self.right - self.draw.textlength(arabic_label, font=label_face, direction="rtl") - 16
        start = entry_x or int(self.left + self.draw.textlength(label, font=typeface) + 14)
        baseline = self.y + size + 4
        for x in range(start, int(end), 9):
            self.draw.line((x, baseline, x + 3, baseline), fill=(140, 135, 130), width=1)
        if entry and _arabic(entry):
            hand_rtl(self.image, end - 12, self.y - 8, entry, size + 6, self.rng, self.ink)
        elif entry:
            hand(self.image, start + 12, self.y - 6, entry, size + 7, self.rng, self.ink)
        self.y += round(size * gap)

    def bilingual(self, french: str, arabic: str, size: int = 28, gap: float = 1.7) -> None:
        """A heading printed in both languages on one line: the French at the left margin, the Arabic at the right."""
        self.draw.text((self.left, self.y), french, font=font(SERIF_BOLD, size), fill=PRINT)
        self.draw.text((self.right, self.y - 4), arabic, font=font(ARABIC_BOLD, size), fill=PRINT, anchor="ra",
                       direction="rtl")
        self.y += round(size * gap)

    def arabic_line(self, text: str, size: int = 26, face: str = ARABIC, gap: float = 1.8) -> None:
        self.draw.text((self.right, self.y), text, font=font(face, size), fill=PRINT, anchor="ra", direction="rtl")
        self.y += round(size * gap)

    def paragraph(self, text: str, size: int = 19, face: str = SERIF, gap: float = 1.45) -> None:
        typeface = font(face, size)
        for line in _wrapped(text, typeface, self.right - self.left):
            self.draw.text((self.left, self.y), line, font=typeface, fill=PRINT)
            self.y += round(size * gap)
        self.y += size // 2

    def stamp(self, centre: tuple[int, int], radius: int, ring: str, middle: str = "") -> None:
        """A round rubber stamp pressed a little unevenly over whatever is there: its words round the ring."""
        mask = Image.new("L", self.image.size, 0)
        draw = ImageDraw.Draw(mask)
        cx, cy = centre
        for r in (radius, radius - 6, radius * 0.62):
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=170, width=3)
        typeface = font(SANS_BOLD, max(12, radius // 6))
        step = 2 * math.pi / max(len(ring) + 4, 24)
        for index, char in enumerate(ring):
            angle = -math.pi / 2 + index * step
            glyph = Image.new("L", (40, 40), 0)
            ImageDraw.Draw(glyph).text((20, 20), char, font=typeface, fill=170, anchor="mm")
            glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
            rr = radius * 0.81
            mask.paste(glyph, (int(cx + rr * math.cos(angle)) - 20, int(cy + rr * math.sin(angle)) - 20), glyph)
        if middle:
            draw.text((cx, cy), middle, font=font(SANS_BOLD, max(12, radius // 5)), fill=170, anchor="mm")
        patchy = np.asarray(mask, dtype=np.float32) * self.rng.uniform(0.45, 1.0, (mask.height, mask.width))
        self.image.paste(STAMP, (0, 0), Image.fromarray(patchy.astype(np.uint8)))
        self.draw = ImageDraw.Draw(self.image)

    def signature(self, x: int, y: int, width: int = 200) -> None:
        """A flourish: a few loops along a line, then an underline."""
        points = []
        for step in range(120):
            t = step / 119
            points.append((x + width * t + 18 * math.sin(t * 19 + 1),
                           y + 22 * math.sin(t * 11) * math.cos(t * 3) + float(self.rng.normal(0, 0.6))))
        self.draw.line(points, fill=self.ink, width=3, joint="curve")
        self.draw.line((x - 10, y + 30, x + width * 0.8, y + 24), fill=self.ink, width=2)


def _arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


def _wrapped(text: str, typeface: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and typeface.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


# ---------------------------------------------------------------- how they reach us

def scanned(page: Image.Image, dpi: int = 150, grey: bool = True, turn: int = 0) -> Image.Image:
    """A booklet's page laid on a flatbed and scanned to A4 at ``dpi``: the page in a corner of the bed, its
    edge's shadow, grey if so set; ``turn``: the page laid sideways or upside down (degrees)."""
    scale = dpi / 240
    small = page.resize((round(page.width * scale), round(page.height * scale)), Image.LANCZOS)
    bed = Image.new("RGB", (round(8.27 * dpi), round(11.69 * dpi)), (238, 238, 236))
    ImageDraw.Draw(bed).rectangle((20, 20, 26 + small.width, 26 + small.height), fill=(170, 170, 168))
    bed.paste(small, (18, 18))
    bed = bed.filter(ImageFilter.GaussianBlur(0.5))
    if turn:
        bed = bed.rotate(turn, expand=True)
    return bed.convert("L").convert("RGB") if grey else bed


def a4_scan(page: Image.Image, turn: int = 0) -> Image.Image:
    """An A4 sheet (drawn at 150 dpi) scanned grey at 150 dpi, ``turn`` degrees round."""
    grey = page.convert("L").filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
    return grey.rotate(turn, expand=True) if turn else grey


def pdf(pages: list[Image.Image], dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return buffer.getvalue()


def jpeg(image: Image.Image, quality: int = 82) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def spread(left: Image.Image, right: Image.Image) -> Image.Image:
    """Two facing pages of an open booklet: the gutter's shadow between them, the pages curving into it."""
    width, height = left.width + right.width, max(left.height, right.height)
    open_book = Image.new("RGB", (width, height), PAPER)
    open_book.paste(left, (0, 0))
    open_book.paste(right, (left.width, 0))
    pixels = np.asarray(open_book, dtype=np.float32)
    distance = np.abs(np.arange(width, dtype=np.float32) - left.width) / 70
    shade = 1 - 0.45 * np.exp(-distance ** 2)
    return Image.fromarray((pixels * shade[None, :, None]).astype(np.uint8))


def phone_photo(image: Image.Image, tilt: float, width: int = 2000, lean: float = 0.05,
                lamp: bool = True, turn: int = 0, seed: int = 0) -> Image.Image:
    """Photographed with a phone on a table: leaning (the far edge narrower), turned a little, uneven light,
    slightly soft, some sensor noise; ``turn``: the phone held the other way (the photo sideways)."""
    from bench.photo_faults import taken_from_an_angle

    table = Image.new("RGB", (image.width + 260, image.height + 260), TABLE)
    table.paste(image, (130, 130))
    photo = taken_from_an_angle(table, lean)
    photo = photo.rotate(tilt, resample=Image.BICUBIC, expand=True, fillcolor=TABLE)
    photo = photo.resize((width, round(photo.height * width / photo.width)), Image.LANCZOS)
    pixels = np.asarray(photo, dtype=np.float32)
    if lamp:
        light = np.linspace(1.0, 0.62, photo.height, dtype=np.float32)[:, None, None]
        light = light * np.linspace(0.85, 1.02, photo.width, dtype=np.float32)[None, :, None]
        pixels = pixels * light
    pixels += np.random.default_rng(seed).normal(0, 5, pixels.shape).astype(np.float32)
    photo = Image.fromarray(pixels.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    return photo.rotate(turn, expand=True) if turn else photo


# ---------------------------------------------------------------- a French livret de famille

def fr_cover(seed: int) -> Image.Image:
    """The booklet's cover: dark cloth, gilt letters, the Republic's emblem."""
    sheet = Sheet(seed, paper=(38, 52, 96), guilloche=False)
    gilt = (222, 200, 140)
    sheet.y = 260
    sheet.centred("RÉPUBLIQUE FRANÇAISE", 44, SERIF_BOLD, gap=1.5, fill=gilt)
    sheet.centred("Liberté  Égalité  Fraternité", 28, SERIF, gap=3.0, fill=gilt)
    cx, cy = sheet.image.width // 2, sheet.y + 170
    sheet.draw.ellipse((cx - 150, cy - 150, cx + 150, cy + 150), outline=gilt, width=5)
    sheet.draw.polygon([(cx, cy - 110), (cx + 95, cy + 70), (cx - 95, cy + 70)], outline=gilt, width=4)
    sheet.y = cy + 280
    sheet.centred("LIVRET DE FAMILLE", 64, SERIF_BOLD, fill=gilt)
    return sheet.image


def fr_opening(seed: int, commune: str, issued: str) -> Image.Image:
    """The first inner page: who issued the booklet, and when."""
    sheet = Sheet(seed)
    sheet.centred("RÉPUBLIQUE FRANÇAISE", 30, SERIF_BOLD, gap=1.3)
    sheet.centred("LIVRET DE FAMILLE", 46, SERIF_BOLD, gap=2.6)
    sheet.row("Commune de", commune)
    sheet.row("Département", "Rhône" if seed % 2 else "Isère")
    sheet.row("Délivré le", issued)
    sheet.row("à la suite du mariage célébré le", issued)
    sheet.y += 30
    sheet.paragraph("Le présent livret comporte 24 pages dont 16 pages réservées aux extraits des actes de "
                    "naissance des enfants. Il ne peut être délivré qu'un seul livret par famille, sauf en cas "
                    "de perte, de vol ou de destruction.", 20)
    sheet.row("L'officier de l'état civil", "")
    sheet.signature(560, sheet.y - 20)
    sheet.stamp((760, sheet.y + 120), 105, f"MAIRIE DE {commune.upper()} * ÉTAT CIVIL *", "R.F.")
    return sheet.image


@dataclass(frozen=True)
class Spouses:
    husband: tuple[str, str, str, str]  # surname, first names, born on, born at
    wife: tuple[str, str, str, str]
    married_on: str
    married_at: str
    deed: str


def fr_spouses(seed: int, couple: Spouses, layout: int = 0) -> Image.Image:
    """The spouses' page, an extract of the marriage deed: rows under each spouse's sub-heading (``layout`` 0),
    or each row naming the spouse it is about (1); the deaths' and divorce's rows left blank."""
    sheet = Sheet(seed)
    sheet.centred("EXTRAIT DE L'ACTE DE MARIAGE", 34, SERIF_BOLD, gap=1.4)
    sheet.row("Acte n°", couple.deed, gap=1.8)
    sheet.row("Le", couple.married_on, gap=1.8)
    sheet.row("devant l'officier de l'état civil de", couple.married_at, gap=2.0)
    sheet.paragraph("ont contracté mariage", 24)
    if layout == 0:
        for heading, person in (("ÉPOUX", couple.husband), ("ÉPOUSE", couple.wife)):
            sheet.heading(heading, 28, gap=1.6)
            sheet.row("Nom", person[0], gap=1.8)
            sheet.row("Prénoms", person[1], gap=1.8)
            sheet.row("né(e) le", person[2], gap=1.8)
            sheet.row("à", person[3], gap=2.0)
    else:
        for who, person in (("de l'époux", couple.husband), ("de l'épouse", couple.wife)):
            sheet.row(f"Nom {who}", person[0], gap=1.8)
            sheet.row("Prénoms", person[1], gap=1.8)
            sheet.row("Date et lieu de naissance", f"{person[2]} {person[3]}", gap=2.2)
    sheet.row("Contrat de mariage", "sans contrat" if seed % 2 else "néant", gap=1.8)
    sheet.row("Fait le", couple.married_on, gap=1.6)
    sheet.signature(600, sheet.y - 10)
    sheet.stamp((260, sheet.y + 40), 95, f"VILLE DE {couple.married_at.upper()} * OFFICIER DE L'ÉTAT CIVIL *", "RF")
    sheet.y += 120
    sheet.heading("Divorce ou séparation de corps", 22, SERIF_BOLD, gap=1.6)
    sheet.row("Jugement du", "", size=22, gap=1.7)
    return sheet.image


@dataclass(frozen=True)
class Child:
    rank: str  # as the page prints it: "Premier enfant", "DEUXIÈME ENFANT", "Enfant n° 3"
    surname: str = ""
    names: str = ""
    sex: str = ""
    born_on: str = ""
    born_at: str = ""
    deed: str = ""


def fr_child(seed: int, child: Child, modern: bool = False) -> Image.Image:
    """A child's page: its rank at the top, the extract of its birth deed (rows left blank where no child was
    born yet), the rows for its death below. ``modern``: the newer model, titled as an extract of the birth."""
    sheet = Sheet(seed)
    if modern:
        sheet.centred("EXTRAIT DE L'ACTE DE NAISSANCE", 30, SERIF_BOLD, gap=1.3)
    sheet.centred(child.rank, 36, SERIF_BOLD, gap=1.8)
    sheet.row("Nom", child.surname)
    sheet.row("Prénoms", child.names)
    sheet.row("Sexe", child.sex)
    sheet.row("Né(e) le", child.born_on)
    sheet.row("à", child.born_at)
    sheet.row("Acte n°", child.deed)
    sheet.row("Délivré le", child.born_on)
    if child.names:
        sheet.signature(620, sheet.y - 30)
        sheet.stamp((300, sheet.y + 20), 90, f"MAIRIE DE {child.born_at.upper()} * ÉTAT CIVIL *", "RF")
    sheet.y += 110
    sheet.heading("Décès", 26, gap=1.5)
    sheet.row("Décédé(e) le", "", gap=1.8)
    sheet.row("à", "", gap=1.8)
    sheet.row("L'officier de l'état civil", "", gap=1.8)
    return sheet.image


def fr_deaths(seed: int) -> Image.Image:
    """The page for the spouses' deaths, blank but for its printed rows."""
    sheet = Sheet(seed)
    sheet.centred("EXTRAIT DE L'ACTE DE DÉCÈS", 32, SERIF_BOLD, gap=2.0)
    for who in ("du premier conjoint", "du second conjoint"):
        sheet.heading(f"Décès {who}", 26, gap=1.7)
        sheet.row("Décédé(e) le", "")
        sheet.row("à", "")
        sheet.row("Acte n°", "")
        sheet.row("L'officier de l'état civil", "")
        sheet.y += 40
    return sheet.image


INFORMATION = (
    ("Tenue du livret", "Le livret est remis aux époux lors de la célébration du mariage, ou aux parents lors de "
     "la naissance de leur premier enfant. Il est mis à jour par l'officier de l'état civil à chaque événement : "
     "naissance, reconnaissance, adoption, changement de nom, décès d'un enfant ou d'un conjoint, divorce ou "
     "séparation de corps. Toute mise à jour se fait sur présentation du livret à la mairie."),
    ("Naissance", "La naissance d'un enfant doit être déclarée dans les cinq jours à l'officier de l'état civil du "
     "lieu de naissance. L'extrait de l'acte de naissance est porté sur le livret à la page réservée à l'enfant, "
     "dans l'ordre des naissances."),
    ("Mariage et divorce", "Le mariage des parents postérieur à la naissance d'un enfant est mentionné sur le "
     "livret. En cas de divorce, chacun des ex-époux peut obtenir un second livret. La dissolution du mariage "
     "est portée en marge de l'extrait de l'acte de mariage."),
    ("Décès", "Le décès doit être déclaré dans les vingt-quatre heures à la mairie du lieu du décès, par un parent "
     "ou toute personne possédant les renseignements nécessaires. L'extrait de l'acte de décès est inscrit à la "
     "page prévue à cet effet."),
    ("Autorité parentale", "L'autorité parentale appartient aux père et mère jusqu'à la majorité ou l'émancipation "
     "de l'enfant. Ils l'exercent en commun. Le nom de famille choisi pour le premier enfant vaut pour les "
     "enfants suivants."),
    ("Perte ou vol", "En cas de perte, de vol ou de destruction, un duplicata peut être demandé à la mairie du "
     "lieu du mariage ou du domicile. La falsification du livret est punie par la loi."),
)


def fr_information(seed: int, part: int) -> Image.Image:
    """A page of the legal information every booklet prints: it names births, marriages, divorces and deaths in
    every paragraph and records none."""
    sheet = Sheet(seed, guilloche=False)
    sheet.centred("INFORMATIONS", 30, SERIF_BOLD, gap=1.8)
    for title, text in INFORMATION[part * 3:part * 3 + 3]:
        sheet.heading(title, 24, gap=1.5)
        sheet.paragraph(text, 21)
    return sheet.image


COUPLE_FR = Spouses(("Ferreira", "Nuno Miguel", "14 avril 1979", "Porto (Portugal)"),
                    ("Kouassi", "Aya Mireille", "2 novembre 1983", "Abidjan"), "vingt juin deux mille neuf",
                    "Grenoble", "219")
CHILDREN_FR = (Child("Premier enfant", "Ferreira", "Inès Adjoua", "F", "3 mars 2011", "Grenoble", "1204"),
               Child("Deuxième enfant", "Ferreira", "Tiago", "M", "28 août 2014", "Échirolles", "877"),
               Child("Troisième enfant"))


def livret_fr_scanned_whole() -> bytes:
    """The whole booklet scanned page by page into one PDF, grey, 150 dpi: a sideways child's page, the blank
    third child's page upside down."""
    pages = [fr_cover(1), fr_opening(2, "Grenoble", "20 juin 2009"), fr_spouses(3, COUPLE_FR),
             fr_child(4, CHILDREN_FR[0]), fr_child(5, CHILDREN_FR[1]), fr_child(6, CHILDREN_FR[2]), fr_deaths(7),
             fr_information(8, 0)]
    turns = {4: 90, 5: 180}
    return pdf([scanned(page, turn=turns.get(index, 0)) for index, page in enumerate(pages)])


COUPLE_FR2 = Spouses(("Benkirane", "Samir", "9 janvier 1985", "Lille"), ("Dubois", "Élodie Anne", "30 mai 1987",
                                                                              "Roubaix"),
                     "quatorze septembre deux mille quinze", "Tourcoing", "88")


def livret_fr_inner_pages() -> bytes:
    """No cover and no title page: the information page first, the spouses' page upside down, a child's page
    sideways, the spouses' deaths blank. Colour scan at 200 dpi."""
    child = Child("PREMIER ENFANT", "Benkirane", "Yanis", "masculin", "2 février 2017", "Tourcoing", "301")
    pages = [scanned(fr_information(11, 1), dpi=200, grey=False),
             scanned(fr_spouses(12, COUPLE_FR2, layout=1), dpi=200, grey=False, turn=180),
             scanned(fr_child(13, child, modern=True), dpi=200, grey=False, turn=270),
             scanned(fr_deaths(14), dpi=200, grey=False)]
    return pdf(pages, dpi=200)


def livret_fr_open_spouses_and_child() -> bytes:
    """A phone photo of the booklet lying open: the spouses' page and the first child's facing it."""
    child = Child("Premier enfant", "Benkirane", "Lina", "F", "11 juillet 2016", "Lille", "2950")
    return jpeg(phone_photo(spread(fr_spouses(21, COUPLE_FR2), fr_child(22, child)), tilt=-4, seed=21))


def livret_fr_open_children() -> bytes:
    """The open booklet at its children's pages, the second filled in, the third blank; the phone held
    sideways."""
    return jpeg(phone_photo(spread(fr_child(31, CHILDREN_FR[1]), fr_child(32, CHILDREN_FR[2])), tilt=3,
                            lean=0.07, turn=90, seed=31))


def livret_fr_open_information_and_deaths() -> bytes:
    """The open booklet at its last pages: the legal information beside the blank page of the spouses' deaths."""
    return jpeg(phone_photo(spread(fr_information(41, 0), fr_deaths(42)), tilt=-2, seed=41))


# ---------------------------------------------------------------- Maghreb booklets, bilingual

def dz_cover(seed: int) -> Image.Image:
    sheet = Sheet(seed, paper=(32, 92, 60), guilloche=False)
    light = (236, 226, 190)
    sheet.y = 240
    sheet.centred("الجمهورية الجزائرية الديمقراطية الشعبية", 38, ARABIC_BOLD, fill=light)
    sheet.centred("République Algérienne Démocratique et Populaire", 30, SERIF, gap=3.5, fill=light)
    sheet.centred("الدفتر العائلي", 64, ARABIC_BOLD, gap=1.6, fill=light)
    sheet.centred("LIVRET DE FAMILLE", 52, SERIF_BOLD, fill=light)
    return sheet.image


def dz_marriage(seed: int) -> Image.Image:
    """The marriage page: French labels left, Arabic right, entries by hand in either script."""
    sheet = Sheet(seed)
    sheet.centred("عقد الزواج", 34, ARABIC_BOLD, gap=1.3)
    sheet.centred("Acte de mariage", 30, SERIF_BOLD, gap=1.8)
    sheet.row("N° de l'acte", "412", arabic_label="رقم العقد")
    sheet.row("Date", "17/07/2006", arabic_label="التاريخ")
    sheet.row("Commune", "Oran", arabic_label="البلدية")
    sheet.bilingual("Le mari", "الزوج")
    sheet.row("Nom", "Hamidi", arabic_label="اللقب")
    sheet.row("Prénom", "Rachid", arabic_label="الاسم")
    sheet.row("Né le", "05/03/1978 Oran", arabic_label="تاريخ ومكان الازدياد")
    sheet.bilingual("La femme", "الزوجة")
    sheet.row("Nom", "Bouzid", arabic_label="اللقب")
    sheet.row("Prénom", "Nadia", arabic_label="الاسم")
    sheet.row("Née le", "22/10/1982 Mostaganem", arabic_label="تاريخ ومكان الازدياد")
    sheet.signature(180, sheet.y + 20)
    sheet.stamp((720, sheet.y + 60), 100, "BALADIAT WAHRAN * ETAT CIVIL *", "")
    return sheet.image


def dz_children(seed: int, first: int, children: list[tuple[str, str, str]]) -> Image.Image:
    """A page of births, two entries each, numbered in the booklet's order (blank where none was born)."""
    sheet = Sheet(seed)
    sheet.bilingual("Naissances", "المواليد", 32, gap=2.0)
    for offset in range(2):
        name, born, place = children[offset] if offset < len(children) else ("", "", "")
        sheet.bilingual(f"Enfant n° {first + offset}", f"الطفل رقم {first + offset}", 26, gap=1.6)
        sheet.row("Prénom", name, arabic_label="الاسم")
        sheet.row("Date de naissance", born, arabic_label="تاريخ الازدياد")
        sheet.row("Lieu de naissance", place, arabic_label="مكان الازدياد")
        sheet.row("Décès", "", arabic_label="الوفاة")
        if name:
            sheet.signature(620, sheet.y - 40, 160)
        sheet.y += 50
    return sheet.image


def livret_dz_scanned() -> bytes:
    """An Algerian booklet scanned into a PDF: cover, the marriage page, two pages of births, the second sideways."""
    pages = [dz_cover(51), dz_marriage(52),
             dz_children(53, 1, [("Amine", "14/01/2008", "Oran"), ("Sarah", "30/06/2010", "Oran")]),
             dz_children(54, 3, [("Walid", "09/09/2013", "Arzew")])]
    return pdf([scanned(page, dpi=150, grey=index % 2 == 0, turn=90 if index == 3 else 0)
                for index, page in enumerate(pages)])


def ma_holder(seed: int) -> Image.Image:
    """The Moroccan booklet's holder's page, his marriage below it."""
    sheet = Sheet(seed)
    sheet.centred("المملكة المغربية", 32, ARABIC_BOLD, gap=1.2)
    sheet.bilingual("Titulaire du livret", "صاحب الدفتر", 28, gap=2.0)
    sheet.row("Nom", "El Idrissi", arabic_label="الاسم العائلي")
    sheet.row("Prénom", "Mohamed", arabic_label="الاسم الشخصي")
    sheet.row("Né le", "1975", arabic_label="تاريخ الازدياد")
    sheet.row("à", "Fès", arabic_label="مكان الازدياد")
    sheet.row("Fils de", "عبد الله", arabic_label="ابن")
    sheet.row("et de", "فاطمة", arabic_label="و")
    sheet.bilingual("Mariage", "الزواج", 28)
    sheet.row("Épouse", "Khadija Alaoui", arabic_label="الزوجة")
    sheet.row("Date de l'acte", "12/05/2003", arabic_label="تاريخ العقد")
    sheet.stamp((760, sheet.y + 50), 90, "ROYAUME DU MAROC * ETAT CIVIL *", "")
    return sheet.image


def ma_children(seed: int) -> Image.Image:
    """The children, listed in rows under their heading: a number, a name, a date of birth, a place."""
    sheet = Sheet(seed)
    sheet.bilingual("Enfants", "الأبناء", 32, gap=2.0)
    columns = (("N°", "رقم"), ("Prénom", "الاسم"), ("Né le", "تاريخ الازدياد"), ("Lieu", "المكان"))
    xs = (70, 150, 440, 760)
    for x, (french, arabic) in zip(xs, columns):
        sheet.draw.text((x, sheet.y), french, font=font(SERIF, 22), fill=PRINT)
        sheet.draw.text((x, sheet.y + 30), arabic, font=font(ARABIC, 22), fill=PRINT, direction="rtl")
    sheet.y += 80
    for number, (name, born, place) in enumerate((("Youssef", "03/02/2005", "Fès"), ("Imane", "19/11/2007", "Fès"),
                                                  ("Hamza", "07/06/2012", "Meknès"), ("", "", "")), start=1):
        sheet.draw.line((60, sheet.y + 44, sheet.right, sheet.y + 44), fill=(150, 145, 140), width=1)
        sheet.draw.text((xs[0], sheet.y + 6), str(number), font=font(SERIF, 26), fill=PRINT)
        for x, value in zip(xs[1:], (name, born, place)):
            if value:
                hand(sheet.image, x + 8, sheet.y, value, 30, sheet.rng, sheet.ink)
        sheet.y += 80
    return sheet.image


def livret_ma_open() -> bytes:
    """A Moroccan booklet photographed open: the holder's page and the children's page facing it."""
    return jpeg(phone_photo(spread(ma_holder(61), ma_children(62)), tilt=5, lean=0.06, seed=61), quality=75)


# ---------------------------------------------------------------- Levant family register extracts

LEVANT_COLUMNS = ("الاسم", "اسم الأب", "اسم الأم", "محل وتاريخ الولادة", "الصلة", "الوضع العائلي")


def register_extract(seed: int, heads: list[str], members: list[tuple[str, ...]], typed: bool,
                     header: bool = True, footer: str = "") -> Image.Image:
    """An A4 extract of a family's civil register: a table of its members, each row giving the member's relation
    to the head of the register."""
    sheet = Sheet(seed, size=(1240, 1754), paper=(250, 250, 246), margin=80)
    if header:
        for line in heads:
            sheet.arabic_line(line, 30, ARABIC_BOLD, gap=1.5)
        sheet.y += 20
    widths = (190, 160, 160, 250, 150, 170)
    right = sheet.right
    top = sheet.y
    sheet.draw.rectangle((sheet.left, top, right, top + 60 + 90 * len(members)), outline=PRINT, width=2)
    x = right
    for width, title in zip(widths, LEVANT_COLUMNS):
        sheet.draw.text((x - 10, top + 14), title, font=font(ARABIC_BOLD, 22), fill=PRINT, anchor="ra",
                        direction="rtl")
        sheet.draw.line((x - width, top, x - width, top + 60 + 90 * len(members)), fill=PRINT, width=1)
        x -= width
    for row, member in enumerate(members):
        y = top + 60 + 90 * row
        sheet.draw.line((sheet.left, y, right, y), fill=PRINT, width=1)
        x = right
        for width, value in zip(widths, member):
            if typed:
                sheet.draw.text((x - 10, y + 24), value, font=font(NASKH, 24), fill=(30, 30, 30), anchor="ra",
                                direction="rtl")
            else:
                hand_rtl(sheet.image, x - 10, y + 18, value, 26, sheet.rng, sheet.ink)
            x -= width
    sheet.y = top + 60 + 90 * len(members) + 60
    if footer:
        sheet.arabic_line(footer, 26)
    sheet.signature(200, sheet.y + 30)
    sheet.stamp((300, sheet.y + 150), 110, "DIRECTION DES AFFAIRES CIVILES *", "")
    return sheet.image


SYRIAN_HEADS = ["الجمهورية العربية السورية", "وزارة الداخلية", "مديرية الشؤون المدنية", "إخراج قيد عائلي",
                "المحافظة: حماة     الناحية: السلمية     رقم القيد: 317"]
SYRIAN_MEMBERS = [("خالد", "يوسف", "مريم", "السلمية 1979", "صاحب القيد", "متزوج"),
                  ("رنا", "سليم", "هند", "حماة 1984", "زوجته", "متزوجة"),
                  ("ياسمين", "خالد", "رنا", "حماة 2006", "ابنته", "عازبة"),
                  ("كريم", "خالد", "رنا", "السلمية 2009", "ابنه", "عازب"),
                  ("جود", "خالد", "رنا", "حماة 2013", "ابنته", "عازبة")]


def syrian_register_photo() -> bytes:
    """A Syrian family extract, typed, photographed on a table at an angle."""
    page = register_extract(71, SYRIAN_HEADS, SYRIAN_MEMBERS, typed=True, footer="أمين السجل المدني")
    return jpeg(phone_photo(page, tilt=-6, width=1600, lean=0.06, seed=71), quality=78)


LEBANESE_HEADS = ["الجمهورية اللبنانية", "وزارة الداخلية والبلديات", "المديرية العامة للأحوال الشخصية",
                  "بيان قيد عائلي", "القضاء: زحلة    رقم السجل: 88"]


def lebanese_register_pdf() -> bytes:
    """A Lebanese family extract filled in by hand over two pages: the second continues the table, no title."""
    first = register_extract(81, LEBANESE_HEADS, [("جورج", "الياس", "نهاد", "زحلة 1975", "رب العائلة", "متأهل"),
                                                  ("منى", "فؤاد", "سلوى", "بيروت 1980", "زوجته", "متأهلة"),
                                                  ("ريتا", "جورج", "منى", "زحلة 2004", "ابنته", "عزباء")],
                             typed=False)
    second = register_extract(82, [], [("شربل", "جورج", "منى", "زحلة 2008", "ابنه", "أعزب"),
                                       ("كارلا", "جورج", "منى", "زحلة 2011", "ابنته", "عزباء")],
                              typed=False, header=False, footer="مأمور النفوس")
    return pdf([a4_scan(first), a4_scan(second, turn=180)])


# ---------------------------------------------------------------- what must stay what it is

def fr_birth_copy() -> bytes:
    """A full copy of a French birth deed over two pages, its margin noting the marriage and the divorce since:
    one child's birth, however many events its notes name."""
    first = Sheet(91, size=(1240, 1754), paper=(252, 252, 250), guilloche=False, margin=110)
    first.centred("RÉPUBLIQUE FRANÇAISE", 26, SERIF_BOLD, gap=1.3)
    first.centred("Mairie de Saint-Étienne", 24, SERIF, gap=2.4)
    first.centred("COPIE INTÉGRALE D'ACTE DE NAISSANCE", 34, SERIF_BOLD, gap=2.4)
    first.paragraph("Acte n° 1187. Le dix-sept février mil neuf cent quatre-vingt-dix, à quatre heures vingt, est "
                    "née à Saint-Étienne (Loire) Camille Jeanne GARNIER, de sexe féminin, fille de Pierre Louis "
                    "GARNIER, né à Roanne le 2 mai 1961, technicien, et de Sophie Marie BRUN, née à Vienne le 11 "
                    "octobre 1963, infirmière, domiciliés à Saint-Étienne, 4 rue des Tilleuls.", 26)
    first.paragraph("Dressé le dix-huit février mil neuf cent quatre-vingt-dix, sur la déclaration du père, qui, "
                    "lecture faite et invité à lire l'acte, a signé avec nous, officier de l'état civil.", 26)
    first.signature(700, first.y + 20)
    second = Sheet(92, size=(1240, 1754), paper=(252, 252, 250), guilloche=False, margin=110)
    second.centred("MENTIONS MARGINALES", 30, SERIF_BOLD, gap=2.2)
    second.paragraph("Mariée à Lyon (Rhône) le 3 juillet 2015 avec Julien Marc FAURE. Saint-Étienne, le 20 "
                     "juillet 2015. L'officier de l'état civil.", 25)
    second.paragraph("Divorcée de Julien Marc FAURE par jugement du tribunal judiciaire de Lyon en date du 9 mars "
                     "2021. Saint-Étienne, le 2 avril 2021.", 25)
    second.paragraph("Pour copie conforme, délivrée le 5 janvier 2026.", 25)
    second.stamp((850, second.y + 120), 110, "MAIRIE DE SAINT-ÉTIENNE * ÉTAT CIVIL *", "RF")
    return pdf([a4_scan(first.image), a4_scan(second.image)])


def fr_marriage_extract() -> bytes:
    """An extract of a marriage deed on its own (one sheet, both spouses under their headings): a certificate."""
    sheet = Sheet(93, size=(1240, 1754), paper=(252, 252, 250), guilloche=False, margin=110)
    sheet.centred("RÉPUBLIQUE FRANÇAISE", 26, SERIF_BOLD, gap=1.3)
    sheet.centred("Ville de Montpellier", 24, SERIF, gap=2.2)
    sheet.centred("EXTRAIT D'ACTE DE MARIAGE", 36, SERIF_BOLD, gap=1.4)
    sheet.centred("avec indication de la filiation", 24, SERIF, gap=2.4)
    sheet.row("Le", "8 octobre 2011", size=26)
    sheet.heading("Époux", 28)
    sheet.row("Nom, prénoms", "MERCIER Antoine Paul", size=26)
    sheet.row("né le, à", "12/01/1984 Nîmes (Gard)", size=26)
    sheet.row("fils de", "Bernard MERCIER et Odile ROUX", size=26)
    sheet.heading("Épouse", 28)
    sheet.row("Nom, prénoms", "TRAORÉ Fatoumata", size=26)
    sheet.row("née le, à", "25/06/1986 Bamako (Mali)", size=26)
    sheet.row("fille de", "Moussa TRAORÉ et Awa KEITA", size=26)
    sheet.row("Contrat de mariage", "néant", size=26)
    sheet.paragraph("Extrait délivré le 14 mars 2024 par l'officier de l'état civil.", 24)
    sheet.stamp((850, sheet.y + 110), 110, "VILLE DE MONTPELLIER * ÉTAT CIVIL *", "RF")
    return pdf([a4_scan(sheet.image)])


def booklet_translation_nl() -> bytes:
    """A sworn Dutch translation of a Moroccan booklet over two pages: the booklet's rows translated, the
    translator's statement and stamp on the second page."""
    first = Sheet(94, size=(1240, 1754), paper=(255, 255, 255), guilloche=False, margin=110)
    first.heading("Vertaling uit het Arabisch en Frans", 28, SANS_BOLD, gap=2.2)
    first.heading("Koninkrijk Marokko - Burgerlijke stand", 26, SANS, gap=2.0)
    for label, value in (("Houder van het boekje", "Mohamed El Idrissi"), ("Geboren op", "1975 te Fès"),
                         ("Zoon van", "Abdallah en Fatima"), ("Echtgenote", "Khadija Alaoui"),
                         ("Datum huwelijksakte", "12-05-2003"), ("Kind 1", "Youssef, geboren 03-02-2005 te Fès"),
                         ("Kind 2", "Imane, geboren 19-11-2007 te Fès")):
        first.heading(f"{label}: {value}", 24, SANS, gap=1.8)
    second = Sheet(95, size=(1240, 1754), paper=(255, 255, 255), guilloche=False, margin=110)
    second.paragraph("Ondergetekende, H. Amrani, beëdigd vertaler Arabisch-Nederlands, ingeschreven in het "
                     "Register beëdigde tolken en vertalers onder nummer 20481, verklaart dat de voorgaande "
                     "vertaling getrouw en volledig is en overeenstemt met het hem getoonde document.", 26, SANS)
    second.paragraph("Utrecht, 3 februari 2026", 26, SANS)
    second.signature(300, second.y + 20)
    second.stamp((800, second.y + 100), 110, "BEEDIGD VERTALER * WBTV 20481 *", "")
    return pdf([a4_scan(first.image), a4_scan(second.image)])


def fr_death_certificate() -> bytes:
    """An extract of a death deed naming the deceased's spouse: one death."""
    sheet = Sheet(96, size=(1240, 1754), paper=(252, 252, 250), guilloche=False, margin=110)
    sheet.centred("RÉPUBLIQUE FRANÇAISE", 26, SERIF_BOLD, gap=1.3)
    sheet.centred("Commune de Brest", 24, SERIF, gap=2.2)
    sheet.centred("EXTRAIT D'ACTE DE DÉCÈS", 36, SERIF_BOLD, gap=2.4)
    sheet.row("Le", "2 janvier 2024", size=26)
    sheet.row("est décédé à", "Brest (Finistère)", size=26)
    sheet.row("Nom, prénoms", "LE GALL Yves Marie", size=26)
    sheet.row("né le, à", "4 mai 1950 Quimper", size=26)
    sheet.row("Époux de", "Monique TANGUY", size=26)
    sheet.row("Domicile", "Brest", size=26)
    sheet.paragraph("Extrait délivré le 8 janvier 2024.", 24)
    sheet.stamp((850, sheet.y + 110), 110, "COMMUNE DE BREST * ÉTAT CIVIL *", "RF")
    return pdf([a4_scan(sheet.image)])


# ---------------------------------------------------------------- a second round, written after the first round's
# rules and before it was run: other countries, models and wordings

def tn_marriage(seed: int) -> Image.Image:
    """A Tunisian booklet's marriage page, bilingual, each spouse's rows under a sub-heading."""
    sheet = Sheet(seed)
    sheet.bilingual("Mariage", "الزواج", 32, gap=2.0)
    sheet.row("Date du mariage", "02/08/2009", arabic_label="تاريخ الزواج")
    sheet.row("Lieu", "Sfax", arabic_label="المكان")
    sheet.bilingual("L'époux", "الزوج", 26)
    sheet.row("Nom et prénom", "Ben Salah Mourad", arabic_label="الاسم واللقب")
    sheet.row("Né le", "11/02/1981", arabic_label="تاريخ الولادة")
    sheet.bilingual("L'épouse", "الزوجة", 26)
    sheet.row("Nom et prénom", "Trabelsi Amel", arabic_label="الاسم واللقب")
    sheet.row("Née le", "27/09/1985", arabic_label="تاريخ الولادة")
    sheet.signature(200, sheet.y + 10)
    sheet.stamp((760, sheet.y + 40), 90, "REPUBLIQUE TUNISIENNE * ETAT CIVIL *", "")
    return sheet.image


def tn_children(seed: int) -> Image.Image:
    """The children's page: a bilingual heading, then one block per child, each headed by its rank in words."""
    sheet = Sheet(seed)
    sheet.bilingual("Les enfants", "الأولاد", 32, gap=2.0)
    for rank_fr, rank_ar, name, born in (("Premier né", "المولود الأول", "Yassine", "05/06/2011"),
                                         ("Deuxième né", "المولود الثاني", "Mariem", "14/12/2013")):
        sheet.bilingual(rank_fr, rank_ar, 26, gap=1.6)
        sheet.row("Prénom", name, arabic_label="الاسم")
        sheet.row("Date de naissance", born, arabic_label="تاريخ الولادة")
        sheet.row("Lieu de naissance", "Sfax", arabic_label="مكان الولادة")
        sheet.y += 30
    return sheet.image


def livret_tn_inner() -> bytes:
    """A Tunisian booklet's two inner pages scanned into a PDF, the children's sideways: no cover."""
    return pdf([scanned(tn_marriage(101), dpi=180, grey=False), scanned(tn_children(102), dpi=180, grey=False,
                                                                          turn=270)], dpi=180)


def fr_old_marriage(seed: int) -> Image.Image:
    """An older booklet's marriage page: the husband and the wife, each a block of rows, the parents named."""
    sheet = Sheet(seed)
    sheet.centred("MARIAGE", 34, SERIF_BOLD, gap=2.0)
    sheet.row("Célébré à", "Mulhouse")
    sheet.row("le", "5 avril 1998")
    sheet.heading("Le mari", 26, gap=1.6)
    sheet.row("Nom", "Schmitt")
    sheet.row("Prénoms", "Laurent Jean")
    sheet.row("Fils de", "Paul Schmitt et de Irène Kopp")
    sheet.heading("La femme", 26, gap=1.6)
    sheet.row("Nom", "Nguyen")
    sheet.row("Prénoms", "Thi Lan")
    sheet.row("Fille de", "Van Minh et de Thi Hoa")
    sheet.signature(560, sheet.y)
    return sheet.image


def fr_old_children(seed: int) -> Image.Image:
    """The older booklet's list of the children born of the marriage, one ruled row each."""
    sheet = Sheet(seed)
    sheet.centred("ENFANTS ISSUS DU MARIAGE", 30, SERIF_BOLD, gap=2.2)
    for number, (name, born) in enumerate((("Julie", "12 mars 1999"), ("Thomas", "30 octobre 2001"),
                                           ("", "")), start=1):
        sheet.row(f"{number}.  Prénoms", name, gap=1.7)
        sheet.row("     né(e) le", born, gap=1.7)
        sheet.row("     à", "Mulhouse" if name else "", gap=2.3)
    return sheet.image


def livret_fr_old_open() -> bytes:
    """An older French booklet photographed open at the marriage and the children's list, dim and leaning."""
    return jpeg(phone_photo(spread(fr_old_marriage(111), fr_old_children(112)), tilt=-3, lean=0.08, seed=111),
                quality=70)


def jo_head(seed: int) -> Image.Image:
    """A Jordanian family book's page of the head of the family."""
    sheet = Sheet(seed)
    sheet.arabic_line("المملكة الأردنية الهاشمية", 30, ARABIC_BOLD)
    sheet.arabic_line("رب الأسرة", 34, ARABIC_BOLD, gap=2.2)
    for label, entry in (("الاسم", "سامر محمود العلي"), ("اسم الأم", "نوال"), ("مكان الولادة", "إربد"),
                         ("تاريخ الولادة", "1977/03/14"), ("الرقم الوطني", "9771012345")):
        sheet.row("", entry, arabic_label=label)
    return sheet.image


def jo_wife_and_children(seed: int) -> Image.Image:
    """The facing page: the wife, then the children, each row giving its place in the family."""
    sheet = Sheet(seed)
    sheet.arabic_line("الزوجة", 32, ARABIC_BOLD, gap=1.8)
    sheet.row("", "هبة خالد النمر", arabic_label="الاسم")
    sheet.row("", "1981/07/02", arabic_label="تاريخ الولادة")
    sheet.arabic_line("الأبناء", 32, ARABIC_BOLD, gap=1.8)
    for number, (name, born) in enumerate((("محمد", "2004/05/01"), ("لين", "2007/11/20"), ("عمر", "2012/02/09")),
                                          start=1):
        sheet.row(f"{number}", f"{name}   {born}", arabic_label="")
    return sheet.image


def jordan_family_book_open() -> bytes:
    """A Jordanian family book photographed open: the head's page, the wife and children facing it."""
    return jpeg(phone_photo(spread(jo_wife_and_children(121), jo_head(122)), tilt=2, lean=0.05, seed=121))


def ma_birth_extract() -> bytes:
    """A Moroccan bilingual birth extract, its margin noting the marriage since: one birth."""
    sheet = Sheet(131, size=(1240, 1754), paper=(252, 252, 248), margin=100)
    sheet.bilingual("Royaume du Maroc", "المملكة المغربية", 28)
    sheet.bilingual("Extrait d'acte de naissance", "نسخة موجزة من رسم الولادة", 32, gap=2.2)
    sheet.row("Nom", "Berrada", arabic_label="الاسم العائلي")
    sheet.row("Prénom", "Salma", arabic_label="الاسم الشخصي")
    sheet.row("Née le", "21/04/1992", arabic_label="تاريخ الازدياد")
    sheet.row("à", "Rabat", arabic_label="مكان الازدياد")
    sheet.row("Fille de", "Ahmed Berrada", arabic_label="بنت")
    sheet.row("et de", "Latifa Bennani", arabic_label="و")
    sheet.bilingual("Mentions marginales", "البيانات الهامشية", 26)
    sheet.row("", "Mariée le 10/07/2016 avec Karim Tazi", arabic_label="")
    sheet.stamp((850, sheet.y + 120), 110, "ROYAUME DU MAROC * ETAT CIVIL *", "")
    return pdf([a4_scan(sheet.image)])


def dz_marriage_extract() -> bytes:
    """An Algerian bilingual extract of a marriage deed on one sheet, both spouses named: a certificate."""
    sheet = Sheet(141, size=(1240, 1754), paper=(252, 252, 248), margin=100)
    sheet.centred("الجمهورية الجزائرية الديمقراطية الشعبية", 28, ARABIC_BOLD, gap=1.4)
    sheet.bilingual("Extrait d'acte de mariage", "مستخرج من عقد الزواج", 32, gap=2.2)
    sheet.row("Le", "12/09/2014", arabic_label="في")
    sheet.bilingual("Le mari", "الزوج", 26)
    sheet.row("Nom et prénom", "Kaci Farid", arabic_label="اللقب والاسم")
    sheet.row("Né le", "03/03/1986 Béjaïa", arabic_label="المولود في")
    sheet.bilingual("La femme", "الزوجة", 26)
    sheet.row("Nom et prénom", "Amrani Lila", arabic_label="اللقب والاسم")
    sheet.row("Née le", "19/08/1990 Tizi Ouzou", arabic_label="المولودة في")
    sheet.stamp((850, sheet.y + 120), 110, "APC BEJAIA * ETAT CIVIL *", "")
    return pdf([a4_scan(sheet.image)])


def livret_fr_flatbed_spread() -> bytes:
    """Written after the spreads' rule (a check of it, not held out): the booklet laid open on a flatbed and scanned
    grey at 150 dpi to A4 landscape, in the bed's corner; the spouses' page beside the second child's."""
    second = Child("DEUXIÈME ENFANT", "Benkirane", "Nora", "F", "5 mai 2019", "Lille", "77")
    open_book = spread(fr_spouses(201, COUPLE_FR2, layout=1), fr_child(202, second))
    small = open_book.resize((round(open_book.width * 150 / 240), round(open_book.height * 150 / 240)), Image.LANCZOS)
    bed = Image.new("RGB", (1754, 1240), (238, 238, 236))
    ImageDraw.Draw(bed).rectangle((22, 22, 26 + small.width, 26 + small.height), fill=(170, 170, 168))
    bed.paste(small, (18, 18))
    return pdf([bed.filter(ImageFilter.GaussianBlur(0.5)).convert("L").convert("RGB")])


CASES: tuple[Case, ...] = (
    Case("livret_fr_scanned_whole", "family_booklet", livret_fr_scanned_whole),
    Case("livret_fr_inner_pages", "family_booklet", livret_fr_inner_pages),
    Case("livret_fr_open_spouses_and_child", "family_booklet", livret_fr_open_spouses_and_child),
    Case("livret_fr_open_children", "family_booklet", livret_fr_open_children),
    Case("livret_fr_open_information_and_deaths", "family_booklet", livret_fr_open_information_and_deaths),
    Case("livret_dz_scanned", "family_booklet", livret_dz_scanned),
    Case("livret_ma_open", "family_booklet", livret_ma_open),
    Case("syrian_register_photo", "family_booklet", syrian_register_photo),
    Case("lebanese_register_pdf", "family_booklet", lebanese_register_pdf),
    Case("fr_birth_copy", "birth_certificate", fr_birth_copy),
    Case("fr_marriage_extract", "marriage_certificate", fr_marriage_extract),
    Case("booklet_translation_nl", "translation", booklet_translation_nl),
    Case("fr_death_certificate", "death_certificate", fr_death_certificate),
    # the second round
    Case("livret_tn_inner", "family_booklet", livret_tn_inner),
    Case("livret_fr_old_open", "family_booklet", livret_fr_old_open),
    Case("jordan_family_book_open", "family_booklet", jordan_family_book_open),
    Case("ma_birth_extract", "birth_certificate", ma_birth_extract),
    Case("dz_marriage_extract", "marriage_certificate", dz_marriage_extract),
    # written after the second round's rules
    Case("livret_fr_flatbed_spread", "family_booklet", livret_fr_flatbed_spread),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="cases whose name contains one of these")
    parser.add_argument("--text", action="store_true", help="print what was read of each miss")
    args = parser.parse_args(argv)
    from documents.pipeline import run_pipeline

    cases = [case for case in CASES if not args.only or any(part in case.name for part in args.only)]
    right = 0
    for case in cases:
        started = time.perf_counter()
        result = run_pipeline(case.make())
        seconds = time.perf_counter() - started
        ok = str(result.kind) == case.kind
        right += ok
        print(f"{'ok  ' if ok else 'MISS'} {case.name:40} {case.kind:22} read {result.kind} "
              f"{result.confidence:.2f} {result.unsure or ''} ({result.pages} pages, {seconds:.1f} s)"
              + (f" error: {result.error}" if result.error else ""), flush=True)
        if args.text and not ok:
            print("    " + result.text.replace("\n", "\n    "))
    print(f"family books and civil records: {right}/{len(cases)} kinds right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
