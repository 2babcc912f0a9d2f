from django.db import migrations, models

from core.collation import sort_string


def fill_sort_keys(apps, schema_editor):
    ProjectPage = apps.get_model("catalogue", "ProjectPage")
    pages = list(ProjectPage.objects.only("title", "locale__language_code").select_related("locale"))
    for page in pages:
        page.title_sort_key = sort_string(page.title, page.locale.language_code == "cs")
    ProjectPage.objects.bulk_update(pages, ["title_sort_key"], batch_size=500)


class Migration(migrations.Migration):
    """The catalogue sorts titles in the database by a stored key (catalogue/listing.py)."""

    dependencies = [
        ("catalogue", "0005_project_lead_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="projectpage",
            name="title_sort_key",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_sort_keys, migrations.RunPython.noop),
    ]
