import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract: scale with processes, not threads

app = Celery("nareis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
