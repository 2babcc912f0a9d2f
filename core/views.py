"""Site-wide views that are not pages: health check, robots.txt, the HTML sitemap and the
site search and the error pages."""

from operator import attrgetter
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.admin.views.home import error_test as wagtail_error_test
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, Site, get_page_models

from core.health import database_answers
from core.models import SiteSettings
from core.query_params import DATABASE_ID_MAX, whole_number
from core.querysets import without_view_restrictions
from core.search import counted_page, excerpt, query_keys, search


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

    The cache is reported, not required: without Redis the site is slower, never down. A hung
    database is "down" within a second (core/health.py).
    """
    database = "ok" if database_answers() else "down"
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
    """The admin, the search results, and each path an app's `robots_txt_disallow` hook gives
    (the application form's thank-you pages), are no pages for search engines."""
    # Search results too: endless combinations of words, and nothing the pages do not say.
    paths = ["/admin/", "/django-admin/", *_language_urls("search").values()]
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


def _standalone_error_page(template_name, language_code):
    """An error page that reads nothing from the database, which may be what failed: no
    request context (its processors query), the contact address is the settings' default."""
    with translation.override(language_code):
        return render_to_string(
            template_name,
            {
                "LANGUAGE_CODE": language_code,
                "contact_email": SiteSettings._meta.get_field("contact_email").default,
            },
        )


def server_error(request):
    """handler500: the site's look in the language of the address (/en/… English, else
    Czech), without the database."""
    language_code = "en" if request.path.startswith("/en/") else settings.LANGUAGE_CODE
    return HttpResponseServerError(_standalone_error_page("500.html", language_code))


def bad_request(request, exception):
    """handler400: what the browser sent cannot be read (a form body in another encoding than
    UTF-8, admin form data that no editor produced, a foreign Host header). In the language
    of the address, in the admin the editor's own; rendered without the request, whose Host
    header may be the very problem."""
    language_code = translation.get_language_from_request(request, check_path=True)
    if request.path.startswith(reverse("wagtailadmin_home")):
        # The editor's chosen admin language (a user without a profile has none).
        profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
        if profile is not None:
            language_code = profile.get_preferred_language()
    return HttpResponseBadRequest(_standalone_error_page("400.html", language_code))


def error_test(request):
    """Wagtail's /admin/failwhale/ raises on purpose, so that an operator can see the 500 page
    and the error report: for superusers only; to anyone else the address does not exist."""
    if not request.user.is_superuser:
        raise Http404
    return wagtail_error_test(request)


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
    return render(
        request,
        "pages/html_sitemap.html",
        {"tree": _page_tree(pages), "language_urls": _language_urls("html_sitemap")},
    )


# Longer queries are cut: nobody types more, and the engine need not read an essay.
SEARCH_MAX_LENGTH = 200
RESULTS_PER_PAGE = 10
# Where else a query found pages, said in the visitor's language.
IN_LANGUAGE = {"cs": _("in Czech"), "en": _("in English")}


def _language_urls(view_name):
    """The view's address in each language, for the language switcher."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse(view_name)
    return urls


def _searchable_pages(site, language_code):
    """The live, public pages of a language: what the search may show."""
    home = site.root_page.get_translation_or_none(Locale.objects.get(language_code=language_code))
    if home is None:
        return Page.objects.none()
    # Aliases (copies not yet translated) stay out; the search backend filters by id, not alias.
    originals = Page.objects.filter(alias_of__isnull=True).values("id")
    return home.get_descendants(inclusive=True).live().public().filter(id__in=originals)


def _promotions(query, language):
    """What editors pinned for this query (Wagtail's search promotions), in the visitor's
    language: a promotion for "parkování" shows for "parkovani" too, as the search matches both.
    External links are shown on either language's search."""
    keys = query_keys(query, language)
    candidates = (
        SearchPromotion.objects.filter(Q(page__isnull=True) | Q(page__live=True))
        .exclude(
            page__locale__language_code__in=[
                code for code, _ in settings.LANGUAGES if code != language
            ]
        )
        .select_related("query", "page")
        .order_by("sort_order")
    )
    return [
        promotion
        for promotion in candidates
        if query_keys(promotion.query.query_string, language) == keys
    ]


def _page_type(code):
    """The content type of the page model named `code` ("projectpage"), or None."""
    models = (model for model in get_page_models() if model._meta.model_name == code)
    model = next(models, None)
    return ContentType.objects.get_for_model(model) if model else None


def _results(found, page_param, chosen_type):
    """The facet counts and the requested page of the results, from one query; a second one
    only for a page past the last, or a type filter that none of the results has (ignored).

    Returns (counts by content type id, the page of results, the type filter applied)."""
    number = whole_number(page_param, DATABASE_ID_MAX) or 1
    content_type_id = chosen_type.pk if chosen_type else None
    counts, rows = counted_page(found, number, RESULTS_PER_PAGE, content_type_id)
    if content_type_id not in counts:
        content_type_id = None
    total = counts[content_type_id] if content_type_id else sum(counts.values())
    paginator = Paginator(range(total), RESULTS_PER_PAGE)
    if number > paginator.num_pages or (chosen_type and not content_type_id):
        number = min(number, paginator.num_pages)
        counts, rows = counted_page(found, number, RESULTS_PER_PAGE, content_type_id)
    return counts, PaginatorPage(rows, number, paginator), content_type_id


@require_safe
def site_search(request):
    """Every page type in the visitor's language: results with type, excerpt and date, a filter
    by type with counts, pages of RESULTS_PER_PAGE; with nothing found, where else to look."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    language = translation.get_language()
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
    pages = _searchable_pages(site, language)
    # A query of stop words or punctuation has nothing to look for.
    has_words = bool(query_keys(query, language))
    counts, results_page, chosen_type_id = _results(
        search(pages, query, language), request.GET.get("page"), _page_type(request.GET.get("type"))
    )
    types = [
        {
            "code": content_type.model,
            "pk": content_type.pk,
            "label": content_type.model_class()._meta.verbose_name_plural,
            "count": counts[content_type.pk],
        }
        for content_type in sorted(
            map(ContentType.objects.get_for_id, counts), key=attrgetter("model")
        )
    ]
    chosen_type = next((t for t in types if t["pk"] == chosen_type_id), None)
    # The page types' own fields, for the excerpt and the date: one query per type shown.
    shown = Page.objects.filter(pk__in=[page.pk for page in results_page]).specific()
    specific = {page.pk: page for page in shown}
    found = [
        {
            "page": specific[page.pk],
            "type": specific[page.pk]._meta.verbose_name,
            "excerpt": excerpt(
                specific[page.pk].search_text() or specific[page.pk].search_description,
                query,
                language,
            ),
        }
        for page in results_page
        if page.pk in specific
    ]

    def address(**changes):
        params = {"q": query, "type": chosen_type and chosen_type["code"], "page": None, **changes}
        present = {name: value for name, value in params.items() if value}
        return "?" + urlencode(present) if present else ""

    for option in types:
        option["url"] = address(type=option["code"])
    context = {
        "query": query,
        "promotions": _promotions(query, language) if has_words else [],
        "all_types_url": address(type=None),
        "previous_url": results_page.has_previous()
        and address(page=results_page.previous_page_number()),
        "next_url": results_page.has_next() and address(page=results_page.next_page_number()),
        "types": types,
        "chosen_type": chosen_type,
        "results": found,
        "results_page": results_page,
        "total": sum(counts.values()),
        # The other language's search for the same words and type (type codes are model names).
        "language_urls": {code: url + address() for code, url in _language_urls("search").items()},
    }
    if query and not counts:
        other = next(code for code, _name in settings.LANGUAGES if code != language)
        with translation.override(other):
            context["other_language"] = {
                "code": other,
                "count": search(_searchable_pages(site, other), query, other).count(),
                "url": reverse("search"),
                "where": IN_LANGUAGE[other],
            }
        # Where else to look, from the apps that have such places (the catalogue).
        context["suggestions"] = [
            suggestion
            for suggestions in hooks.get_hooks("search_suggestions")
            for suggestion in suggestions(request)
        ]
    return render(request, "pages/search_results.html", context)
