"""Civil-status documents title themselves many ways in the sponsors' countries of origin (Syria, Eritrea,
Afghanistan, Iraq, Iran, Somalia, Yemen, Turkey, Ethiopia, Sudan) and in the languages their extracts and
copies are issued in: each title names its kind, with or without the Arabic article, whichever way the OCR
joins or splits its words. The classifier is tested on the text; a few are rendered and read by Tesseract."""

from __future__ import annotations

import pytest

from documents.pipeline import run_pipeline
from documents.pipeline.classify import classify, title_lines
from documents.pipeline.types import DocumentKind as K

from .test_rendered_documents import ARABIC, ETHIOPIC, LATIN, render

BODY = "\nName: Lina Omar\nRegistered under number 1234 of the year 2017"

TITLES = {
    K.BIRTH_CERTIFICATE: [
        "Certified copy of an entry of birth", "Extract of the birth record", "Birth extract", "Birth notification",
        "Declaration of birth", "Certificat de naissance", "Bulletin de naissance",
        "Extrait du registre des actes de naissance", "Auszug aus dem Geburtseintrag", "Auszug aus dem Geburtenregister",
        "Doğum raporu", "Uluslararası doğum kayıt örneği", "Warqadda Dhalashada", "Shahaado Dhalasho",
        "شهادة ميلاد", "شهادة قيد ميلاد", "بيان ولادة", "وثيقة الولادة", "وثيقة واقعة ولادة", "إشعار ولادة",
        "شهادة تسنين", "إخراج قيد فردي", "گواهی تولد", "تصدیق تولد", "سند تولد", "شناسنامه",
        "ናይ ልደት ምስክር ወረቐት", "ምስክር ወረቐት ልደት", "የልደት ምስክር ወረቀት",
    ],
    K.MARRIAGE_CERTIFICATE: [
        "Certified copy of an entry of marriage", "Extract of the marriage record", "Nikah nama", "Nikahnama",
        "Bulletin de mariage", "Evlilik cüzdanı", "Evlenme cüzdanı", "Warqadda Guurka", "Shahaadada Guurka",
        "عقد زواج", "وثيقة زواج", "وثيقة الزواج", "واقعة زواج", "حجة زواج", "صك الزواج", "تصديق عقد زواج",
        "سند ازدواج", "قباله ازدواج", "گواهی ازدواج", "عقدنامه", "نکاح‌نامه", "نکاح خط",
        "ናይ መርዓ ምስክር ወረቐት", "የጋብቻ ምስክር ወረቀት",
    ],
    K.DEATH_CERTIFICATE: [
        "Certified copy of an entry of death", "Death extract", "Bulletin de décès",
        "Extrait du registre des actes de décès", "Auszug aus dem Sterberegister", "Ölüm raporu",
        "Warqadda Dhimashada", "Shahaadada Geerida", "شهادة وفاة", "شهادة الوفاة", "بيان وفاة", "واقعة وفاة", "حجة وفاة", "إشعار وفاة",
        "گواهی فوت", "تصدیق وفات", "ናይ ሞት ምስክር ወረቐት", "የሞት ምስክር ወረቀት",
    ],
    K.FAMILY_BOOKLET: [
        "Livret de famille", "Nüfus kayıt örneği", "Vukuatlı nüfus aile kayıt örneği", "دفتر العائلة",
        "بيان عائلي", "إخراج قيد عائلي", "صورة قيد النفوس", "دفترچه خانوار",
    ],
    K.ID_CARD: [
        "البطاقة الشخصية", "هوية الأحوال المدنية", "البطاقة الموحدة", "البطاقة القومية", "کارت هوشمند ملی",
        "تذکره", "Tazkira", "Nüfus cüzdanı", "Documento nacional de identidad", "Carta d'identità",
        "Cartão de cidadão", "Identitetskort", "Dowód osobisty", "Лична карта", "Asmens tapatybės kortelė",
        "Personas apliecība", "Identitätskarte", "Residence document", "Título de residencia",
    ],
}


@pytest.mark.parametrize("kind, title", [(kind, title) for kind, titles in TITLES.items() for title in titles])
def test_a_title_names_its_kind(kind, title):
    assert classify(title + BODY).kind is kind


@pytest.mark.parametrize("text", [
    "Date of birth: 03.07.2017\nPlace of birth: Hama",  # labels of a birth, no title: not enough
    "Please bring the birth certificate of each child to the appointment.\nKind regards",
])
def test_a_birth_named_in_running_text_or_a_label_is_no_title(text):
    assert classify(text).kind is not K.BIRTH_CERTIFICATE


