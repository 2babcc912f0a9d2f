"""A sitemap of every live page in every language, each with its translations as alternates.

Wagtail's own sitemap lists the descendants of the site's root page only, which is the Czech
home; the English tree is its sibling, so we list the trees of all the root's translations.
Each page names its live translations (itself included) and x-default, the default language's,
as the hreflang links in its head do (core/templatetags/site_tags.py).
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.querysets import without_view_restrictions


class AllLanguagesSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for home in root.get_translations(inclusive=True):
            in_any_tree |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(in_any_tree)
            .filter(alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .select_related("locale")
            .specific()
        )

    def alternates(self, pages):
        """{translation_key: [{"lang_code", "location"}, …]} for `pages`, in one query."""
        translations = without_view_restrictions(
            Page.objects.filter(
                translation_key__in={page.translation_key for page in pages},
                alias_of__isnull=True,
            )
            .live()
            .select_related("locale")
        )
        urls = {}
        for page in translations:
            urls.setdefault(page.translation_key, {})[page.locale.language_code] = (
                page.get_full_url(self.request)
            )
        alternates = {}
        for key, by_language in urls.items():
            links = [
                {"lang_code": code, "location": by_language[code]}
                for code, _name in settings.LANGUAGES
                if code in by_language
            ]
            if settings.LANGUAGE_CODE in by_language:
                links.append(
                    {"lang_code": "x-default", "location": by_language[settings.LANGUAGE_CODE]}
                )
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates(pages)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates.get(item.translation_key, [])})
        last_mods = {url.get("lastmod") for url in urls}
        # As Wagtail's: the Last-Modified header only when every page has a date.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
