from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The shared core below ``documents`` and ``tracker``: cases, family members and who may see them."""

    name = "cases"
    verbose_name = "cases"
