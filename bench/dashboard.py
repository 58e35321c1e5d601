"""Dashboards and reports at scale on PostgreSQL, under concurrent clients, beside a trivial view in the same run.

Builds (or reuses, with ``--reuse``) a database of its own on this machine's PostgreSQL server: ORGANISATIONS
organisations, COUNSELLORS counsellors and CASES cases spread over them (each with three family members, four
documents, translations and, for every third, an open IND letter), a coordinator per organisation, one counsellor
("bench-counsellor") who also follows 200 cases of their organisation, and an audit trail (uploads, reviews, views
over a year). The rows are written with PostgreSQL's COPY and the stored checklist summaries made by the rules once
per shape of case (``bench.dashboard_seed``): about a minute for 80,000 cases. Then it serves them with production's
gunicorn (config/gunicorn.py), then with Django's runserver, and has C client threads load, in turns, the
coordinator's dashboard, the reports, the counsellor's dashboard and a trivial view (``bench/ping/``, same
middleware, no database), and prints the median and 95th percentile of each and their ratio to the trivial view.

    .venv/bin/python -m bench.dashboard [--organisations 50] [--counsellors 2000] [--cases 80000]
        [--clients 8] [--requests 400] [--database-url postgres://postgres@127.0.0.1:5432/nareis_bench_dashboard]
        [--reuse] [--server gunicorn runserver]
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
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.http import HttpResponse
from django.urls import include, path

from .dashboard_seed import FOLLOWED_BY_THE_COUNSELLOR

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/nareis_bench_dashboard"


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
        # Pages cached by an earlier run, of a database seeded again with the same ids, must not be served.
        "NAREIS_PAGE_CACHE_PREFIX": f"bench-pages-{uuid.uuid4().hex[:12]}",
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
    from cases.models import Case
    from django.db import connection

    from tracker.models import CaseSummary

    if CaseSummary._meta.db_table not in connection.introspection.table_names():  # created, never migrated
        return False
    return (Organisation.objects.count() == organisations and Case.objects.count() == cases
            and User.objects.filter(role="counsellor").count() == counsellors + 1  # + bench-counsellor
            and CaseSummary.objects.count() == cases)


def seed(organisations: int, counsellors: int, cases: int) -> None:
    """Every row written with COPY, the summaries by the rules per shape of case (``bench.dashboard_seed``)."""
    from .dashboard_seed import Sizes, seed as copy_seed

    started = time.monotonic()
    timings = copy_seed(Sizes(organisations, counsellors, cases))
    parts = ", ".join(f"{part} {seconds:.0f} s" for part, seconds in timings.items())
    print(f"seeded {cases} cases in {time.monotonic() - started:.0f} s ({parts})", flush=True)


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


SERVERS = {
    # Production's (config/gunicorn.py): sync workers, each keeping its database connection between requests.
    "gunicorn": "gunicorn with the production settings (config/gunicorn.py: 4 sync workers, kept database "
                "connections)",
    # Django's development server: one process, a thread and so a new database connection for every request.
    "runserver": "Django runserver (one process, a new thread and database connection per request)",
}


def start_server(env: dict[str, str], port: int, kind: str = "gunicorn") -> subprocess.Popen:
    if kind == "gunicorn":
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py",
                   "--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null"]
    else:
        command = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
        # Each request's thread closes its connection when it ends: kept ones (of threads gone) would pile up
        # to PostgreSQL's max_connections under 8 clients, and the requests then fail.
        env = env | {"DATABASE_CONN_MAX_AGE": "0"}
    server = subprocess.Popen(command, cwd=ROOT, env=os.environ | env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
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


def measure(port: int, views: list[tuple], clients: int, requests: int) -> dict[str, list[float]]:
    """Each client thread loads every view (label, URL, session[, what to do first]) in turn, so all see the same
    load on the server."""
    timings: dict[str, list[float]] = {view[0]: [] for view in views}

    def client(n: int) -> None:
        for _ in range(n):
            for label, url, cookie, *first in views:
                for step in first:
                    step()
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
    parser.add_argument("--server", nargs="+", choices=list(SERVERS), default=list(SERVERS),
                        help="the servers to measure, one after the other (default: both)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nareis-bench-dashboard-") as tmp:
        env = configure_environment(Path(tmp), args.database_url)
        sys.path.insert(0, str(ROOT))
        import django

        created = create_database(args.database_url, fresh=False)
        django.setup()
        from django.core.management import call_command

        if created or not (args.reuse and already_seeded(args.organisations, args.counsellors, args.cases)):
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
        # The same pages drawn again, as on the first request after a change to the organisation's cases (the
        # page cache's generation replaced before each request): what a cached page saves.
        redrawn = [(f"{label}, drawn again", url, cookie, change_in_the_organisation)
                   for label, url, cookie in views[1:]]
        # A change to a case the counsellor does not follow before each request: their page stays in the cache
        # (measured apart, after its own first load).
        unrelated = [("counsellor dashboard, another's case changed", "/", counsellor, change_to_a_case_not_followed())]
        results = {}
        for kind in args.server:
            port = free_port()
            server = start_server(env, port, kind)
            try:
                check_pages(port, views)
                measure(port, views, args.clients, args.clients * 2)  # warm up
                alone = measure(port, views, 1, args.single_requests)
                alone |= measure(port, redrawn, 1, args.single_requests)  # apart: they would redraw the others
                alone |= measure(port, unrelated, 1, args.single_requests)
                # CPU clocks tick every 10 ms: enough requests that the trivial view's few milliseconds show.
                cpu = (cpu_per_request(port, views + redrawn + unrelated, server.pid, 3 * args.single_requests)
                       if kind == "gunicorn" else {})
                results[kind] = alone, measure(port, views, args.clients, args.requests), cpu
            finally:
                server.terminate()
                server.wait(timeout=30)

    print(f"dashboard benchmark: {args.organisations} organisations, {args.counsellors} counsellors, {args.cases} "
          f"cases on PostgreSQL; the coordinator's organisation has {args.cases // args.organisations} cases, the "
          f"counsellor follows {FOLLOWED_BY_THE_COUNSELLOR}; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs")
    for kind, (alone, timings, cpu) in results.items():
        print(f"{SERVERS[kind]} on 127.0.0.1")
        report(f"1 client, {args.single_requests} requests per view", alone)
        report(f"{args.clients} concurrent clients, {len(timings['trivial view'])} requests per view", timings)
        if cpu:
            print("CPU time per request, the server's processes and their PostgreSQL backends together (comparable "
                  "when other work shares the machine; wall times are not)")
            for label, seconds in cpu.items():
                ratio = "" if label == "trivial view" else f"   ratio {seconds / cpu['trivial view']:4.1f}x"
                print(f"  {label:<40} {seconds * 1000:8.1f} ms{ratio}")


def cpu_per_request(port: int, views: list[tuple], server_pid: int, requests: int
                    ) -> dict[str, float]:
    """Each view alone, ``requests`` times in a row: CPU seconds the server (its workers) and the database
    backends serving it spent, per request."""
    from django.db import connection

    cursor = connection.cursor()
    spent = {}
    for label, url, cookie, *first in views:
        cpu = 0.0
        for _ in range(requests):
            for step in first:  # in this process: not counted
                step()
            # The workers' database connections are renewed now and then (CONN_MAX_AGE): the backends serving
            # them are looked up for each request, and one that ended during it is left out.
            processes = [*process_tree(server_pid), *database_backends(cursor)]
            before = cpu_ticks(processes)
            fetch(port, url, cookie)
            after = cpu_ticks(processes + database_backends(cursor))
            cpu += sum(ticks - before.get(pid, 0) for pid, ticks in after.items()
                       if pid in before or pid not in processes)  # a backend started during the request: all
        spent[label] = cpu / os.sysconf("SC_CLK_TCK") / requests
    return spent


def change_in_the_organisation() -> None:
    """As when something changed in the coordinator's (and the counsellor's) organisation: its pages are drawn
    again on their next request."""
    from tracker.page_cache import bump

    bump([1])


def change_to_a_case_not_followed():
    """As when a case of the organisation that "bench-counsellor" does not follow changed (its summary refreshed):
    the coordinator's pages and that case's counsellors' are drawn again, not this counsellor's."""
    from cases.models import Case
    from tracker.page_cache import bump_for_cases

    other = (Case.objects.filter(organisation_id=1).exclude(counsellors__username="bench-counsellor")
             .values_list("pk", flat=True).first())
    return lambda: bump_for_cases([other])


def process_tree(root: int) -> list[int]:
    """``root`` and its descendants (gunicorn's arbiter and workers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, []))
    return found


def database_backends(cursor) -> list[int]:
    """The PostgreSQL backends serving this database, other than this process's own."""
    cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
    return [pid for (pid,) in cursor.fetchall()]


def cpu_ticks(pids: list[int]) -> dict[int, int]:
    """User and system CPU clock ticks of these processes (those still running)."""
    ticks = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime
    return ticks


def report_views(cookie: str) -> list[tuple[str, str, str]]:
    """The reports, once they exist (tracker:reports)."""
    from django.urls import NoReverseMatch, reverse

    try:
        return [("reports", reverse("tracker:reports") + "?period=year", cookie)]
    except NoReverseMatch:
        return []


def check_pages(port: int, views: list[tuple]) -> None:
    from tracker.caseload import PAGE_SIZE

    for label, url, cookie, *_first in views:
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
        print(f"  {label:<40} median {median * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms{ratio}")


if __name__ == "__main__":
    main()
