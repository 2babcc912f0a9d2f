"""The admin asks no third party for avatars: no Gravatar request, no editor's e-mail hash sent."""

import json
import re

import pytest
from django.contrib.auth.models import Group, User

from tests.html import get_html

pytestmark = pytest.mark.django_db


def avatar_urls(html):
    """Every image the page loads, and the avatar the admin's sidebar (a React app) shows."""
    urls = [img["src"] for img in html.select("img[src]")]
    props = json.loads(html.select_one("#wagtail-sidebar-props").string)
    urls += re.findall(r'"avatarUrl": "([^"]*)"', json.dumps(props))
    return urls


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/"])
def test_admin_pages_load_avatars_from_the_site_itself(client, path):
    user = User.objects.create_user("redaktorka", "redaktorka@lepsimesta.cz", "heslo")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    html = get_html(client, path)
    urls = avatar_urls(html)
    assert any("default-user-avatar" in url for url in urls)
    assert [url for url in urls if url.startswith(("//", "http:", "https:"))] == []
    assert "gravatar" not in str(html).lower()
