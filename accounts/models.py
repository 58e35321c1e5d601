from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A sponsor, a counsellor or an admin (``is_staff``)."""

    class Role(models.TextChoices):
        SPONSOR = "sponsor", _("Sponsor")
        COUNSELLOR = "counsellor", _("Counsellor")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SPONSOR)

    @property
    def is_counsellor(self) -> bool:
        return self.role == self.Role.COUNSELLOR

    @property
    def is_admin(self) -> bool:
        return self.is_active and self.is_superuser

    def __str__(self) -> str:
        return self.get_full_name() or self.username
