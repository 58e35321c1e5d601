"""Django's own messages that a sponsor can meet, so the project's catalogue has them.

Django ships translations for Dutch, Arabic and Farsi but none for Tigrinya;
these markers put the messages of its forms and password rules in
``locale/*/django.po``, where they are translated for every language.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

FORM_MESSAGES = [
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
]

PASSWORD_MESSAGES = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    # The user attributes that "too similar to the ..." names.
    gettext_noop("username"),
    gettext_noop("first name"),
    gettext_noop("last name"),
    gettext_noop("email address"),
]
