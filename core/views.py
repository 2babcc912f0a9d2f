"""Site-wide views that are not pages: health check and robots.txt."""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


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
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A branded page in the visitor's language when a form's security token has expired."""
    return render(request, "403_csrf.html", status=403)
