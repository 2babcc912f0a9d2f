"""SMO's editors and moderators manage redirects in the admin (an old address kept alive by
hand); Wagtail's default groups do not get them. Partners, in groups of their own, do not."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
ACTIONS = ["add", "change", "delete"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    groups = list(Group.objects.filter(name__in=GROUPS))
    if not groups:  # a database without Wagtail's default groups
        return
    # On a new database Django creates permissions only after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailredirects", model="redirect"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_redirect",
            defaults={"name": f"Can {action} redirect"},
        )[0]
        for action in ACTIONS
    ]
    for group in groups:
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_outgoingemail"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