@pytest.mark.parametrize("lines, font, rtl, kind", [
    (["وثيقة الولادة", "الاسم: لينا", "اسم الأب: عمر", "محافظة حماة"], ARABIC, True, K.BIRTH_CERTIFICATE),
    (["قباله ازدواج", "نام زوج: احمد", "نام زوجه: مریم", "محل ثبت: هرات"], ARABIC, True, K.MARRIAGE_CERTIFICATE),
    (["ናይ መርዓ ምስክር ወረቐት", "ስም: ሰላም ተስፋይ", "ቦታ: ኣስመራ"], ETHIOPIC, False, K.MARRIAGE_CERTIFICATE),
    (["CARTA D'IDENTITÀ", "Cognome: ROSSI", "Nome: MARIO", "Comune di ROMA"], LATIN, False, K.ID_CARD),
    (["EVLİLİK CÜZDANI", "Kocanın adı soyadı: Ahmet Yılmaz", "Karısının adı soyadı: Ayşe Yılmaz"], LATIN, False,
     K.MARRIAGE_CERTIFICATE),
])
def test_rendered_titles_read_by_tesseract(lines, font, rtl, kind):
    result = run_pipeline(render(lines, font, rtl=rtl))
    assert result.kind is kind, result.text[:200]


def test_turkish_dotless_i_is_folded_like_its_capital():
    assert classify("Nüfus kayıt örneği" + BODY).kind is classify("NÜFUS KAYIT ÖRNEĞİ" + BODY).kind is K.FAMILY_BOOKLET


@pytest.mark.parametrize("text", [
    "Husband: Omar Saleh\nWife: Dalia Nour\nDate of marriage: 03.07.2015",
    "Époux: Omar Saleh\nÉpouse: Dalia Nour\nDate du mariage: 03.07.2015",
    "الزوج: عمر صالح\nالزوجة: داليا نور\nتاريخ الزواج: 2015/07/03",
    "Koca: Ahmet Yılmaz\nKarısı: Ayşe Yılmaz\nEvlenme tarihi: 03.07.2015",
])
def test_a_marriage_record_whose_title_is_lost_is_one_by_its_labels(text):
    assert classify(text).kind is K.MARRIAGE_CERTIFICATE


@pytest.mark.parametrize("text, kind", [
    ("I, the undersigned, parent of Fatima Osman, born on 17 March 2013, hereby declare that I give my permission "
     "for my child\nto travel to the Netherlands and to live there with her father.", K.CONSENT_DECLARATION),
    ("J'autorise mon fils Omar à voyager aux Pays-Bas avec son père.", K.CONSENT_DECLARATION),
    ("Name: Lina Omar\nDate of death: 05.03.2018\nPlace of death: Aleppo", K.DEATH_CERTIFICATE),
    ("اسم المتوقى: مصطفى خليل\nتاريخ الوفاة: 05.03.2018\nمكان الوفاة: حلب", K.DEATH_CERTIFICATE),  # ف read as ق
])
def test_a_declaration_or_death_record_whose_title_is_lost_is_one_by_its_sentence_or_labels(text, kind):
    assert classify(text).kind is kind


def test_a_french_marriage_acts_own_sentence_makes_a_marriage_without_its_title():
    text = ("Le 12/03/2004, devant nous, officier de l'état civil, ont comparu AHMAD et NOUR, lesquels ont\n"
            "déclaré vouloir se prendre pour époux. Nous avons prononcé au nom de la loi qu'ils sont unis par le mariage.")
    assert classify(text).kind is K.MARRIAGE_CERTIFICATE


def test_a_death_date_beside_a_birth_is_no_death_record():
    assert classify("Date of birth: 2010\nPlace of birth: Hama\nDate of death: 2018").kind is K.OTHER


# Letters whose one long sentence the page wraps so that a line of it is short enough for a title: a decision or a
# permit named there is a mention, not the letter's title.
WRAPPED_LETTERS = [
    "Stichting VluchtelingenWerk\nBeste mevrouw Tekle,\nWe hebben gehoord dat uw verblijfsvergunning asiel is "
    "verleend in oktober en helpen u graag verder.\nMet vriendelijke groet",
    "Refugee Council\nDear Mr Haile,\nWe were glad to hear that your asylum residence permit was granted last "
    "month.\nKind regards",
]


@pytest.mark.parametrize("letter", WRAPPED_LETTERS)
def test_a_wrapped_sentences_lines_are_no_titles(letter):
    from bench.kinds_probe import render as render_wrapped

    result = run_pipeline(render_wrapped(letter))
    assert result.kind is K.OTHER, result.text


@pytest.mark.parametrize("text, kind", [
    ("Extract of the birth record\nThis is to certify that Lina Omar was born in Hama.", K.BIRTH_CERTIFICATE),
    ("Besluit op uw aanvraag van 3 maart\n2026-0413 Ik heb besloten uw aanvraag in te willigen.", K.ASYLUM_DECISION),
])
def test_a_title_followed_by_a_new_sentence_or_a_number_stays_a_title(text, kind):
    assert title_lines(text).splitlines()[0] == title_lines(text.splitlines()[0])
    assert classify(text).kind is kind
