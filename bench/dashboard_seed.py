"""The dashboard benchmark's data, written with PostgreSQL's COPY: 80,000 cases in a minute or two, not twenty.

Each table gets its rows through ``COPY ... FROM STDIN`` (psycopg's ``cursor.copy``). The columns a row does not
set take the model's own defaults, worked out once per table from an unsaved instance, so a field added to a
model later needs nothing here unless it has no default. Ids are given here (the database is new), and each
table's identity sequence is moved past them at the end.

Cases come in a few hundred *shapes* (decision date, review outcomes, an open IND letter or not): all cases of a
shape have the same facts. The rules (``tracker.summaries.refresh_summaries``) run on the first case of each shape,
and every other case of that shape gets a copy of its summary in one ``INSERT ... SELECT``. A sample of cases is
then summarised again by the rules and compared, so a copy that the rules would not have written stops the run.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, models
from django.utils import timezone

FOLLOWED_BY_THE_COUNSELLOR = 200
DOCUMENT_KINDS = ("asylum_decision", "passport", "passport", "birth_certificate")
MEMBERS = (("spouse", "Fatima", date(1990, 4, 2)), ("child", "Yonas", date(2019, 10, 19)),
           ("child", "Nour", date(2016, 6, 7)))
REVIEWS = ("accepted", "pending", "rejected")
CHECKED_SAMPLE = 200


def defaults(model: type[models.Model], **required) -> dict[str, object]:
    """Every concrete column of ``model`` with the value Django would write for an instance left at its defaults."""
    instance = model(**required)
    values = {}
    for field in model._meta.concrete_fields:
        value = field.pre_save(instance, add=True)  # auto_now(_add) fields take the time now
        values[field.column] = _plain(field.get_db_prep_save(value, connection))
    return values


def _plain(value):
    """JSON columns as text: COPY parses them like any other column."""
    if value is not None and type(value).__name__ in ("Jsonb", "Json"):
        return json.dumps(value.obj)
    return value


def copy_rows(model: type[models.Model], base: dict[str, object], columns: Sequence[str],
              rows: Iterable[Sequence]) -> int:
    """COPY ``rows`` (values for ``columns``) into ``model``'s table, the other columns taken from ``base``."""
    fixed = [column for column in base if column not in columns]
    names = [*columns, *fixed]
    tail = tuple(base[column] for column in fixed)
    table = model._meta.db_table
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor under Django's wrapper
        quoted = ", ".join(f'"{name}"' for name in names)
        with raw.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row((*row, *tail))
                count += 1
    return count


def reset_sequences(*models_: type[models.Model]) -> None:
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                           f"COALESCE((SELECT MAX(id) FROM \"{table}\"), 0) + 1, false)")


@dataclass(frozen=True)
class Sizes:
    organisations: int
    counsellors: int
    cases: int


def case_shape(i: int) -> tuple:
    """What a case's summary depends on: the decision date's age (or none) and the reviews' and letter's cycle."""
    return (None if i % 17 == 0 else i % 120, i % 3)


