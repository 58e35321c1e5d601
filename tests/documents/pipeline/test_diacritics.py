"""Words with ü read by the OCR's English pack: its dots as one more i or l beside the u, or the letter as two
("Ölüm" read "Oluim", "Oliuim", "Oliim"; "Nüfus" "Niifus"; "Gültig" "Giiltig"). A phrase's u matches those readings
in a word of four letters or more; never a lone i, and a shorter word's u stays a u, so other words stay other words.
ö, ä, ş, ç and ğ read as o, a, s, c and g, which folding matches."""

from __future__ import annotations

import pytest

from documents.pipeline import run_pipeline
from documents.pipeline.classify import classify
from documents.pipeline.phrases import normalise, whole_words
from documents.pipeline.types import DocumentKind as K

from .test_rendered_documents import LATIN, render

MISREAD_DIAERESES = {
    # a Turkish death record, its title lost to the OCR: its death's date and cause
    "Oluim Tutanagi\nOlenin Adi Soyadi: Ayse Kaya\nOluim Tarihi: 11.03.2019\nOliim Nedeni: zaturre": K.DEATH_CERTIFICATE,
    "Tutanak\nAdi Soyadi: Ayse Kaya\nOliuim Tarihi: 11.03.2019\nOlulm Yeri: Konya": K.DEATH_CERTIFICATE,
    "OLIIM BELGESI\nAdi Soyadi: Ayse Kaya": K.DEATH_CERTIFICATE,
    "NIIFUS KAYIT ORNEGI\nHane Reisi: Mehmet Kaya": K.FAMILY_BOOKLET,
    "Tercuime\nBu belge aslina uygundur": K.TRANSLATION,
    "Sterbeuirkunde\nName: Ayse Kaya\nGestorben am 11.03.2019": K.DEATH_CERTIFICATE,
    # dots dropped and cedillas read bare: folded as written
    "OLUM BELGESI\nAdi Soyadi: Ayse Kaya": K.DEATH_CERTIFICATE,
}


@pytest.mark.parametrize("text, kind", MISREAD_DIAERESES.items(), ids=[t.split("\n")[0] for t in MISREAD_DIAERESES])
def test_a_word_whose_umlaut_the_ocr_misread_names_its_kind(text, kind):
    assert classify(text).kind is kind


@pytest.mark.parametrize("read, phrase", [
    ("Oluim Tarihi", "olum tarihi"), ("Oliim Tarihi", "olum tarihi"), ("Oliuim Tarihi", "olum tarihi"),
    ("Niifus Kayit", "nufus kayit"), ("Giiltig bis", "gultig bis"), ("Ubersetzung", "ubersetzung"),
    ("Gocugu", "cocugu"),  # not matched: ç read as G is another letter, not a mark
])
def test_a_phrase_s_u_matches_the_ocr_s_readings_of_u_umlaut(read, phrase):
    assert bool(whole_words((phrase,)).search(normalise(read))) is (read != "Gocugu")


@pytest.mark.parametrize("read, phrase", [
    ("Olim tarihi", "olum tarihi"),  # a lone i: another word
    ("bit", "but"), ("ind", "und"), ("dil", "du"), ("dii", "du"),  # a short word keeps its u
])
def test_a_phrase_s_u_does_not_match_other_words(read, phrase):
    assert not whole_words((phrase,)).search(normalise(read))


def test_a_dutch_letter_with_short_words_stays_other():
    letter = "Beste mevrouw,\nDit is de rekening van de bibliotheek. Ik bid u die te betalen.\nMet vriendelijke groet"
    assert classify(letter).kind is K.OTHER


def test_a_rendered_turkish_death_record_whose_umlauts_the_ocr_misreads_is_read_as_one():
    lines = ["Ölüm Tutanağı", "Ölenin Adı Soyadı: Ayşe Kaya", "Ölüm Tarihi: 11.03.2019", "Ölüm Nedeni: zatürre"]
    result = run_pipeline(render(lines, LATIN))
    assert "Ölüm" not in result.text  # the English pack reads it otherwise, as a sponsor's photo is read
    assert result.kind is K.DEATH_CERTIFICATE, result.text[:200]
