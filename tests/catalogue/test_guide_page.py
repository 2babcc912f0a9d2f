"""The guide page and the guide index as a visitor meets them, in both languages."""

import pytest

from tests.html import get_html

pytestmark = pytest.mark.django_db


def test_smoke(client, guide):
    for lang in ("cs", "en"):
        html = get_html(client, guide[lang].url)
        print(html.select_one("main").get_text(" ", strip=True))
