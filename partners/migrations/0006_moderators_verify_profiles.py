"""SMO's moderators set the sponsorship tier and the sample flag of partner profiles; partners,
who edit the rest of their profile, cannot (partners.models.profiles.VERIFY_PERMISSION)."""

from django.db import migrations

GROUP_NAME = "Moderators"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is None:  # a database without Wagtail's default groups
        return
    # On a new database Django creates permissions only after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(app_label="partners", model="partnerpage")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="verify_profile",
        defaults={"name": "Can verify partner profiles and set their tier"},
    )
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_partner_profiles"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
