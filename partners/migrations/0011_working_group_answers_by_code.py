"""Submissions store their working group by the area's code ("transport"), the same in both
languages, no longer by its Czech name ("Doprava"); backwards, each code becomes the Czech name
again. A value that names no current area (one renamed before) is left as it is."""

from django.conf import settings
from django.db import migrations

WORKING_GROUP_FIELD_TYPE = "working_group"
BATCH_SIZE = 500


def working_group_fields(apps):
    """{form page id: the names of its working-group fields}, translations' pages included."""
    FormField = apps.get_model("partners", "ApplicationFormField")
    fields = {}
    rows = FormField.objects.filter(field_type=WORKING_GROUP_FIELD_TYPE).values_list(
        "page_id", "clean_name"
    )
    for page_id, clean_name in rows:
        fields.setdefault(page_id, set()).add(clean_name)
    return fields


def replace_answers(apps, replacements):
    """Replace each working-group answer found in `replacements` by its replacement."""
    Submission = apps.get_model("partners", "ApplicationSubmission")
    fields = working_group_fields(apps)
    changed = []
    for submission in Submission.objects.filter(page_id__in=fields).iterator():
        answers = submission.form_data
        names = [
            name
            for name in fields[submission.page_id]
            if isinstance(answers.get(name), str) and answers[name] in replacements
        ]
        if not names:
            continue
        for name in names:
            answers[name] = replacements[answers[name]]
        changed.append(submission)
        if len(changed) == BATCH_SIZE:
            Submission.objects.bulk_update(changed, ["form_data"])
            changed = []
    Submission.objects.bulk_update(changed, ["form_data"])


def names_to_codes(apps, schema_editor):
    Area = apps.get_model("catalogue", "Area")
    rows = list(Area.objects.values_list("name", "slug", "locale__language_code"))
    codes = {slug for _name, slug, _language in rows}
    # The form stored the source language's names; those win over a translation's same name.
    rows.sort(key=lambda row: row[2] == settings.LANGUAGE_CODE)
    replacements = {name: slug for name, slug, _language in rows if name not in codes}
    replace_answers(apps, replacements)


def codes_to_names(apps, schema_editor):
    Area = apps.get_model("catalogue", "Area")
    source = Area.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    replace_answers(apps, dict(source.values_list("slug", "name")))


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0004_alter_guideindexpage_options_and_more"),
        ("partners", "0010_alter_applicationformpage_options_and_more"),
    ]

    operations = [migrations.RunPython(names_to_codes, codes_to_names)]
