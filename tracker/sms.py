"""Text messages (SMS), through a backend chosen in settings like Django's e-mail backends.

``SMS_BACKEND`` names the class: the console (the default: messages are printed, as e-mails are without
SMTP), a plain HTTP gateway (``HttpGatewaySmsBackend``: one JSON POST per message), or memory (tests).
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    """The message could not be handed over; the caller logs it and goes on."""


@dataclass(frozen=True)
class TextMessage:
    to: str
    text: str
    reference: str = ""  # the same on every attempt at one message: the gateway can drop a resend


class ConsoleSmsBackend:
    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, message: TextMessage) -> None:
        reference = f" ({message.reference})" if message.reference else ""
        self.stream.write(f"SMS to {message.to}{reference}:\n{message.text}\n{'-' * 40}\n")
        self.stream.flush()


outbox: list[TextMessage] = []  # what LocmemSmsBackend sent, like django.core.mail.outbox


class LocmemSmsBackend:
    def send(self, message: TextMessage) -> None:
        outbox.append(message)


class HttpGatewaySmsBackend:
    """POST ``{"to", "text", "from", "reference"}`` as JSON to ``SMS_GATEWAY_URL`` with ``Authorization: Bearer
    SMS_GATEWAY_TOKEN`` and ``Idempotency-Key: <reference>``.

    Most SMS providers offer such an endpoint (or a small adapter in front of theirs); any 2xx answer is success.
    The reference is the same on every attempt at one message (``Notification.message_key``): a gateway that
    honours idempotency keys or client references sends a message tried again after an unknown outcome once.
    """

    def __init__(self, url: str | None = None, token: str | None = None, sender: str | None = None,
                 timeout: float | None = None):
        self.url = url or settings.SMS_GATEWAY_URL
        self.token = token if token is not None else settings.SMS_GATEWAY_TOKEN
        self.sender = sender if sender is not None else settings.SMS_SENDER
        self.timeout = timeout or settings.SMS_GATEWAY_TIMEOUT
        if not self.url:
            raise SmsError("SMS_GATEWAY_URL is not set.")

    def send(self, message: TextMessage) -> None:
        fields = {"to": message.to, "text": message.text, "from": self.sender}
        if message.reference:
            fields["reference"] = message.reference
        request = urllib.request.Request(self.url, data=json.dumps(fields).encode(), method="POST", headers={
            "Content-Type": "application/json; charset=utf-8",
            **({"Authorization": f"Bearer {self.token}"} if self.token else {}),
            **({"Idempotency-Key": message.reference} if message.reference else {}),
        })
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise SmsError(f"The SMS gateway answered {error.code}.") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SmsError(f"The SMS gateway could not be reached: {error}") from error


def sms_backend():
    return import_string(settings.SMS_BACKEND)()


def send_sms(to: str, text: str, reference: str = "") -> None:
    sms_backend().send(TextMessage(to=to, text=text, reference=reference))
