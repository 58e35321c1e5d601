from django import forms

from .models import FamilyMember


class FamilyMemberForm(forms.ModelForm):
    class Meta:
        model = FamilyMember
        fields = [
            "relation", "given_names", "surname", "birth_date", "mentioned_in_asylum_procedure",
            "belongs_to_family", "other_parent_stays_behind", "married", "in_relationship",
        ]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"})}
