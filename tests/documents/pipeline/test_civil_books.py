"""Civil-status books (a French livret de famille, a family register) told from single certificates by their
structure, and certificates and translations in wordings and layouts other than the corpus's: rendered at test
time (forms with printed row labels, entries in a hand-like script) or written out as OCR text."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from documents.pipeline import classify, doubt, run_pipeline
from documents.pipeline.types import DocumentKind as K

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
LABEL = ImageFont.truetype(DEJAVU + "DejaVuSerif.ttf", 24)
HEADING = ImageFont.truetype(DEJAVU + "DejaVuSerif-Bold.ttf", 30)
HAND = tuple(ImageFont.truetype(DEJAVU + name, 34) for name in ("DejaVuSans-Oblique.ttf", "DejaVuSerif-Italic.ttf"))
INK = (30, 40, 120)


def handwrite(page: Image.Image, x: float, y: float, text: str, rng: np.random.Generator) -> None:
    """Entries in a hand-like script: each letter slanted its own way, off the line, unevenly spaced, in ink."""
    for char in text:
        font = HAND[int(rng.integers(len(HAND)))]
        glyph = Image.new("L", (60, 70), 0)
        ImageDraw.Draw(glyph).text((10, 10), char, font=font, fill=255)
        glyph = glyph.rotate(float(rng.uniform(-12, 12)), resample=Image.BICUBIC)
        page.paste(INK, (int(x) - 10, int(y) - 10 + int(rng.integers(-4, 5))), glyph)
        x += font.getlength(char) * float(rng.uniform(0.9, 1.15))


def form_page(title: str | None, rows: list[tuple[str, str | None]], seed: int) -> Image.Image:
    """A booklet's page: printed labels on dotted rows, filled in by hand; ``None`` entries are sub-headings."""
    rng = np.random.default_rng(seed)
    page = Image.new("RGB", (1240, 1754), (250, 248, 240))
    draw = ImageDraw.Draw(page)
    y = 120
    if title:
        draw.text(((1240 - draw.textlength(title, font=HEADING)) / 2, y), title, font=HEADING, fill=(20, 20, 20))
        y += 80
    for label, entry in rows:
        if entry is None:
            draw.text((100, y + 10), label, font=HEADING, fill=(20, 20, 20))
            y += 70
            continue
        draw.text((100, y), label, font=LABEL, fill=(40, 40, 40))
        start = 110 + draw.textlength(label, font=LABEL)
        draw.line((start, y + 26, 1140, y + 26), fill=(120, 120, 120), width=1)
        handwrite(page, start + 20, y - 14, entry, rng)
        y += 58
    return page


SPOUSES_ROWS = [
    ("Le", "douze juin deux mille cinq"), ("ont contracté mariage devant l'officier de l'état civil de", "Rennes"),
    ("Époux", None), ("Nom", "Durand"), ("Prénoms", "Marc Henri"), ("né le", "3 mars 1980"), ("à", "Lyon (Rhône)"),
    ("Épouse", None), ("Nom", "Leroy"), ("Prénoms", "Claire"), ("née le", "9 juillet 1982"), ("à", "Nantes"),
    ("Contrat de mariage", "néant"), ("Délivré le", "12 juin 2005"), ("L'officier de l'état civil", "J. Martin"),
    ("Décès de l'époux", None), ("le", ""), ("à", ""), ("Décès de l'épouse", None), ("le", ""), ("à", "")]


def child_rows(rank: str, first_names: str, born: str, deed: str) -> list[tuple[str, str | None]]:
    return [(rank, None), ("Nom", "Durand"), ("Prénoms", first_names), ("né(e) le", born), ("à", "Rennes"),
            ("Acte n°", deed), ("L'officier de l'état civil", "P. Roux"), ("Décès", None), ("le", ""), ("à", "")]


