from dataclasses import asdict, dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.conf import settings
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from audit.models import AuditEvent
from audit.services import record_event
from tracker import selectors as case_selectors
from tracker.selectors import can_manage_case

from . import selectors, services
from .downloads import download_name, signed_file_url
from .forms import DocumentLinksForm, UploadForm
from .intake import UploadRejected, receive_upload
from .messages import embedded_name
from .pages import receive_pages


@login_required
@require_POST
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
    for batch in batches:
        name = batch[0].name if len(batch) == 1 else f"{batch[0].name} (+{len(batch) - 1})"
        try:
            if len(batch) == 1:
                received = receive_upload(case=case, uploaded=batch[0], user=request.user, request=request)
            else:
                received = receive_pages(case=case, uploads=batch, user=request.user, request=request)
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
    document = selectors.get_document_for(request.user, document_id)
    as_attachment = request.GET.get("download") == "1"
    record_event(actor=request.user, action=AuditEvent.Action.DOWNLOAD if as_attachment else AuditEvent.Action.VIEW,
                 target=document, case_id=document.case_id, request=request)
    if settings.STORAGE_BACKEND == "s3":
        return redirect(signed_file_url(document, as_attachment=as_attachment))
    try:
        stored = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("The file is no longer stored.") from None
    response = FileResponse(
        stored,
        content_type=document.content_type,
        as_attachment=as_attachment,
        filename=download_name(document),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_POST
def document_links(request, document_id: int):
    document = selectors.get_document_for(request.user, document_id)
    form = DocumentLinksForm(request.POST, case=document.case)
    if form.is_valid():
        services.relink_document(
            document, form.cleaned_data["members"], actor=request.user,
            may_review=can_manage_case(request.user, document.case), request=request,
        )
        messages.success(request, _("The links of %(name)s were saved.") % {"name": embedded_name(document.original_name)})
    else:
        messages.error(request, _("Choose family members of this case."))
    return redirect("tracker:case_detail", case_id=document.case_id)


@login_required
@require_POST
def document_delete(request, document_id: int):
    document = selectors.get_document_for(request.user, document_id)
    case_id, name = document.case_id, document.original_name
    services.delete_document_for(document, actor=request.user, request=request)
    messages.success(request, _("%(name)s was deleted.") % {"name": embedded_name(name)})
    return redirect("tracker:case_detail", case_id=case_id)
