from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """The shared core below ``documents`` and ``tracker``: cases, family members and who may see them."""

    name = "cases"
    verbose_name = _("Cases")  # the admin's heading and breadcrumbs
