from django import forms
from django.contrib import messages

from .models import FamilyMember


class FamilyMemberForm(forms.ModelForm):
    class Meta:
        model = FamilyMember
        fields = [
            "relation", "given_names", "surname", "birth_date", "mentioned_in_asylum_procedure",
            "belongs_to_family", "other_parent_stays_behind", "married", "in_relationship",
        ]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"})}


def flash_form_errors(request, form: forms.BaseForm) -> None:
    """Show a form's errors as messages on the page it redirects back to."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
