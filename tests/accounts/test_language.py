"""The interface speaks the sponsor's language, right to left where it should, and remembers the choice."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from documents.messages import translate_message
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _ in settings.LANGUAGES if code != "en"]


def html_tag(page: str) -> str:
    return re.search(r"<html[^>]*>", page).group(0)


def test_choice_made_while_logged_in_follows_the_sponsor_to_another_phone(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    client.post(reverse("accounts:set_language"), {"language": "ar", "next": "/"})
    case.sponsor.refresh_from_db()
    assert case.sponsor.preferred_language == "ar"

    other_phone = Client()
    other_phone.post(reverse("login"), {"username": case.sponsor.username, "password": "correct horse battery"})
    page = other_phone.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert 'lang="ar"' in html_tag(page) and 'dir="rtl"' in html_tag(page)
    assert "آخر موعد للتقديم" in page


def test_language_chosen_on_the_login_page_is_kept_at_first_login(client):
    sponsor = UserFactory()
    client.post(reverse("accounts:set_language"), {"language": "fa", "next": "/login/"})
    assert 'dir="rtl"' in html_tag(client.get(reverse("login")).content.decode())
    client.post(reverse("login"), {"username": sponsor.username, "password": "correct horse battery"})
    sponsor.refresh_from_db()
    assert sponsor.preferred_language == "fa"


def _log_in(client, user):
    return client.post(reverse("login"), {"username": user.username, "password": "correct horse battery",
                                          **_language_field(client.get(reverse("login")).content.decode())},
                       follow=True)


def _language_field(login_page: str) -> dict:
    """What the login form sends besides the username and password: the language picked on the page, if any."""
    field = re.search(r'<input type="hidden" name="language" value="([^"]*)">', login_page)
    return {"language": field.group(1)} if field else {}


def test_language_picked_on_the_login_page_replaces_the_saved_one(client):
    sponsor = UserFactory(preferred_language="ar")
    client.post(reverse("accounts:set_language"), {"language": "ti", "next": "/login/"})
    page = _log_in(client, sponsor).content.decode()
    sponsor.refresh_from_db()
    assert sponsor.preferred_language == "ti"
    assert 'lang="ti"' in html_tag(page)


def test_on_a_shared_phone_the_language_left_by_the_last_user_does_not_replace_the_saved_one(client):
    first, second = UserFactory(preferred_language="ar"), UserFactory(preferred_language="so")
    client.post(reverse("accounts:set_language"), {"language": "fa", "next": "/login/"})
    _log_in(client, first)
    client.post(reverse("logout"))
    login_page = client.get(reverse("login")).content.decode()
    assert 'lang="fa"' in html_tag(login_page)  # the cookie keeps the page in the last user's language ...
    assert _language_field(login_page) == {}  # ... but nobody picked it here
    page = _log_in(client, second).content.decode()
    second.refresh_from_db()
    assert second.preferred_language == "so"
    assert 'lang="so"' in html_tag(page)


def test_a_language_picked_and_left_on_the_login_page_long_ago_does_not_count(client):
    from accounts import language_choice

    sponsor = UserFactory(preferred_language="ar")
    client.post(reverse("accounts:set_language"), {"language": "tr", "next": "/login/"})
    session = client.session
    session[language_choice.CHOSEN_KEY]["at"] -= language_choice.FRESH_FOR_SECONDS + 60  # someone walked away
    session.save()
    _log_in(client, sponsor)
    sponsor.refresh_from_db()
    assert sponsor.preferred_language == "ar"


@pytest.mark.parametrize("language", ["so", "tr"])
def test_somali_and_turkish_read_left_to_right(client, language):
    case = CaseFactory(sponsor__preferred_language=language)
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert f'lang="{language}"' in html_tag(page) and 'dir="ltr"' in html_tag(page)


def test_tigrinya_reads_left_to_right_with_tigrinya_month_names(client):
    case = CaseFactory(sponsor__preferred_language="ti", permit_decision_date=date(2026, 10, 1))
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert 'lang="ti"' in html_tag(page) and 'dir="ltr"' in html_tag(page)
    assert "1 ጥሪ 2027" in page  # 1 January 2027


@pytest.mark.parametrize(("language", "month"), [
    ("nl", "januari"), ("ar", "يناير"), ("fa", "ژانویه"), ("so", "1 Janaayo 2027"), ("tr", "1 Ocak 2027"),
])
def test_deadline_date_is_written_in_the_users_language(client, language, month):
    case = CaseFactory(sponsor__preferred_language=language, permit_decision_date=date(2026, 10, 1))
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert month in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_entry_is_translated(language):
    po = (Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
    entries = [e for e in po.split("\n\n")[1:] if "msgid" in e and not e.lstrip().startswith("#~")]
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""\n(?!")', e + "\n", re.M) or "#, fuzzy" in e]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_document_kinds_statuses_and_pipeline_errors_are_translated(language):
    from documents.models import Document

    english = [label for _, label in Document.Kind.choices + Document.Status.choices + Document.Review.choices]
    errors = [
        "The file is empty.",
        "The image is too large to process (more than 60 megapixels). Please upload a smaller photo.",
        "The PDF has 30 pages; at most 20 are accepted. Upload each document separately.",
    ]
    with translation.override("en"):
        originals = [str(text) for text in english]
    with translation.override(language):
        assert [str(text) for text in english if str(text) in originals] == []
        translated = [translate_message(message) for message in errors]
    assert all(t != e for t, e in zip(translated, errors))
    assert "60" in translated[1] and "30" in translated[2] and "20" in translated[2]


@pytest.mark.parametrize(("language", "photo_types"), [
    ("en", "JPEG, PNG, HEIC, WebP, TIFF"),
    ("fa", "\u2068JPEG\u2069، \u2068PNG\u2069، \u2068HEIC\u2069، \u2068WebP\u2069، \u2068TIFF\u2069"),
    ("ti", "JPEG፡ PNG፡ HEIC፡ WebP፡ TIFF"),
])
def test_the_accepted_file_types_are_listed_in_the_readers_way(language, photo_types):
    """Each type isolated in Arabic and Farsi, so the list reads right to left and wraps between types."""
    refusal = "This is not a supported document type. Upload a photo (JPEG, PNG, HEIC, WebP, TIFF) or a PDF."
    with translation.override(language):
        assert f"({photo_types})" in translate_message(refusal)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_suffix_on_a_latin_abbreviation_never_parts_from_it_at_a_line_end(language):
    """Somali "PDF-ka": a non-breaking hyphen (U+2011), or a narrow phone shows "PDF-" and "ka" on two lines."""
    po = (Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
    translations = re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', po, re.M)
    assert [text for text in translations if re.search(r"\b[A-Z]{2,}-[a-z]{1,3}\b", text)] == []


def test_every_pipeline_error_message_is_in_the_catalogue():
    """Messages the pipeline raises in English must be translatable where they are shown."""
    sources = (Path(settings.BASE_DIR) / "documents" / "pipeline").glob("*.py")
    messages = {m for path in sources for m in re.findall(r'PipelineError\(\s*"([^"{]+)"\s*\)', path.read_text())}
    assert messages
    with translation.override("nl"):
        assert [m for m in messages if translate_message(m) == m] == []


def test_password_rules_speak_tigrinya_too(client):
    from accounts.invitations import issue_invitation
    from tests.factories import CounsellorFactory

    issued = issue_invitation(user=UserFactory(), issued_by=CounsellorFactory())
    client.post(reverse("accounts:set_language"), {"language": "ti", "next": "/"})
    page = client.post(reverse("accounts:welcome"),
                       {"code": issued.code, "password1": "1234", "password2": "1234"}).content.decode()
    assert "እዚ ፓስዎርድ ኣዝዩ ሓጺር እዩ" in page and "ቁጽርታት ጥራይ እዩ" in page


def decided_for(days_left: int) -> date:
    """A decision date whose deadline is ``days_left`` days from today."""
    from datetime import timedelta

    from django.utils import timezone

    from tracker.rules.dates import deadline_for

    target = timezone.localdate() + timedelta(days=days_left)
    return next(target - timedelta(days=back) for back in range(80, 100) if deadline_for(target - timedelta(days=back)) == target)


def _reachable(days_left: int) -> bool:
    try:
        decided_for(days_left)
    except StopIteration:
        return False
    return True


@pytest.mark.parametrize(("days", "words"), [
    (0, "اليوم هو آخر يوم."), (1, "بقي يوم واحد"), (2, "بقي يومان"), (7, "بقيت {} أيام"), (30, "بقي {} يومًا"),
])
def test_arabic_days_left_agree_with_their_number(client, days, words):
    if "{}" in words:  # no decision date gives a deadline on some days (31 December: 30 September gives the 30th)
        days = next(n for n in (days, days + 1, days - 1) if _reachable(n))
        words = words.format(days)
    case = CaseFactory(sponsor__preferred_language="ar", permit_decision_date=decided_for(days))
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert words in page


def test_the_last_day_is_called_so_in_every_language(client):
    case = CaseFactory(permit_decision_date=decided_for(0))
    client.force_login(case.sponsor)
    for language in LANGUAGES:
        client.post(reverse("accounts:set_language"), {"language": language, "next": "/"})
        page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
        with translation.override(language):
            assert translation.gettext("Today is the last day.") in page
        assert "0 " not in re.sub(r"<[^>]+>", "", page.split('class="days-left"')[1].split("</p>")[0])


@pytest.mark.parametrize(("sex", "language", "relation"), [
    ("F", "ar", "ابنة (أقل من 18 سنة)"), ("M", "ar", "ابن (أقل من 18 سنة)"), ("", "ar", "ابن أو ابنة (أقل من 18 سنة)"),
    ("F", "so", "Gabar (ka yar 18 sano)"), ("F", "en", "Daughter (under 18)"),
])
def test_a_childs_card_names_a_son_or_a_daughter_where_the_sex_is_known(client, sex, language, relation):
    from tests.factories import FamilyMemberFactory

    case = CaseFactory(sponsor__preferred_language=language)
    FamilyMemberFactory(case=case, relation="child", sex=sex, birth_date=date(2010, 3, 2))
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert f"<small>{relation}</small>" in page


def test_the_welcome_link_speaks_the_language_the_counsellor_chose_on_an_english_phone(client):
    """A Tigrinya reader whose phone is set to English: the counsellor's choice is kept, on the page and after."""
    from accounts.invitations import issue_invitation
    from tests.factories import CounsellorFactory

    sponsor = UserFactory(preferred_language="ti")
    issued = issue_invitation(user=sponsor, issued_by=CounsellorFactory())
    page = client.get(reverse("accounts:welcome_code", args=[issued.code]), follow=True,
                      HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="ti"' in html_tag(page)
    response = client.post(reverse("accounts:welcome"), {"code": issued.code, "password1": "Zaytun-2026!",
                                                         "password2": "Zaytun-2026!"},
                           HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9", follow=True)
    sponsor.refresh_from_db()
    assert sponsor.preferred_language == "ti"
    assert 'lang="ti"' in html_tag(response.content.decode())


def test_a_language_chosen_on_the_welcome_page_replaces_the_counsellors_choice(client):
    from accounts.invitations import issue_invitation
    from tests.factories import CounsellorFactory

    sponsor = UserFactory(preferred_language="ti")
    issued = issue_invitation(user=sponsor, issued_by=CounsellorFactory())
    client.get(reverse("accounts:welcome_code", args=[issued.code]))
    client.post(reverse("accounts:set_language"), {"language": "ar", "next": "/welcome/"})
    assert 'lang="ar"' in html_tag(client.get(reverse("accounts:welcome")).content.decode())
    client.post(reverse("accounts:welcome"), {"code": issued.code, "password1": "Zaytun-2026!",
                                              "password2": "Zaytun-2026!"})
    sponsor.refresh_from_db()
    assert sponsor.preferred_language == "ar"


def test_a_wrong_code_in_a_welcome_link_counts_as_a_guess(client, settings):
    from axes.models import AccessAttempt

    client.get(reverse("accounts:welcome_code", args=["ACDEFGHJ"]))
    assert AccessAttempt.objects.filter(username__startswith="(invitation code").count() == 1
