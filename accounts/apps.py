from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the deploy check)
        from . import lookups  # noqa: F401  (id__in with a number out of range matches nothing)
        from .language_choice import remember_language_on_login

        user_logged_in.connect(remember_language_on_login, dispatch_uid="accounts.remember_language_on_login")
