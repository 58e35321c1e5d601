"""The database under faults: connections cut between requests, and writers at the same moment."""

from __future__ import annotations

import json
import threading
import time

import pytest
from django.db import close_old_connections, connection, connections, transaction

from documents.models import Document
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def cut_this_connection() -> None:
    """What a failover or a database restart does to a kept connection."""
    if connection.vendor == "postgresql":
        pid = connection.connection.info.backend_pid
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        finally:
            other.close()
    else:
        connection.connection.close()


def test_a_request_after_every_connection_was_cut_reconnects():
    DocumentFactory()
    connection.ensure_connection()
    cut_this_connection()

    close_old_connections()  # what every request starts with (request_started)

    assert Document.objects.count() == 1


def test_two_writers_that_read_first_wait_for_each_other_instead_of_failing():
    """A burst of uploads on the embedded SQLite gave "database is locked" in the worker."""
    document = DocumentFactory(attempts=0)
    errors: list[Exception] = []
    start = threading.Barrier(2)

    def claim_and_count():
        start.wait()
        try:
            with transaction.atomic():
                current = Document.objects.select_for_update().get(pk=document.pk)
                time.sleep(0.3)  # a reader holding its snapshot while the other writes
                Document.objects.filter(pk=document.pk).update(attempts=current.attempts + 1)
        except Exception as error:  # noqa: BLE001 - the assertion shows it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim_and_count) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    document.refresh_from_db()
    assert document.attempts == 2


def test_the_embedded_database_keeps_a_write_ahead_log():
    if connection.vendor != "sqlite":
        assert connection.settings_dict["CONN_HEALTH_CHECKS"]
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_a_connection_lost_in_the_middle_of_a_request_is_answered_503_with_a_sentence(rf):
    from django.db import OperationalError

    from config.interruptions import DatabaseInterruptionMiddleware

    middleware = DatabaseInterruptionMiddleware(lambda request: None)
    request = rf.post("/cases/1/documents/upload/", HTTP_ACCEPT="application/json")

    response = middleware.process_exception(request, OperationalError("terminating connection due to administrator command"))

    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "interrupted for a moment" in json.loads(response.content)["error"]
    assert middleware.process_exception(request, ValueError("a bug")) is None  # bugs stay 500s, and visible
