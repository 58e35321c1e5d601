"""What each document says about each person it names: given names, surname, birth date and role, from the MRZ,
a certificate's labelled fields (in the corpus's languages), sentences and a family booklet's rows."""

from __future__ import annotations

from datetime import date

import pytest

from documents.pipeline.people import people, split_name
from documents.pipeline.types import DocumentKind as K
from documents.pipeline.types import MrzResult, PersonMention, Role


def said(text: str, kind: K) -> list[tuple]:
    return [(p.given_names, p.surname, p.birth_date, p.role) for p in people(text, kind, None)]


def test_the_holder_of_a_passport_exactly_as_the_mrz_has_them():
    mrz = MrzResult("TD3", ("P<ERI...", "P332..."), "P3328878", "RAHIMI", "YONAS ALI", "ERI", "ERI",
                    date(2019, 10, 19), "M", date(2029, 9, 21), True)
    [holder] = people("PASSPORT", K.PASSPORT, mrz)
    assert (holder.name, holder.given_names, holder.surname, holder.birth_date, holder.role, holder.source) == (
        "YONAS ALI RAHIMI", "YONAS ALI", "RAHIMI", date(2019, 10, 19), Role.HOLDER, "mrz")


@pytest.mark.parametrize(("text", "child"), [
    ("ACTE DE NAISSANCE\nNom: RAHIMI\nPrénoms: FATIMA\nNé(e) le: 02/09/2016\nFils/fille de: ALI RAHIMI\n"
     "Et de: SELAM AL AHMAD", ("FATIMA", "RAHIMI", date(2016, 9, 2))),
    ("GEBOORTEAKTE\nGeslachtsnaam: Hassan\nVoornamen: Omar Ali\nGeboortedatum: 3 maart 2015\nNaam vader: Ali Hassan",
     ("Omar Ali", "Hassan", date(2015, 3, 3))),
    ("BIRTH CERTIFICATE\nSurname: OSMAN\nGiven names: YONAS\nSex: Male\nDate of birth: 08 August 2008\n"
     "Name of mother: MARYAM AL AHMAD", ("YONAS", "OSMAN", date(2008, 8, 8))),
    ("شهادة ولادة\nالاسم: هبة\nاسم الأب: حسن\nاسم الأم: عمر\nالنسبة: حمدان\nتاريخ الولادة: 14.08.1982",
     ("هبة", "حمدان", date(1982, 8, 14))),
    ("ምስክር ወረቀት ልደት\nስም: ሰላም ተስፋይ\nዕለት ልደት: 12.04.2015\nስም ኣቦ: ተስፋይ ገብረ\nስም ኣደ: ለተ ብርሃን",
     ("ሰላም", "ተስፋይ", date(2015, 4, 12))),
    ("BIRTH CERTIFICATE\nFull name of child: KAREEM MARYAM HASSAN\nDate of birth: 25 September 1983\n"
     "Name of father: YONAS OSMAN", ("KAREEM MARYAM", "HASSAN", date(1983, 9, 25))),
])
def test_a_birth_certificate_names_its_child_and_the_parents_beside(text, child):
    found = said(text, K.BIRTH_CERTIFICATE)
    assert found[0] == (*child, Role.CHILD)
    assert {role for *_, role in found[1:]} <= {Role.FATHER, Role.MOTHER} and len(found) >= 2
    assert all(birth is None for _, _, birth, _ in found[1:])  # the child's birth date is not the parents'


def test_the_place_of_birth_of_a_certificates_subject():
    text = "BIRTH CERTIFICATE\nFull name of child: YONAS OSMAN\nDate of birth: 08 August 2008\nPlace of birth: ASMARA"
    [child] = people(text, K.BIRTH_CERTIFICATE, None)
    assert (child.birth_place, child.birth_date) == ("Asmara", date(2008, 8, 8))
    arabic = "شهادة ولادة\nالاسم: هبة\nالنسبة: حمدان\nتاريخ الولادة: 14.08.1982\nمكان الولادة: دمشق"
    assert people(arabic, K.BIRTH_CERTIFICATE, None)[0].birth_place == "دمشق"


def test_a_marriage_certificate_names_husband_and_wife_with_the_birth_dates_its_sentence_gives():
    text = ("CERTIFICATE OF MARRIAGE\nThis is to certify that AHMAD HAIDARI, born 17 October 1977,\n"
            "and NOUR KHALIL, born 13 May 1977, were joined in marriage.\nHusband: AHMAD HAIDARI\n"
            "Wife: NOUR KHALIL\nWitness: OMAR AL AHMAD")
    assert said(text, K.MARRIAGE_CERTIFICATE) == [
        ("AHMAD", "HAIDARI", date(1977, 10, 17), Role.HUSBAND), ("NOUR", "KHALIL", date(1977, 5, 13), Role.WIFE)]


