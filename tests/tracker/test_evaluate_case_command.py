"""`manage.py evaluate_case`: the contract's command line around the nareis rules (no database)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.tracker.test_rules import CONTRACT_EXAMPLE


def write_scenario(tmp_path: Path, scenario: object) -> str:
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")
    return str(path)


def evaluate_case(*args: str) -> dict:
    stdout = io.StringIO()
    call_command("evaluate_case", *args, stdout=stdout)
    lines = stdout.getvalue().splitlines()
    assert len(lines) == 1, "exactly one JSON object on stdout"
    return json.loads(lines[0])


def test_contract_example_prints_its_evaluation(tmp_path):
    output = evaluate_case(write_scenario(tmp_path, CONTRACT_EXAMPLE))
    assert list(output) == ["deadline", "days_left", "deadline_status", "complete", "warnings", "sponsor", "members"]
    assert (output["deadline"], output["days_left"], output["deadline_status"]) == ("2027-01-01", 34, "open")
    assert output["sponsor"] == {"requirements": [{"code": "asylum_decision", "status": "missing", "documents": []}]}
    assert output["members"][0]["requirements"] == [
        {"code": "identity", "status": "satisfied", "documents": ["d1"]},
        {"code": "family_bond", "status": "missing", "documents": []},
        {"code": "photo", "status": "missing", "documents": []},
        {"code": "good_conduct", "status": "missing", "documents": []},
        {"code": "marital_status", "status": "missing", "documents": []},
    ]
    assert [r["code"] for r in output["members"][1]["requirements"]] == ["identity", "family_bond", "consent", "photo"]


def test_today_defaults_to_the_current_date(tmp_path, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: date(2027, 1, 2))
    scenario = {key: value for key, value in CONTRACT_EXAMPLE.items() if key != "today"}
    output = evaluate_case(write_scenario(tmp_path, scenario))
    assert (output["days_left"], output["deadline_status"]) == (-1, "passed")
    assert output["warnings"] == [{"code": "deadline_passed", "member": None}]


def test_non_ascii_ids_are_printed_as_they_are(tmp_path):
    scenario = {"today": "2026-11-28", "sponsor": {}, "members": [{"id": "مريم", "relation": "child"}]}
    path = write_scenario(tmp_path, scenario)
    stdout = io.StringIO()
    call_command("evaluate_case", path, stdout=stdout)
    assert '"id": "مريم"' in stdout.getvalue()


def test_scenario_can_come_from_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(CONTRACT_EXAMPLE)))
    assert evaluate_case("-")["deadline"] == "2027-01-01"


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match=r"nope\.json: cannot read the scenario: No such file or directory"):
        call_command("evaluate_case", str(tmp_path / "nope.json"))


def test_invalid_json_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"sponsor": {}', encoding="utf-8")
    with pytest.raises(CommandError, match=r"broken\.json: not valid JSON: .* \(line 1, column 15\)"):
        call_command("evaluate_case", str(path))


def test_unknown_relation_is_a_clear_error(tmp_path):
    path = write_scenario(tmp_path, {"sponsor": {}, "members": [{"id": "m1", "relation": "cousin"}]})
    with pytest.raises(CommandError, match=r"members\[0\]\.relation: 'cousin' is not one of spouse, partner"):
        call_command("evaluate_case", path)


def manage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )


def test_command_line_prints_only_the_json_object(tmp_path):
    result = manage("evaluate_case", write_scenario(tmp_path, CONTRACT_EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["days_left"] == 34


def test_command_line_error_goes_to_stderr_without_traceback(tmp_path):
    result = manage(
        "evaluate_case", write_scenario(tmp_path, {"sponsor": {}, "members": [{"id": "m1", "relation": "cousin"}]})
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("CommandError: ") and "'cousin' is not one of" in result.stderr
    assert "Traceback" not in result.stderr


PARTNER_SCENARIO = {
    "today": "2026-11-28",
    "sponsor": {"birth_date": "1990-05-01", "permit_decision_date": "2026-10-01"},
    "members": [{"id": "p", "relation": "partner", "birth_date": "1991-01-01"}],
}


def partner_reasons(tmp_path, **scenario) -> list[str]:
    return evaluate_case(write_scenario(tmp_path, {**PARTNER_SCENARIO, **scenario}))["members"][0]["reasons"]


def test_a_named_policy_applies_whatever_the_setting(tmp_path, settings):
    settings.TWO_STATUS_RULES_FROM = date(2020, 1, 1)
    assert partner_reasons(tmp_path, policy="before_two_status") == []
    settings.TWO_STATUS_RULES_FROM = None
    assert partner_reasons(tmp_path, policy="two_status") == ["relation_not_allowed_by_policy"]


def test_without_a_policy_the_setting_chooses_by_the_filing_day(tmp_path, settings):
    settings.TWO_STATUS_RULES_FROM = date(2027, 1, 1)
    assert partner_reasons(tmp_path) == []  # filed today, 28 November 2026
    assert partner_reasons(tmp_path, application_date="2027-01-01") == ["relation_not_allowed_by_policy"]


def test_section_3_and_4_input_is_read(tmp_path):
    scenario = {
        "today": "2026-11-28",
        "policy": "before_two_status",
        "application_date": "2026-12-01",
        "sponsor": {"birth_date": "2008-06-01", "permit_decision_date": "2026-10-01",
                    "asylum_application_date": "2024-06-01"},
        "members": [{"id": "m", "relation": "parent", "birth_date": "1970-01-01", "name": "AMINA YUSUF"}],
        "documents": [{"id": "d", "kind": "passport", "members": ["m"], "status": "accepted", "language": "ar",
                       "expiry_date": "2026-12-31", "mrz": True,
                       "people": [{"member": "m", "given_names": "AMNA", "birth_date": "1970-01-01"}]}],
    }
    output = evaluate_case(write_scenario(tmp_path, scenario))
    assert output["members"][0]["eligible"] is True
    assert output["warnings"] == [
        {"code": "deadline_due_soon", "member": None},
        {"code": "minor_sponsor_procedure", "member": None},
        {"code": "identity_document_expires_soon", "member": "m"},
    ]
    assert [r["code"] for r in output["members"][0]["requirements"]] == [
        "identity", "family_bond", "photo", "good_conduct", "marital_status"
    ]


def test_unknown_policy_and_dangling_other_parent_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match=r"scenario\.policy: 'new' is not one of before_two_status, two_status"):
        call_command("evaluate_case", write_scenario(tmp_path, {**PARTNER_SCENARIO, "policy": "new"}))
    members = [{"id": "c", "relation": "child", "other_parent": "x"}]
    with pytest.raises(CommandError, match=r"members\[0\]\.other_parent: no other member has id 'x'"):
        call_command("evaluate_case", write_scenario(tmp_path, {**PARTNER_SCENARIO, "members": members}))
