import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tracker", "0005_default_organisation")]

    operations = [
        migrations.AlterField(
            model_name="case",
            name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="cases",
                                    to="accounts.organisation", verbose_name="organisation"),
        ),
    ]
