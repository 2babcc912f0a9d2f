"""A sitemap of every live page in every language.

Wagtail's own sitemap lists the descendants of the site's root page only, which is the Czech
home; the English tree is its sibling, so we list the trees of all the root's translations.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


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
            .specific()
        )
