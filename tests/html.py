"""Reading pages the way a visitor meets them."""

from bs4 import BeautifulSoup


def get_html(client, path):
    """GET `path`, require 200 and return the parsed page."""
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")
