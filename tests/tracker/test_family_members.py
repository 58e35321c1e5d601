"""Sponsors and counsellors add, change and take off family members: one audited service, links follow."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.caseload import dashboard_rows
from cases.services import update_family_member

pytestmark = pytest.mark.django_db


def birth_certificate(case, name: str, born: str):
    return DocumentFactory(case=case, kind="birth_certificate",
                           fields={"people": [{"name": name, "birth_date": born}]})


def test_correcting_a_birth_date_links_the_documents_that_name_the_member():
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, given_names="Sara", surname="Haile", birth_date=date(2016, 2, 3))
    certificate = birth_certificate(case, "SARA HAILE", "2016-03-02")

    changes = update_family_member(child, {"birth_date": date(2016, 3, 2)}, actor=case.sponsor)

    assert changes == {"birth_date": [date(2016, 2, 3), date(2016, 3, 2)]}
    assert list(certificate.members.all()) == [child]
    recorded = AuditEvent.objects.filter(target_type="documents.document", target_id=str(certificate.pk)).get()
    assert recorded.changes == {"members": [[], [child.pk]]}


def test_a_link_made_from_the_old_details_goes_when_they_change():
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, given_names="Sara", surname="Haile", birth_date=date(2016, 2, 3))
    certificate = birth_certificate(case, "SARA HAILE", "2016-02-03")
    certificate.members.add(child)
    by_hand = DocumentFactory(case=case, kind="other")  # names nobody: a link someone made stays
    by_hand.members.add(child)

    update_family_member(child, {"birth_date": date(2017, 2, 3)}, actor=case.sponsor)

    assert list(certificate.members.all()) == []
    assert list(by_hand.members.all()) == [child]


def test_a_new_member_is_linked_to_documents_uploaded_before(client):
    case = CaseFactory()
    certificate = birth_certificate(case, "Yonas Tesfay", "2012-05-01")
    client.force_login(case.sponsor)
    client.post(reverse("tracker:member_create", args=[case.pk]), {
        "relation": "child", "given_names": "Yonas", "surname": "Tesfay", "birth_date": "2012-05-01", "sex": "M"})
    member = case.members.get()
    assert member.sex == "M"
    assert list(certificate.members.all()) == [member]


def test_the_sponsor_changes_a_member_on_their_phone_and_the_counsellor_sees_it(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    child = FamilyMemberFactory(case=case, given_names="Sara", surname="Haile", birth_date=date(2016, 2, 3))
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:member_update", args=[child.pk]))
    assert page.status_code == 200 and 'value="2016-02-03"' in page.content.decode()

    data = {"relation": "child", "given_names": "Sara", "surname": "Haile Tesfay", "birth_date": "2016-02-03",
            "sex": "F", "belongs_to_family": "on", "mentioned_in_asylum_procedure": "on"}
    response = client.post(reverse("tracker:member_update", args=[child.pk]), data)
    assert response.status_code == 302
    child.refresh_from_db()
    assert (child.surname, child.sex) == ("Haile Tesfay", "F")
    event = AuditEvent.objects.filter(target_type="cases.familymember", action="change").get()
    assert event.actor == case.sponsor and event.changes["surname"] == ["Haile", "Haile Tesfay"]

    [row] = dashboard_rows(counsellor)
    assert row.case.members_changed_by_sponsor_at is not None
    client.force_login(counsellor)
    assert 'data-members-changed' in client.get(reverse("tracker:case_list")).content.decode()
    client.get(reverse("tracker:case_detail", args=[case.pk]))  # the counsellor has looked
    assert 'data-members-changed' not in client.get(reverse("tracker:case_list")).content.decode()


def test_a_counsellors_change_is_not_flagged_as_the_sponsors(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    child = FamilyMemberFactory(case=case)
    update_family_member(child, {"given_names": "Mariam"}, actor=counsellor)
    case.refresh_from_db()
    assert case.members_changed_by_sponsor_at is None


def test_removing_a_member_asks_first_and_keeps_their_documents(client):
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, given_names="Sara")
    passport = DocumentFactory(case=case)
    passport.members.add(child)
    client.force_login(case.sponsor)
    confirm = client.get(reverse("tracker:member_remove", args=[child.pk]))
    assert confirm.status_code == 200 and "Sara" in confirm.content.decode()
    assert case.members.exists()  # looking at the question removes nothing

    client.post(reverse("tracker:member_remove", args=[child.pk]))

    assert not case.members.exists()
    passport.refresh_from_db()
    assert passport.file.storage.exists(passport.file.name)
    event = AuditEvent.objects.filter(target_type="cases.familymember", action="delete").get()
    assert event.changes["given_names"] == ["Sara", None] and event.changes["documents"] == [[passport.pk], None]


def test_a_sponsor_cannot_change_another_familys_member(client):
    child = FamilyMemberFactory()
    client.force_login(CaseFactory().sponsor)
    assert client.post(reverse("tracker:member_update", args=[child.pk]), {"given_names": "X"}).status_code == 404
    assert client.post(reverse("tracker:member_remove", args=[child.pk])).status_code == 404
    assert child.case.members.filter(pk=child.pk).exists()


def test_the_add_member_form_asks_to_choose_instead_of_showing_dashes(client):
    case = CaseFactory(sponsor__preferred_language="ti")
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "---------" not in page and '<option value="" selected>ምረጽ</option>' in page


def test_the_form_says_the_sponsor_named_the_member_in_the_asylum_procedure(client):
    case = CaseFactory(counsellors=[counsellor := CounsellorFactory()])
    case.organisation = counsellor.organisation
    case.save()
    member = FamilyMemberFactory(case=case, mentioned_in_asylum_procedure=False)
    for reader, label, help_text in (
        (case.sponsor, "I named this person when I applied for asylum",
         "In your asylum application or interviews. The IND checks this."),
        (counsellor, "Named by the sponsor in the asylum procedure",
         "In the sponsor's asylum application or interviews. The IND checks this."),
    ):
        client.force_login(reader)
        for url in (reverse("tracker:case_detail", args=[case.pk]), reverse("tracker:member_update", args=[member.pk])):
            page = client.get(url).content.decode()
            assert f">{label}</label>" in page and help_text in page, (reader, url)
        page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
        assert "The sponsor did not name this family member in the asylum procedure." in page


@pytest.mark.parametrize("born, message", [
    ("2062-03-04", "This date is in the future. Check the day, month and year."),
    ("0199-03-04", "This date is too long ago. Check the year."),
])
def test_a_birth_date_that_cannot_be_is_refused_with_words_saying_why(client, born, message):
    """A sponsor typing 2062 for 2026 got a child born in the future, counted as under 18 for decades."""
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, birth_date=date(2016, 2, 3))
    client.force_login(case.sponsor)
    data = {"relation": "child", "given_names": "Sara", "surname": "Haile", "birth_date": born,
            "belongs_to_family": "on", "mentioned_in_asylum_procedure": "on"}

    added = client.post(reverse("tracker:member_create", args=[case.pk]), data, follow=True)
    assert case.members.count() == 1
    assert added.status_code == 200 and message in added.content.decode()

    changed = client.post(reverse("tracker:member_update", args=[child.pk]), data)
    assert changed.status_code == 200 and message in changed.content.decode()
    birth_date = re.search(r'<input type="date" name="birth_date"[^>]*>', changed.content.decode()).group(0)
    assert 'aria-invalid="true"' in birth_date and "autofocus" in birth_date  # a phone scrolls to it
    child.refresh_from_db()
    assert child.birth_date == date(2016, 2, 3)


def test_the_refusal_is_in_the_sponsors_language_and_the_date_picker_stops_at_today(client):
    case = CaseFactory(sponsor__preferred_language="ar")
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert f'max="{timezone.localdate().isoformat()}"' in page and 'min="1900-01-01"' in page
    data = {"relation": "child", "given_names": "Sara", "surname": "Haile", "birth_date": "2062-03-04"}
    added = client.post(reverse("tracker:member_create", args=[case.pk]), data, follow=True).content.decode()
    assert "هذا التاريخ في المستقبل" in added


def test_a_refused_new_member_keeps_what_was_typed_with_the_error_beside_its_field(client):
    """The page came back with an empty, folded form and the error at its top: a sponsor typed it all again."""
    case = CaseFactory(sponsor__preferred_language="ar")
    FamilyMemberFactory(case=case, given_names="Amal")
    client.force_login(case.sponsor)
    data = {"relation": "child", "given_names": "سارة", "surname": "   ", "birth_date": "2016-02-03", "sex": "F",
            "belongs_to_family": "on"}

    response = client.post(reverse("tracker:member_create", args=[case.pk]), data, follow=True)
    page = response.content.decode()

    assert case.members.count() == 1
    assert response.redirect_chain  # the case page of its own: reloading it sends nothing again
    details = page[page.index("<details", page.index('id="upload-title"')):]
    details = details[:details.index("</details>")]
    assert "open" in details[:details.index(">")] and 'id="add-member"' in details
    assert "لم تتم إضافة فرد العائلة: انظر الحقل المحدد أدناه." in details
    assert 'name="given_names" value="سارة"' in details and 'name="birth_date" value="2016-02-03"' in details
    assert '<option value="child" selected>' in details and '<option value="F" selected>' in details
    surname = re.search(r'<input type="text" name="surname"[^>]*>', details).group(0)
    assert 'aria-invalid="true"' in surname and "autofocus" in surname
    assert "هذا الحقل مطلوب" in details[details.index('for="id_surname"'):details.index('name="surname"')]
