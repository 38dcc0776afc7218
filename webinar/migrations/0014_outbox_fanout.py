from django.db import migrations, models


class Migration(migrations.Migration):
    """The registrant-wide e-mails (rescheduled, webinar cancelled) are owed in the outbox too."""

    dependencies = [
        ("webinar", "0013_outbox"),
    ]

    operations = [
        migrations.AlterField(
            model_name="outboxentry",
            name="topic",
            field=models.CharField(
                choices=[
                    ("email", "registration e-mail"),
                    ("report", "report build"),
                    ("fanout", "registrant-wide e-mail"),
                ],
                max_length=10,
            ),
        ),
    ]
