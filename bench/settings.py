"""Settings for the dashboard benchmark's server: the project's, plus one trivial view to compare against."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.dashboard"
