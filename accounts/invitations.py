"""Invitations: how a sponsor gets in, and gets back in, without email.

A counsellor issues a short code (read out over the phone, or sent as a link);
the sponsor uses it once, before it expires, to set a password. Issuing a new
code is also the password reset: it replaces every open code of that sponsor.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from .models import Invitation, User

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read out and to type on a phone.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 8


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    code: str  # shown once, never stored

    @property
    def display_code(self) -> str:
        return format_code(self.code)


class InvitationInvalid(Exception):
    """The code is unknown, used or expired; the message does not say which."""


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalise_code(typed: str) -> str:
    """What the sponsor typed, as hashed: capitals, without the dash or spaces."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), normalise_code(code).encode(), hashlib.sha256).hexdigest()


def issue_invitation(*, user: User, issued_by: User) -> IssuedInvitation:
    """A new code for ``user``; any earlier open code stops working.

    Only plain sponsor accounts: a code sets a password, so a counsellor must
    never be able to issue one for a colleague's or an admin's account.
    """
    if not _may_use_invitations(user):
        raise PermissionDenied("Invitations are for sponsors only.")
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    now = timezone.now()
    with transaction.atomic():
        open_invitations(user).update(used_at=now)
        invitation = Invitation.objects.create(
            user=user,
            code_hash=hash_code(code),
            created_by=issued_by,
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
    return IssuedInvitation(invitation=invitation, code=code)


def _may_use_invitations(user: User) -> bool:
    return user.role == User.Role.SPONSOR and not user.is_staff and not user.is_superuser


def open_invitations(user: User):
    return Invitation.objects.filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())


def find_open_invitation(code: str) -> Invitation:
    invitation = (
        Invitation.objects.select_related("user")
        .filter(code_hash=hash_code(code), used_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)
        .first()
    )
    if invitation is None or not _may_use_invitations(invitation.user):
        raise InvitationInvalid(code)
    return invitation


def accept_invitation(*, code: str, password: str) -> User:
    """Set the password of the code's user and use the code up. Validate ``password`` before calling."""
    with transaction.atomic():
        invitation = find_open_invitation(code)
        # Used exactly once, even when two requests race with the same code.
        used = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=timezone.now())
        if not used:
            raise InvitationInvalid(code)
        user = invitation.user
        user.set_password(password)
        user.save(update_fields=["password"])
    return user


# --- Guessing codes. Wrong codes count as failed logins (django-axes) of a pseudo-username per code typed, so
# a sponsor who mistypes their own code is locked out of that code only, from that address, and the other
# sponsors behind the same address (a shelter's Wi-Fi) are not. Codes are long (40 bits): what stops guessing
# is the ceiling on wrong codes of any kind from one address, INVITATION_ADDRESS_FAILURE_LIMIT.
CODE_GUESS_PREFIX = "(invitation code"


def code_guess_credentials(typed: str) -> dict[str, str]:
    """The pseudo-username a wrong ``typed`` code counts against; a keyed hash, never the code itself."""
    return {"username": f"{CODE_GUESS_PREFIX} {hash_code(typed)[:16]})"}


def address_guessed_too_often(address: str | None) -> bool:
    from axes.models import AccessAttempt  # django-axes' table of failed logins

    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    failures = AccessAttempt.objects.filter(
        ip_address=address, username__startswith=CODE_GUESS_PREFIX, attempt_time__gte=since
    ).aggregate(total=Sum("failures_since_start"))["total"] or 0
    return failures >= settings.INVITATION_ADDRESS_FAILURE_LIMIT
