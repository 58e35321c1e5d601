"""Getting in without email: a counsellor opens a case and hands the sponsor a code; a new code resets the password."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.invitations import CODE_ALPHABET, hash_code, issue_invitation
from accounts.models import Invitation, User
from tests.factories import AdminFactory, CaseFactory, CounsellorFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Zeven groene appels"


def set_password_with(client, code, password=NEW_PASSWORD, repeat=None):
    return client.post(reverse("accounts:welcome"),
                       {"code": code, "password1": password, "password2": repeat or password})


def open_case_as(client, counsellor):
    client.force_login(counsellor)
    return client.post(reverse("accounts:sponsor_case_create"), {
        "first_name": "Amal", "last_name": "Haddad", "birth_date": "1990-05-01", "v_number": "1234567890",
        "decision_date": "2026-10-01", "permit_type": "refugee",
    }, follow=True)


def shown_code(page) -> str:
    marker = "data-invitation-code dir=\"ltr\">"
    at = page.index(marker) + len(marker)
    return page[at:page.index("<", at)]


def test_counsellor_opens_a_case_and_the_sponsor_gets_in_with_the_code(client):
    counsellor = CounsellorFactory()
    page = open_case_as(client, counsellor).content.decode()

    sponsor = User.objects.get(last_name="Haddad")
    case = sponsor.sponsored_cases.get()
    assert (sponsor.role, sponsor.has_usable_password()) == (User.Role.SPONSOR, False)
    assert (str(case.permit_decision_date), case.v_number, list(case.counsellors.all())) == ("2026-10-01", "1234567890", [counsellor])
    code = shown_code(page)
    assert len(code.replace("-", "")) == 8 and set(code.replace("-", "")) <= set(CODE_ALPHABET)
    assert sponsor.username in page
    assert code not in str(Invitation.objects.values_list("code_hash", flat=True)[0])  # only a hash is kept

    client.logout()
    response = set_password_with(client, code.lower().replace("-", " "), password=NEW_PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("tracker:case_detail", args=[case.pk])).status_code == 200
    assert User.objects.get(username=sponsor.username).check_password(NEW_PASSWORD)


def test_the_code_is_shown_once(client):
    page = open_case_as(client, CounsellorFactory()).content.decode()
    case = User.objects.get(last_name="Haddad").sponsored_cases.get()
    assert shown_code(page)
    again = client.get(reverse("accounts:invitation", args=[case.pk])).content.decode()
    assert "data-invitation-code" not in again


def test_the_link_fills_in_the_code(client):
    sponsor = UserFactory()
    issued = issue_invitation(user=sponsor, issued_by=CounsellorFactory())
    response = client.get(reverse("accounts:welcome_code", args=[issued.code]), follow=True)
    assert response.redirect_chain == [(reverse("accounts:welcome"), 302)]  # the code leaves the address bar
    assert f'value="{issued.display_code}"' in response.content.decode()


def test_a_code_works_only_once(client):
    sponsor = UserFactory()
    issued = issue_invitation(user=sponsor, issued_by=CounsellorFactory())
    assert set_password_with(client, issued.code).status_code == 302
    client.logout()
    response = set_password_with(client, issued.code, password="Een heel ander wachtwoord")
    assert response.status_code == 200
    assert "Ask your counsellor for a new code" in response.content.decode()


def test_an_expired_code_is_refused(client):
    sponsor = UserFactory()
    issued = issue_invitation(user=sponsor, issued_by=CounsellorFactory())
    Invitation.objects.filter(pk=issued.invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = set_password_with(client, issued.code)
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_a_weak_or_mistyped_password_is_refused_and_the_code_stays_usable(client):
    sponsor = UserFactory()
    issued = issue_invitation(user=sponsor, issued_by=CounsellorFactory())
    assert set_password_with(client, issued.code, password="12345678").status_code == 200
    assert set_password_with(client, issued.code, repeat="something else").status_code == 200
    assert set_password_with(client, issued.code).status_code == 302


def test_counsellor_resets_a_forgotten_password_with_a_new_code(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    first = issue_invitation(user=case.sponsor, issued_by=counsellor)
    client.force_login(counsellor)

    page = client.post(reverse("accounts:invitation_issue", args=[case.pk]), follow=True).content.decode()
    new_code = shown_code(page)
    client.logout()

    assert set_password_with(client, first.code).status_code == 200  # the older code stopped working
    assert set_password_with(client, new_code).status_code == 302
    assert User.objects.get(username=case.sponsor.username).check_password(NEW_PASSWORD)
    assert not User.objects.get(username=case.sponsor.username).check_password("correct horse battery")


def test_only_the_cases_counsellors_and_admins_hand_out_codes(client):
    case = CaseFactory(counsellors=[CounsellorFactory()])
    issue = reverse("accounts:invitation_issue", args=[case.pk])

    client.force_login(case.sponsor)
    assert client.post(issue).status_code == 403
    assert client.get(reverse("accounts:sponsor_case_create")).status_code == 403
    client.force_login(CounsellorFactory())
    assert client.post(issue).status_code == 404
    client.force_login(AdminFactory())
    assert client.post(issue).status_code == 302
    assert Invitation.objects.filter(user=case.sponsor).count() == 1


def test_codes_are_stored_as_keyed_hashes():
    issued = issue_invitation(user=UserFactory(), issued_by=CounsellorFactory())
    assert issued.invitation.code_hash == hash_code(issued.display_code.lower())
    assert issued.code not in issued.invitation.code_hash


def test_a_code_typed_wrong_a_few_times_is_locked_from_that_address(client, settings):
    answers = [set_password_with(client, "AAAA-AAAA").status_code for _ in range(settings.AXES_FAILURE_LIMIT + 1)]
    assert answers[0] == 200 and answers[-1] == 429


def test_wrong_codes_from_a_shelters_address_do_not_lock_out_the_other_sponsors_there(client, settings):
    """Five wrong codes from one address (a shelter's Wi-Fi) blocked every sponsor there for 15 minutes."""
    issued = issue_invitation(user=UserFactory(), issued_by=CounsellorFactory())
    for _ in range(settings.AXES_FAILURE_LIMIT):
        set_password_with(client, "AAAA-AAAA")

    response = set_password_with(client, issued.code)

    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_guessing_many_codes_from_one_address_is_stopped(client, settings):
    settings.INVITATION_ADDRESS_FAILURE_LIMIT = 12
    issued = issue_invitation(user=UserFactory(), issued_by=CounsellorFactory())
    for index in range(settings.INVITATION_ADDRESS_FAILURE_LIMIT):
        set_password_with(client, f"AAAA-{CODE_ALPHABET[index] * 4}")

    response = set_password_with(client, issued.code)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert Invitation.objects.get(pk=issued.invitation.pk).used_at is None


def test_a_wrong_password_does_not_count_as_a_guess(client, settings):
    issued = issue_invitation(user=UserFactory(), issued_by=CounsellorFactory())
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        set_password_with(client, issued.code, password="1234")
    assert set_password_with(client, issued.code).status_code == 302


def test_no_invitation_can_be_issued_for_a_counsellor_or_admin_account():
    from django.core.exceptions import PermissionDenied

    from accounts.invitations import issue_invitation
    from tests.factories import AdminFactory, CounsellorFactory

    counsellor = CounsellorFactory()
    for target in (AdminFactory(), CounsellorFactory()):
        with pytest.raises(PermissionDenied):
            issue_invitation(user=target, issued_by=counsellor)


def test_a_decision_date_in_the_future_is_refused_before_a_case_is_opened(client):
    client.force_login(CounsellorFactory())
    later = (timezone.localdate() + timedelta(days=40)).isoformat()
    page = client.post(reverse("accounts:sponsor_case_create"), {
        "first_name": "Amal", "last_name": "Haddad", "decision_date": later, "permit_type": "refugee",
    }).content.decode()
    assert "This date is in the future. Check the day, month and year." in page
    assert not User.objects.filter(last_name="Haddad").exists()


@pytest.mark.parametrize("typed, kept", [("V-123 456 7890", "1234567890"), ("1234.567.890", "1234567890"), ("", "")])
def test_a_v_number_typed_with_separators_is_kept_as_its_digits(client, typed, kept):
    client.force_login(CounsellorFactory())
    client.post(reverse("accounts:sponsor_case_create"), {
        "first_name": "Amal", "last_name": "Haddad", "v_number": typed, "permit_type": "refugee"})
    assert User.objects.get(last_name="Haddad").sponsored_cases.get().v_number == kept


def test_a_v_number_that_is_not_one_is_refused_saying_what_one_looks_like(client):
    client.force_login(CounsellorFactory())
    page = client.post(reverse("accounts:sponsor_case_create"), {
        "first_name": "Amal", "last_name": "Haddad", "v_number": "abc<script>", "permit_type": "refugee"}).content.decode()
    assert "A V-number has 10 digits, as on the residence permit." in page
    assert not User.objects.filter(last_name="Haddad").exists()
