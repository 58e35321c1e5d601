"""A counsellor opens a case for a new sponsor and hands them an invitation."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.text import slugify

from accounts.invitations import IssuedInvitation, issue_invitation
from accounts.models import Organisation, User

from .models import Case


@dataclass(frozen=True)
class Enrolment:
    case: Case
    invitation: IssuedInvitation


def enrol_sponsor(
    *, counsellor: User, first_name: str, last_name: str, birth_date: date | None, v_number: str,
    decision_date: date | None, permit_type: str, organisation: Organisation | None = None, language: str = "",
    phone: str = "",
) -> Enrolment:
    """``organisation``: the case's; by default the one the counsellor works for (admins choose one)."""
    organisation = organisation or counsellor.organisation
    if organisation is None:
        raise ValueError("A case belongs to an organisation.")
    with transaction.atomic():
        sponsor = User(username=new_username(first_name), first_name=first_name, last_name=last_name,
                       role=User.Role.SPONSOR, preferred_language=language, phone=phone)
        sponsor.set_unusable_password()  # the sponsor sets one with the invitation
        sponsor.save()
        case = Case.objects.create(
            sponsor=sponsor, sponsor_birth_date=birth_date, v_number=v_number,
            permit_decision_date=decision_date, permit_type=permit_type, organisation=organisation,
        )
        if counsellor.is_counsellor:
            case.counsellors.add(counsellor)
        invitation = issue_invitation(user=sponsor, issued_by=counsellor)
    return Enrolment(case=case, invitation=invitation)


def new_username(first_name: str) -> str:
    """Short and easy to type on a phone: the first given name in Latin letters and three digits."""
    base = slugify(first_name.split()[0] if first_name.split() else "")[:20] or "sponsor"
    for _ in range(50):
        username = f"{base}{secrets.randbelow(900) + 100}"
        if not User.objects.filter(username__iexact=username).exists():
            return username
    return f"{base}{secrets.token_hex(4)}"
