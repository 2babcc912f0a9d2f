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
