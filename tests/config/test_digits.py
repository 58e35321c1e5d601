"""Farsi pages write every number the reader reads in Persian digits; what programs or typing need stays as it is."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from config.digits import localise_digits
from tests.factories import CaseFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def test_text_gets_persian_digits_and_attributes_names_and_typed_text_do_not():
    html = ('<p class="days-left" data-days="14">۱۴ روز · 14 روز مانده، <time datetime="2027-01-20">20 ژانویه 2027، 15:27</time></p>'
            '<a href="/cases/12/">پرونده 12</a> <bdi>Amina 2</bdi> <a href="/d/3/" dir="auto">IMG_0001.jpg</a>'
            '<input name="n" value="42"><textarea>12</textarea><script>var a = 1 < 2;</script>'
            '<dd translate="no">1234567890</dd><span dir="ltr">+31 6 12345678</span>'
            '<div lang="nl">Termijn: 3 dagen <span>en 4</span></div> 5<!-- 6 -->')
    assert localise_digits(html, "fa") == (
        '<p class="days-left" data-days="14">۱۴ روز · ۱۴ روز مانده، <time datetime="2027-01-20">۲۰ ژانویه ۲۰۲۷، ۱۵:۲۷</time></p>'
        '<a href="/cases/12/">پرونده ۱۲</a> <bdi>Amina 2</bdi> <a href="/d/3/" dir="auto">IMG_0001.jpg</a>'
        '<input name="n" value="42"><textarea>12</textarea><script>var a = 1 < 2;</script>'
        '<dd translate="no">1234567890</dd><span dir="ltr">+31 6 12345678</span>'
        '<div lang="nl">Termijn: 3 dagen <span>en 4</span></div> ۵<!-- 6 -->')


def test_text_the_code_isolated_keeps_its_digits():
    assert localise_digits("<li>\u2068IMG_0001.jpg\u2069 دریافت شد. 2 عکس</li>", "fa") == (
        "<li>\u2068IMG_0001.jpg\u2069 دریافت شد. ۲ عکس</li>")


def test_a_left_to_right_page_with_a_farsi_part(client):
    html = ('<html lang="en" dir="ltr"><body><p>14 days</p><article data-lang-digits>'
            '<section lang="fa" dir="rtl"><p>14 روز</p></section><dl dir="ltr"><dd>amal115</dd></dl></article>')
    assert localise_digits(html, "en") == html.replace("14 روز", "۱۴ روز")


def test_other_languages_keep_western_digits_but_a_farsi_part_of_their_page_does_not():
    assert localise_digits("<p>14 يومًا</p>", "ar") == "<p>14 يومًا</p>"
    assert localise_digits('<section lang="fa"><p>7 روز</p></section><section lang="nl">7 dagen</section>', "en") == (
        '<section lang="fa"><p>۷ روز</p></section><section lang="nl">7 dagen</section>')


def test_a_farsi_sponsors_case_page_reads_in_persian_digits(client):
    case = CaseFactory(sponsor__preferred_language="fa")
    FamilyMemberFactory(case=case)
    DocumentFactory(case=case, original_name="IMG_2024.jpg")
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    deadline = page.split('class="deadline-date"')[1].split("</p>")[0]
    assert "<time datetime=\"20" in deadline and not any(digit in deadline.split(">", 2)[2] for digit in "0123456789")
    assert ">IMG_2024.jpg<" in page and f'action="{reverse("documents:upload", args=[case.pk])}"' in page
    live = client.get(reverse("tracker:case_live", args=[case.pk])).content.decode()  # the part the page polls
    days = live.split('class="days-left"')[1].split("</p>")[0]
    assert not any(digit in days for digit in "0123456789")


def test_an_arabic_sponsors_case_page_keeps_western_digits(client):
    case = CaseFactory(sponsor__preferred_language="ar")
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert not any(digit in page for digit in "۰۱۲۳۴۵۶۷۸۹")


def test_character_references_keep_their_digits():
    """Django escapes a quote in translated text as "&#x27;": with Persian digits it showed as "&#x۲۷;"."""
    assert localise_digits("<li>فرم &#x27;verklaring&#x27; 2 &amp; &#39;3&#39; &sup2;</li>", "fa") == (
        "<li>فرم &#x27;verklaring&#x27; ۲ &amp; &#39;۳&#39; &sup2;</li>")


def test_a_farsi_page_shows_quotes_not_references(client):
    case = CaseFactory(sponsor__preferred_language="fa")
    FamilyMemberFactory(case=case, relation="spouse", birth_date=date(1990, 4, 2))  # the marital status statement names the IND's form in quotes
    client.force_login(case.sponsor)
    html = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "&#x27;verklaring burgerlijke staat&#x27;" in html
    assert "&#x۲" not in html and "&#۳" not in html
