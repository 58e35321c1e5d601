"""Test processes running side by side (``make test`` uses pytest-xdist) keep their files apart.

pytest-django gives each process its own test database (``_gw0``, ``_gw1``) and ``tests/conftest.py`` gives each
its own Celery queue and page-cache prefix; the uploaded files need a folder of their own too, or a test counting
what one upload stored would count the other process's files. Django reads MEDIA_ROOT once, when its settings load,
so this runs first of all (loaded with ``-p`` in pytest.ini, before pytest-django sets Django up).
"""

from __future__ import annotations

import os

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    process = os.environ.get("PYTEST_XDIST_WORKER")
    if process and os.environ.get("MEDIA_ROOT"):
        os.environ["MEDIA_ROOT"] = os.path.join(os.environ["MEDIA_ROOT"], process)