def seed(sizes: Sizes) -> dict[str, float]:
    """Write the benchmark's rows; returns the seconds spent per part."""
    from accounts.models import Organisation, User
    from audit.models import AuditEvent
    from documents.models import Document
    from cases.models import Case, FamilyMember
    from tracker.models import IndLetter

    timings: dict[str, float] = {}
    started = time.monotonic()
    now = timezone.now()
    today = timezone.localdate()
    n_orgs, n_counsellors, n_cases = sizes.organisations, sizes.counsellors, sizes.cases

    copy_rows(Organisation, defaults(Organisation, name=""), ["id", "name"],
              ((o + 1, f"Organisation {o:02d}") for o in range(n_orgs)))

    # Users: counsellors 1..C, coordinators C+1..C+O, the bench counsellor, then one sponsor per case.
    user_base = defaults(User, username="", password="!")
    counsellor_id = lambda n: n + 1  # noqa: E731
    coordinator_id = lambda o: n_counsellors + o + 1  # noqa: E731
    bench_counsellor = n_counsellors + n_orgs + 1
    sponsor_id = lambda i: bench_counsellor + i + 1  # noqa: E731
    staff = [(counsellor_id(n), f"counsellor-{n}", "Sanne", f"de Vries {n}", "counsellor", n % n_orgs + 1)
             for n in range(n_counsellors)]
    staff += [(coordinator_id(o), f"coordinator-{o}", "Ruud", f"Bakker {o}", "coordinator", o + 1)
              for o in range(n_orgs)]
    staff += [(bench_counsellor, "bench-counsellor", "Bench", "Counsellor", "counsellor", 1)]
    sponsors = ((sponsor_id(i), f"sponsor-{i}", "Omar", f"Rahimi{i}", "sponsor", None) for i in range(n_cases))
    columns = ["id", "username", "first_name", "last_name", "role", "organisation_id"]
    copy_rows(User, user_base, columns, staff)
    copy_rows(User, user_base, columns, sponsors)
    timings["users"] = time.monotonic() - started

    # Cases: case i belongs to organisation i % O; its counsellor is one of that organisation's.
    team = {o: [n for n in range(n_counsellors) if n % n_orgs == o] for o in range(n_orgs)}
    case_base = defaults(Case, sponsor_id=0, organisation_id=0)
    case_id = lambda i: i + 1  # noqa: E731
    copy_rows(Case, case_base, ["id", "sponsor_id", "organisation_id", "v_number", "sponsor_birth_date",
                                "permit_decision_date"],
              ((case_id(i), sponsor_id(i), i % n_orgs + 1, f"{1000000000 + i}", date(1988, 1, 15),
                None if i % 17 == 0 else today - timedelta(days=i % 120)) for i in range(n_cases)))
    assignments = [(case_id(i), counsellor_id(team[i % n_orgs][(i // n_orgs) % len(team[i % n_orgs])]))
                   for i in range(n_cases) if i % 250]  # one case in 250 waits for a counsellor
    ours = [i for i in range(n_cases) if i % n_orgs == 0][:FOLLOWED_BY_THE_COUNSELLOR]
    assignments += [(case_id(i), bench_counsellor) for i in ours]
    through = Case.counsellors.through
    copy_rows(through, {}, ["id", "case_id", "user_id"], ((k + 1, *pair) for k, pair in enumerate(assignments)))
    timings["cases"] = time.monotonic() - started - sum(timings.values())

    # Three members a case, four documents (one a decision, three about a member), a translation per passport.
    member_base = defaults(FamilyMember, case_id=0)
    member_id = lambda i, m: 3 * i + m + 1  # noqa: E731
    copy_rows(FamilyMember, member_base, ["id", "case_id", "relation", "given_names", "surname", "birth_date"],
              ((member_id(i, m), case_id(i), relation, name, "Rahimi", born)
               for i in range(n_cases) for m, (relation, name, born) in enumerate(MEMBERS)))
    document_base = defaults(Document, case_id=0, size=1)
    document_base |= {"status": "done", "languages": json.dumps(["ar"]), "content_type": "image/jpeg",
                      "processed_at": now}
    document_id = lambda i, n: 4 * i + n + 1  # noqa: E731
    translation_id = lambda i, n: 4 * n_cases + 2 * i + n  # noqa: E731  (n = 1, 2: the passports)
    copy_rows(Document, document_base, ["id", "case_id", "organisation_id", "file", "original_name", "sha256", "kind",
                                        "review_status", "review_reason"],
              ((document_id(i, n), case_id(i), i % n_orgs + 1, f"cases/{case_id(i)}/{kind}-{n}.jpg", f"{kind}.jpg",
                f"{i:032x}{n:032x}", kind, REVIEWS[(i + n) % 3], "Unreadable photo" if (i + n) % 3 == 2 else "")
               for i in range(n_cases) for n, kind in enumerate(DOCUMENT_KINDS)))
    translation_base = document_base | {"content_type": "application/pdf", "languages": json.dumps(["nl"])}
    copy_rows(Document, translation_base, ["id", "case_id", "organisation_id", "file", "original_name", "sha256",
                                           "kind", "translation_of_id"],
              ((translation_id(i, n), case_id(i), i % n_orgs + 1, f"cases/{case_id(i)}/t-{n}.pdf", "vertaling.pdf",
                f"{i:032x}{n + 8:032x}", "translation", document_id(i, n))
               for i in range(n_cases) for n in (1, 2)))
    links = Document.members.through
    copy_rows(links, {}, ["id", "document_id", "familymember_id"],
              ((3 * i + n, document_id(i, n), member_id(i, (4 * i + n) % 3))
               for i in range(n_cases) for n in (1, 2, 3)))
    letter_base = defaults(IndLetter, case_id=0, received_on=today)
    copy_rows(IndLetter, letter_base, ["id", "case_id", "kind", "received_on", "response_due", "subject"],
              ((i // 3 + 1, case_id(i), "question", today, today + timedelta(days=20), "Vragen over de gezinsband")
               for i in range(0, n_cases, 3)))
    timings["members, documents, letters"] = time.monotonic() - started - sum(timings.values())

    # The audit trail: every document's upload, each review by the case's counsellor, some views; spread over a year.
    event_base = defaults(AuditEvent, action="view", target_type="", target_id="")
    rng = random.Random(18)

    def events():
        k = 0
        for i in range(n_cases):
            members_of = team[i % n_orgs]
            reviewer = counsellor_id(members_of[(i // n_orgs) % len(members_of)])
            for n in range(4):
                when = now - timedelta(days=rng.randrange(365), minutes=rng.randrange(1440))
                k += 1
                yield (k, when, sponsor_id(i), f"Omar Rahimi{i}", "create", "document", str(document_id(i, n)), case_id(i))
                if REVIEWS[(i + n) % 3] != "pending":
                    k += 1
                    yield (k, when + timedelta(days=2), reviewer, "Sanne de Vries", "review", "document",
                           str(document_id(i, n)), case_id(i))
            k += 1
            yield (k, now - timedelta(days=rng.randrange(30)), reviewer, "Sanne de Vries", "view", "case",
                   str(case_id(i)), case_id(i))

    copy_rows(AuditEvent, event_base, ["id", "at", "actor_id", "actor_name", "action", "target_type", "target_id",
                                       "case_id"], events())
    reset_sequences(Organisation, User, Case, through, FamilyMember, Document, links, IndLetter, AuditEvent)
    timings["audit trail"] = time.monotonic() - started - sum(timings.values())

    summarise_by_shape(n_cases, case_id)
    timings["summaries"] = time.monotonic() - started - sum(timings.values())
    with connection.cursor() as cursor:
        # The planner's statistics and the visibility map, as autovacuum keeps them in a database in use (without
        # the map an index-only scan still reads every row).
        cursor.execute("VACUUM ANALYZE")
    timings["vacuum"] = time.monotonic() - started - sum(timings.values())
    return timings


def summarise_by_shape(n_cases: int, case_id) -> None:
    """The rules on one case of each shape; the others of the shape get its summary; a sample is checked."""
    from accounts.models import User
    from cases.models import Case
    from tracker.models import CaseSummary
    from tracker.summaries import refresh_summaries

    first_of: dict[tuple, int] = {}
    shape_of: list[int] = []
    for i in range(n_cases):
        shape_of.append(first_of.setdefault(case_shape(i), case_id(i)))
    refresh_summaries(first_of.values())
    # What the rules worked out is copied; the case's own organisation, open state and counsellors are its own.
    own = {"case_id": "b.case_id", "organisation_id": "c.organisation_id", "open": "c.closed_on IS NULL",
           "attended": (f'EXISTS (SELECT 1 FROM "{Case.counsellors.through._meta.db_table}" cc JOIN '
                        f'"{User._meta.db_table}" u ON u.id = cc.user_id WHERE cc.case_id = b.case_id AND u.is_active)')}
    columns = [field.column for field in CaseSummary._meta.concrete_fields if field.column not in own]
    table = CaseSummary._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE bench_shape (case_id bigint PRIMARY KEY, model_id bigint)")
        with cursor.cursor.copy("COPY bench_shape (case_id, model_id) FROM STDIN") as copy:
            for i, model in enumerate(shape_of):
                if case_id(i) != model:
                    copy.write_row((case_id(i), model))
        listed = ", ".join(f'"{column}"' for column in [*own, *columns])
        taken = ", ".join([*own.values(), *(f's."{column}"' for column in columns)])
        cursor.execute(f'INSERT INTO "{table}" ({listed}) SELECT {taken} FROM bench_shape b '
                       f'JOIN "{table}" s ON s.case_id = b.model_id JOIN "{Case._meta.db_table}" c ON c.id = b.case_id')
        cursor.execute("DROP TABLE bench_shape")
    check_sample(n_cases, case_id)


def check_sample(n_cases: int, case_id) -> None:
    """Cases chosen at random, summarised again by the rules: their copied summaries must not change."""
    from tracker.models import CaseSummary
    from tracker.summaries import refresh_summaries

    sample = [case_id(i) for i in random.Random(5).sample(range(n_cases), min(CHECKED_SAMPLE, n_cases))]
    fields = [field.attname for field in CaseSummary._meta.concrete_fields if field.name != "complete_since"]
    copied = {row["case_id"]: row for row in CaseSummary.objects.filter(case_id__in=sample).values(*fields)}
    refresh_summaries(sample)
    for row in CaseSummary.objects.filter(case_id__in=sample).values(*fields):
        if row != copied[row["case_id"]]:
            raise RuntimeError(f"case {row['case_id']}: the copied summary {copied[row['case_id']]} is not the "
                               f"rules' {row}")
