from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"

    def ready(self):
        from . import receivers, summaries

        summaries.connect()
        receivers.connect()
