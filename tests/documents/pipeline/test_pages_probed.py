"""Pages as sponsors photograph them, written out as OCR text (broken words, lost titles, letters misread):
household registers read by their members' rows, translators' statements in other wordings, the IND's
letterhead misread, a parent's consent in their own words; school and bank letters stay "other"."""

from __future__ import annotations

import pytest

from documents.pipeline import classify, doubt
from documents.pipeline.types import DocumentKind as K

HOUSEHOLD_PAGES = {
    # A family statement whose title the OCR broke in two: its members' rows remain.
    "family statement, title broken": "الجمهورية العريية السورية\nبيان عا ئلي\nرب الاسرة محمد\nالزوجة فاطمة\n"
                                      "الاولاد احمد سارة",
    "civil registry extract, no book title": "جمهورية العراق\nوزارة الداخلية\nصورة قيد\nرقم السجل 123 رقم الصحيفة 45\n"
                                             "رب الأسرة: علي حسين\nالزوجة: زهراء\nالأولاد: حسين، مريم",
    # A register's table: relation column, each member's parents and birth (a birth's labels on every row).
    "population register, title lost": "Il: Izmir Ilce: Konak\nCilt No 7 Aile Sira No 21\n"
                                       "Sira Cinsiyet Yakinlik Adi Soyadi Baba Adi Ana Adi Dogum Yeri ve Tarihi\n"
                                       "1 E Kendisi Hasan DEMIR Osman Elif Konak 01.01.1979\n"
                                       "2 K Esi Leyla DEMIR Veli Hatice Bornova 02.02.1984\n"
                                       "3 K Kizi Derya DEMIR Hasan Leyla Konak 03.03.2011",
    # Persian, its پ read with two dots (ي) by the OCR: "سرپرست" as "سريرست".
    "household record, Dari, dots misread": "سريرست خانوار: کریم\nهمسر: نسرین\nفرزندان: جواد، لیلا\nولایت: بلخ",
    "household list in English": "Household members\nHead of household: Abdi Warsame\nSpouse: Hodan Ali\n"
                                 "Daughter: Ayaan Abdi, born 2014\nSon: Omar Abdi, born 2016",
}


@pytest.mark.parametrize("text", HOUSEHOLD_PAGES.values(), ids=HOUSEHOLD_PAGES.keys())
def test_a_households_rows_make_a_family_booklet_without_its_title(text):
    assert classify.classify(text).kind is K.FAMILY_BOOKLET


def test_a_marriage_certificate_naming_the_spouses_parents_stays_a_marriage():
    text = ("MARRIAGE CERTIFICATE\nHusband: Ali Hassan, son of Hassan Omar\nWife: Zahra Musa, daughter of Musa Ali\n"
            "Date of marriage: 12/12/2012\nWitnesses: Ahmed, Yusuf")
    assert classify.classify(text).kind is K.MARRIAGE_CERTIFICATE


TRANSLATIONS = {
    "German, translator in the feminine": "GEBURTSURKUNDE\nName des Kindes: Sara\nDie Richtigkeit und Vollständigkeit "
                                          "der vorstehenden Übersetzung aus der arabischen Sprache wird bescheinigt.\n"
                                          "Öffentlich bestellte und allgemein beeidigte Übersetzerin",
    "Dutch, l read as I": "Huwelijksakte\nEchtgenoot: Ali   Echtgenote: Zahra\nVoor eensluidende vertaling\n"
                          "beedigd vertaIer Arabisch-Nederlands",
    "German, authorised translator": "Heiratsurkunde\nEhemann Ali Ehefrau Zahra\nFür die Richtigkeit der Übersetzung\n"
                                     "Ermächtigte Übersetzerin für die arabische Sprache",
    "English, translator's stamp": "DEATH CERTIFICATE\nName of deceased: Ahmed Ali\nDate of death: 2019\n"
                                   "Translated by: Sara Amin\nTranslator's stamp and signature\n"
                                   "This translation is true to the original document",
    "English, statement at the foot only": "BIRTH CERTIFICATE\nName: Lina Ali  Date of birth 2015\nFather: Ali   "
                                           "Mother: Huda\nTranslator: Ahmad Nasser\nI hereby certify that this is an "
                                           "accurate translation of the original Arabic document",
    "English, a rendering certified": "Marriage Certificate\nHusband: Omar  Wife: Rania\nI am competent to translate "
                                      "from Arabic into English and this is an accurate rendering of the original.",
}


@pytest.mark.parametrize("text", TRANSLATIONS.values(), ids=TRANSLATIONS.keys())
def test_a_translators_statement_in_other_words_makes_a_translation(text):
    assert classify.classify(text).kind is K.TRANSLATION


