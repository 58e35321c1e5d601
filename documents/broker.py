"""Asking Redis which documents have a task waiting, so the sweeper re-queues a lost one within minutes.

Kombu keeps a queue's messages in Redis lists (one per priority step) and a message delivered to a
worker but not yet acknowledged in the ``unacked`` hash, with its delivery time in ``unacked_index``.
A restarted Redis without persistence has neither: the documents still ``queued`` then have no task.
"""

from __future__ import annotations

import base64
import json
import logging
import time

from celery import current_app

logger = logging.getLogger(__name__)


def documents_with_a_task(task_name: str, delivered_within: float) -> set[int] | None:
    """Ids of documents whose ``task_name`` message is waiting in the queue, or was delivered to a worker
    less than ``delivered_within`` seconds ago (an older delivery whose document has not started belongs
    to a worker that died). None when Redis cannot be asked."""
    try:
        with current_app.connection_for_write() as connection:
            channel = connection.default_channel
            client = channel.client
            queue = current_app.conf.task_default_queue
            waiting = []
            for step in channel.priority_steps:
                waiting += client.lrange(channel._q_for_pri(queue, step), 0, -1)
            tags = client.zrangebyscore(channel.unacked_index_key, time.time() - delivered_within, "+inf")
            delivered = [raw for raw in (client.hmget(channel.unacked_key, tags) if tags else []) if raw]
    except Exception:  # kombu and redis-py raise several types when the broker is unreachable
        logger.warning("Could not look into the broker's queue", exc_info=True)
        return None
    ids = {_document_id(json.loads(raw), task_name) for raw in waiting}
    ids |= {_document_id(json.loads(raw)[0], task_name) for raw in delivered}
    ids.discard(None)
    return ids


def _document_id(message: dict, task_name: str) -> int | None:
    try:
        if message["headers"].get("task") != task_name:
            return None
        body = message["body"]
        if message["properties"].get("body_encoding") == "base64":
            body = base64.b64decode(body)
        args, _kwargs, _embed = json.loads(body)
        return int(args[0])
    except (KeyError, ValueError, TypeError, IndexError):
        return None
