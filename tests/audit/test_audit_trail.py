"""Every view, download, change and deletion of a case or document is recorded: who, what, when, from where."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from documents.bin import empty_bin
from tests.documents import hostile
from tests.factories import AdminFactory, CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.models import IndLetter

pytestmark = pytest.mark.django_db

FROM = {"REMOTE_ADDR": "198.51.100.7", "HTTP_USER_AGENT": "Mozilla/5.0 (phone)"}


@pytest.fixture
def document():
    return DocumentFactory(case=CaseFactory(counsellors=[CounsellorFactory()]), original_name="passport.jpg")


def last_event() -> AuditEvent:
    return AuditEvent.objects.order_by("-id").first()


def assert_recorded(event, *, actor, action, target, case_id):
    assert event.actor == actor and event.actor_name == actor.username
    assert event.action == action
    assert (event.target_type, event.target_id) == (target._meta.label_lower, str(target.pk))
    assert event.case_id == case_id
    assert event.ip_address == "198.51.100.7" and event.user_agent == "Mozilla/5.0 (phone)"
    assert event.at is not None


def test_counsellor_opening_a_case_is_recorded(client, document):
    counsellor = document.case.counsellors.get()
    client.force_login(counsellor)
    client.get(reverse("tracker:case_detail", args=[document.case_id]), **FROM)
    assert_recorded(last_event(), actor=counsellor, action="view", target=document.case, case_id=document.case_id)


@pytest.mark.parametrize(("query", "action"), [({}, "view"), ({"download": "1"}, "download")])
def test_viewing_and_downloading_a_file_are_recorded(client, document, query, action):
    client.force_login(document.case.sponsor)
    client.get(reverse("documents:file", args=[document.pk]), query, **FROM)
    assert_recorded(last_event(), actor=document.case.sponsor, action=action, target=document, case_id=document.case_id)


def test_refused_access_records_nothing_about_the_case(client, document):
    client.force_login(CounsellorFactory())
    client.get(reverse("documents:file", args=[document.pk]), **FROM)
    assert not AuditEvent.objects.exists()


def test_upload_is_recorded(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    upload = SimpleUploadedFile("birth.jpg", hostile.photo_with_text())
    client.post(reverse("documents:upload", args=[case.pk]), {"files": [upload]}, **FROM)
    document = case.documents.get()
    assert_recorded(last_event(), actor=case.sponsor, action="create", target=document, case_id=case.pk)


def test_linking_a_document_records_the_change(client, document):
    member = FamilyMemberFactory(case=document.case)
    client.force_login(document.case.sponsor)
    client.post(reverse("documents:links", args=[document.pk]), {"members": [member.pk]}, **FROM)
    event = last_event()
    assert_recorded(event, actor=document.case.sponsor, action="change", target=document, case_id=document.case_id)
    assert event.changes == {"members": [[], [member.pk]]}


def test_removal_and_deletion_are_recorded_and_outlive_the_document(client, document):
    document_id, case_id = document.pk, document.case_id
    client.force_login(document.case.sponsor)
    client.post(reverse("documents:remove", args=[document_id]), **FROM)
    removal = last_event()
    assert (removal.action, removal.target_id, removal.actor) == ("change", str(document_id), document.case.sponsor)
    assert removal.changes["removed_at"][0] is None and removal.changes["removed_at"][1]

    empty_bin(now=timezone.now() + timedelta(days=settings.DOCUMENT_BIN_DAYS))

    event = last_event()
    assert (event.action, event.target_id, event.case_id, event.actor) == ("delete", str(document_id), case_id, None)
    assert event.target_repr == "passport.jpg"


def test_adding_a_family_member_is_recorded(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    client.post(reverse("tracker:member_create", args=[case.pk]),
                {"relation": "spouse", "given_names": "Amal", "surname": "Haddad", "birth_date": "1990-04-05"}, **FROM)
    member = case.members.get()
    assert_recorded(last_event(), actor=case.sponsor, action="create", target=member, case_id=case.pk)


def test_audit_trail_is_append_only(document):
    event = AuditEvent.objects.create(action="view", target_type="documents.document", target_id=str(document.pk))
    event.action = "delete"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_admins_read_the_trail_and_nobody_edits_it(client, document):
    client.force_login(document.case.sponsor)
    client.get(reverse("documents:file", args=[document.pk]), **FROM)
    event = last_event()

    client.force_login(AdminFactory())
    listing = client.get(reverse("admin:audit_auditevent_changelist"))
    assert listing.status_code == 200 and "198.51.100.7" in listing.content.decode()
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()

    client.force_login(document.case.counsellors.get())
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 302  # to the admin login


def test_admin_opening_a_case_or_document_in_the_admin_is_recorded(client, document):
    admin = AdminFactory()
    client.force_login(admin)
    case = document.case
    client.get(reverse("admin:cases_case_change", args=[case.pk]), **FROM)
    assert_recorded(last_event(), actor=admin, action="view", target=case, case_id=case.pk)

    client.get(reverse("admin:documents_document_change", args=[document.pk]), **FROM)
    assert_recorded(last_event(), actor=admin, action="view", target=document, case_id=case.pk)


def _admin_form_as_shown(response) -> dict:
    """The POST data of an admin change page as the browser would send it unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms += inline.formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value not in (None, False, []):
                data[form.add_prefix(name)] = value
    return data


