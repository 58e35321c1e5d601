"""`manage.py evaluate_case SCENARIO.json`: the nareis rules on a described case (CONTRACTS.md sections 2 to 4).

Prints exactly one JSON object on stdout; errors go to stderr as a CommandError
(exit status 1, no traceback). Reads and writes no database.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from dataclasses import replace

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tracker.rules import case_facts_from_dict, choose, evaluate


class Command(BaseCommand):
    help = "Apply the nareis rules to a case described in JSON and print the evaluation as JSON."
    requires_system_checks = []  # pure computation: unrelated configuration must not stop it

    def add_arguments(self, parser) -> None:
        parser.add_argument("scenario", help="path to the scenario JSON file, or - for standard input")

    def handle(self, *args: Any, scenario: str, **options: Any) -> None:
        data = _load_json(scenario)
        try:
            facts, today = case_facts_from_dict(data)
        except ValueError as error:
            raise CommandError(f"{scenario}: {error}") from None
        today = today or timezone.localdate()
        if facts.policy is None:  # CONTRACTS.md section 4: the version in force on the filing day
            facts = replace(facts, policy=choose(facts.application_date or today, settings.TWO_STATUS_RULES_FROM))
        evaluation = evaluate(facts, today)
        self.stdout.write(json.dumps(evaluation.to_dict(), ensure_ascii=False))


def _load_json(path: str) -> Any:
    try:
        if path == "-":
            return json.load(sys.stdin)
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except OSError as error:
        raise CommandError(f"{path}: cannot read the scenario: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: the scenario is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise CommandError(f"{path}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
