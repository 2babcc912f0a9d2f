"""schema.org structured data (JSON-LD) that any page type can print: the safe script text, the
publishing organisation (read from the site settings), the fields every article-like page
shares, and the page's breadcrumbs. A page type describes itself in `structured_data(request)`;
base.html prints it with the breadcrumbs ({% structured_data %})."""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from core.models import SiteSettings


def json_ld(data):
    """Structured data for a <script type="application/ld+json">, safe to put in HTML."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    # The characters that could close the script element are escaped above.
    return mark_safe(text)


def publisher(site_settings, language_code):
    """The schema.org Organization that publishes the site, named in the page's language (None
    while the site settings name no publisher).

    Its name in the other language becomes `alternateName`, so search engines match both.
    """
    shown = site_settings.publisher_in(language_code)
    if shown is None:
        return None
    organisation = {"@type": "Organization", "name": shown.name, "url": shown.url}
    translations = site_settings.publisher_translations
    other_names = [
        translations[code].name
        for code, _language in settings.LANGUAGES
        if code in translations and translations[code].name not in (shown.name, "")
    ]
    if other_names:
        organisation["alternateName"] = other_names[0]
    return organisation


def organisation(site_settings, language_code, request):
    """The publisher as the home page presents it: with the site's logo, the contact e-mail and
    its social networks."""
    data = publisher(site_settings, language_code)
    if data is None:
        return None
    data["logo"] = request.build_absolute_uri(static("img/wordmark.svg"))
    data["email"] = site_settings.contact_email
    same_as = [url for url in (site_settings.facebook_url, site_settings.linkedin_url) if url]
    if same_as:
        data["sameAs"] = same_as
    return data


def image_url(image, request, spec="fill-1200x630"):
    """An image's absolute URL, by default in the rendition og:image uses (base.html)."""
    return request.build_absolute_uri(image.get_rendition(spec).url)


def creative_work(page, request, schema_type, **fields):
    """A schema.org CreativeWork (Article, NewsArticle, HowTo) of `page`, in its language and
    published by the site's publisher; `fields` add to or replace the shared ones."""
    language_code = page.locale.language_code
    url = page.get_full_url(request)
    data = {
        "@type": schema_type,
        "name": page.title,
        "description": page.meta_description,
        "inLanguage": language_code,
        "url": url,
        "mainEntityOfPage": url,
    }
    if site_publisher := publisher(SiteSettings.for_request(request), language_code):
        data["publisher"] = site_publisher
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.social_image:
        data["image"] = image_url(page.social_image, request)
    data.update(fields)
    return data


def breadcrumb_list(page, request):
    """The way from the home page of the page's language down to the page, or None on the home
    page itself (one query: the live ancestors with their locales, for their addresses)."""
    trail = list(
        page.get_ancestors()
        .filter(depth__gt=1)  # the tree's root is no page of the site
        .live()
        .select_related("locale")
    )
    if not trail:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate([*trail, page], start=1)
        ],
    }
