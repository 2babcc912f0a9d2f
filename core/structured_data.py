"""schema.org structured data (JSON-LD) that any page type can print: the safe script text and
the publishing organisation, read from the site settings."""

import json

from django.utils.safestring import mark_safe


def json_ld(data):
    """Structured data for a <script type="application/ld+json">, safe to put in HTML."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    # The characters that could close the script element are escaped above.
    return mark_safe(text)


def publisher(site_settings, language_code):
    """The schema.org Organization that publishes the site, named in the page's language.

    The name in the other language becomes `alternateName`, so search engines match both.
    """
    name = site_settings.organisation_name_in(language_code)
    organisation = {"@type": "Organization", "name": name, "url": site_settings.organisation_url}
    other_names = {site_settings.organisation_name, site_settings.organisation_name_en} - {name, ""}
    if other_names:
        organisation["alternateName"] = other_names.pop()
    return organisation
