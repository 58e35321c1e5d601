from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import rules
from .labels import requirement_choices


class Case(models.Model):
    """One sponsor's family reunification application."""

    class PermitType(models.TextChoices):
        REFUGEE = rules.PermitType.REFUGEE, _("Refugee status")
        SUBSIDIARY = rules.PermitType.SUBSIDIARY, _("Subsidiary protection")

    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sponsor"), on_delete=models.PROTECT, related_name="sponsored_cases"
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
        settings.AUTH_USER_MODEL, verbose_name=_("counsellors"), related_name="counselled_cases", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["permit_decision_date", "id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return _("Case of %(sponsor)s") % {"sponsor": self.sponsor}

    @property
    def deadline(self) -> date | None:
        return rules.deadline_for(self.permit_decision_date) if self.permit_decision_date else None


class FamilyMember(models.Model):
    class Relation(models.TextChoices):
        SPOUSE = rules.Relation.SPOUSE, _("Spouse")
        PARTNER = rules.Relation.PARTNER, _("Unmarried partner")
        CHILD = rules.Relation.CHILD, _("Child")
        PARTNER_CHILD = rules.Relation.PARTNER_CHILD, _("Child of the partner")
        ADULT_CHILD = rules.Relation.ADULT_CHILD, _("Adult child")
        PARENT = rules.Relation.PARENT, _("Parent")
        SIBLING = rules.Relation.SIBLING, _("Brother or sister")

    case = models.ForeignKey(Case, verbose_name=_("case"), on_delete=models.CASCADE, related_name="members")
    relation = models.CharField(_("relation to the sponsor"), max_length=20, choices=Relation.choices)
    given_names = models.CharField(_("given names"), max_length=200)
    surname = models.CharField(_("surname"), max_length=200)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    mentioned_in_asylum_procedure = models.BooleanField(_("mentioned during the asylum procedure"), default=True)
    belongs_to_family = models.BooleanField(_("belonged to the family abroad"), default=True)
    other_parent_stays_behind = models.BooleanField(_("the other parent stays behind"), default=False)
    married = models.BooleanField(_("married"), default=False)
    in_relationship = models.BooleanField(_("in a relationship of their own"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("family member")
        verbose_name_plural = _("family members")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}".strip()


class Explanation(models.Model):
    """A counsellor's account of why a piece of evidence cannot be had (bewijsnood)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="explanations")
    member = models.ForeignKey(
        FamilyMember, on_delete=models.CASCADE, null=True, blank=True, related_name="explanations",
        help_text=_("Empty for the sponsor."),
    )
    requirement = models.CharField(_("requirement"), max_length=30, choices=requirement_choices)
    text = models.TextField(_("explanation"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("explanation")
        verbose_name_plural = _("explanations")

    def __str__(self) -> str:
        return f"{self.member or _('sponsor')}: {self.requirement}"
