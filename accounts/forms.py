from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from cases.models import Case
from config.validators import no_direction_controls

from .models import Organisation
from .invitations import InvitationInvalid, find_open_invitation


class DateInput(forms.DateInput):
    input_type = "date"


class SponsorCaseForm(forms.Form):
    first_name = forms.CharField(label=_("Sponsor's given names"), max_length=150, validators=[no_direction_controls])
    last_name = forms.CharField(label=_("Sponsor's surname"), max_length=150, validators=[no_direction_controls])
    birth_date = forms.DateField(label=_("Sponsor's date of birth"), required=False, widget=DateInput)
    v_number = forms.CharField(label=_("V-number"), max_length=20, required=False)
    decision_date = forms.DateField(
        label=_("Date on the asylum decision"), required=False, widget=DateInput,
        help_text=_("The nareis deadline is three months after this date."),
    )
    permit_type = forms.ChoiceField(label=_("Permit type"), choices=Case.PermitType.choices,
                                    initial=Case.PermitType.REFUGEE)
    language = forms.ChoiceField(
        label=_("Sponsor's language"), required=False, choices=[("", _("Not known")), *settings.LANGUAGES],
        help_text=_("Pages, messages and the printed invitation are in this language. The sponsor can change it."),
    )
    phone = forms.CharField(label=_("Sponsor's mobile number"), required=False, max_length=30,
                            help_text=_("For text messages (SMS) about the case, in international form: +31612345678."),
                            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off", "dir": "ltr"}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_superuser and user.organisation_id is None:  # an admin: the case's organisation is chosen
            self.fields["organisation"] = forms.ModelChoiceField(label=_("Organisation"),
                                                                 queryset=Organisation.objects.all())


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
