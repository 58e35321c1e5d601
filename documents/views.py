import functools
from dataclasses import asdict, dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from audit.models import AuditEvent
from audit.services import record_event
from cases import selectors as case_selectors
from cases.selectors import can_manage_case

from . import selectors, services
from .assignment import assign_document, confirm_proposal, dismiss_proposal, proposals_for
from .bin import AlreadyInCase, RemovalRefused, ask_for_removal, binned_documents_of, emptied_on, may_remove, remove_document, restore_document
from .downloads import download_name, private, stored_file_response
from .forms import DocumentLinksForm, RetakeForm, UploadForm
from .intake import PixelBudget, UploadRejected, receive_upload
from .messages import embedded_name
from .pages import receive_pages
from .pipeline.types import PipelineError
from .retake import replaced_by, retake_document
from .rendering import CONTENT_TYPE as RENDERED_TYPE
from .rendering import PageNotFound, render_page


def sent_by_this_account(view):
    """A photo kept on a phone is sent with the account that chose it (``X-Nareis-Account``): if another account
    has logged in on that browser since (another tab), it is refused (409) and the page discards it."""
    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        sender = request.headers.get("X-Nareis-Account")
        if sender and sender != str(request.user.pk):
            return JsonResponse({"files": [], "other_account": True}, status=409)
        return view(request, *args, **kwargs)
    return checked


@login_required
@require_POST
@sent_by_this_account
def upload(request, case_id: int):
    """The plain form posts many files and gets the page back; the page's script posts one file at a time
    (or the pages of one document together) with ``Accept: application/json`` and gets the outcome as JSON."""
    case = case_selectors.get_case_for(request.user, case_id)
    form = UploadForm(request.POST, request.FILES)
    outcomes: list[UploadOutcome] = []
    if not form.is_valid():
        for error in form.errors.get("files", []) or [_("The upload was incomplete. Please try again.")]:
            outcomes.append(UploadOutcome("", "rejected", str(error)))
        return _upload_response(request, case, outcomes, status=400)
    files = form.cleaned_data["files"]
    # Ticked "pages of one document": the photos are stored together; else each file is a document.
    batches = [files] if form.cleaned_data["one_document"] and len(files) > 1 else [[file] for file in files]
    budget = PixelBudget()  # the decoded pixels of the whole request
    for batch in batches:
        name = batch[0].name if len(batch) == 1 else f"{batch[0].name} (+{len(batch) - 1})"
        try:
            if len(batch) == 1:
                received = receive_upload(case=case, uploaded=batch[0], user=request.user, request=request,
                                          budget=budget)
            else:
                received = receive_pages(case=case, uploads=batch, user=request.user, request=request, budget=budget)
        except UploadRejected as rejection:
            outcomes.append(UploadOutcome(name, "rejected", str(rejection)))
            continue
        if received.duplicate_of:
            message = _("%(name)s was uploaded before (as %(original)s); it was not added again.") % {
                "name": embedded_name(name), "original": embedded_name(received.duplicate_of.original_name)}
            outcomes.append(UploadOutcome(name, "duplicate", message, received.document.pk))
        else:
            message = _("%(name)s was received and is being read.") % {"name": embedded_name(name)}
            outcomes.append(UploadOutcome(name, "received", message, received.document.pk))
    rejected_only = all(outcome.outcome == "rejected" for outcome in outcomes)
    return _upload_response(request, case, outcomes, status=422 if rejected_only else 200)


@dataclass(frozen=True)
class UploadOutcome:
    name: str
    outcome: str  # "received", "duplicate" or "rejected"
    message: str
    document_id: int | None = None


def _upload_response(request, case, outcomes: list[UploadOutcome], *, status: int):
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"files": [asdict(outcome) for outcome in outcomes]}, status=status)
    level = {"received": messages.SUCCESS, "duplicate": messages.INFO, "rejected": messages.ERROR}
    for outcome in outcomes:
        messages.add_message(request, level[outcome.outcome], outcome.message)
    return redirect("tracker:case_detail", case_id=case.pk)


