from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cases.models import FamilyMember

from .pipeline import photo_size


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,application/pdf", "capture": "environment"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        files = [f for f in files if f]
        if not files:
            raise forms.ValidationError(_("Choose at least one photo or PDF."), code="required")
        if len(files) > settings.DOCUMENT_MAX_FILES_PER_UPLOAD:
            raise forms.ValidationError(
                _("Upload at most %(count)d files at a time.") % {"count": settings.DOCUMENT_MAX_FILES_PER_UPLOAD}
            )
        return files


class UploadForm(forms.Form):
    """Type and size are checked per file by ``intake.check_upload``, so one bad file does not block the rest.

    The page's script shrinks photos to what the pipeline reads before sending them (static/js/shrink.js)."""

    shrink_side = photo_size.LONG_SIDE
    shrink_quality = photo_size.JPEG_QUALITY
    shrink_small_bytes = photo_size.SMALL_BYTES

    files = MultipleFileField(label=_("Photos or PDFs of documents"))
    one_document = forms.BooleanField(
        required=False, label=_("These photos are the pages of one document (front and back, or pages of a booklet)")
    )


class RetakeForm(forms.Form):
    file = forms.FileField(label=_("The new photo"))


class DocumentLinksForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        queryset=FamilyMember.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("This document is about"),
    )
    about_sponsor = forms.BooleanField(label=_("me (the sponsor)"), required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = case.members.all()
