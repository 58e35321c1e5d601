"""Words for codes in templates: ``{% load nareis_labels %}{{ warning.code|warning_label }}``."""

from django import template
from django.utils.translation import ngettext

from documents.messages import embedded_name, translate_message
from tracker.labels import REASON_LABELS, WARNING_LABELS, relation_label, requirement_texts
from tracker.review_screen import DoubtAbout, doubt_about, is_unsure

register = template.Library()


register.filter("relation_label", relation_label)
# A file name or other Latin text inside a right-to-left sentence, isolated so it does not jumble it.
register.filter("isolated", embedded_name)


@register.filter
def warning_label(code: str) -> str:
    return WARNING_LABELS.get(code, code)


@register.filter
def reason_label(code: str) -> str:
    return REASON_LABELS.get(code, code)


@register.filter
def requirement_texts_for(code: str, for_staff: bool):
    """``{% with texts=requirement.code|requirement_texts_for:can_manage %}``: the sponsor's words, or staff's."""
    return requirement_texts(code, for_staff=bool(for_staff))


@register.filter
def translated(message: str) -> str:
    """A message stored in English (pipeline and worker errors, see ``documents.messages``), in the reader's language."""
    return translate_message(message)


@register.filter
def retake_advice(document) -> list[str]:
    """The worker's advice to take a document's photo again, in the reader's language."""
    from documents.retake import retake_advice as advice  # documents.retake imports tracker: import when used
    return advice(document)


# One sample count per plural form the interface languages have (Arabic has the most: 1, 2, 3-10, 11-99,
# 100+). The page's script picks the sample whose plural category (Intl.PluralRules) is the real count's.
PLURAL_SAMPLES = (1, 2, 3, 11, 100)
COUNT_MARK = "{count}"


@register.simple_tag
def unsent_upload_sentences(on_a_computer: bool = False) -> list[tuple[int, str]]:
    """The warning before a logout that would remove photos not yet sent, once per plural form: kept on the
    sponsor's phone, or on staff's computer (``on_a_computer``)."""
    if on_a_computer:
        return [(sample, ngettext(
            "%(count)s photo has not been sent yet. If you log out now, it is removed from this computer.",
            "%(count)s photos have not been sent yet. If you log out now, they are removed from this computer.",
            sample) % {"count": COUNT_MARK}) for sample in PLURAL_SAMPLES]
    return [(sample, ngettext(
        "%(count)s photo has not been sent yet. If you log out now, it is removed from this phone.",
        "%(count)s photos have not been sent yet. If you log out now, they are removed from this phone.",
        sample) % {"count": COUNT_MARK}) for sample in PLURAL_SAMPLES]


@register.filter
def unsure_kind(document) -> bool:
    """Whether the pipeline is unsure of the document's kind (``review_screen.is_unsure``): staff lists flag it."""
    return is_unsure(document)


@register.filter
def unsure_about(document) -> str:
    """What to check where the pipeline doubts the document (``review_screen.doubt_about``): staff lists say it."""
    return doubt_about(document)


@register.filter
def read_as_intended_decision(document) -> bool:
    """Kept as "other" because it reads as the IND's intended decision (voornemen): the sponsor is told it does
    not start the deadline, unless someone has since set another kind."""
    return document.kind == "other" and doubt_about(document) == DoubtAbout.INTENDED_DECISION
