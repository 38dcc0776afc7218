from django.db import migrations, models


class Migration(migrations.Migration):
    """Links to trusted sites publish under the link policies "hold" and "block" (docs/screening.md, "Links
    and trusted sites"): Dewan's list of public-service sites, which an organiser may turn off, and the
    organiser's own sites."""

    dependencies = [
        ("webinar", "0014_outbox_fanout"),
    ]

    operations = [
        migrations.AddField(
            model_name="screeningsettings",
            name="trust_listed_sites",
            field=models.BooleanField(default=True, verbose_name="publish links to public-service sites"),
        ),
        migrations.AddField(
            model_name="screeningsettings",
            name="trusted_sites",
            field=models.TextField(blank=True, help_text="One per line.", verbose_name="your trusted sites"),
        ),
    ]