def as_phone_photo(page: Image.Image) -> Image.Image:
    """Taken with a phone rather than scanned: softer and smaller."""
    return page.filter(ImageFilter.GaussianBlur(1.2)).resize((900, 1273))


def test_booklet_whose_childrens_pages_have_no_title_is_a_family_booklet():
    # The spouses' page titled as an extract of the marriage; a child's page photographed and turned a
    # quarter; the next child's page with no title at all: only its rows say what it records.
    pages = [form_page("EXTRAIT DE L'ACTE DE MARIAGE", SPOUSES_ROWS, seed=1),
             as_phone_photo(form_page(None, child_rows("Premier enfant", "Léa Marie", "4 mai 2007", "412"), seed=2))
             .rotate(90, expand=True, fillcolor="white"),
             form_page(None, child_rows("Deuxième enfant", "Hugo", "1 février 2010", "77"), seed=3)]
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=150)
    result = run_pipeline(buffer.getvalue())
    assert result.pages == 3
    assert result.kind is K.FAMILY_BOOKLET and not result.unsure


def test_one_page_of_a_booklet_photographed_alone_is_a_family_booklet_said_by_its_labels():
    # An inner page has no title: a numbered child's entry is the book's own row.
    photo = as_phone_photo(form_page(None, child_rows("Deuxième enfant", "Hugo", "1 février 2010", "77"), seed=4))
    result = run_pipeline(_png(photo.rotate(-90, expand=True, fillcolor="white")))
    assert result.kind is K.FAMILY_BOOKLET
    assert result.unsure.code is doubt.DoubtCode.BY_LABELS and result.unsure.kind is K.FAMILY_BOOKLET


@pytest.mark.parametrize("page", [
    "Époux\nNom DURAND Prénoms Marc\nné le 3 mars 1980 à Lyon\nÉpouse\nNom LEROY Prénoms Claire\nDécès de l'époux",
    "Third child\nName: Sara\nDate of birth: 4 May 2012\nDeath",
    "الطفل الثاني\nالاسم: سارة\nتاريخ الولادة 2007",
])
def test_a_books_rows_on_a_page_claiming_nothing_else_make_it_a_family_booklet_page(page):
    classification = classify.classify(page)
    assert (classification.kind, classification.by_labels) == (K.FAMILY_BOOKLET, True)


@pytest.mark.parametrize("text, kind", [
    ("Husband: Omar Hassan\nWife: Sara Ali\nDate of marriage: 12 June 2010\nPlace of marriage: Homs\nMarried",
     K.MARRIAGE_CERTIFICATE),  # a marriage record's own evidence claims it before the book's rows
    ("Invoice 442\nCustomer: Omar Hassan\nTotal 33.00 EUR", K.OTHER),
])
def test_pages_without_a_books_rows_or_with_a_claim_of_their_own_keep_their_kind(text, kind):
    classification = classify.classify(text)
    assert (classification.kind, classification.by_labels) == (kind, False)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


SPOUSES_TEXT = "Époux\nNom DURAND Prénoms Marc\nné le 3 mars 1980\nÉpouse\nNom LEROY Prénoms Claire\nnée le 9 juillet 1982"


def test_a_photo_of_facing_pages_spouses_and_first_child_is_a_family_booklet():
    text = SPOUSES_TEXT + "\nPremier enfant\nNom DURAND Prénoms Léa née le 4 mai 2007 à Rennes"
    assert classify.classify(text).kind is K.FAMILY_BOOKLET


def test_childrens_pages_alone_numbered_first_and_second_are_a_family_booklet():
    text = "\n\f\n".join(["First child\nName: Sara\nDate of birth: 4 May 2007",
                          "Second child\nName: Adam\nDate of birth: 1 February 2010"])
    assert classify.classify(text).kind is K.FAMILY_BOOKLET


def test_arabic_family_register_pages_by_their_rows():
    text = "\n\f\n".join(["الزوج: علي حسن\nالزوجة: فاطمة أحمد", "الطفل الأول: سارة\nتاريخ الولادة 2007"])
    assert classify.classify(text).kind is K.FAMILY_BOOKLET


