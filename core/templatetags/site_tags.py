"""Navigation, the language switcher, the hreflang/canonical links, the structured data and
phone links for every template."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core import phone_numbers
from core.images import picture
from core.querysets import without_view_restrictions
from core.structured_data import breadcrumb_list, json_ld

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _live_translations(page):
    """The page's live translations by language code, aliases excluded (they are not content).

    The language switcher and the hreflang links both need them: one query, kept on the page.
    """
    if not hasattr(page, "_live_translations"):
        pages = without_view_restrictions(
            Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
            .live()
            .select_related("locale")
        )
        page._live_translations = {p.locale.language_code: p for p in pages}
    return page._live_translations


def _subpage_path(page, request, language_code):
    """The routed sub-page (year archive, thank-you page) under `page` in another language."""
    subpage_path_in = getattr(page, "subpage_path_in", None)
    return subpage_path_in(request, language_code) if subpage_path_in else ""


def _neutral_query(page, request, language_code):
    """The request's parameters as the page in another language reads them."""
    language_neutral_query = getattr(page, "language_neutral_query", None)
    pairs = language_neutral_query(request, language_code) if language_neutral_query else []
    return "?" + urlencode(pairs) if pairs else ""


def _home_pages(request):
    root = _site_root(request)
    if root is None:
        return {}
    return _live_translations(root)


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _site_root(request)
    current = context.get("page")
    if root is None:
        return {"items": [], "home": None}
    home = root.localized
    items = without_view_restrictions(home.get_children().live().in_menu()).specific(defer=True)
    return {
        "home": home,
        "items": [
            {
                "page": item,
                "active": current is not None and current.path.startswith(item.path),
            }
            for item in items
        ],
    }


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in the other languages, or to their home page if there is none."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    translations = _live_translations(page) if isinstance(page, Page) else {}
    # A view that is not a page (the HTML sitemap) names its own counterparts.
    view_urls = context.get("language_urls") or {}
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        if code in view_urls:
            links.append({"code": code, "name": name, "url": view_urls[code]})
            continue
        target = translations.get(code)
        if target is not None:
            url = (
                target.get_url(request)
                + _subpage_path(page, request, code)
                + _neutral_query(page, request, code)
            )
            links.append({"code": code, "name": name, "url": url})
            continue
        if homes is None:
            homes = _home_pages(request)
        home = homes.get(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": home.get_url(request) if home else f"/{code}/",
                "missing": page is not None,
            }
        )
    return {"links": links}


@register.inclusion_tag("components/alternate_links.html", takes_context=True)
def alternate_links(context):
    """<link rel=alternate hreflang> for each live translation, x-default the Czech one."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return {"alternates": [], "canonical": None}
    translations = _live_translations(page)
    urls = {
        code: translations[code].get_full_url(request) + _subpage_path(page, request, code)
        for code, _name in settings.LANGUAGES
        if code in translations
    }
    alternates = [{"hreflang": code, "url": url} for code, url in urls.items()]
    if settings.LANGUAGE_CODE in urls:
        alternates.append({"hreflang": "x-default", "url": urls[settings.LANGUAGE_CODE]})
    canonical_page = page.alias_of.specific if page.alias_of_id else page
    canonical = canonical_page.get_full_url(request) + _subpage_path(
        page, request, translation.get_language()
    )
    return {"alternates": alternates, "canonical": canonical}


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org entity, then its breadcrumbs, each in its own JSON-LD script."""
    page = context.get("page")
    describe = getattr(page, "structured_data", None)
    if describe is None:
        return ""
    request = context["request"]
    entities = [entity for entity in (describe(request), breadcrumb_list(page, request)) if entity]
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        ((json_ld({"@context": "https://schema.org", **entity}),) for entity in entities),
    )


@register.simple_tag(takes_context=True)
def localized_page_url(context, page):
    """URL of `page` in the current language (falling back to the page itself)."""
    if page is None:
        return ""
    return page.localized.get_url(context["request"]) or ""


@register.simple_tag
def document_title(*parts):
    """The <title>: the given parts, most specific first, then the site's name — unless a part
    already names the site (the home page's title is the site's name)."""
    site_name = _("Lepší města")
    parts = [str(part) for part in parts if part]
    if not any(site_name in part for part in parts):
        parts.append(site_name)
    return " | ".join(parts)


@register.simple_tag(takes_context=True)
def social_image_url(context, url):
    """An absolute URL for og:image: social networks fetch it from outside the site."""
    return context["request"].build_absolute_uri(url)


@register.simple_tag
def phone_link(number):
    """A phone number as a tel: link, shown in the form a reader of the page's language needs."""
    return format_html(
        '<a href="{}">{}</a>',
        phone_numbers.tel_uri(number),
        phone_numbers.displayed(number, translation.get_language()),
    )


@register.simple_tag
def responsive_image(image, place, alt=None, lazy=False, **attrs):
    """`image` as a responsive `<picture>` for its `place` on the page (core/images.py).

    `alt` defaults to Wagtail's: an image block's alt text, else the image's description or title;
    `alt=""` marks it decorative. `lazy` defers loading below the fold: never for the first image
    a visitor sees.
    """
    if not image:
        return ""
    if alt is not None:
        attrs["alt"] = alt
    if lazy:
        attrs["loading"] = "lazy"
    return picture(image, place, **attrs)
