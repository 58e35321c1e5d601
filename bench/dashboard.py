"""Dashboards and reports at scale on PostgreSQL, under concurrent clients, beside a trivial view in the same run.

Builds (or reuses, with ``--reuse``) a database of its own on this machine's PostgreSQL server: ORGANISATIONS
organisations, COUNSELLORS counsellors and CASES cases spread over them (each with three family members, four
documents, translations and, for every third, an open IND letter), a coordinator per organisation, and one
counsellor ("bench-counsellor") who also follows 200 cases of their organisation. Rows are bulk-created and
the stored checklist summaries computed by ``tracker.summaries.refresh_summaries`` (as the nightly task does,
over one process per CPU). Then it
starts the real Django server on 127.0.0.1 and has C client threads load, in turns, the coordinator's dashboard,
the reports, the counsellor's dashboard and a trivial view (``bench/ping/``, same middleware, no database),
and prints the median and 95th percentile of each and their ratio to the trivial view.

    .venv/bin/python -m bench.dashboard [--organisations 50] [--counsellors 2000] [--cases 80000]
        [--clients 8] [--requests 400] [--database-url postgres://postgres@127.0.0.1:5432/nareis_bench_dashboard]
        [--reuse]
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
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.http import HttpResponse
from django.urls import include, path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/nareis_bench_dashboard"
FOLLOWED_BY_THE_COUNSELLOR = 200
BATCH = 5000


def ping(request):
    return HttpResponse(b"ok", content_type="text/plain")


# The server runs with bench.settings, whose ROOT_URLCONF is this module. Run as a script, the module is
# imported before Django is set up and must not load the project's URLs yet.
if apps.ready:
    urlpatterns = [path("bench/ping/", ping), path("", include("config.urls"))]


def configure_environment(workdir: Path, database_url: str) -> dict[str, str]:
    env = {
        "NAREIS_VAR_DIR": str(workdir),
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "false",  # DEBUG keeps every query in memory: not what production does
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    return env


def create_database(database_url: str, fresh: bool) -> bool:
    """The bench's own database on the server; returns whether it was (re)created."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and not fresh:
            return False
        if exists:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
        # A throwaway database: no waiting for each commit to reach the disk while seeding.
        connection.execute(f'ALTER DATABASE "{name}" SET synchronous_commit TO off')
    return True


def already_seeded(organisations: int, counsellors: int, cases: int) -> bool:
    from accounts.models import Organisation, User
    from tracker.models import Case, CaseSummary

    return (Organisation.objects.count() == organisations and Case.objects.count() == cases
            and User.objects.filter(role="counsellor").count() == counsellors + 1  # + bench-counsellor
            and CaseSummary.objects.count() == cases)


