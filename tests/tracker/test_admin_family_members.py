"""In the admin, a case's family-member rows set what a counsellor's form sets: sex and the other parent, chosen among
the case's own members."""

from __future__ import annotations

import pytest
from django.forms.widgets import SplitDateTimeWidget
from django.urls import reverse

from tests.factories import CaseFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def as_posted(response) -> dict:
    """The case's change page posted back as shown: the case's fields and each inline row's."""
    forms = [response.context["adminform"].form]
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update({f"{formset.prefix}-{name}": value
                     for name, value in formset.management_form.initial.items()})
        forms.extend(formset.forms)
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if isinstance(bound.field.widget, SplitDateTimeWidget):
                data[f"{bound.html_name}_0"], data[f"{bound.html_name}_1"] = f"{value:%Y-%m-%d}", f"{value:%H:%M:%S}"
            elif isinstance(value, (list, tuple)):
                data[bound.html_name] = [str(item) for item in value]
            else:
                data[bound.html_name] = "on" if value is True else str(value)
    return data


def test_a_childs_row_sets_sex_and_the_other_parent_among_the_cases_members(admin_client):
    case = CaseFactory()
    mother = FamilyMemberFactory(case=case, relation="spouse", given_names="Amal")
    child = FamilyMemberFactory(case=case, relation="child", given_names="Yonas")
    stranger = FamilyMemberFactory(case=CaseFactory(), relation="spouse", given_names="Stranger")
    url = reverse("admin:cases_case_change", args=[case.pk])

    page = admin_client.get(url)
    rows = {form.instance.pk: form for form in page.context["inline_admin_formsets"][0].formset.forms}
    offered = set(rows[child.pk].fields["other_parent"].queryset)
    assert offered == {mother}  # not the child itself, not a member of another case
    assert "sex" in rows[child.pk].fields
    explanations = next(inline.formset for inline in page.context["inline_admin_formsets"]
                        if inline.formset.model.__name__ == "Explanation")
    assert set(explanations.empty_form.fields["member"].queryset) == {mother, child}  # a new row, the same case

    data = as_posted(page)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    row = next(index for index, form in enumerate(page.context["inline_admin_formsets"][0].formset.forms)
               if form.instance.pk == child.pk)
    data.update({f"{prefix}-{row}-sex": "M", f"{prefix}-{row}-other_parent": str(mother.pk)})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    child.refresh_from_db()
    assert (child.sex, child.other_parent) == ("M", mother)

    data[f"{prefix}-{row}-other_parent"] = str(stranger.pk)
    response = admin_client.post(url, data)
    assert response.status_code == 200  # refused, with the row's error
    child.refresh_from_db()
    assert child.other_parent == mother
