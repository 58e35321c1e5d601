"""Demo accounts and a demo family, for trying Nareis locally. Safe to run again."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import Organisation
from cases.models import Case, FamilyMember

DEMO_ORGANISATION = "Demo organisation"

DEMO_ACCOUNTS = [
    # username, password, role, first name, last name, superuser
    ("sponsor", "nareis-sponsor", "sponsor", "Omar", "Rahimi", False),
    ("counsellor", "nareis-counsellor", "counsellor", "Sanne", "de Vries", False),
    ("coordinator", "nareis-coordinator", "coordinator", "Ruud", "Bakker", False),
    # The admin has no organisation role: it is no counsellor, so it is never offered for a case.
    ("admin", "nareis-admin", "sponsor", "Admin", "Nareis", True),
]

# Names and birth dates match some photos in the shared sample corpus, so that
# uploading them shows linking at work.
DEMO_FAMILY = [
    ("spouse", "Fatima", "Rahimi", date(1990, 4, 2)),
    ("child", "Yonas", "Rahimi", date(2019, 10, 19)),
    ("child", "Nour", "Rahimi", date(2016, 6, 7)),
]


class Command(BaseCommand):
    help = "Create the demo sponsor, counsellor and admin, and a family of four."

    @transaction.atomic
    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo accounts have known passwords: seed_demo refuses to run in production.")
        User = get_user_model()
        organisation, _ = Organisation.objects.get_or_create(name=DEMO_ORGANISATION)
        users = {}
        for username, password, role, first, last, superuser in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            user.first_name, user.last_name, user.role = first, last, role
            user.is_staff = user.is_superuser = superuser
            user.organisation = organisation if role in ("counsellor", "coordinator") and not superuser else None
            user.set_password(password)
            user.save()
            users[username] = user

        case, created = Case.objects.get_or_create(
            sponsor=users["sponsor"],
            defaults={
                "sponsor_birth_date": date(1988, 1, 15),
                "permit_decision_date": timezone.localdate() - timedelta(days=40),
                "v_number": "1234567890",
                "organisation": organisation,
            },
        )
        case.counsellors.add(users["counsellor"])
        if created:
            for relation, given, surname, born in DEMO_FAMILY:
                FamilyMember.objects.create(case=case, relation=relation, given_names=given, surname=surname, birth_date=born)

        self.stdout.write("Demo logins (http://127.0.0.1:8000/):")
        for username, password, role, *_ in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<11} password {password:<18} ({'admin' if username == 'admin' else role})")