def seed(organisations: int, counsellors: int, cases: int) -> None:
    """Everything bulk-created; passwords unusable (the bench logs in by session)."""
    from accounts.models import Organisation, User
    from documents.models import Document
    from tracker.models import Case, FamilyMember, IndLetter
    started = time.monotonic()
    orgs = Organisation.objects.bulk_create(Organisation(name=f"Organisation {n:02d}") for n in range(organisations))
    staff = User.objects.bulk_create(
        [User(username=f"counsellor-{n}", first_name="Sanne", last_name=f"de Vries {n}", role="counsellor",
              organisation=orgs[n % organisations], password="!") for n in range(counsellors)]
        + [User(username=f"coordinator-{n}", first_name="Ruud", last_name=f"Bakker {n}", role="coordinator",
                organisation=org, password="!") for n, org in enumerate(orgs)]
        + [User(username="bench-counsellor", first_name="Bench", last_name="Counsellor", role="counsellor",
                organisation=orgs[0], password="!")], batch_size=BATCH)
    by_org: dict[int, list] = {}
    for user in staff[:counsellors]:
        by_org.setdefault(user.organisation_id, []).append(user)
    bench_counsellor = staff[-1]
    sponsors = User.objects.bulk_create((User(username=f"sponsor-{i}", first_name="Omar", last_name=f"Rahimi{i}",
                                              password="!") for i in range(cases)), batch_size=BATCH)
    today = date.today()
    created = Case.objects.bulk_create(
        (Case(sponsor=sponsor, organisation=orgs[i % organisations], v_number=f"{1000000000 + i}",
              sponsor_birth_date=date(1988, 1, 15),
              permit_decision_date=today - timedelta(days=i % 120) if i % 17 else None)
         for i, sponsor in enumerate(sponsors)), batch_size=BATCH)
    assignments = []
    for i, case in enumerate(created):
        team = by_org[case.organisation_id]
        if i % 250:  # one case in 250 waits for a counsellor
            assignments.append(Case.counsellors.through(case_id=case.pk, user_id=team[(i // organisations) % len(team)].pk))
    ours = [case for case in created if case.organisation_id == orgs[0].pk][:FOLLOWED_BY_THE_COUNSELLOR]
    assignments += [Case.counsellors.through(case_id=case.pk, user_id=bench_counsellor.pk) for case in ours]
    Case.counsellors.through.objects.bulk_create(assignments, batch_size=BATCH)
    members = FamilyMember.objects.bulk_create(
        (FamilyMember(case=case, relation=relation, given_names=name, surname="Rahimi", birth_date=born)
         for case in created
         for relation, name, born in (("spouse", "Fatima", date(1990, 4, 2)), ("child", "Yonas", date(2019, 10, 19)),
                                      ("child", "Nour", date(2016, 6, 7)))), batch_size=BATCH)
    documents = Document.objects.bulk_create(
        (Document(case=case, file=f"cases/{case.pk}/{kind}.jpg", original_name=f"{kind}.jpg",
                  content_type="image/jpeg", size=1, sha256=f"{case.pk:032x}{n:032x}", status="done", kind=kind,
                  languages=["ar"], review_status=("accepted", "pending", "rejected")[(case.pk + n) % 3],
                  review_reason="Unreadable photo" if (case.pk + n) % 3 == 2 else "")
         for case in created
         for n, kind in enumerate(("asylum_decision", "passport", "passport", "birth_certificate"))), batch_size=BATCH)
    links = []
    for index, document in enumerate(documents):
        case_members = members[(index // 4) * 3:(index // 4) * 3 + 3]
        if document.kind != "asylum_decision":
            links.append(Document.members.through(document_id=document.pk, familymember_id=case_members[index % 3].pk))
    Document.members.through.objects.bulk_create(links, batch_size=BATCH)
    Document.objects.bulk_create(
        (Document(case_id=original.case_id, file=f"cases/{original.case_id}/t.pdf", original_name="vertaling.pdf",
                  content_type="application/pdf", size=1, sha256=f"{original.pk:064x}", status="done",
                  kind="translation", languages=["nl"], translation_of=original)
         for original in documents if original.kind == "passport"), batch_size=BATCH)
    IndLetter.objects.bulk_create(
        (IndLetter(case=case, kind="question", received_on=today, response_due=today + timedelta(days=20),
                   subject="Vragen over de gezinsband") for case in created[::3]), batch_size=BATCH)
    rows_seconds = time.monotonic() - started
    summarise_in_parallel(os.cpu_count() or 1)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as a database in use has them
    print(f"seeded in {time.monotonic() - started:.0f} s ({rows_seconds:.0f} s rows, the rest the rules' "
          f"summaries of {cases} cases)", flush=True)


def session_for(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import User

    user = User.objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
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


def measure(port: int, views: list[tuple[str, str, str]], clients: int, requests: int) -> dict[str, list[float]]:
    """Each client thread loads every view (label, URL, session) in turn, so all see the same load on the server."""
    timings: dict[str, list[float]] = {label: [] for label, _, _ in views}

    def client(n: int) -> None:
        for _ in range(n):
            for label, url, cookie in views:
                seconds, status, _body = fetch(port, url, cookie)
                if status != 200:
                    raise RuntimeError(f"{label} ({url}) answered {status}")
                timings[label].append(seconds)

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
    parser.add_argument("--organisations", type=int, default=50)
    parser.add_argument("--counsellors", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=80000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200, help="requests per view, over all clients")
    parser.add_argument("--single-requests", type=int, default=30, help="requests per view with one client")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--reuse", action="store_true", help="keep a database seeded with the same sizes")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nareis-bench-dashboard-") as tmp:
        env = configure_environment(Path(tmp), args.database_url)
        sys.path.insert(0, str(ROOT))
        import django

        create_database(args.database_url, fresh=False)
        django.setup()
        from django.core.management import call_command

        if not (args.reuse and already_seeded(args.organisations, args.counsellors, args.cases)):
            from django.db import connection

            connection.close()
            create_database(args.database_url, fresh=True)
            call_command("migrate", verbosity=0)
            seed(args.organisations, args.counsellors, args.cases)
        else:
            call_command("migrate", verbosity=0)
        coordinator, counsellor = session_for("coordinator-0"), session_for("bench-counsellor")
        views = [("trivial view", "/bench/ping/", counsellor), ("coordinator dashboard", "/", coordinator),
                 ("counsellor dashboard", "/", counsellor)]
        views += report_views(coordinator)
        port = free_port()
        server = start_server(env, port)
        try:
            check_pages(port, views)
            measure(port, views, args.clients, args.clients * 2)  # warm up
            alone = measure(port, views, 1, args.single_requests)
            timings = measure(port, views, args.clients, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(f"dashboard benchmark: {args.organisations} organisations, {args.counsellors} counsellors, {args.cases} "
          f"cases on PostgreSQL; the coordinator's organisation has {args.cases // args.organisations} cases, the "
          f"counsellor follows {FOLLOWED_BY_THE_COUNSELLOR}; Django runserver (one process) on 127.0.0.1")
    report(f"1 client, {args.single_requests} requests per view", alone)
    report(f"{args.clients} concurrent clients, {len(timings['trivial view'])} requests per view", timings)


def summarise_in_parallel(processes: int) -> None:
    """The rules' summaries of every case, as the nightly task makes them, over several processes."""
    from django.db import connection

    from tracker.models import Case

    ids = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    connection.close()  # each process opens its own
    chunks = [ids[start:start + 2000] for start in range(0, len(ids), 2000)]
    with ProcessPoolExecutor(max_workers=processes, initializer=_worker_setup) as pool:
        for future in [pool.submit(_summarise, chunk) for chunk in chunks]:
            future.result()


def _worker_setup() -> None:
    import django

    django.setup()


def _summarise(ids: list[int]) -> int:
    from tracker.summaries import refresh_summaries

    return refresh_summaries(ids)


def report_views(cookie: str) -> list[tuple[str, str, str]]:
    """The reports, once they exist (tracker:reports)."""
    from django.urls import NoReverseMatch, reverse

    try:
        return [("reports", reverse("tracker:reports") + "?period=year", cookie)]
    except NoReverseMatch:
        return []


def check_pages(port: int, views: list[tuple[str, str, str]]) -> None:
    from tracker.caseload import PAGE_SIZE

    for label, url, cookie in views:
        _, status, body = fetch(port, url, cookie)
        if status != 200:
            raise RuntimeError(f"{label} answered {status}: {body[:200]}")
        if "dashboard" in label and body.count(b"data-case=") != PAGE_SIZE:
            raise RuntimeError(f"{label} shows {body.count(b'data-case=')} cases, expected a page of {PAGE_SIZE}")


def report(title: str, timings: dict[str, list[float]]) -> None:
    print(title)
    trivial_median, trivial_p95 = statistics.median(timings["trivial view"]), percentile(timings["trivial view"], .95)
    for label, values in timings.items():
        median, p95 = statistics.median(values), percentile(values, 0.95)
        ratio = "" if label == "trivial view" else f"   ratio median {median / trivial_median:4.1f}x  p95 {p95 / trivial_p95:4.1f}x"
        print(f"  {label:<22} median {median * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms{ratio}")


if __name__ == "__main__":
    main()
