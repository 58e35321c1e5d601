"""A parent's consent told by what it says, not by its wording: someone declaring in the first person, about their
own child, and the Netherlands.

A parent staying behind writes the declaration in their own words ("I agree with the departure of my children ...",
"ليس لدي مانع من سفر أولادي ...", "با خروج دخترم ... موافقت می‌نمایم"), and the verb of consent varies with every
writer; what every one of them says is who declares (I, the undersigned), whose child it is (my son, my daughters,
the mother of ...) and where the child goes. A page saying all three is a consent's (``consent_structure``); a letter
to the sponsor says "you" and "your children", a certificate names a child's parents but no one declares.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import vocabulary
from .phrases import whole_words

CONSENT_STRUCTURE = 3.5  # a kind's least evidence (``classify.MIN_EVIDENCE``): the three together make a consent


# The pronoun I opening a line read as a bar ("|, Amina Yusuf, ...", "| hereby declare"): ``normalise`` drops a bar
# standing alone, a table's rule.
_I_AS_BAR = re.compile(r"^\W{0,2}\|(?=,|\s+[a-z])", re.M)


def consent_structure(normalised: str, text: str = "") -> bool:
    """Whether ``normalised`` text (of ``text`` as read) has someone declare in the first person about their own
    child (``vocabulary.DECLARANT`` and ``OWN_CHILD``, or ``DECLARED_PARENT``) and the Netherlands
    (``THE_NETHERLANDS``)."""
    if not whole_words(vocabulary.THE_NETHERLANDS).search(normalised):
        return False
    declarant = bool(whole_words(vocabulary.DECLARANT).search(normalised) or _I_AS_BAR.search(text))
    if declarant and whole_words(vocabulary.OWN_CHILD).search(normalised):
        return True
    return any(pattern.search(normalised) for pattern in _declared_parents()) or bool(
        _I_AS_BAR.search(text) and whole_words(vocabulary.DECLARED_PARENT[0][1]).search(normalised))


DECLARANT_TO_PARENT_WORDS = 8  # words between the declarant and their relation ("I, Amina Yusuf, the mother of")


@lru_cache(maxsize=1)
def _declared_parents() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(f"(?:{whole_words(declarants).pattern})(?:\\W+\\w+){{0,{DECLARANT_TO_PARENT_WORDS}}}?"
                            f"\\W+(?:{whole_words(relations).pattern})", re.M)
                 for declarants, relations in vocabulary.DECLARED_PARENT)
