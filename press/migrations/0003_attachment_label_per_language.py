"""Attachments become translatable, with a label per language.

Existing attachments take their page's locale and a translation key of their own (the Czech and
English rows of one release were copies, not linked; wagtail-localize links them from the next
"Sync translated pages" on).
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_each_attachment_its_locale_and_key(apps, schema_editor):
    Attachment = apps.get_model("press", "PressReleaseAttachment")
    for attachment in Attachment.objects.select_related("page"):
        attachment.locale_id = attachment.page.locale_id
        attachment.translation_key = uuid.uuid4()
        attachment.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0002_contact_full_name_label"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="pressreleaseattachment",
            name="label",
            field=models.CharField(
                blank=True,
                help_text="What readers see, in the release's language; the document's title if empty.",
                max_length=255,
                verbose_name="Label",
            ),
        ),
        migrations.AddField(
            model_name="pressreleaseattachment",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="pressreleaseattachment",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(give_each_attachment_its_locale_and_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="pressreleaseattachment",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="pressreleaseattachment",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="pressreleaseattachment",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterModelOptions(
            name="pressreleaseattachment",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "Attachment",
                "verbose_name_plural": "Attachments",
            },
        ),
    ]
