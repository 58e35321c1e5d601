"""Dashboard latency under concurrent clients, beside a trivial view measured in the same run.

Builds a throwaway SQLite database with one counsellor following N cases (each
with family members, documents, a translation and an IND letter), starts the
real Django server on 127.0.0.1, logs in as the counsellor and has C client
threads load the dashboard and a trivial view (``bench/ping/``, same
middleware, no database) in turns. Prints the median and 95th percentile of
each and their ratio.

    .venv/bin/python -m bench.dashboard [--cases 200] [--clients 8] [--requests 400]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from django.apps import apps
from django.http import HttpResponse
from django.urls import include, path

ROOT = Path(__file__).resolve().parent.parent


def ping(request):
    return HttpResponse(b"ok", content_type="text/plain")


# The server runs with bench.settings, whose ROOT_URLCONF is this module. Run as a script, the module is
# imported before Django is set up and must not load the project's URLs yet.
if apps.ready:
    urlpatterns = [path("bench/ping/", ping), path("", include("config.urls"))]


def configure_environment(workdir: Path) -> dict[str, str]:
    env = {
        "NAREIS_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",  # DEBUG keeps every query in memory: not what production does
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    return env


def seed(cases: int) -> str:
    """The counsellor's caseload; returns a session key logged in as the counsellor."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from accounts.models import Organisation, User
    from documents.models import Document
    from tracker.models import Case, FamilyMember, IndLetter

    call_command("migrate", verbosity=0)
    organisation = Organisation.objects.create(name="Bench")
    counsellor = User.objects.create_user("bench-counsellor", role=User.Role.COUNSELLOR, password="bench-password",
                                          organisation=organisation)
    sponsors = User.objects.bulk_create(User(username=f"sponsor-{i}", first_name="Omar", last_name=f"Rahimi{i}")
                                        for i in range(cases))
    today = date.today()
    created = Case.objects.bulk_create(
        Case(sponsor=sponsor, organisation=organisation, v_number=f"{1000000000 + i}", sponsor_birth_date=date(1988, 1, 15),
             permit_decision_date=today - timedelta(days=i % 120))
        for i, sponsor in enumerate(sponsors))
    Case.counsellors.through.objects.bulk_create(
        Case.counsellors.through(case_id=case.pk, user_id=counsellor.pk) for case in created)
    members = FamilyMember.objects.bulk_create(
        FamilyMember(case=case, relation=relation, given_names=name, surname="Rahimi", birth_date=born)
        for case in created
        for relation, name, born in (("spouse", "Fatima", date(1990, 4, 2)), ("child", "Yonas", date(2019, 10, 19)),
                                     ("child", "Nour", date(2016, 6, 7))))
    documents = Document.objects.bulk_create(
        Document(case=case, file=f"cases/{case.pk}/{kind}.jpg", original_name=f"{kind}.jpg",
                 content_type="image/jpeg", size=1, sha256=f"{case.pk:032x}{n:032x}", status="done", kind=kind,
                 languages=["ar"], review_status="accepted" if n % 2 else "pending")
        for case in created
        for n, kind in enumerate(("asylum_decision", "passport", "passport", "birth_certificate")))
    links = []
    for index, document in enumerate(documents):
        case_members = members[(index // 4) * 3:(index // 4) * 3 + 3]
        if document.kind != "asylum_decision":
            links.append(Document.members.through(document_id=document.pk, familymember_id=case_members[index % 3].pk))
    Document.members.through.objects.bulk_create(links)
    Document.objects.bulk_create(
        Document(case_id=original.case_id, file=f"cases/{original.case_id}/t.pdf", original_name="vertaling.pdf",
                 content_type="application/pdf", size=1, sha256=f"{original.pk:064x}", status="done",
                 kind="translation", languages=["nl"], translation_of=original)
        for original in documents if original.kind == "passport")
    IndLetter.objects.bulk_create(
        IndLetter(case=case, kind="question", received_on=today, response_due=today + timedelta(days=20),
                  subject="Vragen over de gezinsband")
        for case in created[::3])

    session = SessionStore()
    session[SESSION_KEY] = str(counsellor.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = counsellor.get_session_auth_hash()
    session.create()
    return session.session_key


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=os.environ | env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("The server exited at start") from None
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("The server did not start")


def fetch(port: int, url: str, cookie: str) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", url, headers={"Cookie": f"sessionid={cookie}"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status == 302:
        body = (response.getheader("Location") or "").encode()
    return time.perf_counter() - started, response.status, body


def measure(port: int, cookie: str, urls: list[str], clients: int, requests: int) -> dict[str, list[float]]:
    """Each client thread loads every URL in turn, so both see the same load on the server."""
    timings: dict[str, list[float]] = {url: [] for url in urls}

    def client(n: int) -> None:
        for _ in range(n):
            for url in urls:
                seconds, status, _body = fetch(port, url, cookie)
                if status != 200:
                    raise RuntimeError(f"{url} answered {status}")
                timings[url].append(seconds)

    per_client = max(1, requests // clients)
    with ThreadPoolExecutor(max_workers=clients) as pool:
        for future in [pool.submit(client, per_client) for _ in range(clients)]:
            future.result()
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="requests per URL, over all clients")
    parser.add_argument("--single-requests", type=int, default=50, help="requests per URL with one client")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nareis-bench-dashboard-") as tmp:
        env = configure_environment(Path(tmp))
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        cookie = seed(args.cases)
        port = free_port()
        server = start_server(env, port)
        try:
            _, status, body = fetch(port, "/", cookie)
            rows = body.count(b"data-case=")
            if status != 200 or rows != args.cases:
                raise RuntimeError(f"The dashboard answered {status} with {rows} cases, expected {args.cases}: {body[:200]}")
            measure(port, cookie, ["/", "/bench/ping/"], args.clients, args.clients * 2)  # warm up
            alone = measure(port, cookie, ["/", "/bench/ping/"], 1, args.single_requests)
            timings = measure(port, cookie, ["/", "/bench/ping/"], args.clients, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"dashboard benchmark: {args.cases} cases of one counsellor, Django runserver (one process) on 127.0.0.1")
    report(f"1 client, {len(alone['/'])} requests per view", alone)
    report(f"{args.clients} concurrent clients, {len(timings['/'])} requests per view", timings)


def report(title: str, timings: dict[str, list[float]]) -> None:
    print(title)
    results = {}
    for label, url in (("trivial view", "/bench/ping/"), ("dashboard", "/")):
        median, p95 = statistics.median(timings[url]) * 1000, percentile(timings[url], 0.95) * 1000
        results[label] = (median, p95)
        print(f"  {label:<13} median {median:8.1f} ms   p95 {p95:8.1f} ms")
    (trivial_median, trivial_p95), (dash_median, dash_p95) = results["trivial view"], results["dashboard"]
    print(f"  ratio dashboard / trivial: median {dash_median / trivial_median:.1f}x   p95 {dash_p95 / trivial_p95:.1f}x")


if __name__ == "__main__":
    main()
