"""Bring every case's stored checklist summary up to date (the nightly beat task does the same)."""

from django.core.management.base import BaseCommand

from tracker.summaries import refresh_all


class Command(BaseCommand):
    help = "Apply the rules to every case and store its checklist summary for the dashboards."

    def handle(self, *args, **options):
        self.stdout.write(f"{refresh_all()} cases summarised.")
