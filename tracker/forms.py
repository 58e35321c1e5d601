from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from cases.models import FamilyMember
from cases.services import MEMBER_FIELDS
from config.validators import no_direction_controls, only_past_dates

class FamilyMemberForm(forms.ModelForm):
    """Adding a member, and (unbound to the member, see ``for_member``) changing one through the service."""

    class Meta:
        model = FamilyMember
        fields = list(MEMBER_FIELDS)
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, case=None, member: FamilyMember | None = None, for_staff: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not for_staff:  # the sponsor is the one who named them, or not: asked in their own words
            named = self.fields["mentioned_in_asylum_procedure"]
            named.label = _("I named this person when I applied for asylum")
            named.help_text = _("In your asylum application or interviews. The IND checks this.")
        for name in ("given_names", "surname"):
            if name in self.fields:
                self.fields[name].validators.append(no_direction_controls)
        only_past_dates(self, ["birth_date"])
        # The other parent is one of this case's members (never the member itself); no case: none to choose.
        others = case.members.all() if case is not None else FamilyMember.objects.none()
        self.fields["other_parent"].queryset = others.exclude(pk=member.pk) if member is not None else others
        self.fields["other_parent"].empty_label = _("Not in this family, or not known")
        for field in self.fields.values():  # the box stands before its words (nareis.css): no colon after them
            if isinstance(field, forms.BooleanField):
                field.label_suffix = ""
        for name in ("relation", "sex"):  # Django's blank choice reads "---------" to a sponsor
            if name in self.fields:
                self.fields[name].choices = [("", _("Choose one"))] + [c for c in self.fields[name].choices if c[0] != ""]

    def focus_first_error(self) -> None:
        """The first field refused takes the focus, so a phone scrolls the form open to it."""
        first = next((name for name in self.errors if name in self.fields), None)
        if first:
            self.fields[first].widget.attrs["autofocus"] = True

    @classmethod
    def for_member(cls, member: FamilyMember, data=None, *, for_staff: bool = True) -> "FamilyMemberForm":
        # Not bound to the instance: validating would change it before the service sees what changed.
        return cls(data, initial={field: getattr(member, field) for field in MEMBER_FIELDS}, case=member.case,
                   member=member, for_staff=for_staff)


def flash_form_errors(request, form: forms.BaseForm) -> None:
    """Show a form's errors as messages on the page it redirects back to."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))


RETURNED_FORMS = "returned_forms"  # the session key: forms a view sent back, by their name on the page


def return_with_errors(request, form: forms.BaseForm, name: str, refusal: Exception | None = None, *,
                       case_id: int | None = None) -> None:
    """Flash ``form``'s errors (and a service's ``refusal``, beside its ``field`` if it names one) and keep what
    was typed for the page the view redirects to, where ``returned_form`` shows the form ``name`` again, filled
    in, each error beside its field: the redirect alone lost it all (a counsellor's long explanation). Files
    are not kept. ``case_id``: the case whose page shows it again, and no other (another tab may open another)."""
    if refusal is not None:
        field = getattr(refusal, "field", None)
        form.add_error(field if field in form.fields else None, str(refusal))
    flash_form_errors(request, form)
    returned = request.session.get(RETURNED_FORMS, {})
    returned[_key(name, case_id)] = {
        "data": {key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"},
        "errors": {field: [str(error) for error in errors] for field, errors in form.errors.items()},
    }
    request.session[RETURNED_FORMS] = returned


def _key(name: str, case_id: int | None) -> str:
    return name if case_id is None else f"{name}@{case_id}"


def is_returned(request, name: str, *, case_id: int | None = None) -> bool:
    """Whether ``return_with_errors`` kept the form ``name`` for this page."""
    return _key(name, case_id) in (request.session.get(RETURNED_FORMS) or {})


def returned_form(request, name: str, make: Callable[[MultiValueDict], forms.BaseForm], *,
                  case_id: int | None = None) -> forms.BaseForm | None:
    """The form ``name`` as ``return_with_errors`` kept it, built by ``make(data)``, once; None if none was kept."""
    returned = request.session.get(RETURNED_FORMS)
    if not returned or _key(name, case_id) not in returned:
        return None
    kept = returned.pop(_key(name, case_id))
    request.session[RETURNED_FORMS] = returned
    form = make(MultiValueDict(kept["data"]))
    form.is_valid()
    for field, errors in kept["errors"].items():  # a service's refusal: the form alone finds nothing wrong
        if field not in form.errors and (field == NON_FIELD_ERRORS or field in form.fields):
            for error in errors:
                form.add_error(None if field == NON_FIELD_ERRORS else field, error)
    return form
