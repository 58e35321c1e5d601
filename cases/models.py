"""The shared core: a sponsor's case and the family members it is for.

Below ``documents`` and ``tracker``, which point down to these models. The tables keep the names they had when
the models lived in ``tracker`` (``tracker_case``, ``tracker_familymember``, ``tracker_case_counsellors``): the
move was made in the migrations' state only (``cases 0001``, ``tracker 0018``).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .codes import PermitType, PolicyName, Relation
from .deadline import deadline_for


class CloseReason(models.TextChoices):
    ARRIVED = "arrived", _("The family has arrived")
    DECIDED = "decided", _("The application was decided")
    WITHDRAWN = "withdrawn", _("The application was withdrawn")


class Case(models.Model):
    """One sponsor's family reunification application."""

    class PermitType(models.TextChoices):
        REFUGEE = PermitType.REFUGEE, _("Refugee status")
        SUBSIDIARY = PermitType.SUBSIDIARY, _("Subsidiary protection")

    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sponsor"), on_delete=models.PROTECT, related_name="sponsored_cases"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="cases",
    )
    sponsor_birth_date = models.DateField(_("sponsor's date of birth"), null=True, blank=True)
    v_number = models.CharField(_("V-number"), max_length=20, blank=True, db_index=True)
    permit_decision_date = models.DateField(
        _("date on the asylum decision"),
        null=True,
        blank=True,
        help_text=_("The nareis deadline is three months after this date."),
    )
    permit_type = models.CharField(_("permit type"), max_length=20, choices=PermitType.choices, default=PermitType.REFUGEE)
    counsellors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("counsellors"), related_name="counselled_cases", blank=True,
        db_table="tracker_case_counsellors",
    )
    # Read from an uploaded asylum decision; becomes permit_decision_date once the sponsor or a counsellor confirms.
    # tracker.DecisionDateProposal names the document it was read from.
    proposed_decision_date = models.DateField(_("date read from the asylum decision"), null=True, blank=True)
    application_filed_on = models.DateField(
        _("application filed on"), null=True, blank=True,
        help_text=_("Once filed, the nareis deadline is met: no more deadline reminders."),
    )
    # CONTRACTS.md section 4: every age is judged on the filing day (filed, else planned, else today).
    planned_filing_on = models.DateField(
        _("application to be filed on"), null=True, blank=True,
        help_text=_("The day the application will be filed: children's ages are judged on it."),
    )
    # CONTRACTS.md section 3: a sponsor under 18 on this day stays a minor sponsor.
    sponsor_asylum_application_date = models.DateField(
        _("date the sponsor signed the asylum application"), null=True, blank=True,
        help_text=_("A sponsor under 18 on this day counts as a minor sponsor (often on the asylum decision)."),
    )
    policy_override = models.CharField(
        _("rules that apply"), max_length=30, blank=True, choices=[("", _("By the filing date"))] + [
            (PolicyName.BEFORE_TWO_STATUS, _("Rules before the two-status law")),
            (PolicyName.TWO_STATUS, _("Rules of the two-status law")),
        ],
    )
    policy_override_reason = models.TextField(_("why these rules apply"), blank=True)
    late_reason = models.TextField(
        _("why the application is late"), blank=True,
        help_text=_("After the deadline: apply at once and explain the delay to the IND."),
    )
    # The sponsor alone confirmed the decision date: a counsellor must still check it.
    decision_date_to_check = models.BooleanField(_("decision date to be checked by a counsellor"), default=False)
    # The sponsor added, changed or removed a family member: shown on the dashboard until a counsellor opens the case.
    members_changed_by_sponsor_at = models.DateTimeField(_("family changed by the sponsor"), null=True, blank=True)
    # Retention (tracker.retention): a counsellor closes the case; it is purged after CASE_RETENTION_DAYS.
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    close_reason = models.CharField(_("why it was closed"), max_length=20, choices=CloseReason.choices, blank=True)
    purge_after = models.DateField(_("purged after"), null=True, blank=True)
    purge_warned_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "tracker_case"
        ordering = ["permit_decision_date", "id"]
        indexes = [
            # The closed cases soon purged, on the coordinator's dashboard (tracker.retention.purge_soon): without
            # it, every case of the organisation is read to find the few closed ones.
            models.Index(fields=["organisation", "purge_after"], condition=models.Q(closed_on__isnull=False),
                         name="case_closed_purge_after"),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return _("Case of %(sponsor)s") % {"sponsor": self.sponsor}

    @property
    def deadline(self) -> date | None:
        return deadline_for(self.permit_decision_date) if self.permit_decision_date else None

    @property
    def filing_date(self) -> date | None:
        """The day the application was filed, else the day it is planned; None: not known (today counts)."""
        return self.application_filed_on or self.planned_filing_on


class FamilyMember(models.Model):
    class Relation(models.TextChoices):
        SPOUSE = Relation.SPOUSE, _("Spouse")
        PARTNER = Relation.PARTNER, _("Unmarried partner")
        CHILD = Relation.CHILD, _("Child")
        PARTNER_CHILD = Relation.PARTNER_CHILD, _("Child of the partner")
        ADULT_CHILD = Relation.ADULT_CHILD, _("Adult child")
        PARENT = Relation.PARENT, _("Parent")
        SIBLING = Relation.SIBLING, _("Brother or sister")
        FOSTER_CHILD = Relation.FOSTER_CHILD, _("Foster child")

    class Sex(models.TextChoices):
        FEMALE = "F", _("Female")
        MALE = "M", _("Male")
        OTHER = "X", _("Other or unknown")

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="members")
    relation = models.CharField(_("relation to the sponsor"), max_length=20, choices=Relation.choices)
    given_names = models.CharField(_("given names"), max_length=200)
    surname = models.CharField(_("surname"), max_length=200)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    mentioned_in_asylum_procedure = models.BooleanField(
        _("named by the sponsor in the asylum procedure"), default=True,
        help_text=_("In the sponsor's asylum application or interviews. The IND checks this."),
    )
    belongs_to_family = models.BooleanField(_("belonged to the family abroad"), default=True)
    other_parent_stays_behind = models.BooleanField(_("the other parent stays behind"), default=False)
    married = models.BooleanField(_("married"), default=False)
    in_relationship = models.BooleanField(_("in a relationship of their own"), default=False)
    other_parent = models.ForeignKey(
        "self", verbose_name=_("other parent"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text=_("For a child: the family member who is the child's other parent."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "tracker_familymember"
        ordering = ["case", "id"]
        verbose_name = _("family member")
        verbose_name_plural = _("family members")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}".strip()
