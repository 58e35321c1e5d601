"""The review screen (a document beside what was read) and the review queue across a counsellor's cases.

Both work without JavaScript: zoom and quarter turns are links, decisions are
buttons, and a refused review comes back with the error next to its field and
the focus on it. ``static/js/review.js`` adds keyboard shortcuts and turns and
zooms without reloading.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases import selectors
from cases.models import FamilyMember
from documents.models import Document
from documents.selectors import get_document_for

from .case_header import case_header
from .checklist import build_checklist, shown_warnings
from .forms_counsellor import DocumentReviewForm
from .review import ReviewError, accept_documents, review_document
from .review_screen import neighbours, reading_of, review_queue

ZOOMS = (50, 75, 100, 150, 200, 300)  # percent of the viewer's width
QUEUE = "queue"  # ?from=queue: step through the review queue rather than the case's documents


@login_required
@require_GET
def queue(request):
    if not request.user.works_on_cases:
        raise PermissionDenied(_("Only counsellors review documents."))
    documents = list(review_queue(request.user).select_related("case__sponsor").prefetch_related(
        Prefetch("members", queryset=FamilyMember.objects.only("id", "given_names", "surname"))))
    today = timezone.localdate()
    for document in documents:
        document.days_left = (document.case.deadline - today).days if document.case.deadline else None
    return render(request, "tracker/review_queue.html", {"documents": documents})


@login_required
@require_POST
def queue_accept(request):
    if not request.user.works_on_cases:
        raise PermissionDenied(_("Only counsellors review documents."))
    chosen = [value for value in request.POST.getlist("documents") if value.isdigit()]
    documents = review_queue(request.user).filter(pk__in=chosen).select_related("translation_of")
    if not chosen:
        messages.error(request, _("Select the documents to accept."))
    else:
        count = accept_documents(documents.prefetch_related("members"), actor=request.user, request=request)
        messages.success(request, _("Documents accepted: %(count)d.") % {"count": count})
    return redirect("tracker:review_queue")


@login_required
@require_http_methods(["GET", "POST"])
def review_screen(request, document_id: int):
    document = get_document_for(request.user, document_id)
    case = selectors.get_managed_case_for(request.user, document.case_id)
    in_queue = request.GET.get("from") == QUEUE
    order = _order(request.user, case, in_queue)
    previous_id, next_id = neighbours(order, document.pk)
    form = None
    if request.method == "POST":
        form = DocumentReviewForm(request.POST, document=document)
        if form.is_valid():
            try:
                review_document(document, form.review(), actor=request.user, request=request)
            except ReviewError as error:
                form.add_error(error.field, str(error))
            else:
                messages.success(request, _("%(name)s: your review was saved.") % {"name": document.original_name})
                decided = form.cleaned_data["review_status"] != Document.Review.PENDING
                target = next_id if decided and next_id else document.pk
                return redirect(_screen_url(target, in_queue))
    return render(request, "tracker/review_screen.html", _screen_context(request, document, case, form, in_queue,
                                                                          previous_id, next_id),
                  status=400 if form is not None else 200)


def _order(user, case, in_queue: bool) -> list[int]:
    if in_queue:
        return list(review_queue(user).values_list("pk", flat=True))
    return list(case.documents.filter(removed_at__isnull=True).order_by("created_at", "id")
                .values_list("pk", flat=True))


def _screen_url(document_id: int, in_queue: bool) -> str:
    url = reverse("tracker:review_screen", args=[document_id])
    return f"{url}?from={QUEUE}" if in_queue else url


def _view_settings(request) -> tuple[int, int]:
    zoom = request.GET.get("zoom", "")
    turn = request.GET.get("turn", "")
    return (int(zoom) if zoom.isdigit() and int(zoom) in ZOOMS else 100,
            int(turn) % 4 if turn.isdigit() else 0)


def _screen_context(request, document, case, form, in_queue, previous_id, next_id) -> dict:
    members = list(case.members.all())
    linked = list(document.members.all())
    others = list(case.documents.filter(removed_at__isnull=True).exclude(pk=document.pk)
                  .only("id", "case_id", "original_name", "kind").order_by("created_at"))
    checklist = build_checklist(case)
    zoom, turn = _view_settings(request)
    reading = reading_of(document, linked)
    base = _screen_url(document.pk, in_queue)
    joiner = "&" if in_queue else "?"
    errors = form.errors if form is not None else {}
    return {
        "case": case,
        "document": document,
        "header": case_header(case, checklist.evaluation),
        "reading": reading,
        # The rules' warnings about this document (expiry, the same person's details disagreeing...).
        "warnings": [w for w in shown_warnings(checklist.evaluation) if str(document.pk) in w.documents],
        # Where this document disagrees with others or with the sponsor's entry on a person, side by side.
        "disagreements": [row for row in checklist.disagreements if str(document.pk) in row.document_ids],
        "pages": range(1, reading.pages + 1),
        "members": members,
        "linked_ids": {m.pk for m in linked} if form is None else {int(v) for v in request.POST.getlist("members")
                                                                     if v.isdigit()},
        "others": others,
        "form": form,
        "values": _values(document, form),
        "errors": errors,
        "first_error": next(iter(errors), None),
        "kind_choices": Document.Kind.choices,
        "reason_choices": Document.RejectionReason.choices,
        "previous_url": _screen_url(previous_id, in_queue) if previous_id else None,
        "next_url": _screen_url(next_id, in_queue) if next_id else None,
        "in_queue": in_queue,
        "zoom": zoom, "turn": turn,
        "zoom_in": f"{base}{joiner}zoom={_step(zoom, 1)}&turn={turn}",
        "zoom_out": f"{base}{joiner}zoom={_step(zoom, -1)}&turn={turn}",
        "turn_left": f"{base}{joiner}zoom={zoom}&turn={(turn + 3) % 4}",
        "turn_right": f"{base}{joiner}zoom={zoom}&turn={(turn + 1) % 4}",
    }


def _step(zoom: int, direction: int) -> int:
    index = ZOOMS.index(zoom) + direction
    return ZOOMS[min(max(index, 0), len(ZOOMS) - 1)]


def _values(document, form) -> dict:
    """What the form's fields show: what was posted after a refusal, else the document's current review."""
    if form is not None:
        return {name: form.data.get(name, "") for name in ("rejection_reason", "review_reason", "kind",
                                                            "translation_of", "expiry_date", "about_sponsor")}
    return {"about_sponsor": document.about_sponsor,
            "rejection_reason": document.rejection_reason, "review_reason": document.review_reason,
            "kind": document.kind, "translation_of": str(document.translation_of_id or ""),
            "expiry_date": document.expiry_date.isoformat() if document.expiry_date else ""}
