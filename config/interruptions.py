"""A database connection lost in the middle of a request (a failover, a restart) is answered 503, not 500.

Health checks (``CONN_HEALTH_CHECKS``) replace a connection that died between requests; one that dies while a
request uses it fails that request's next query. The person gets a sentence and may send it again (the page's
upload script offers to; a document already stored is recognised as a duplicate), and the next request
connects anew.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class DatabaseInterruptionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("Database connection lost during %s %s", request.method, request.path, exc_info=True)
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        message = _("The service was interrupted for a moment. Please try again.")
        if "application/json" in request.headers.get("Accept", ""):
            response = JsonResponse({"error": message}, status=503)
        else:
            response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=503)
        response["Retry-After"] = "5"
        return response
