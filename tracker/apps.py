from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"

    def ready(self):
        from . import page_cache, receivers, summaries

        summaries.connect()
        page_cache.connect()
        receivers.connect()
