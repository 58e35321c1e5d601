"""Pages shown to a signed-in user hold personal data: no browser or proxy keeps a copy.

``Cache-Control: private, no-store`` on every response to a signed-in user that does not set its own
(a shared computer in a shelter must not show the last sponsor's case from its cache).
"""

from __future__ import annotations


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "private, no-store"
        return response
