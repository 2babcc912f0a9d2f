"""Site-wide views that are not pages: health check, robots.txt, the HTML sitemap and the
error pages."""

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Site

from core.models import SiteSettings
from core.querysets import without_view_restrictions


def cache_status():
    """Redis "ok" or "down" (a real round trip within its short timeout), or "local" without it."""
    is_reachable = getattr(cache, "is_reachable", None)
    if is_reachable is None:
        return "local"
    return "ok" if is_reachable() else "down"


@never_cache
@require_safe
def healthz(request):
    """For load balancers and Docker: 503 only when the database does not answer.

    The cache is reported, not required: without Redis the site is slower, never down.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except DatabaseError:
        database = "down"
    return JsonResponse(
        {
            "status": "ok" if database == "ok" else "unavailable",
            "database": database,
            "cache": cache_status(),
        },
        status=200 if database == "ok" else 503,
    )


@require_safe
def robots_txt(request):
    """The admin, and each path an app's `robots_txt_disallow` hook gives (the application
    form's thank-you pages), are no pages for search engines."""
    paths = ["/admin/", "/django-admin/"]
    for disallowed_paths in hooks.get_hooks("robots_txt_disallow"):
        paths.extend(disallowed_paths(request))
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in paths),
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A branded page in the visitor's language when a form's security token has expired."""
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """handler500: the site's look in the language of the address (/en/… English, else
    Czech). It reads nothing from the database, which may be what failed: no request context
    (its processors query), the contact address is the settings' default."""
    language_code = "en" if request.path.startswith("/en/") else settings.LANGUAGE_CODE
    with translation.override(language_code):
        content = render_to_string(
            "500.html",
            {
                "LANGUAGE_CODE": language_code,
                "contact_email": SiteSettings._meta.get_field("contact_email").default,
            },
        )
    return HttpResponseServerError(content)


def _page_tree(pages):
    """Pages in tree order (by path) as nested nodes: [{"page": …, "children": […]}, …]."""
    roots, open_nodes = [], []
    for page in pages:
        node = {"page": page, "children": []}
        while open_nodes and not page.path.startswith(open_nodes[-1]["page"].path):
            open_nodes.pop()
        (open_nodes[-1]["children"] if open_nodes else roots).append(node)
        open_nodes.append(node)
    return roots


@require_safe
def html_sitemap(request):
    """The live pages of the current language as a nested list, for people (sitemap.xml is for
    search engines). Pages in private sections and aliases (copies not yet translated) are left out.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    home = site.root_page.localized
    # One query for the whole tree, however large; view restrictions checked in the same query.
    pages = without_view_restrictions(
        home.get_descendants(inclusive=True)
        .live()
        .filter(alias_of__isnull=True)
        .order_by("path")
        .select_related("locale")
    )
    language_urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            language_urls[code] = reverse("html_sitemap")
    return render(
        request,
        "pages/html_sitemap.html",
        {"tree": _page_tree(pages), "language_urls": language_urls},
    )
