"""Nobody sees a case but its sponsor, its assigned counsellors and admins."""

import pytest
from django.urls import reverse

from tests.factories import AdminFactory, CaseFactory, CounsellorFactory, DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return DocumentFactory(case=CaseFactory(counsellors=[CounsellorFactory()]))


def case_urls(document):
    case_id = document.case_id
    return [
        reverse("tracker:case_detail", args=[case_id]),
        reverse("tracker:case_live", args=[case_id]),
        reverse("documents:file", args=[document.pk]),
    ]


def test_sponsor_cannot_open_another_cases_pages_or_files(client, document):
    client.force_login(UserFactory())
    for url in case_urls(document):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("documents:remove", args=[document.pk])).status_code == 404
    assert client.post(reverse("documents:upload", args=[document.case_id])).status_code == 404
    document.refresh_from_db()


def test_unassigned_counsellor_cannot_open_the_case(client, document):
    client.force_login(CounsellorFactory())
    for url in case_urls(document):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("who", ["sponsor", "counsellor", "admin"])
def test_sponsor_assigned_counsellor_and_admin_can_open_the_case(client, document, who):
    user = {
        "sponsor": document.case.sponsor,
        "counsellor": document.case.counsellors.first(),
        "admin": AdminFactory(),
    }[who]
    client.force_login(user)
    for url in case_urls(document):
        assert client.get(url).status_code == 200, url


def test_anonymous_visitor_is_sent_to_login(client, document):
    for url in case_urls(document):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_file_is_served_privately_with_safe_headers(client, document):
    client.force_login(document.case.sponsor)
    response = client.get(reverse("documents:file", args=[document.pk]))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert response["Content-Type"] == "image/jpeg"
    # The stored file is reachable through the permission-checked view only.
    for path in (f"/{document.file.name}", f"/media/{document.file.name}"):
        assert client.get(path).status_code == 404
