"""Reading pages the way a visitor meets them."""

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
