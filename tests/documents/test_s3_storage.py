"""With S3, files are private objects, reachable only through short-lived signed URLs handed out after a permission check.

django-storages talks to a real S3 API: moto's server on a free local port. Moto refuses
unsigned reads of private objects itself, but does not check the expiry of signed URLs, so
the server here is moto behind a small gate that refuses an expired signed URL the way
S3 does (403 "Request has expired").
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.moto_server.threaded_moto_server import MotoRequestHandler
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

from documents.bin import empty_bin
from documents.models import Document
from tests.documents import hostile
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

BUCKET = "nareis-test-documents"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "eu-west-1"}


def refuse_expired_signed_urls(app):
    def gate(environ, start_response):
        query = parse_qs(environ.get("QUERY_STRING", ""))
        if "X-Amz-Signature" in query:
            signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
            if datetime.now(timezone.utc) > signed_at + timedelta(seconds=int(query["X-Amz-Expires"][0])):
                start_response("403 Forbidden", [("Content-Type", "application/xml")])
                return [b"<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"]
        return app(environ, start_response)

    return gate


@pytest.fixture(scope="module")
def s3_endpoint():
    app = refuse_expired_signed_urls(DomainDispatcherApplication(create_backend_app))
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=MotoRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{server.server_port}"
    boto3.client("s3", endpoint_url=endpoint, **CREDENTIALS).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    yield endpoint
    server.shutdown()
    thread.join()


@pytest.fixture
def s3(settings, s3_endpoint):
    """The project's own S3 storage settings (config/settings.py), pointed at the local server."""
    settings.STORAGE_BACKEND = "s3"
    settings.STORAGES = settings.STORAGES | {"default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET, "endpoint_url": s3_endpoint, "access_key": "testing", "secret_key": "testing",
            "region_name": "eu-west-1", "default_acl": "private", "querystring_auth": True,
            "querystring_expire": 300, "signature_version": "s3v4", "file_overwrite": False,
            "addressing_style": "path",
        },
    }}
    return boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS)


def fetch(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@pytest.fixture
def uploaded(client, s3):
    case = CaseFactory()
    client.force_login(case.sponsor)
    photo = SimpleUploadedFile("birth certificate.jpg", hostile.photo_with_text())
    client.post(reverse("documents:upload", args=[case.pk]), {"files": [photo]})
    return Document.objects.get(case=case)


def test_upload_lands_in_the_bucket_as_a_private_object(uploaded, s3, s3_endpoint):
    key = uploaded.file.name
    assert s3.head_object(Bucket=BUCKET, Key=key)["ContentLength"] == uploaded.size
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only
    assert not any("AllUsers" in str(grant["Grantee"]) or "AuthenticatedUsers" in str(grant["Grantee"]) for grant in grants)

    status, _, _ = fetch(f"{s3_endpoint}/{BUCKET}/{key}")  # no signature
    assert status == 403


def test_download_redirects_the_sponsor_to_a_short_lived_signed_url(client, uploaded):
    response = client.get(reverse("documents:file", args=[uploaded.pk]))

    assert response.status_code == 302
    query = parse_qs(urlsplit(response.url).query)
    assert int(query["X-Amz-Expires"][0]) <= 600  # minutes, not hours
    status, body, headers = fetch(response.url)
    assert status == 200
    with uploaded.file.open("rb") as stored:
        assert body == stored.read()
    assert headers["content-type"] == "image/jpeg"
    assert headers["content-disposition"].startswith("inline;")
    assert "no-store" in headers["cache-control"]

    download = client.get(reverse("documents:file", args=[uploaded.pk]), {"download": "1"})
    assert fetch(download.url)[2]["content-disposition"].startswith("attachment;")


def test_expired_signed_url_is_refused(uploaded):
    url = uploaded.file.storage.url(uploaded.file.name, expire=1)
    assert fetch(url)[0] == 200
    time.sleep(2.1)  # let the signature expire (not a speed check)
    status, body, _ = fetch(url)
    assert status == 403 and b"expired" in body


def test_others_get_no_signed_url(client, uploaded):
    client.force_login(CaseFactory().sponsor)
    assert client.get(reverse("documents:file", args=[uploaded.pk])).status_code == 404


def test_the_bin_emptying_removes_the_object(client, uploaded, s3, django_capture_on_commit_callbacks):
    key = uploaded.file.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("documents:remove", args=[uploaded.pk]))
    assert s3.list_objects_v2(Bucket=BUCKET, Prefix=key).get("KeyCount", 0) == 1  # in the bin: kept
    with django_capture_on_commit_callbacks(execute=True):
        empty_bin(now=datetime.now(timezone.utc) + timedelta(days=settings.DOCUMENT_BIN_DAYS))
    assert s3.list_objects_v2(Bucket=BUCKET, Prefix=key).get("KeyCount", 0) == 0
