"""What the core tells the layers above, without knowing them: they connect their receivers in ``ready()``."""

from django.dispatch import Signal

# A member was added, or their name or birth date changed (inside the change's transaction).
# Arguments: member, before (dict of IDENTIFYING_FIELDS as they were; None for a new member), actor, request.
# ``documents`` links (or unlinks) the documents that name them.
member_identity_changed = Signal()
# Fields of these cases changed through QuerySet.update(), which sends no post_save. Argument: case_ids.
cases_changed = Signal()
