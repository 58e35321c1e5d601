from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A team that helps families: a municipal team, a law firm, a volunteer group, a refugee-council office.

    Every case and every counsellor and coordinator belongs to one; nothing of one is visible to another.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


DEFAULT_ORGANISATION_NAME = "Nareis"  # where rows from before organisations went (migration tracker 0005)


class User(AbstractUser):
    """A sponsor, a counsellor, a coordinator (leads an organisation's team) or an admin (``is_superuser``)."""

    class Role(models.TextChoices):
        SPONSOR = "sponsor", _("Sponsor")
        COUNSELLOR = "counsellor", _("Counsellor")
        COORDINATOR = "coordinator", _("Coordinator")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPONSOR)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="members", help_text=_("Counsellors and coordinators: the organisation they work for."),
    )
    preferred_language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True,
        help_text=_("Set by the language switcher; used on every page after login."),
    )
    phone = models.CharField(
        _("mobile phone"), max_length=30, blank=True,
        help_text=_("For text messages (SMS) about the case, in international form: +31612345678."),
    )

    @property
    def is_counsellor(self) -> bool:
        return self.role == self.Role.COUNSELLOR

    @property
    def works_on_cases(self) -> bool:
        """Staff of an organisation or an admin: gets the laptop layout and the counsellor's tools in the menu."""
        return self.is_superuser or self.role != self.Role.SPONSOR

    @property
    def is_coordinator(self) -> bool:
        return self.role == self.Role.COORDINATOR

    def clean(self):
        super().clean()
        if self.role in (self.Role.COUNSELLOR, self.Role.COORDINATOR) and self.organisation_id is None:
            raise ValidationError({"organisation": _("Counsellors and coordinators belong to an organisation.")})

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Invitation(models.Model):
    """A single-use code with which a sponsor sets a password: the first one, or a new one (reset).

    Only an HMAC of the code is stored; the code itself is shown once to the counsellor who issued it.
    """

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="invitations")
    code_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"
