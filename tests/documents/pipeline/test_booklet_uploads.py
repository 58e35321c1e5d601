"""Family booklets as sponsors upload them (``bench.booklets``): photos of an open booklet's facing pages, bilingual
Maghreb booklets scanned into a PDF, a Levant family register's table; and the booklet's printed information, which
names every event and records none. Each upload is read once per module."""

from __future__ import annotations

import pytest

from bench import booklets
from documents.pipeline import classify, run_pipeline
from documents.pipeline.types import DocumentKind as K


@pytest.fixture(scope="module")
def information_and_deaths():
    # The open booklet at its last pages: the legal information (births, marriages, divorces, deaths named in
    # every paragraph) beside the blank page of the spouses' deaths.
    return run_pipeline(booklets.livret_fr_open_information_and_deaths())


@pytest.fixture(scope="module")
def algerian_pages():
    pages = [booklets.dz_marriage(52), booklets.dz_children(53, 1, [("Amine", "14/01/2008", "Oran"),
                                                                   ("Sarah", "30/06/2010", "Oran")])]
    return run_pipeline(booklets.pdf([booklets.scanned(page, grey=False) for page in pages]))


@pytest.fixture(scope="module")
def moroccan_open():
    return run_pipeline(booklets.livret_ma_open())


def test_the_booklets_information_beside_a_blank_page_of_deaths_is_the_booklet_not_a_death(information_and_deaths):
    assert information_and_deaths.kind is K.FAMILY_BOOKLET


def test_a_bilingual_booklets_children_numbered_by_number_make_it_a_booklet(algerian_pages):
    # "Enfant n° 1 / الطفل رقم 1", "Enfant n° 2": two numbered children; no title read on these inner pages.
    assert algerian_pages.pages == 2
    assert algerian_pages.kind is K.FAMILY_BOOKLET and not algerian_pages.unsure


def test_an_open_moroccan_booklet_its_holders_page_and_children_is_a_booklet(moroccan_open):
    assert moroccan_open.kind is K.FAMILY_BOOKLET


def test_a_levant_registers_table_of_members_by_their_relation_to_its_holder_is_a_booklet():
    # As a photo of a typed extract reads, its title lost: the relation column (صاحب القيد, زوجته, ابنه, ابنته)
    # stands late in each row, after the names and the birth, and says what the table is.
    text = ("الجمهورية العربية السورية\nوزارة الداخلية\nالاسم اسم الأب اسم الأم | محل وتاريخ الولادة | الصلة الوضع\n"
            "خالد يوسف مريم السلمية 1979 صاحب القيد | متزوج\nرنا سليم هند حماة 1984 زوجته متزوجة\n"
            "كريم خالد رنا السلمية 2009 ابنه عازب")
    assert classify.classify(text).kind is K.FAMILY_BOOKLET
    # A sentence naming a wife and a son is no register's row.
    letter = ("صاحب القيد\nنشهد بأن السيد خالد يوسف المقيم في حماة منذ عام 1979 يعيش مع زوجته وابنه في منزله "
              "الكائن في حي الشريعة قرب الجامع الكبير")
    assert classify.classify(letter).kind is not K.FAMILY_BOOKLET


GUIDANCE = ("Le livret est remis aux époux lors de la célébration du mariage ou aux parents\n"
            "lors de la naissance de leur enfant. Il est mis à jour à chaque événement : naissance,\n"
            "décès, divorce. En cas de divorce, chacun des époux peut obtenir un second livret.\n"
            "La falsification du livret est punie par la loi et le livret doit être présenté à la mairie.")


def test_a_booklets_information_and_a_record_are_a_booklet_over_pages_or_in_one_photo():
    death_page = "EXTRAIT DE L'ACTE DE DÉCÈS\nDécédé(e) le\nà\nL'officier de l'état civil"
    assert classify.classify(GUIDANCE + "\n" + death_page).kind is K.FAMILY_BOOKLET
    assert classify.classify("\n\f\n".join([death_page, GUIDANCE])).kind is K.FAMILY_BOOKLET


def test_a_letter_about_a_booklet_or_a_certificate_mentioning_one_is_not_a_booklet():
    letter = ("Objet : demande de duplicata\nMadame, vous avez demandé un nouveau livret de famille après la perte\n"
              "de votre livret. Le livret vous sera remis à la mairie sur rendez-vous, muni de votre pièce d'identité.")
    assert classify.classify(letter).kind is not K.FAMILY_BOOKLET
    death = ("ACTE DE DÉCÈS\nDécédé le 2 janvier 2020 à Brest\nNom LE GALL Yves, époux de Monique TANGUY\n"
             "Mention portée sur le livret de famille des époux le 8 janvier 2020 par l'officier de l'état civil")
    assert classify.classify(death).kind is K.DEATH_CERTIFICATE


