"""What documents tell the layers above, without knowing them: ``tracker`` connects its receivers in ``ready()``.

Receivers do their work at once, in the sender's transaction; none queues a task that sends these again.
"""

from django.dispatch import Signal

# The pipeline has read a document and saved what it found. Argument: document.
document_read = Signal()
# A document no longer stands as evidence: moved to the bin or deleted for good. Argument: document.
document_withdrawn = Signal()
# Documents of these cases changed through QuerySet.update(), which sends no post_save. Argument: case_ids.
documents_changed = Signal()
