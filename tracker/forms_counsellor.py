"""Forms of the counsellor's workspace: thin, the rules live in ``review`` and ``correspondence``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cases.models import Case
from config.validators import only_past_dates, v_number
from documents.models import Document

from .assignment import assignable_counsellors
from .dashboard import DashboardFilters, DeadlineFilter, NeedsFilter
from .form_widgets import Checkboxes, ListedModelChoiceField, ListedModelMultipleChoiceField, Selection
from .labels import requirement_choices
from .models import Explanation, IndLetter
from .review import CASE_FACT_FIELDS, UNCHANGED, DocumentReview

DEADLINE_FILTER_CHOICES = [
    ("", _("Any deadline")),
    (DeadlineFilter.DUE_SOON, _("Due within a month")),
    (DeadlineFilter.OPEN, _("More than a month left")),
    (DeadlineFilter.PASSED, _("Passed")),
    (DeadlineFilter.UNKNOWN, _("Decision date unknown")),
    (DeadlineFilter.FILED, _("Application filed")),
]
NEEDS_FILTER_CHOICES = [
    ("", _("Anything")),
    (NeedsFilter.MISSING, _("Evidence missing")),
    (NeedsFilter.REVIEW, _("Documents to review")),
    (NeedsFilter.IND, _("Open IND questions")),
    (NeedsFilter.PROPOSED_DATE, _("Decision date to confirm")),
]


def counsellors_to_filter_by(user):
    """Every counsellor of the coordinator's organisation (every organisation's for an admin), deactivated ones
    too: the cases they followed can still be found."""
    counsellors = User.objects.filter(role=User.Role.COUNSELLOR, is_superuser=False)  # admins are no counsellors
    if not user.is_superuser:
        counsellors = counsellors.filter(organisation_id=user.organisation_id)
    return counsellors.order_by("first_name", "last_name", "username")


QUERY_LENGTH = 100


class DashboardFilterForm(forms.Form):
    # No max_length: a longer search is cut to QUERY_LENGTH, not refused (a refused form showed every case).
    q = forms.CharField(label=_("Name or V-number"), required=False,
                        widget=forms.TextInput(attrs={"maxlength": QUERY_LENGTH}))
    deadline = forms.ChoiceField(label=_("Deadline"), choices=DEADLINE_FILTER_CHOICES, required=False,
                                 widget=Selection)
    needs = forms.ChoiceField(label=_("Needs"), choices=NEEDS_FILTER_CHOICES, required=False, widget=Selection)

    def __init__(self, *args, user=None, counsellors: list[User] | None = None, **kwargs):
        """``counsellors``: ``counsellors_to_filter_by(user)``, read already (the assigning form lists them too)."""
        super().__init__(*args, **kwargs)
        if user is not None and (user.is_superuser or user.is_coordinator):
            self.fields["counsellor"] = ListedModelChoiceField(
                label=_("Counsellor"), required=False, empty_label=_("Every counsellor"),
                queryset=counsellors_to_filter_by(user), widget=Selection,
            )
            self.fields["counsellor"].listed = counsellors

    def filters(self) -> DashboardFilters:
        """The filters asked for; a filter that is not valid is ignored rather than refused, and the others hold."""
        data = {}
        if self.is_bound:
            self.is_valid()  # cleaned_data keeps every field that is valid
            data = self.cleaned_data
        counsellor = data.get("counsellor")
        return DashboardFilters(query=data.get("q", "").strip()[:QUERY_LENGTH], deadline=data.get("deadline", ""),
                                needs=data.get("needs", ""), counsellor_id=counsellor.pk if counsellor else None)


class DocumentReviewForm(forms.Form):
    review_status = forms.ChoiceField(label=_("Review"), choices=Document.Review.choices)
    rejection_reason = forms.ChoiceField(label=_("Reason for rejecting (the sponsor reads it in their language)"),
                                         choices=[("", _("Choose a reason")), *Document.RejectionReason.choices],
                                         required=False)
    review_reason = forms.CharField(label=_("Your own note to the sponsor (optional)"), required=False,
                                    max_length=2000, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}))
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("Not known")), *Document.Kind.choices], required=False)
    about_sponsor = forms.BooleanField(label=_("The sponsor"), required=False)
    members = forms.ModelMultipleChoiceField(label=_("About whom"), queryset=None, required=False)
    translation_of = forms.ModelChoiceField(label=_("Translation of"), queryset=None, required=False)
    # Only where the page offers it (passports and ID cards): a form without it leaves the date as it is.
    expiry_date = forms.DateField(label=_("Valid until"), required=False,
                                  widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, document: Document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = document.case.members.all()
        self.fields["translation_of"].queryset = document.case.documents.filter(removed_at__isnull=True).exclude(
            pk=document.pk)

    def review(self) -> DocumentReview:
        data = self.cleaned_data
        expiry = data["expiry_date"] if "expiry_date" in self.data else UNCHANGED
        return DocumentReview(review_status=data["review_status"], review_reason=data["review_reason"],
                              kind=data["kind"], members=list(data["members"]),
                              translation_of=data["translation_of"], rejection_reason=data["rejection_reason"],
                              expiry_date=expiry, about_sponsor=data["about_sponsor"])


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note (only staff see it)"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}))
    due_on = forms.DateField(label=_("Due on (makes it a task)"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    assignee = forms.ModelChoiceField(label=_("For"), queryset=None, required=False, empty_label=_("Anyone"))

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case.counsellors.all()


class ExplanationForm(forms.Form):
    member = forms.ModelChoiceField(label=_("For"), queryset=None, required=False, empty_label=_("The sponsor"))
    requirement = forms.ChoiceField(label=_("Requirement"), choices=requirement_choices)
    document_sought = forms.CharField(label=_("Which document"), max_length=300,
                                      help_text=_("For example: birth certificate of Selam, issued in Asmara"))
    text = forms.CharField(label=_("Why it cannot be had"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("The country's practice or the person's circumstances"))
    attempts = forms.CharField(label=_("What was tried"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))
    other_evidence = forms.CharField(label=_("What other evidence exists"), max_length=4000,
                                     widget=forms.Textarea(attrs={"rows": 2}))
    remedy = forms.ChoiceField(label=_("Your proposal to the IND"), choices=Explanation.Remedy.choices,
                               required=False)

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = case.members.all()


class CaseFactsForm(forms.Form):
    """The case's own facts. A plain form: a ModelForm would change the case before the service sees the difference."""

    def __init__(self, *args, case: Case, **kwargs):
        kwargs.setdefault("initial", {field: getattr(case, field) for field in CASE_FACT_FIELDS})
        super().__init__(*args, **kwargs)
        date_input = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        text = forms.Textarea(attrs={"rows": 2})
        self.fields.update(forms.fields_for_model(Case, fields=CASE_FACT_FIELDS, widgets={
            "sponsor_birth_date": date_input, "permit_decision_date": date_input, "application_filed_on": date_input,
            "planned_filing_on": date_input, "sponsor_asylum_application_date": date_input,
            "policy_override_reason": text, "late_reason": text,
        }))
        only_past_dates(self, ["sponsor_birth_date", "permit_decision_date", "application_filed_on",
                               "sponsor_asylum_application_date"])

    def clean_v_number(self) -> str:
        return v_number(self.cleaned_data.get("v_number", ""))


