"""Each message in the outbox gets its Message-ID, made once and sent with every attempt.

The column is added empty, each existing message gets an ID of its own, and only then does it
become required and unique (one default for all existing rows would collide).
"""

from django.db import migrations, models

import core.outbox_models


def give_each_message_an_id(apps, schema_editor):
    OutgoingEmail = apps.get_model("core", "OutgoingEmail")
    for message in OutgoingEmail.objects.filter(message_id=None).only("pk").iterator():
        message.message_id = core.outbox_models.new_message_id()
        message.save(update_fields=["message_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_search_promotion_rights"),
    ]

    operations = [
        migrations.AddField(
            model_name="outgoingemail",
            name="message_id",
            field=models.CharField(
                editable=False, max_length=255, null=True, verbose_name="Message-ID"
            ),
        ),
        migrations.RunPython(give_each_message_an_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outgoingemail",
            name="message_id",
            field=models.CharField(
                default=core.outbox_models.new_message_id,
                editable=False,
                max_length=255,
                unique=True,
                verbose_name="Message-ID",
            ),
        ),
    ]
