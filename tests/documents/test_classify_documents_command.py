"""``manage.py classify_documents --json`` keeps the contract of CONTRACTS.md, section 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

CONTRACT_KEYS = {"file", "kind", "confidence", "languages", "pages", "mrz", "decision_date", "translation", "error",
                 "seconds"}
MRZ_KEYS = {"format", "lines", "document_number", "surname", "given_names", "nationality", "issuing_country",
            "birth_date", "sex", "expiry_date", "valid"}
KINDS = {"passport", "id_card", "birth_certificate", "marriage_certificate", "death_certificate", "family_booklet",
         "translation", "consent_declaration", "asylum_decision", "passport_photo", "good_conduct_statement",
         "marital_status_statement", "foster_care_decision", "other"}


def classify_documents(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "classify_documents", *arguments],
        cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture(scope="module")
def lines(corpus_dir, tmp_path_factory) -> tuple[list[str], subprocess.CompletedProcess]:
    scratch = tmp_path_factory.mktemp("command")
    note = scratch / "notes.txt"
    note.write_text("not a document")
    files = [
        str(corpus_dir / "003_passport.jpg"),
        str(scratch / "missing.jpg"),
        str(corpus_dir / "024_family_booklet.pdf"),
        str(note),
        str(corpus_dir / "027_translation.heic"),
    ]
    return files, classify_documents("--json", "--workers", "2", *files)


def test_exit_status_is_zero_even_with_unreadable_files(lines):
    _, completed = lines
    assert completed.returncode == 0, completed.stderr


def test_one_json_object_per_file_in_input_order_with_the_exact_keys(lines):
    files, completed = lines
    objects = [json.loads(line) for line in completed.stdout.splitlines()]
    assert [obj["file"] for obj in objects] == files
    for obj in objects:
        assert set(obj) == CONTRACT_KEYS
        assert obj["kind"] in KINDS
        assert isinstance(obj["confidence"], float | int) and 0 <= obj["confidence"] <= 1
        assert isinstance(obj["languages"], list) and all(isinstance(code, str) and len(code) == 2
                                                          for code in obj["languages"])
        assert isinstance(obj["pages"], int)
        assert isinstance(obj["seconds"], float | int) and obj["seconds"] >= 0
        assert obj["error"] is None or isinstance(obj["error"], str)


def test_readable_files_are_classified_with_their_fields(lines):
    _, completed = lines
    passport, _, booklet, _, translation = (json.loads(line) for line in completed.stdout.splitlines())
    assert passport["kind"] == "passport" and passport["error"] is None and passport["pages"] == 1
    assert set(passport["mrz"]) == MRZ_KEYS
    assert passport["mrz"]["format"] == "TD3" and passport["mrz"]["valid"] is True
    assert passport["mrz"]["surname"] == "OSMAN" and passport["mrz"]["birth_date"] == "1985-11-18"
    assert passport["decision_date"] is None and passport["translation"] is None
    assert booklet["kind"] == "family_booklet" and booklet["pages"] == 1 and booklet["mrz"] is None
    assert translation["kind"] == "translation"
    assert translation["translation"] == {"language": "nl", "sworn": True}


def test_unreadable_files_get_their_own_line_with_an_error(lines):
    _, completed = lines
    _, missing, _, note, _ = (json.loads(line) for line in completed.stdout.splitlines())
    for obj in (missing, note):
        assert obj["error"]
        assert (obj["kind"], obj["pages"], obj["mrz"], obj["languages"]) == ("other", 0, None, [])


def test_worker_count_does_not_change_the_output(corpus_dir):
    files = [str(corpus_dir / "046_other.jpg"), str(corpus_dir / "011_birth_certificate.jpg")]

    def without_timing(completed):
        return [{k: v for k, v in json.loads(line).items() if k != "seconds"} for line in completed.stdout.splitlines()]

    assert without_timing(classify_documents("--json", "--workers", "1", *files)) == \
        without_timing(classify_documents("--json", "--workers", "2", *files))


def test_readable_table_without_json(corpus_dir):
    completed = classify_documents("--workers", "1", str(corpus_dir / "046_other.jpg"))
    assert completed.returncode == 0
    header, row = completed.stdout.splitlines()
    assert header.split()[:3] == ["file", "kind", "confidence"]
    assert "046_other.jpg" in row and "other" in row


def test_wrong_arguments_exit_non_zero():
    assert classify_documents("--json").returncode != 0  # no FILE
    assert classify_documents("--workers", "0", str(Path(__file__))).returncode != 0