def test_a_booklets_rows_give_relation_names_and_birth_dates_read_across_or_by_column():
    across = ("FICHE FAMILIALE D'ETAT CIVIL\nLien Nom et prénoms Date de naissance\n"
              "Chef de famille | KAREEM AL AHMAD 24/01/1989\nEpouse SELAM HAIDARI 09/07/1990\nFils OMAR AL AHMAD 15/07/2012")
    assert said(across, K.FAMILY_BOOKLET) == [
        ("KAREEM", "AL AHMAD", date(1989, 1, 24), Role.HEAD_OF_FAMILY), ("SELAM", "HAIDARI", date(1990, 7, 9), Role.WIFE),
        ("OMAR", "AL AHMAD", date(2012, 7, 15), Role.SON)]
    by_column = ("FAMILY REGISTER\nRelation\nHead of family\nWife\nDaughter\nName\nOMAR AL AHMAD\nMARYAM HASSAN\n"
                 "FATIMA AL AHMAD\nDate of birth\n21/12/1980\n10/01/1984\n22/06/2014")
    found = people(by_column, K.FAMILY_BOOKLET, None)
    assert [(p.name, p.birth_date, p.role, p.source) for p in found] == [
        ("OMAR AL AHMAD", date(1980, 12, 21), Role.HEAD_OF_FAMILY, "booklet"),
        ("MARYAM HASSAN", date(1984, 1, 10), Role.WIFE, "booklet"),
        ("FATIMA AL AHMAD", date(2014, 6, 22), Role.DAUGHTER, "booklet")]
    arabic = "دفتر العائلة\nرب الأسرة: حسن الحسين\nالزوجة: زهراء\nالولد 1: سمير 08.08.2001\nالشاهد الأول: فاطمة"
    assert said(arabic, K.FAMILY_BOOKLET) == [("حسن", "الحسين", None, Role.HEAD_OF_FAMILY),
                                              ("زهراء", None, None, Role.WIFE), ("سمير", None, date(2001, 8, 8), Role.SON)]


def test_translators_and_witnesses_are_not_people_the_document_is_about():
    text = ("BEEDIGDE VERTALING\nGEBOORTEAKTE\nNaam: NOUR OSMAN\nGeboortedatum: 4 juli 1974\n"
            "Ondergetekende, AHMAD SELAM YILMAZ, beëdigd vertaler Arabisch-Nederlands, verklaart dat deze vertaling "
            "getrouw is.\nGetuige: OMAR HASSAN")
    assert [(p.name, p.birth_date) for p in people(text, K.TRANSLATION, None)] == [("NOUR OSMAN", date(1974, 7, 4))]


def test_a_death_certificate_names_the_deceased():
    assert said("ACTE DE DECES\nNom du défunt: AHMAD ALI TESFAY\nDécédé(e) le: 05/04/2012", K.DEATH_CERTIFICATE) == [
        ("AHMAD ALI", "TESFAY", None, Role.DECEASED)]


@pytest.mark.parametrize(("written", "given", "surname"), [
    ("HASSAN, Omar Ali", "Omar Ali", "HASSAN"),
    ("Omar Ali HASSAN", "Omar Ali", "HASSAN"),
    ("FATIMA AHMAD AL AHMAD", "FATIMA AHMAD", "AL AHMAD"),
    ("Jan van der Berg", "Jan", "van der Berg"),
    ("SELAM", "SELAM", None),
    ("مصطفى خليل", "مصطفى", "خليل"),
])
def test_a_name_in_one_piece_is_split_as_names_are_written(written, given, surname):
    assert split_name(written) == (given, surname)


def test_stored_form_keeps_name_and_birth_date_for_linking_and_adds_the_parts():
    mention = PersonMention("FATIMA AL AHMAD", date(2014, 6, 22), "FATIMA", "AL AHMAD", Role.DAUGHTER, "booklet")
    assert mention.to_dict() == {"name": "FATIMA AL AHMAD", "given_names": "FATIMA", "surname": "AL AHMAD",
                                 "birth_date": "2014-06-22", "birth_place": None, "role": "daughter",
                                 "source": "booklet"}
