from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEV_USERNAME = "admin"
DEV_PASSWORD = "lepsimesta-dev"


class Command(BaseCommand):
    help = "Create a local superuser for development (refuses to run unless DEBUG is on)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin is for local development only (DEBUG is off).")
        User = get_user_model()
        if not User.objects.filter(username=DEV_USERNAME).exists():
            User.objects.create_superuser(DEV_USERNAME, "admin@localhost", DEV_PASSWORD)
        self.stdout.write(
            f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
            f"login: {DEV_USERNAME}  password: {DEV_PASSWORD}"
        )
