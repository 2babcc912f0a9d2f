"""Partner accounts made before the site e-mailed its own review notices: Wagtail's generic
"approved" and "rejected" notices are turned off for them, as add_partner_user does for new ones
(partners/accounts/moderation.py sends the site's)."""

from django.conf import settings
from django.db import migrations

GROUP_PREFIX = "Partner: "


def site_notices_only(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    partners = User.objects.filter(groups__name__startswith=GROUP_PREFIX).distinct()
    for user in partners:
        UserProfile.objects.update_or_create(
            user=user, defaults={"approved_notifications": False, "rejected_notifications": False}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0011_working_group_answers_by_code"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(site_notices_only, migrations.RunPython.noop)]
