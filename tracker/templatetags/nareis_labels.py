"""Words for codes in templates: ``{% load nareis_labels %}{{ warning.code|warning_label }}``."""

from django import template

from documents.messages import embedded_name, translate_message
from tracker.labels import REASON_LABELS, REQUIREMENT_DOCUMENTS, REQUIREMENT_WHERE, WARNING_LABELS, relation_label

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
def requirement_documents(code: str) -> list:
    return REQUIREMENT_DOCUMENTS.get(code, [])


@register.filter
def requirement_where(code: str) -> str:
    return REQUIREMENT_WHERE.get(code, "")


@register.filter
def translated(message: str) -> str:
    """A message stored in English (pipeline and worker errors, see ``documents.messages``), in the reader's language."""
    return translate_message(message)


@register.filter
def retake_advice(document) -> list[str]:
    """The worker's advice to take a document's photo again, in the reader's language."""
    from documents.retake import retake_advice as advice  # documents.retake imports tracker: import when used
    return advice(document)
