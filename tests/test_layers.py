"""The layers point one way: views and tasks → tracker → documents → cases → accounts.

Read from the source with ``ast`` (every import, also one inside a function): ``accounts`` imports none of the
others (but its pages); ``cases`` imports neither ``documents`` nor ``tracker``; ``documents`` never imports
``tracker``. Signals carry news upwards instead (``cases.signals``, ``documents.signals``), received where the
upper layer's ``AppConfig.ready`` connects them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# package: the packages above it, which it must never import
FORBIDDEN = {
    "accounts": ("cases", "documents", "tracker"),
    "cases": ("documents", "tracker"),
    "documents": ("tracker",),
}
# Pages sit above every app, wherever their module is: the sign-in and invitation pages open cases.
VIEWS = {"accounts/views.py"}


def imported_modules(path: Path, root: Path):
    """(line, absolute module name) of each import in ``path``, relative imports resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    here = list(path.relative_to(root).parts[:-1])  # the package the module is in
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module


def violations(package: str, root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted((root / package).rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if name in VIEWS:
            continue
        for line, module in imported_modules(path, root):
            if module.split(".")[0] in FORBIDDEN[package]:
                found.append(f"{name}:{line} imports {module}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_lower_layer_never_imports_a_higher_one(package):
    found = violations(package)
    assert not found, f"{package} must not import {', '.join(FORBIDDEN[package])}:\n" + "\n".join(found)


def test_the_check_names_the_file_and_line_of_relative_and_nested_imports(tmp_path):
    (tmp_path / "documents" / "pipeline").mkdir(parents=True)
    (tmp_path / "documents" / "pipeline" / "probe.py").write_text(
        "from .. import models\nfrom ..models import Document\n\n\ndef f():\n    from tracker import rules\n")
    (tmp_path / "documents" / "views.py").write_text("import tracker.models as case_models\n")
    assert violations("documents", tmp_path) == [
        "documents/pipeline/probe.py:6 imports tracker",
        "documents/views.py:1 imports tracker.models",
    ]
