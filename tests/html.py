"""Reading pages the way a visitor meets them."""

import json

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext


def get_html(client, path):
    """GET `path`, require 200 and return the parsed page."""
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def queries(client, path):
    """The database queries a second GET of `path` costs (the first fills Wagtail's cache of
    site root paths); requires 200."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def stream_field_errors(response, field):
    """The errors the admin's StreamField widget shows for `field`, from the JSON it renders
    them from (in the editor's language): {"messages": [...], "blockErrors": {...}}, or {}."""
    html = BeautifulSoup(response.content, "html.parser")
    widget = html.select_one(f"#{field}[data-w-block-arguments-value]")
    _value, errors = json.loads(widget["data-w-block-arguments-value"])
    return errors or {}


BAD_REQUEST_HEADINGS = {
    "cs": "Omlouváme se, ale to, co váš prohlížeč odeslal, nedokážeme přečíst.",
    "en": "Sorry, we could not read what your browser sent.",
}


def assert_bad_request_page(response, language):
    """The site's 400 page (core.views.bad_request) in `language`, as a person reads it."""
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == BAD_REQUEST_HEADINGS[language]
    assert html.select_one('a[href="mailto:info@lepsimesta.cz"]')
