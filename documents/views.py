from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tracker import selectors as case_selectors

from . import selectors, services
from .forms import DocumentLinksForm, UploadForm
from .intake import UploadRejected, receive_upload


@login_required
@require_POST
def upload(request, case_id: int):
    case = case_selectors.get_case_for(request.user, case_id)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("files", []) or [_("The upload was incomplete. Please try again.")]:
            messages.error(request, error)
        return redirect("tracker:case_detail", case_id=case.pk)
    for uploaded in form.cleaned_data["files"]:
        try:
            received = receive_upload(case=case, uploaded=uploaded, user=request.user)
        except UploadRejected as rejection:
            messages.error(request, str(rejection))
            continue
        if received.duplicate_of:
            messages.info(
                request,
                _("%(name)s was uploaded before (as %(original)s); it was not added again.")
                % {"name": uploaded.name, "original": received.duplicate_of.original_name},
            )
        else:
            messages.success(request, _("%(name)s was received and is being read.") % {"name": uploaded.name})
    return redirect("tracker:case_detail", case_id=case.pk)


@login_required
@require_GET
def document_file(request, document_id: int):
    document = selectors.get_document_for(request.user, document_id)
    try:
        stored = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("The file is no longer stored.") from None
    response = FileResponse(
        stored,
        content_type=document.content_type,
        as_attachment=request.GET.get("download") == "1",
        filename=document.original_name,
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
        services.set_document_members(document, form.cleaned_data["members"])
        messages.success(request, _("The links of %(name)s were saved.") % {"name": document.original_name})
    else:
        messages.error(request, _("Choose family members of this case."))
    return redirect("tracker:case_detail", case_id=document.case_id)


@login_required
@require_POST
def document_delete(request, document_id: int):
    document = selectors.get_document_for(request.user, document_id)
    case_id, name = document.case_id, document.original_name
    services.delete_document(document)
    messages.success(request, _("%(name)s was deleted.") % {"name": name})
    return redirect("tracker:case_detail", case_id=case_id)
