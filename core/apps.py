from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Shared")

    def ready(self):
        from core import patches, translation_drafts
        from core.admin_language import translate_chooser_labels_per_request
        from core.outbox import route_wagtail_notifications

        translation_drafts.connect()
        translate_chooser_labels_per_request()
        route_wagtail_notifications()
        patches.apply()