@login_required
@require_GET
def document_file(request, document_id: int):
    """The stored file; with ``?page=N`` (and ``&turn=1..3`` quarter turns) one page of it as a picture,
    which the review screen shows."""
    document = selectors.get_document_for(request.user, document_id)
    as_attachment = request.GET.get("download") == "1"
    page = _whole_number(request.GET.get("page"))
    if not page or page == 1:
        # The pages of a document on the review screen are one viewing, recorded for the first page.
        record_event(actor=request.user, action=AuditEvent.Action.DOWNLOAD if as_attachment else AuditEvent.Action.VIEW,
                     target=document, case_id=document.case_id, request=request)
    if page:
        return _page_response(document, page, _whole_number(request.GET.get("turn")) or 0)
    return stored_file_response(document.file, document.content_type, download_name(document),
                                as_attachment=as_attachment)


def _whole_number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 4 else None


def _page_response(document, page: int, quarter_turns: int):
    try:
        picture = render_page(document, page, quarter_turns)
    except (FileNotFoundError, OSError, PageNotFound, PipelineError):
        raise Http404("No such page.") from None
    return private(HttpResponse(picture, content_type=RENDERED_TYPE))


@login_required
@require_POST
def document_links(request, document_id: int):
    document = selectors.get_document_for(request.user, document_id)
    form = DocumentLinksForm(request.POST, case=document.case)
    if form.is_valid():
        services.relink_document(
            document, form.cleaned_data["members"], actor=request.user, about_sponsor=form.cleaned_data["about_sponsor"],
            may_review=can_manage_case(request.user, document.case), request=request,
        )
        messages.success(request, _("The links of %(name)s were saved.") % {"name": embedded_name(document.original_name)})
    else:
        messages.error(request, _("Choose family members of this case."))
    return redirect("tracker:case_detail", case_id=document.case_id)


def _documents_section(case_id: int):
    return redirect(reverse("tracker:case_detail", args=[case_id]) + "#documents")


@login_required
@require_http_methods(["GET", "POST"])
def document_remove(request, document_id: int):
    """Asks first (a page of its own, so it works without JavaScript), then moves the document to the bin."""
    document = selectors.get_document_for(request.user, document_id)
    may_review = can_manage_case(request.user, document.case)
    if request.method == "GET":
        return render(request, "documents/remove.html", {
            "document": document, "case": document.case, "may_remove": may_remove(document, may_review=may_review),
            "bin_days": settings.DOCUMENT_BIN_DAYS})
    try:
        remove_document(document, actor=request.user, may_review=may_review, request=request)
    except RemovalRefused as refusal:
        messages.error(request, str(refusal))
    else:
        days = settings.DOCUMENT_BIN_DAYS
        messages.success(request, ngettext("%(name)s is in the bin. You can put it back for %(days)s day.",
                                           "%(name)s is in the bin. You can put it back for %(days)s days.", days)
                         % {"name": embedded_name(document.original_name), "days": days})
    return _documents_section(document.case_id)


@login_required
@require_POST
@sent_by_this_account
def document_retake(request, document_id: int):
    """A new photo in place of one the worker advised to take again; the old one goes to the bin.

    The page's script sends it like an upload (``Accept: application/json``, kept on the phone until answered); a
    photo sent again after a lost answer finds the document already replaced by it, and is told so."""
    document = selectors.get_document_for(request.user, document_id)
    outcome = _retake(request, document, RetakeForm(request.POST, request.FILES))
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"files": [asdict(outcome)]}, status=422 if outcome.outcome == "rejected" else 200)
    level = {"received": messages.SUCCESS, "duplicate": messages.INFO, "rejected": messages.ERROR}
    messages.add_message(request, level[outcome.outcome], outcome.message)
    return _documents_section(document.case_id)


def _retake(request, document, form: RetakeForm) -> UploadOutcome:
    uploaded = form.cleaned_data["file"] if form.is_valid() else None
    name = uploaded.name if uploaded else ""
    received_message = _("The new photo was received and is being read. The old one is now under removed documents.")
    if document.removed_at is not None:
        replacement = replaced_by(document, uploaded) if uploaded else None
        if replacement is not None:  # this photo replaced it already: an answer lost on the way, sent again
            return UploadOutcome(name, "received", received_message, replacement.pk)
        return UploadOutcome(name, "rejected", _("This document can no longer be replaced."))
    if not may_remove(document, may_review=can_manage_case(request.user, document.case)):
        return UploadOutcome(name, "rejected", _("This document can no longer be replaced."))
    if uploaded is None:
        return UploadOutcome(name, "rejected", _("Choose the new photo first."))
    try:
        received = retake_document(document, uploaded, user=request.user, request=request)
    except UploadRejected as rejection:
        return UploadOutcome(name, "rejected", str(rejection))
    if received.duplicate_of:
        return UploadOutcome(name, "duplicate", _("This is the same photo as before. Please take a new one."),
                             received.document.pk)
    return UploadOutcome(name, "received", received_message, received.document.pk)


