"""A counsellor opens a case for a new sponsor: the form (the work is ``enrolment.enrol_sponsor``)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from config.validators import no_direction_controls, only_past_dates, v_number

from .models import Case


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
        only_past_dates(self, ["birth_date", "decision_date"])
        if user is not None and user.is_superuser and user.organisation_id is None:  # an admin: the case's organisation is chosen
            self.fields["organisation"] = forms.ModelChoiceField(label=_("Organisation"),
                                                                 queryset=Organisation.objects.all())

    def clean_v_number(self) -> str:
        return v_number(self.cleaned_data.get("v_number", ""))
