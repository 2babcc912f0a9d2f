"""Nothing translated goes live until a person publishes it.

wagtail-localize would otherwise publish English copies of Czech content in three ways:
- *Translate this page* on a live page publishes the new translation at once: the setting
  WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False makes it a draft (settings/base.py);
- *Sync translated pages* offers "Publish immediately", which skips the approval workflow:
  `SyncTranslationsWithoutPublishingView` below drops it for pages, so the synced Czech strings
  wait in each translation's editor until a person publishes the translation. (It cannot save
  them as a draft revision either: wagtail-localize's save_target(publish=False) writes the new
  content into the live page's row, which is what visitors see.)
- *Synchronise content from another locale* (Settings → Locales) creates live aliases of every
  Czech page in English (wagtail-localize issue #743): `keep_synced_aliases_offline` keeps such
  cross-language aliases out of the site until they are translated and published.
"""

from django.db.models.signals import post_save
from django.urls import path
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

# The versions this was written for, and the code it relies on (tests/core/test_patches.py):
# the sync view and its form's "publish_translations" field, and the alias synchronisation.
WRITTEN_FOR = {"wagtail_localize": "1.14"}
RELIES_ON = {
    "wagtail_localize.views.update_translations.UpdateTranslationsView": "845d4ef842085a92",
    "wagtail_localize.views.update_translations.UpdateTranslationsForm": "79c62285775ca965",
    "wagtail_localize.synctree.synchronize_tree": "4e4c4da881871320",
}


class SyncTranslationsWithoutPublishingView(UpdateTranslationsView):
    """*Sync translated pages*, without the "Publish immediately" shortcut for pages."""

    def _source_is_page(self):
        return issubclass(self.object.specific_content_type.model_class(), Page)

    def get_form(self):
        form = super().get_form()
        if self._source_is_page():
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        if self._source_is_page():
            form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)


def keep_synced_aliases_offline(sender, instance, **kwargs):
    """An alias of a page in another language is a placeholder, never live content."""
    if not isinstance(instance, Page) or not instance.alias_of_id or not instance.live:
        return
    cross_language = (
        Page.objects.filter(pk=instance.alias_of_id).exclude(locale_id=instance.locale_id).exists()
    )
    if cross_language:
        Page.objects.filter(pk=instance.pk).update(live=False)
        instance.live = False


def url_patterns():
    """The address of wagtail-localize's "Sync translated pages" view, answered by the view above:
    put ahead of the admin's URLs in lepsimesta/urls.py (a register_admin_urls hook would depend
    on which app's hooks Wagtail happens to import first)."""
    return [
        path(
            "admin/localize/update/<int:translation_source_id>/",
            SyncTranslationsWithoutPublishingView.as_view(),
            name="sync_translations_without_publishing",
        )
    ]


def apply():
    post_save.connect(keep_synced_aliases_offline, dispatch_uid="keep_synced_aliases_offline")
