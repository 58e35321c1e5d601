from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .labels import requirement_choices


class DecisionDateProposal(models.Model):
    """Which uploaded asylum decision a case's proposed decision date was read from (``tracker.decision_date``):
    removing or rejecting that document withdraws the proposal."""

    case = models.OneToOneField("cases.Case", primary_key=True, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("documents.Document", verbose_name=_("asylum decision read"),
                                 on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.case_id}: {self.document_id}"


class Explanation(models.Model):
    """A counsellor's account of why a piece of evidence cannot be had (bewijsnood)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="explanations")
    member = models.ForeignKey(
        "cases.FamilyMember", on_delete=models.CASCADE, null=True, blank=True, related_name="explanations",
        help_text=_("Empty for the sponsor."),
    )
    class Remedy(models.TextChoices):
        """What the counsellor proposes the IND do instead (the IND decides whether to offer it)."""

        NONE = "", _("Nothing yet")
        DNA_TEST = "dna_test", _("Propose a DNA test")
        INTERVIEW = "interview", _("Propose an interview")
        OTHER_EVIDENCE = "other_evidence", _("Weigh the other evidence")

    requirement = models.CharField(_("requirement"), max_length=30, choices=requirement_choices)
    # What the IND weighs (DOMAIN.md): which document, why it cannot be had, what was tried, what else exists.
    document_sought = models.CharField(_("which document"), max_length=300, blank=True)
    text = models.TextField(_("why it cannot be had"))
    attempts = models.TextField(_("what was tried"), blank=True)
    other_evidence = models.TextField(_("what other evidence exists"), blank=True)
    remedy = models.CharField(_("the counsellor's proposal to the IND"), max_length=20, choices=Remedy.choices,
                              blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("explanation")
        verbose_name_plural = _("explanations")

    def __str__(self) -> str:
        return f"{self.member or _('sponsor')}: {self.requirement}"


def letter_scan_path(letter: IndLetter | ReplacedLetterScan, filename: str) -> str:
    # Random names, private like documents: served only through the permission-checked view.
    case_id = letter.case_id if isinstance(letter, IndLetter) else letter.letter.case_id
    return f"cases/{case_id}/letters/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class ConsistencyNote(models.Model):
    """A counsellor's note that the documents' disagreement on a member's birth date or first name is explained
    (a corrected registration, a known spelling): that warning stops, until a document gives yet another value."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="consistency_notes")
    member = models.ForeignKey("cases.FamilyMember", on_delete=models.CASCADE, related_name="consistency_notes")
    code = models.CharField(_("disagreement"), max_length=40)  # a rules.WarningCode: inconsistent_...
    documents = models.JSONField(_("documents it covered"), default=list)  # ids as text, as the rules give them
    # The values that disagreed (rules.consistency.value_key): a document with another value warns again.
    values = models.JSONField(_("values it covers"), default=list)
    note = models.TextField(_("explanation"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("explained disagreement")
        verbose_name_plural = _("explained disagreements")

    def __str__(self) -> str:
        return f"{self.member}: {self.code}"

    def covers(self, value_keys) -> bool:
        return set(value_keys) <= set(self.values)


class IndLetter(models.Model):
    """A letter or question from the IND, with the date by which the sponsor must respond, and its scan."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Request for information")
        HERSTELVERZUIM = "herstelverzuim", _("Last chance to complete the application (herstelverzuim)")
        INTERVIEW = "interview", _("Invitation to an interview")
        DNA_TEST = "dna_test", _("Offer of a DNA test")
        INTENDED_REFUSAL = "intended_refusal", _("Intention to refuse (voornemen)")
        DECISION = "decision", _("Decision")
        OTHER = "other", _("Other letter")

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="ind_letters")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.QUESTION)
    received_on = models.DateField(_("received on"))
    response_due = models.DateField(_("respond by"), null=True, blank=True, db_index=True)
    subject = models.CharField(_("subject"), max_length=200)
    notes = models.TextField(_("what the IND asks"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    scan = models.FileField(_("scan of the letter"), upload_to=letter_scan_path, max_length=300, blank=True)
    scan_content_type = models.CharField(_("detected content type"), max_length=100, blank=True)
    scan_name = models.CharField(_("original file name"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["response_due", "received_on", "id"]
        verbose_name = _("IND letter")
        verbose_name_plural = _("IND letters")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.response_due is not None and self.answered_on is None


class ReplacedLetterScan(models.Model):
    """A letter's scan that a newer one replaced, kept like a removed document in the bin: for
    ``DOCUMENT_BIN_DAYS`` a counsellor can put it back, then the hourly bin emptying deletes it (audited)."""

    letter = models.ForeignKey(IndLetter, on_delete=models.CASCADE, related_name="replaced_scans")
    scan = models.FileField(upload_to=letter_scan_path, max_length=300)  # the file as it was, never written anew
    scan_content_type = models.CharField(max_length=100, blank=True)
    scan_name = models.CharField(max_length=255, blank=True)
    replaced_at = models.DateTimeField(default=timezone.now, db_index=True)
    replaced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-replaced_at", "-id"]
        verbose_name = _("replaced scan of an IND letter")
        verbose_name_plural = _("replaced scans of IND letters")

    def __str__(self) -> str:
        return self.scan_name or self.scan.name

    @property
    def deleted_on(self):
        """When the bin empties itself of it (the documents' bin period)."""
        return self.replaced_at + timedelta(days=settings.DOCUMENT_BIN_DAYS)


class ReminderSent(models.Model):
    """One reminder e-mail round that went out, so each is sent once.

    ``key`` names the due date it was about and how many days before it, so a corrected date sends anew.
    """

    key = models.CharField(max_length=120, unique=True)
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="reminders_sent")
    letter = models.ForeignKey(IndLetter, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    due_on = models.DateField(_("due on"))
    days_before = models.PositiveSmallIntegerField(_("days before"))
    recipients = models.JSONField(_("sent to"), default=list)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")

    def __str__(self) -> str:
        return self.key


class CaseNote(models.Model):
    """Staff's internal note on a case, never shown to the sponsor; with a due date or an assignee it is a task."""

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.SET_NULL,
                               null=True, related_name="+")
    text = models.TextField(_("note"))
    due_on = models.DateField(_("due on"), null=True, blank=True, db_index=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("for"), on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="case_tasks")
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_task(self) -> bool:
        return self.due_on is not None or self.assignee_id is not None

    @property
    def is_open_task(self) -> bool:
        return self.is_task and self.done_at is None


class CaseSummary(models.Model):
    """What the dashboards show of a case, worked out by the rules and stored (``tracker.summaries``).

    Brought up to date whenever its facts change (a document read, reviewed or linked, a member, an explanation,
    an IND letter or the case itself edited) and every night for the date moving on, so the dashboards sort,
    filter and count thousands of cases in the database instead of running the rules on each request.
    """

    class Urgency(models.IntegerChoices):
        DUE = 0, "something due"  # the deadline ahead, or an IND response date
        UNKNOWN = 1, "deadline unknown"  # someone must find the decision date
        NOTHING_DUE = 2, "nothing due"  # deadline passed, or filed with no IND question open

    case = models.OneToOneField("cases.Case", primary_key=True, on_delete=models.CASCADE, related_name="summary")
    # The case's own organisation and whether it is open, and whether an active counsellor follows it: copied
    # here so a coordinator's dashboard sorts, counts and pages on this table alone, along one index.
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, null=True, related_name="+")
    open = models.BooleanField(default=True)  # not closed (closed cases wait for their purge)
    attended = models.BooleanField(default=False)  # an active counsellor follows the case
    computed_on = models.DateField()  # the day the rules were applied for: days left and deadline states move
    deadline = models.DateField(null=True)
    deadline_state = models.CharField(max_length=20, db_index=True)  # dashboard.DeadlineFilter
    requirements_met = models.PositiveIntegerField(default=0)
    requirements_total = models.PositiveIntegerField(default=0)
    missing = models.PositiveIntegerField(default=0)
    awaiting_review = models.PositiveIntegerField(default=0)
    being_read = models.PositiveIntegerField(default=0)
    removal_requests = models.PositiveIntegerField(default=0)  # accepted documents the sponsor asks to remove
    open_letters = models.PositiveIntegerField(default=0)
    next_response_due = models.DateField(null=True)
    has_herstelverzuim = models.BooleanField(default=False)
    urgency = models.PositiveSmallIntegerField(choices=Urgency.choices, default=Urgency.NOTHING_DUE)
    next_due = models.DateField(null=True)  # the nearest date something must be done by
    turns_adult_on = models.DateField(null=True)  # a child's 18th birthday before the deadline: file before it
    first_upload_at = models.DateTimeField(null=True)
    complete_since = models.DateTimeField(null=True)  # when nothing was missing any more (None while something is)

    class Meta:
        verbose_name = _("case summary")
        verbose_name_plural = _("case summaries")
        indexes = [
            models.Index(fields=["urgency", "next_due"], name="summary_urgency"),
            # The dashboard's order (tracker.caseload.dashboard_queryset) within an organisation's open cases.
            models.Index(fields=["organisation", "open", "attended", "turns_adult_on", "urgency", "next_due",
                                 "-missing", "-awaiting_review", "case"], name="summary_dashboard_order"),
            models.Index(fields=["organisation", "computed_on"], name="summary_organisation_day"),
            models.Index(fields=["organisation", "complete_since"], name="summary_organisation_complete"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.requirements_met}/{self.requirements_total}"


class CaseFigures(models.Model):
    """What the reports need of a purged case, and nothing that identifies anyone (``tracker.retention``)."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    opened_on = models.DateField()
    deadline = models.DateField(null=True)
    filed_on = models.DateField(null=True)
    closed_on = models.DateField(null=True)
    close_reason = models.CharField(max_length=20, blank=True)
    first_upload_at = models.DateTimeField(null=True)
    complete_since = models.DateTimeField(null=True)
    # [[uploaded on (ISO date), kind, review status, standard rejection reason or ""], ...]
    documents = models.JSONField(default=list)
    purged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("figures of a purged case")
        verbose_name_plural = _("figures of purged cases")


class Notification(models.Model):
    """An e-mail or text message to a sponsor, kept until it is handed over (``tracker.notifications``).

    Written in the same transaction as the change that calls for it; a Celery task sends it after the commit,
    retrying a failing gateway, and beat's sweep sends whatever a lost task or a down broker left behind.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("text message")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="notifications")
    notice = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    details = models.JSONField(default=dict, blank=True)  # document_id, letter_id, due_on, days_left
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_until = models.DateTimeField(null=True, blank=True)  # a worker is sending it until then
    # Set (and committed) just before the message is handed to the mail server or gateway, cleared when the
    # outcome is recorded: still set on a later try, that attempt's outcome is unknown (the worker stopped).
    attempt_started_at = models.DateTimeField(null=True, blank=True)
    unknown_outcomes = models.PositiveSmallIntegerField(default=0)  # attempts whose outcome was never recorded
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["sent_at", "created_at"], name="notification_pending")]
        verbose_name = _("notification to the sponsor")
        verbose_name_plural = _("notifications to the sponsor")

    def __str__(self) -> str:
        return f"{self.notice} ({self.channel}) for case {self.case_id}"

    @property
    def message_key(self) -> str:
        """The message's identity, the same on every attempt: the SMS gateway's idempotency key and client
        reference, and the local part of the e-mail's Message-ID, so a resend is recognisable as the same message."""
        return f"nareis-notification-{self.pk}"
