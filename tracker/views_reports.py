"""Reports: coordinators see their organisation's, admins every organisation's or one's; tables as CSV."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts.models import Organisation
from config.validators import EARLIEST_DATE

from .charts import bar_chart
from .page_cache import cached_content
from .reports import Period, build_report

PRESETS = {"month": 30, "quarter": 91, "year": 365}


class ReportForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False, choices=[
        ("", _("Chosen dates")), ("month", _("Last 30 days")), ("quarter", _("Last 3 months")),
        ("year", _("Last 12 months"))])
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if user.is_superuser:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Organisation"), queryset=Organisation.objects.all(), required=False,
                empty_label=_("Every organisation"))

    def period_chosen(self) -> Period:
        """The dates asked for; a preset, or the last three months when nothing (valid) was asked."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("period") in PRESETS or not (data.get("start") or data.get("end")):
            return Period(today - timedelta(days=PRESETS.get(data.get("period"), PRESETS["quarter"])), today)
        start, end = data.get("start") or today - timedelta(days=PRESETS["quarter"]), data.get("end") or today
        # Days that have been: a typed year 9999 (or 0001) is cut to today (or 1900), not a date out of range.
        start, end = (min(max(day, EARLIEST_DATE), today) for day in (start, end))
        return Period(min(start, end), max(start, end))


def _scope(request) -> tuple[ReportForm, int | None, Callable[[], str]]:
    """The form, the organisation reported on (``None``: every one) and a function giving its name (a query a
    cached report does without)."""
    user = request.user
    if not (user.is_superuser or (user.is_coordinator and user.organisation_id)):
        raise PermissionDenied
    form = ReportForm(request.GET or None, user=user, initial={"period": "quarter"})
    if not user.is_superuser:
        return form, user.organisation_id, lambda: str(user.organisation)
    organisation = form.cleaned_data.get("organisation") if form.is_valid() else None
    return form, (organisation.pk if organisation else None), lambda: (str(organisation) if organisation else "")


@login_required
@require_GET
def reports(request):
    form, organisation_id, name = _scope(request)
    # The scope was checked above; the content comes from the page cache while nothing it counts has changed.
    content = cached_content(request, "reports", organisation_id, lambda: _reports_content(request, form,
                                                                                          organisation_id, name))
    return render(request, "tracker/reports.html", {"content": mark_safe(content)})  # noqa: S308 - our own HTML


def _reports_content(request, form: ReportForm, organisation_id: int | None, name: Callable[[], str]) -> str:
    report = build_report(organisation_id, form.period_chosen(), name())
    tables = report.tables
    charts = {
        "deadlines": bar_chart([(row[0], row[1]) for row in tables["deadlines"].rows], tables["deadlines"].title),
        "documents": bar_chart([(row[0], row[-1]) for row in tables["documents"].rows], tables["documents"].title),
        "rejections": bar_chart([(row[0], row[1]) for row in tables["rejections"].rows], tables["rejections"].title),
        "workload": bar_chart([(row[0], row[1]) for row in tables["workload"].rows], tables["workload"].title),
    }
    return render_to_string("tracker/_reports_content.html", {
        "form": form, "report": report, "charts": charts, "query": request.GET.urlencode(),
        "sections": [(tables[slug], charts.get(slug)) for slug in
                     ("deadlines", "missed", "completion", "documents", "rejections", "workload")],
    }, request=request)


@login_required
@require_GET
def report_csv(request, table: str):
    form, organisation_id, name = _scope(request)
    report = build_report(organisation_id, form.period_chosen(), name())
    if table not in report.tables:
        raise Http404("No such table.")
    chosen = report.tables[table]
    period = report.period
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="nareis-{table}-{period.start}-{period.end}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # the byte order mark: Excel then reads UTF-8, not "Ahmet YÄ±ldÄ±z"
    decimal_mark = formats.get_format("DECIMAL_SEPARATOR")  # of the interface's language
    writer = csv.writer(response, delimiter=list_separator(decimal_mark))
    writer.writerow(chosen.columns)
    for row in chosen.rows:
        writer.writerow(["" if value is None else _safe_cell(value, decimal_mark) for value in row])
    return response


def list_separator(decimal_mark: str) -> str:
    """Where the decimal mark is a comma (Dutch, Turkish), a spreadsheet's regional settings part a CSV's fields
    with a semicolon: Excel opens a comma-separated file in one column there."""
    return ";" if decimal_mark == "," else ","


def _safe_cell(value, decimal_mark: str = "."):
    """No spreadsheet formulas from data (a rejection reason starting with '='); decimals with the language's mark,
    as the spreadsheet of a reader of that language reads them (10,5 days in Dutch)."""
    if isinstance(value, float):
        return str(value).replace(".", decimal_mark)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not isinstance(value, int) else value
