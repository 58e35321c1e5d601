"""Whether a letter in the asylum procedure's words decides on the application, or only speaks of it.

The IND's letterhead and the procedure's words (a residence permit for asylum, the V-number) are on every letter
it sends: an acknowledgement of receipt, an invitation to an interview, a request for papers, a notice that the
decision takes longer, and the intended decision ("voornemen"), which says what the IND means to decide and asks
for the applicant's views first. Only the decision itself (the "beschikking") starts the three months of the
family's application, so a letter that decides nothing must not read as one:

- an acknowledgement or an invitation stating no decision is plainly "other" (``receipt_is_no_decision``);
- a letter announcing a decision still to come (an intention to grant or reject, "this is not yet a decision")
  and stating none taken is "intended": "other", said to be an intended decision so the counsellor sees why;
- a step of the procedure (the decision period extended, papers asked for, a hearing moved) stating no decision
  is "undecided": "other", said to be doubtful.

Each needs its own words: a decision photographed small whose outcome the OCR garbled ("besicten", "inte witigen")
stays a decision.
"""

from __future__ import annotations

from . import vocabulary
from .phrases import whole_words
from .types import DocumentKind


def receipt_is_no_decision(normalised: str, scores: dict[DocumentKind, float]) -> None:
    """An acknowledgement of an application ("ontvangstbevestiging", "we have received your application") or an
    invitation that states no decision on it is no asylum decision, however much of the IND's wording it shares:
    its evidence is "other"'s."""
    if _says(vocabulary.RECEIPT_PHRASES, normalised) and not _says(vocabulary.DECISION_PHRASES, normalised):
        asylum = DocumentKind.ASYLUM_DECISION
        scores[DocumentKind.OTHER] = max(scores[DocumentKind.OTHER], scores[asylum])
        scores[asylum] = 0.0


def decision_state(normalised: str, title: str) -> str:
    """"intended", "undecided" or "decided" (see the module's text) for the ``normalised`` text of a letter that
    reads as an asylum decision by its words; ``title``: its title lines (``classify.title_lines``)."""
    taken = _says(vocabulary.DECISION_TAKEN, normalised) or _says(vocabulary.DECISION_TITLE, title)
    if _says(vocabulary.NOT_YET_DECIDED, normalised):
        return "intended"
    announced = _says(vocabulary.INTENDED_DECISION, normalised) or _says(vocabulary.INTENDED_TITLE, title)
    if announced and not taken:
        return "intended"
    if _says(vocabulary.PROCEDURE_STEPS, normalised) and not _says(vocabulary.DECISION_PHRASES, normalised):
        return "undecided"
    return "decided"


def _says(phrases: tuple[str, ...], normalised: str) -> bool:
    return bool(whole_words(phrases).search(normalised))