def test_admin_editing_a_case_s_family_members_inline_is_recorded(client, document):
    admin = AdminFactory()
    client.force_login(admin)
    case = document.case
    member = FamilyMemberFactory(case=case, given_names="Amal")
    leaving = FamilyMemberFactory(case=case)
    url = reverse("admin:cases_case_change", args=[case.pk])
    data = _admin_form_as_shown(client.get(url))
    prefix = next(key for key, value in data.items() if value == member.pk and key.endswith("-id"))[:-len("-id")]
    data[f"{prefix}-given_names"] = "Amala"
    leaving_prefix = next(key for key, value in data.items() if value == leaving.pk and key.endswith("-id"))[:-len("-id")]
    data[f"{leaving_prefix}-DELETE"] = "on"

    response = client.post(url, data, **FROM)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    change = AuditEvent.objects.get(action="change", target_type="cases.familymember")
    assert_recorded(change, actor=admin, action="change", target=member, case_id=case.pk)
    assert change.changes == {"given_names": ["Amal", "Amala"]}
    deletion = AuditEvent.objects.get(action="delete", target_type="cases.familymember")
    assert deletion.target_id == str(leaving.pk) and deletion.case_id == case.pk


def test_behind_a_reverse_proxy_the_clients_address_is_recorded_not_a_spoofed_one(client, document, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.force_login(document.case.sponsor)
    client.get(reverse("documents:file", args=[document.pk]),
               REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66, 198.51.100.9")
    assert last_event().ip_address == "198.51.100.9"


def test_admin_editing_and_deleting_in_the_family_members_and_letters_lists_is_recorded(client, document):
    admin = AdminFactory()
    client.force_login(admin)
    case = document.case
    member = FamilyMemberFactory(case=case, given_names="Amal")
    url = reverse("admin:cases_familymember_change", args=[member.pk])
    data = _admin_form_as_shown(client.get(url, **FROM))
    assert_recorded(last_event(), actor=admin, action="view", target=member, case_id=case.pk)
    data["given_names"] = "Amala"

    response = client.post(url, data, **FROM)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    change = last_event()
    assert_recorded(change, actor=admin, action="change", target=member, case_id=case.pk)
    assert change.changes == {"given_names": ["Amal", "Amala"]}

    letter = IndLetter.objects.create(case=case, kind=IndLetter.Kind.QUESTION, received_on=timezone.localdate(),
                                      subject="Vraag")
    letter_pk = letter.pk
    client.post(reverse("admin:tracker_indletter_changelist"),
                {"action": "delete_selected", "_selected_action": [letter_pk], "post": "yes"}, **FROM)
    deletion = last_event()
    assert (deletion.action, deletion.target_type, deletion.target_id) == ("delete", "tracker.indletter", str(letter_pk))
    assert deletion.case_id == case.pk and not IndLetter.objects.filter(pk=letter_pk).exists()


def test_an_event_s_case_leads_to_all_of_that_case_s_events(client, document):
    other = DocumentFactory(case=CaseFactory(counsellors=[CounsellorFactory()]))
    for each in (document, other):
        client.force_login(each.case.sponsor)
        client.get(reverse("documents:file", args=[each.pk]), **FROM)

    client.force_login(AdminFactory())
    changelist = reverse("admin:audit_auditevent_changelist")
    listing = client.get(changelist).content.decode()
    case_events = f'{changelist}?case_id={document.case_id}'
    assert f'<a href="{case_events}">{document.case_id}</a>' in listing
    page = client.get(case_events)
    assert page.status_code == 200
    assert set(page.context["cl"].result_list.values_list("case_id", flat=True)) == {document.case_id}
