"""Names that would show differently from what they are (a right-to-left override) are refused, clearly."""

import pytest
from django.urls import reverse

from config.validators import has_direction_controls
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_a_family_member_named_with_a_right_to_left_override_is_refused(client):
    case = CaseFactory()
    client.force_login(case.sponsor)

    response = client.post(reverse("tracker:member_create", args=[case.pk]), {
        "relation": "child", "given_names": "\u202eSaney", "surname": "Tesfay", "birth_date": "2012-05-01", "sex": "M",
    }, follow=True)

    assert not case.members.exists()
    assert "invisible characters that change the direction of text" in response.content.decode()


def test_scripts_of_the_interface_and_their_joiners_pass():
    for name in ("محمد عبدالله", "مهرداد\u200cزاده", "ዮናስ ተስፋይ", "Ayşe Öztürk", "Cabdi Xasan", "N\u200fadia"):
        assert not has_direction_controls(name), name
    for name in ("\u202eSaney", "A\u2066B\u2069", "Tab\x00", "x\u202a"):
        assert has_direction_controls(name), name