def test_the_ind_letterhead_and_asylum_permit_misread_still_make_an_asylum_decision():
    text = ("lmmigratie- en Naturalisatiedienst\nMinisterie van Justitie en Veiligheid\nBeschikk ing\n"
            "Uw aanvraag tot het verlenen van een verblijfsvergunning asie1 voor bepaalde tijd\nwordt ingewilligd.")
    assert classify.classify(text).kind is K.ASYLUM_DECISION


CONSENTS = {
    "no objection": "No Objection Letter\nI, the undersigned, Dawit Haile, hereby declare that I have no objection\n"
                    "to my son Yonas travelling to the Netherlands with his mother.\nSignature",
    "agree, handwritten": "I, Dawit Haile, father of Selam and Yonas,\nagree that my children go with their mother\n"
                          "to the Netherlands to join their father.\nSigned",
    "French, parents and birth named": "Je soussigné Karim Haddad, père de l'enfant Lina Haddad née le 2 mars 2015,\n"
                                       "déclare autoriser ma fille à voyager avec sa mère vers les Pays-Bas\n"
                                       "pour rejoindre son père. Signature",
    "Dutch": "Ik, Karim Haddad, vader van Lina Haddad,\nga ermee akkoord dat mijn dochter met haar moeder naar "
             "Nederland verhuist.\nHandtekening",
    "Arabic, no objection": "إقرار\nأقر أنا الموقع أدناه بأنني لا أمانع من سفر ابنتي لينا مع والدتها إلى هولندا\nالتوقيع",
    "Somali, title inflected": "WARQADDA OGOLAANSHAHA\nAniga oo ah Cali Maxamed waxaan ogolahay in wiilkayga uu "
                               "u safro Holland\nSaxiixa",
    "French, no objection": "Je soussigné Karim Haddad déclare ne pas m'opposer à ce que mes enfants rejoignent "
                            "leur mère aux Pays-Bas.\nSignature",
    "English, allow": "DECLARATION\nI, Dawit Haile, the father, declare that I allow my daughter Selam to go to the "
                      "Netherlands\nwith her mother. Signature of father",
}


@pytest.mark.parametrize("text", CONSENTS.values(), ids=CONSENTS.keys())
def test_a_parents_consent_in_their_own_words_is_a_consent_declaration(text):
    classification = classify.classify(text)
    assert classification.kind is K.CONSENT_DECLARATION
    assert doubt.doubt(classification, None) == ""


STAY_OTHER = {
    "school certificate": "Al Noor School\nSCHOOL CERTIFICATE\nThis is to certify that Ahmed Ali, born on 2 March 2010, "
                          "son of Ali Hassan,\nis a student in grade 6 for the academic year 2022/2023.\nPrincipal",
    "bank letter": "Commercial Bank\nTo whom it may concern\nThis is to certify that Mr. Abebe Kebede holds a savings "
                   "account\nwith a balance of 50,000 as of 01/11/2026.\nBranch Manager",
    "school enrolment, Dutch": "Basisschool De Linde\nVerklaring van inschrijving\nHierbij verklaren wij dat Selam, "
                               "geboren op 5 juni 2015,\ningeschreven staat in groep 6.\nMet vriendelijke groet, de directeur",
}


@pytest.mark.parametrize("text", STAY_OTHER.values(), ids=STAY_OTHER.keys())
def test_school_and_bank_letters_stay_other(text):
    assert classify.classify(text).kind is K.OTHER


def test_a_hospitals_report_of_a_death_is_a_death_certificate():
    text = "مستشفى الجامعة\nتقرير طبي بالوفاة\nاسم المريض: أحمد\nتوفي بتاريخ 2016/3/3"
    assert classify.classify(text).kind is K.DEATH_CERTIFICATE


LETTERS_NAMING_A_FAMILY = [
    "Dear Sir or Madam,\nAs the head of the family I confirm that my wife and our two sons live with me\n"
    "in Amsterdam since 2019.\nKind regards",
    "Sayın Yetkili,\nKendisi 2015 yılından beri firmamızda çalışmaktadır. Eşi ve oğlu ile birlikte\n"
    "Hollanda'ya gidecektir.\nSaygılarımla",
    "To whom it may concern\nMr Abdi is employed by us. He lives with his wife and children and supports his\n"
    "parents. The head of the household pays the rent every month.",
]


@pytest.mark.parametrize("text", LETTERS_NAMING_A_FAMILY)
def test_a_letter_naming_a_head_a_spouse_and_children_is_no_household_register(text):
    assert classify.classify(text).kind is not K.FAMILY_BOOKLET
    assert not classify.booklet_rows(text)
