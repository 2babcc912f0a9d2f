from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views
from core.media import serve_media
from core.patches import root_page_views, translation_drafts
from core.sitemaps import sitemap_index, sitemap_section
from partners.accounts.invitation_views import invitation_url_patterns

# A 500 page in the visitor's language that needs no database; a 400 page likewise.
handler500 = "core.views.server_error"
handler400 = "core.views.bad_request"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, {"sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("django-admin/", admin.site.urls),
    # The invitation link works before its owner can sign in: ahead of the admin's own URLs.
    *invitation_url_patterns(),
    # Ahead of Wagtail's own /admin/failwhale/, which any admin user could open.
    path("admin/failwhale/", core_views.error_test, name="error_test"),
    # Ahead of Wagtail's: two of its views failed on the tree's root page, and the sync of
    # translations must not publish them.
    *root_page_views.url_patterns(),
    *translation_drafts.url_patterns(),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    # Uploads, each to whom its content is public (behind nginx too, which sends the file after
    # the check); not when they are in a bucket.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

# Every public page lives under /cs/… or /en/…; "/" redirects by the browser's language.
urlpatterns += i18n_patterns(
    # Before Wagtail's catch-all: /cs/mapa-stranek/, /en/sitemap/.
    path(_("sitemap/"), core_views.html_sitemap, name="html_sitemap"),
    path(_("search/"), core_views.site_search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
