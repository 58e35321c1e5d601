"""QuerySet.update(), bulk_create() and bulk_update() send no post_save: a function that writes cases, documents or
family members that way must say so (``cases.signals.cases_changed``, ``documents.signals.documents_changed``, or
``tracker.summaries.refresh_summaries`` itself), or the stored checklist summaries and the cached dashboards and
reports show the rows as they were.

Read from the source with ``ast``: a call of one of those methods on an expression naming ``Case``, ``Document``
or ``FamilyMember`` (``Case.objects.filter(...).update(...)``), in a function that does not name one of the
refreshing calls, is reported with its file and line. Migrations (run before anyone looks) are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("accounts", "audit", "cases", "config", "documents", "tracker", "scripts")
BULK_METHODS = {"update", "bulk_create", "bulk_update"}
MODELS = {"Case", "Document", "FamilyMember"}
REFRESHING = ("cases_changed", "documents_changed", "refresh_summaries", "refresh_case")
# (file, function): why its bulk write changes nothing a summary or a staff page shows.
EXEMPT = {
    ("documents/processing.py", "beat"): "the worker's heartbeat touches updated_at alone",
}


def unrefreshed_bulk_writes(path: Path, root: Path) -> list[str]:
    source = path.read_text()
    relative = path.relative_to(root).as_posix()
    found = []

    def visit(node: ast.AST, function: ast.AST | None) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node  # a call belongs to the innermost function around it
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in BULK_METHODS
              and MODELS & {name.id for name in ast.walk(node.func.value) if isinstance(name, ast.Name)}):
            body = ast.get_source_segment(source, function) if function is not None else source
            name = function.name if function is not None else "<module>"
            if not any(call in body for call in REFRESHING) and (relative, name) not in EXEMPT:
                found.append(f"{relative}:{node.lineno} {name}")
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source, filename=str(path)), None)
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_every_bulk_write_of_cases_documents_or_members_refreshes_the_summaries(package):
    offenders = [offender for path in sorted((ROOT / package).rglob("*.py")) if "migrations" not in path.parts
                 for offender in unrefreshed_bulk_writes(path, ROOT)]
    assert offenders == []


def test_the_check_finds_an_update_that_tells_no_one(tmp_path):
    (tmp_path / "fix.py").write_text(
        "def quietly(pk):\n    Document.objects.filter(pk=pk).update(status='done')\n\n"
        "def loudly(pk):\n    Case.objects.filter(pk=pk).update(v_number='')\n    cases_changed.send(Case, case_ids=[pk])\n"
        "def elsewhere(pk):\n    Notification.objects.filter(pk=pk).update(sent_at=None)\n")

    assert unrefreshed_bulk_writes(tmp_path / "fix.py", tmp_path) == ["fix.py:2 quietly"]
