"""A sitemap of every live page in every language, each with its translations as alternates.

Wagtail's own sitemap lists the descendants of the site's root page only, which is the Czech
home; the English tree is its sibling, so we list the trees of all the root's translations.
Each page names its live translations (itself included) and x-default, the default language's,
as the hreflang links in its head do (core/templatetags/site_tags.py).

/sitemap.xml is an index of pages of PAGE_SIZE addresses (/sitemap-pages.xml?p=2 …): one
document of every page grew to megabytes and seconds. Each document is cached until a page
changes (`cached_sitemap`).
"""

from django.conf import settings
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Page

from core.page_cache import cached
from core.querysets import without_view_restrictions

# Addresses per sitemap page: each page is a few hundred milliseconds to build at most, and
# a site of ten thousand pages in each language is a few dozen of them.
PAGE_SIZE = 1000


class AllLanguagesSitemap(Sitemap):
    limit = PAGE_SIZE

    def pages(self):
        root = self.get_wagtail_site().root_page
        in_any_tree = Q()
        for home in root.get_translations(inclusive=True):
            in_any_tree |= Q(path__startswith=home.path)
        return Page.objects.filter(in_any_tree).filter(alias_of__isnull=True).live().public()

    def items(self):
        return (
            self.pages().order_by("path").defer_streamfields().select_related("locale").specific()
        )

    def get_latest_lastmod(self):
        # Django's default reads every page for its date: one aggregate instead (the index).
        return self.pages().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]

    def alternates(self, pages):
        """{translation_key: [{"lang_code", "location"}, …]} for `pages`, in one query."""
        translations = without_view_restrictions(
            Page.objects.filter(
                translation_key__in={page.translation_key for page in pages},
                alias_of__isnull=True,
            )
            .live()
            .select_related("locale")
            .only("translation_key", "url_path", "locale__language_code")
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


SITEMAPS = {"pages": AllLanguagesSitemap}


def cached_sitemap(view):
    """A sitemap view whose documents are kept, per host and page, until a page changes."""

    def cached_view(request, **kwargs):
        def build():
            response = view(request, sitemaps=SITEMAPS, **kwargs)
            response.render()
            return {"content": response.content, "headers": dict(response.items())}

        document = cached(
            "sitemap",
            build,
            request.scheme,
            request.get_host(),
            kwargs.get("section", ""),
            request.GET.get("p", "1"),
        )
        return HttpResponse(document["content"], headers=document["headers"])

    return cached_view


sitemap_index = cached_sitemap(wagtail_sitemap_views.index)
sitemap_section = cached_sitemap(wagtail_sitemap_views.sitemap)
