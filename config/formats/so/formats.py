"""Dates in this language: see ``config.formats.shared``."""

from config.formats.shared import *  # noqa: F403