@pytest.mark.parametrize("text", [
    "Naissances\nEnfant n° 1\nPrénom Amine\nDate de naissance 14/01/2008\nEnfant n° 2\nPrénom Sarah",
    "المواليد\nالطفل رقم 1\nالاسم: أمين\nالطفل رقم 2\nالاسم: سارة",
    "Enfants الأبناء\n1 Youssef 03/02/2005 Fès\n2 Imane 19/11/2007 Fès",
])
def test_children_numbered_by_a_number_or_listed_under_a_bilingual_heading_are_a_booklets(text):
    assert classify.classify(text).kind is K.FAMILY_BOOKLET


def test_a_birth_record_naming_one_child_by_number_stays_a_birth_certificate():
    text = ("ACTE DE NAISSANCE\nEnfant n° 1 de la famille\nLéa GARNIER, née le 4 mai 2007 à Rennes\n"
            "fille de Marc GARNIER et de Anne BRUN")
    assert classify.classify(text).kind is K.BIRTH_CERTIFICATE


# ------------------------------------------------------------ photos of facing pages

@pytest.fixture(scope="module")
def older_booklet_open():
    # "Le mari", "La femme" on the left page, the children born of the marriage listed on the right, their rows
    # level with the left page's: read as one page, each line ran across the gutter.
    return run_pipeline(booklets.livret_fr_old_open())


def test_a_photo_of_facing_pages_is_read_page_by_page_and_is_a_booklet(older_booklet_open):
    left, right = older_booklet_open.text.split("\f")
    assert "mari" in left.lower() and "femme" in left.lower() and "ENFANTS" not in left
    assert "ENFANTS" in right
    assert older_booklet_open.kind is K.FAMILY_BOOKLET and not older_booklet_open.unsure


def _geometry(image):
    from documents.pipeline import loading, orientation

    overview = loading.shrink_page(image, 1600)
    return overview, orientation.analyse(image, overview)


def test_facing_pages_are_found_by_the_gutters_shadow_not_by_two_columns_of_print():
    from PIL import Image

    from documents.pipeline import spreads

    spread = booklets.phone_photo(booklets.spread(booklets.fr_old_marriage(1), booklets.fr_old_children(2)),
                                  tilt=2, seed=1)
    halves = spreads.facing_pages(spread, *_geometry(spread))
    assert halves is not None and all(half.height > half.width for half in halves)
    # The same two pages printed side by side on one sheet, no gutter between them: a form in two columns.
    sheet = Image.new("RGB", (2080, 1480), booklets.PAPER)
    sheet.paste(booklets.fr_old_marriage(1), (0, 0))
    sheet.paste(booklets.fr_old_children(2), (1040, 0))
    flat = booklets.phone_photo(sheet, tilt=2, seed=1)
    assert spreads.facing_pages(flat, *_geometry(flat)) is None


def test_an_older_booklets_husband_and_wife_and_its_list_of_children_are_a_booklets_rows():
    spouses = "MARIAGE\nLe mari\nNom Schmitt\nPrénoms Laurent\nLa femme\nNom Nguyen\nPrénoms Lan"
    children = ("ENFANTS ISSUS DU MARIAGE\n1. Prénoms Julie\nné(e) le 12 mars 1999\nà Mulhouse\n2. Prénoms Thomas\n"
                "né(e) le 30 octobre 2001\nà Mulhouse\n3. Prénoms\nné(e) le\nà")
    assert classify.booklet_rows(spouses) == {K.MARRIAGE_CERTIFICATE}
    assert len(classify.listed_children(children)) >= 2
    assert classify.classify("\n\f\n".join([spouses, children])).kind is K.FAMILY_BOOKLET
    # A marriage certificate naming the husband and the wife stays one.
    assert classify.classify("ACTE DE MARIAGE\n" + spouses).kind is K.MARRIAGE_CERTIFICATE


def test_a_flatbed_scan_of_an_open_booklet_in_the_beds_corner_is_read_page_by_page():
    # The gutter's shadow is left out of both pages: at a page's edge it was taken for its print, and the page
    # beside it read as nothing.
    result = run_pipeline(booklets.livret_fr_flatbed_spread())
    spouses, child = result.text.split("\f")
    assert "MARIAGE" in spouses and "ENFANT" in child and len(child.split()) >= 15
    assert result.kind is K.FAMILY_BOOKLET


def test_a_booklets_cover_printed_light_on_dark_cloth_is_read_inverted():
    # Gilt letters on dark blue, scanned grey: read as Tesseract is told (dark print on light), only junk came out.
    result = run_pipeline(booklets.pdf([booklets.scanned(booklets.fr_cover(1))]))
    assert "LIVRET DE FAMILLE" in result.text
    assert result.kind is K.FAMILY_BOOKLET
