from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Shared")

    def ready(self):
        from core import patches, translation_drafts
        from core.admin_language import translate_chooser_labels_per_request
        from core.wagtail_patches import scope_page_listing_people

        translation_drafts.connect()
        translate_chooser_labels_per_request()
        scope_page_listing_people()
        patches.apply()
