from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.models import Case, FamilyMember

from .kinds import ReviewStatus
from .pipeline.types import DocumentKind


def document_upload_path(document: Document, filename: str) -> str:
    # Random names: the original name may contain a person's name and stays in the row only.
    return f"cases/{document.case_id}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Document(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        QUEUED = "queued", _("Waiting to be read")
        PROCESSING = "processing", _("Being read")
        DONE = "done", _("Read")
        FAILED = "failed", _("Could not be read")

    class Kind(models.TextChoices):
        PASSPORT = DocumentKind.PASSPORT, _("Passport")
        ID_CARD = DocumentKind.ID_CARD, _("ID card")
        BIRTH_CERTIFICATE = DocumentKind.BIRTH_CERTIFICATE, _("Birth certificate")
        MARRIAGE_CERTIFICATE = DocumentKind.MARRIAGE_CERTIFICATE, _("Marriage certificate")
        DEATH_CERTIFICATE = DocumentKind.DEATH_CERTIFICATE, _("Death certificate")
        FAMILY_BOOKLET = DocumentKind.FAMILY_BOOKLET, _("Family booklet")
        TRANSLATION = DocumentKind.TRANSLATION, _("Sworn translation")
        CONSENT_DECLARATION = DocumentKind.CONSENT_DECLARATION, _("Consent declaration")
        ASYLUM_DECISION = DocumentKind.ASYLUM_DECISION, _("Asylum decision")
        PASSPORT_PHOTO = DocumentKind.PASSPORT_PHOTO, _("Passport photo")
        GOOD_CONDUCT_STATEMENT = DocumentKind.GOOD_CONDUCT_STATEMENT, _("Good-conduct statement (antecedentenverklaring)")
        MARITAL_STATUS_STATEMENT = DocumentKind.MARITAL_STATUS_STATEMENT, _("Marital-status statement (verklaring burgerlijke staat)")
        FOSTER_CARE_DECISION = DocumentKind.FOSTER_CARE_DECISION, _("Foster-care decision")
        OTHER = DocumentKind.OTHER, _("Other")

    class Review(models.TextChoices):
        PENDING = ReviewStatus.PENDING, _("Waiting for review")
        ACCEPTED = ReviewStatus.ACCEPTED, _("Accepted")
        REJECTED = ReviewStatus.REJECTED, _("Rejected")

    class RejectionReason(models.TextChoices):
        """What a counsellor chooses from, so the sponsor reads it in their own language."""

        BLURRED = "blurred", _("The photo is blurred. Take it again, holding the phone still.")
        CUT_OFF = "cut_off", _("Part of the document is cut off. Take the photo with all four corners visible.")
        GLARE = "glare", _("Light reflects on the document. Take the photo again without flash, away from the lamp.")
        WRONG_DOCUMENT = "wrong_document", _("This is not the document that was asked for.")
        EXPIRED = "expired", _("This document has expired. A valid one is needed.")
        ONE_SIDE = "one_side", _("Only one side is here. Add a photo of the other side too.")
        PAGE_MISSING = "page_missing", _("A page is missing. Add every page of the document.")
        NEEDS_SWORN_TRANSLATION = "needs_sworn_translation", _(
            "This document needs a sworn translation into Dutch, English, French or German.")
        NOT_READABLE = "not_readable", _("The document cannot be read. Upload a clearer photo or scan.")

    # The fields whose values a person's choice outranks the pipeline's reading of (Document.set_by_hand).
    HAND_SET = ("kind", "expiry_date", "members")

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="documents")
    # The case's organisation, copied when the document is saved (and when a case moves to another organisation):
    # the reports count an organisation's documents of a period along one index, without joining the cases.
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, null=True, editable=False,
                                     related_name="+", db_index=False)  # document_organisation_upload leads with it
    file = models.FileField(_("file"), upload_to=document_upload_path, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("detected content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("processing attempts"), default=0)
    # The Celery task reading the document now: a second task for it waits its turn (see processing.claim).
    claimed_by = models.CharField(_("read by task"), max_length=64, blank=True)
    error_message = models.TextField(_("error"), blank=True)

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, blank=True)
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    ocr_text = models.TextField(_("recognised text"), blank=True)
    mrz = models.JSONField(_("machine-readable zone"), null=True, blank=True)
    # PipelineResult.extracted_fields(): people, decision_date, translation, pages, and "unsure" (why the
    # pipeline doubts its kind: {"code", "kind", "other"} from pipeline.doubt, or an English sentence stored
    # before; "" when it does not).
    fields = models.JSONField(_("extracted fields"), default=dict, blank=True)
    # Passports and ID cards: from the MRZ when read, or as a counsellor corrected it.
    expiry_date = models.DateField(_("valid until"), null=True, blank=True)
    # What people set (kind, expiry_date, members: see HAND_SET): a new reading of the file leaves it as it is.
    set_by_hand = models.JSONField(_("set by hand"), default=list, blank=True)

    members = models.ManyToManyField(
        FamilyMember, verbose_name=_("family members"), related_name="documents", blank=True,
        help_text=_("The family members this document gives evidence about. None: the sponsor."),
    )
    translation_of = models.ForeignKey(
        "self", verbose_name=_("translation of"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="translations",
    )
    review_status = models.CharField(
        _("review"), max_length=20, choices=Review.choices, default=Review.PENDING, db_index=True
    )
    rejection_reason = models.CharField(
        _("reason for rejecting"), max_length=30, choices=RejectionReason.choices, blank=True)
    # The counsellor's own words, shown to the sponsor as such (beside the standard reason, if any).
    review_reason = models.TextField(_("note to the sponsor"), blank=True)
    # Linked to nobody means "not yet assigned", unless the sponsor said the document is about themself.
    about_sponsor = models.BooleanField(_("about the sponsor"), default=False)
    # Members a proposed link (see linking.proposed_links) was turned down for: not proposed again.
    dismissed_proposals = models.JSONField(_("proposals turned down"), default=list, blank=True)

    # The bin: a removed document is kept (file and all) for BIN_DAYS, then the bin empties itself.
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True, db_index=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("removed by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # An accepted document only a counsellor may remove: the sponsor asks for it.
    removal_requested_at = models.DateTimeField(_("removal asked for at"), null=True, blank=True)

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["case", "sha256"]),
            # The reports (tracker.reports): an organisation's documents uploaded in a period, by kind and review.
            models.Index(fields=["organisation", "created_at"], include=["kind", "review_status", "rejection_reason"],
                         name="document_organisation_upload"),
            # Their rejection reasons: the rejected ones alone (the review's own text is read from their rows).
            models.Index(fields=["organisation", "created_at"], condition=models.Q(review_status="rejected"),
                         name="document_rejected_upload"),
        ]
        constraints = [
            # The same file once per case (intake.find_duplicate): two uploads at the same moment cannot both
            # be stored. One that failed or is in the bin may be sent again.
            models.UniqueConstraint(
                fields=["case", "sha256"],
                condition=models.Q(removed_at__isnull=True) & ~models.Q(status="failed"),
                name="document_once_per_case",
            ),
        ]

    def hand_set_after(self, changed) -> list[str]:
        """``set_by_hand`` once a person has changed the fields ``changed`` (their new values set on this document):
        a kind or date cleared ("not known") goes back to the pipeline; an emptied list of members stays chosen."""
        by_hand = set(self.set_by_hand or [])
        for field in self.HAND_SET:
            if field in changed:
                (by_hand.add if field == "members" or getattr(self, field) else by_hand.discard)(field)
        return sorted(by_hand)

    def __str__(self) -> str:
        return self.original_name

    def save(self, *args, **kwargs):
        if self.organisation_id is None and self.case_id is not None:
            self.organisation_id = self.case.organisation_id
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "organisation"}
        super().save(*args, **kwargs)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def primary_language(self) -> str | None:
        return self.languages[0] if self.languages else None