@login_required
@require_POST
def document_restore(request, document_id: int):
    """Undo a removal: the sponsor (their own case) or a counsellor puts the document back."""
    document = selectors.get_document_for(request.user, document_id)
    try:
        restore_document(document, actor=request.user, request=request)
    except AlreadyInCase as already:
        messages.info(request, str(already))
    else:
        messages.success(request, _("%(name)s is back.") % {"name": embedded_name(document.original_name)})
    return _documents_section(document.case_id)


@login_required
@require_POST
def document_ask_removal(request, document_id: int):
    """An accepted document: the sponsor asks the counsellor to remove it."""
    document = selectors.get_document_for(request.user, document_id)
    ask_for_removal(document, actor=request.user, request=request)
    messages.success(request, _("Your counsellor was asked to remove %(name)s.") % {
        "name": embedded_name(document.original_name)})
    return _documents_section(document.case_id)


@login_required
@require_GET
def case_bin(request, case_id: int):
    """What was removed from a case, by whom and when, until the bin empties itself; with a way back."""
    case = case_selectors.get_case_for(request.user, case_id)
    binned = [(document, emptied_on(document)) for document in binned_documents_of(case)]
    requested = case.documents.filter(removal_requested_at__isnull=False, removed_at__isnull=True)
    return render(request, "documents/bin.html", {
        "case": case, "binned": binned, "requested": requested, "bin_days": settings.DOCUMENT_BIN_DAYS})


@login_required
@require_POST
def document_assign(request, document_id: int):
    """One tap on a not-yet-assigned document: a family member's name, or "this is about me"."""
    document = selectors.get_document_for(request.user, document_id)
    member = None
    if request.POST.get("member"):
        member = document.case.members.filter(pk=request.POST["member"]).first() if request.POST["member"].isdigit() else None
        if member is None:
            messages.error(request, _("Choose family members of this case."))
            return _documents_section(document.case_id)
    about_sponsor = request.POST.get("about_sponsor") == "1"
    if member is None and not about_sponsor:
        messages.error(request, _("Choose whom this document is about."))
        return _documents_section(document.case_id)
    assign_document(document, member=member, about_sponsor=about_sponsor, actor=request.user,
                    may_review=can_manage_case(request.user, document.case), request=request)
    if member is not None:
        message = _("%(document)s is now linked to %(who)s.") % {
            "document": embedded_name(document.original_name), "who": member.full_name}
    else:
        message = _("%(document)s is now marked as your own document.") % {
            "document": embedded_name(document.original_name)}
    messages.success(request, message)
    return _documents_section(document.case_id)


@login_required
@require_POST
def document_proposal(request, document_id: int, member_id: int):
    """The sponsor answers a proposed link: yes (and perhaps take the document's birth date), or not this person."""
    document = selectors.get_document_for(request.user, document_id)
    member = get_object_or_404(document.case.members, pk=member_id)
    proposal = next((p for p in proposals_for(document, list(document.case.members.all())) if p.member == member), None)
    answer = request.POST.get("answer")
    if answer == "dismiss":
        dismiss_proposal(document, member, actor=request.user, request=request)
        messages.info(request, _("Understood: %(document)s is not about %(name)s.") % {
            "document": embedded_name(document.original_name), "name": member.full_name})
    elif answer in ("link", "correct") and proposal is not None:
        use_date = answer == "correct" and proposal.dates_differ
        confirm_proposal(document, member, birth_date=proposal.link.birth_date_on_document if use_date else None,
                         actor=request.user, may_review=can_manage_case(request.user, document.case), request=request)
        message = (_("%(document)s is now linked to %(who)s, and the date of birth was corrected.") if use_date
                   else _("%(document)s is now linked to %(who)s."))
        messages.success(request, message % {"document": embedded_name(document.original_name), "who": member.full_name})
    else:
        messages.error(request, _("This proposal is no longer open. Check the document's links below."))
    return _documents_section(document.case_id)