def test_certificates_naming_both_spouses_or_one_child_stay_certificates():
    marriage = "ACTE DE MARIAGE\n" + SPOUSES_TEXT + "\nTémoins: Paul BERNARD, Anne PETIT"
    assert classify.classify(marriage).kind is K.MARRIAGE_CERTIFICATE
    death = ("ACTE DE DÉCÈS\nDécédé le 2 janvier 2020 à Brest\nNom DURAND Marc, né le 3 mars 1980 à Lyon\n"
             "fils de Jean DURAND et de Marie MOREAU\nÉpoux de Claire LEROY")
    assert classify.classify(death).kind is K.DEATH_CERTIFICATE
    birth = "\n\f\n".join(["ACTE DE NAISSANCE\nLéa DURAND, née le 4 mai 2007 à Rennes\nfille de Marc DURAND",
                           "Mentions marginales\nnéant"])
    assert classify.classify(birth).kind is K.BIRTH_CERTIFICATE


# ------------------------------------------------------------ wordings other than the corpus's

def test_marriage_certificates_in_other_wordings_and_layouts():
    certificates = [
        "RÉPUBLIQUE\nEXTRAIT DES REGISTRES DES ACTES DE MARIAGE\nAnnée 2010\nLe 12 juin 2010 a été célébré le mariage de"
        "\nOmar HASSAN\net de\nSara ALI",
        "CERTIFICATE OF REGISTRATION OF MARRIAGE\nEntry No. 4412\nName: Omar Hassan\nName: Sara Ali",
        "This is to certify that\nOmar Hassan and Sara Ali\nwere united in holy matrimony\non the 12th of June 2010",
        "Uittreksel uit het register van huwelijken\nOp 12 juni 2010 zijn in de echt verbonden\nOmar Hassan\nSara Ali",
        "Auszug aus dem Eheregister\nEheschließung am 12.06.2010\nOmar Hassan\nSara Ali",
        "عقد النكاح\nالزوج عمر\nالزوجة سارة",
        "MARRIAGE RECORD\nGroom: Omar Hassan\nBride: Sara Ali\nDate: 12 June 2010",
    ]
    for text in certificates:
        assert classify.classify(text).kind is K.MARRIAGE_CERTIFICATE, text


def test_translations_headed_with_what_they_translate_or_certified_in_other_words():
    booklet = "LIVRET DE FAMILLE\nChef de famille : Omar HASSAN\nÉpouse : Sara ALI\nFils : Karim né le 02/03/2010"
    translations = [
        "TRADUCTION DU LIVRET DE FAMILLE\n" + booklet,
        "Traduit de l'arabe\n" + booklet,
        booklet + "\nJe soussignée, traductrice-interprète expert près la Cour d'appel, certifie que la présente "
                  "traduction est conforme à l'original.",
        "FAMILY REGISTER\nHead of family: Omar Hassan\nWife: Sara Ali\nSon: Karim\nI hereby certify that the "
        "above is a true and faithful rendering of the original document.",
        "Vertaling uit het Arabisch\nGEZINSBOEKJE\nGezinshoofd: Omar Hassan\nZoon: Karim",
    ]
    for text in translations:
        assert classify.classify(text).kind is K.TRANSLATION, text
    # A booklet that names a translation elsewhere (a note among its rows) is still the booklet.
    assert classify.classify(booklet + "\nMentions: traduction jointe au dossier").kind is K.FAMILY_BOOKLET


def test_a_spouses_page_whose_os_are_read_as_zeros_is_still_a_books_page():
    text = "EP0UX\nNom: MARTIN\nPrénoms: Paul\nné le 01.02.1980 à Lyon\nEP0USE\nNom: DURAND\nPrénoms: Anne"
    assert classify.classify(text).kind is K.FAMILY_BOOKLET
