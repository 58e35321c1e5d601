"""Choice fields for lists of counsellors shown on every dashboard view: fetched once, written out in Python.

Django renders each checkbox through three templates and reads a ``ModelChoiceField``'s choices with a
server-side cursor (three round trips on PostgreSQL) every time they are listed; for an organisation's forty
counsellors that cost more than the dashboard's rows. These give the same markup and the same choices.
"""

from __future__ import annotations

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.html import format_html, format_html_join


class ListedChoices(ModelChoiceIterator):
    """The queryset read once, into its own cache, however often the choices are listed; or the objects given
    to the field as ``listed`` (read once for several fields), which must be those of its queryset."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        listed = getattr(self.field, "listed", None)
        for obj in self.queryset if listed is None else listed:
            yield self.choice(obj)


class ListedModelChoiceField(forms.ModelChoiceField):
    iterator = ListedChoices


class ListedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = ListedChoices


class Checkboxes(forms.CheckboxSelectMultiple):
    """Django's ``CheckboxSelectMultiple`` markup (no option groups), written without a template per option."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        options = [option for _group, group_options, _index in context["optgroups"] for option in group_options]
        rows = format_html_join("", '<div>\n    <label{}><input type="{}" name="{}" value="{}"{}> {}</label></div>', (
            (format_html(' for="{}"', option["attrs"]["id"]) if option["attrs"].get("id") else "",
             option["type"], option["name"], option["value"], _attributes(option["attrs"]), option["label"])
            for option in options))
        element_id = context["attrs"].get("id")
        css_class = context["attrs"].get("class")
        return format_html("<div{}{}>{}\n</div>", format_html(' id="{}"', element_id) if element_id else "",
                           format_html(' class="{}"', css_class) if css_class else "", rows)


def _attributes(attrs: dict) -> str:
    return format_html_join("", "{}", (
        (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
        for name, value in attrs.items() if value is not False))


class Selection(forms.Select):
    """Django's ``Select`` markup (no option groups), written without a template per option: the dashboard's
    filter lists every counsellor of the organisation on every view."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        options = format_html_join("", '\n  <option value="{}"{}>{}</option>', (
            (option["value"], _attributes(option["attrs"]), option["label"])
            for _group, group_options, _index in context["optgroups"] for option in group_options))
        return format_html('<select name="{}"{}>{}\n</select>', context["name"], _attributes(context["attrs"]),
                           options)
