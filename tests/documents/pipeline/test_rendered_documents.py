"""Documents in scripts and languages the sample corpus lacks, rendered here and read by the whole pipeline."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.pipeline import run_pipeline
from documents.pipeline.types import DocumentKind as K

FONTS = "/usr/share/fonts/truetype"
ETHIOPIC = f"{FONTS}/noto/NotoSansEthiopic-Regular.ttf"
ARABIC = f"{FONTS}/noto/NotoSansArabicUI-Regular.ttf"
LATIN = f"{FONTS}/dejavu/DejaVuSans.ttf"


def render(lines: list[str], font: str, *, rtl: bool = False, turn: int = 0) -> bytes:
    """An A4-ish page at 150 dpi with a larger first line (the title), turned ``turn`` degrees."""
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    for index, line in enumerate(lines):
        typeface = ImageFont.truetype(font, 60 if index == 0 else 42)
        if rtl:
            draw.text((1100, 150 + index * 90), line, font=typeface, fill="black", anchor="ra", direction="rtl")
        else:
            draw.text((150, 150 + index * 90), line, font=typeface, fill="black")
    buffer = io.BytesIO()
    page.rotate(turn, expand=True, fillcolor="white").save(buffer, format="PNG")
    return buffer.getvalue()


TIGRINYA_BIRTH = ["ምስክር ወረቀት ልደት", "ስም: ሰላም ተስፋይ", "ስም ኣቦ: ተስፋይ ገብረ", "ስም ኣደ: ለተ ብርሃን", "ቦታ ትውልዲ: ኣስመራ"]


@pytest.mark.parametrize("turn", [0, 180])
def test_tigrinya_birth_certificate(turn):
    result = run_pipeline(render(TIGRINYA_BIRTH, ETHIOPIC, turn=turn))
    assert result.kind is K.BIRTH_CERTIFICATE
    assert result.languages == ["ti"]
    assert "ምስክር ወረቀት ልደት" in result.text


def test_farsi_birth_certificate():
    lines = ["گواهی ولادت", "نام: مریم احمدی", "نام پدر: احمد", "این سند برای خانواده است"]
    result = run_pipeline(render(lines, ARABIC, rtl=True))
    assert result.kind is K.BIRTH_CERTIFICATE
    assert result.languages == ["fa"]


def test_turkish_family_register():
    lines = ["NÜFUS KAYIT ÖRNEĞİ", "Adı Soyadı: Ahmet Yılmaz  Doğum tarihi: 01.02.1980",
             "Eşi: Ayşe Yılmaz  Doğum tarihi: 03.04.1982", "Bu belge aile kaydının örneğidir ve resmi olarak verilir."]
    result = run_pipeline(render(lines, LATIN))
    assert result.kind is K.FAMILY_BOOKLET
    assert result.languages == ["tr"]


def test_german_death_certificate_turned_a_quarter():
    lines = ["STERBEURKUNDE", "Name der verstorbenen Person: Omar Hassan", "Sterbedatum: 12.03.2019",
             "Sterbeort: Aleppo", "Die Richtigkeit wird hiermit bestätigt."]
    result = run_pipeline(render(lines, LATIN, turn=90))
    assert result.kind is K.DEATH_CERTIFICATE
    assert result.languages == ["de"]


def test_dutch_sworn_translation_of_a_marriage_certificate():
    lines = ["VERTALING UIT HET ARABISCH", "Huwelijksakte", "Echtgenoot: OMAR HASSAN, geboren 02-03-1985",
             "Echtgenote: SARA ALI, geboren 04-05-1990", "Ondergetekende, beëdigd vertaler, verklaart dat deze",
             "vertaling getrouw en volledig is."]
    result = run_pipeline(render(lines, LATIN, turn=270))
    assert result.kind is K.TRANSLATION
    assert (result.translation.language, result.translation.sworn) == ("nl", True)


def test_ind_decision_with_numeric_date_and_a_birth_date_above_it():
    lines = ["Immigratie- en Naturalisatiedienst", "Naam: A. Hassan, geboren 01-01-1990", "Datum: 05-10-2026",
             "V-nummer: 1234567890", "Onderwerp: uw aanvraag om een verblijfsvergunning asiel",
             "Wij hebben besloten uw aanvraag in te willigen."]
    result = run_pipeline(render(lines, LATIN, turn=180))
    assert result.kind is K.ASYLUM_DECISION
    assert result.decision_date == date(2026, 10, 5)


# A birth certificate whose title is lost (cut off, faded, under a stamp) still labels the child's father, mother
# and birth; an identity card of some countries prints those three too, so they alone make the kind unsure.
UNTITLED_ARABIC_BIRTH = ["الاسم الكامل: ريم يوسف", "اسم الوالد: يوسف", "اسم الوالدة: نادية",
                         "محل الولادة: الموصل", "تاريخ الولادة: 2016/05/09", "رقم السجل: 4471"]


def test_arabic_birth_certificate_whose_title_is_lost_is_said_to_be_one_by_its_labels():
    result = run_pipeline(render(UNTITLED_ARABIC_BIRTH, ARABIC, rtl=True))
    assert result.kind is K.BIRTH_CERTIFICATE
    assert result.unsure.code == "by_labels" and result.confidence <= 0.45


def test_arabic_birth_certificate_labelling_the_hour_of_birth_is_one_without_its_title():
    lines = [*UNTITLED_ARABIC_BIRTH[:3], "ساعة الولادة: 07:40", *UNTITLED_ARABIC_BIRTH[3:]]
    result = run_pipeline(render(lines, ARABIC, rtl=True))
    assert (result.kind, result.unsure) == (K.BIRTH_CERTIFICATE, "")


def test_untitled_death_certificate_naming_the_parents_stays_a_death_certificate():
    lines = ["اسم المتوفى: سمير داود", "اسم الوالد: داود", "اسم الوالدة: مريم", "محل الولادة: البصرة 1948",
             "تاريخ الوفاة: 2021/01/17", "مكان الوفاة: البصرة"]
    result = run_pipeline(render(lines, ARABIC, rtl=True))
    assert (result.kind, result.unsure) == (K.DEATH_CERTIFICATE, "")


def test_a_birth_act_stamped_as_a_certified_copy_is_no_translation():
    # "Copie certifiée conforme" is a town hall's certified copy of the act; only a "traduction certifiée conforme"
    # is a translator's.
    lines = ["EXTRAIT D'ACTE DE NAISSANCE", "Nom: HADDAD  Prénoms: Lina", "Née le 2 mars 2015 à Lyon",
             "Fille de Karim Haddad et de Rania Omar", "Copie certifiée conforme à l'original", "Le maire"]
    assert run_pipeline(render(lines, LATIN)).kind is K.BIRTH_CERTIFICATE


@pytest.mark.parametrize("name", ["Somali birth certificate", "consent, English, permission"])
def test_capital_letters_read_upside_down_are_no_zone(name):
    """The zone search read these clean pages' capitals, upside down, as an MRZ with two check digits holding by
    chance and hardly a filler: the page was read upside down, or doubted as an ID card whose zone failed."""
    from bench.kinds_probe import PROBE, render as render_probe

    probe = next(probe for probe in PROBE if probe.name == name)
    result = run_pipeline(render_probe(probe.text))
    assert result.kind is probe.kind
    assert not result.unsure
    assert result.text.splitlines()[0] == probe.text.splitlines()[0]
