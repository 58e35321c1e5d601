from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from .invitations import InvitationInvalid, find_open_invitation


class InvitationAcceptForm(forms.Form):
    """The sponsor's code and new password, checked together so the password rules know who it is for."""

    code = forms.CharField(
        label=_("Code from your counsellor"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "characters",
                                      "spellcheck": "false", "dir": "ltr"}),
    )
    password1 = forms.CharField(
        label=_("New password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "dir": "ltr"}),
        help_text=_("At least 8 characters. Not only numbers."),
    )
    password2 = forms.CharField(
        label=_("The same password again"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "dir": "ltr"}),
    )

    error_messages = {
        "invalid_code": _("This code does not work. It may be used already or too old. Ask your counsellor for a new code."),
        "password_mismatch": _("The two passwords are not the same."),
    }

    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            self.invitation = find_open_invitation(code)
        except InvitationInvalid:
            raise forms.ValidationError(self.error_messages["invalid_code"], code="invalid_code") from None
        return code

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", forms.ValidationError(self.error_messages["password_mismatch"],
                                                              code="password_mismatch"))
        invitation = getattr(self, "invitation", None)
        if password1 and invitation is not None:
            try:
                password_validation.validate_password(password1, invitation.user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
