import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Cases belong to an organisation: added empty here, filled by 0005, required by 0006.

    Three migrations, each in its own transaction: PostgreSQL refuses to alter a table with pending
    foreign-key checks from rows updated in the same transaction.
    """

    dependencies = [
        ("accounts", "0004_organisations"),
        ("tracker", "0003_sponsor_side"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="cases",
                                    to="accounts.organisation", verbose_name="organisation"),
        ),
    ]