class IndLetterForm(forms.ModelForm):
    scan = forms.FileField(label=_("Scan or photo of the letter (optional)"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}))

    class Meta:
        model = IndLetter
        fields = ["kind", "received_on", "response_due", "subject", "notes"]
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "response_due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        only_past_dates(self, ["received_on"])


class IndLetterScanForm(forms.Form):
    scan = forms.FileField(label=_("Scan or photo of the letter"),
                           widget=forms.ClearableFileInput(attrs={"accept": "image/*,application/pdf"}))


class AssignCounsellorsForm(forms.Form):
    """The counsellors to follow one case (they replace its current ones) or several (added, or replacing)."""

    counsellors = ListedModelMultipleChoiceField(label=_("Counsellors"), queryset=None, widget=Checkboxes)
    replace = forms.BooleanField(label=_("Remove the counsellors the cases have now"), required=False)
    cases = forms.ModelMultipleChoiceField(label=_("Cases"), queryset=None, required=False)

    def __init__(self, *args, organisation_id: int | None, cases=None, listed: list[User] | None = None, **kwargs):
        """``listed``: ``assignable_counsellors(organisation_id)``, read already."""
        super().__init__(*args, **kwargs)
        self.fields["counsellors"].queryset = assignable_counsellors(organisation_id)
        self.fields["counsellors"].listed = listed
        self.fields["counsellors"].error_messages["required"] = _("Choose one or more counsellors.")
        if cases is None:
            del self.fields["cases"]
        else:
            self.fields["cases"].queryset = cases
            self.fields["cases"].required = True
            self.fields["cases"].error_messages["required"] = _("Choose one or more cases first.")
