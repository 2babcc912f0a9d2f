"""The 404 and 500 pages: branded, in the visitor's language; the 500 page needs no database."""

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError
from django.test import Client, RequestFactory, override_settings
from wagtail.models import Site

from core.views import server_error
from tests.html import assert_bad_request_page


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "headers", "lang", "heading"),
    [
        ("/cs/tato-stranka-neni/", {}, "cs", "Stránka nenalezena"),
        ("/en/no-such-page/", {}, "en", "Page not found"),
        # Outside both prefixes the visitor is sent to a language, by the browser's.
        ("/no-such-page/", {"HTTP_ACCEPT_LANGUAGE": "en"}, "en", "Page not found"),
        ("/no-such-page/", {"HTTP_ACCEPT_LANGUAGE": "cs"}, "cs", "Stránka nenalezena"),
    ],
)
def test_an_unknown_address_gets_the_branded_404_in_the_visitors_language(
    client, site, path, headers, lang, heading
):
    response = client.get(path, follow=True, **headers)
    assert response.status_code == 404
    html = parse(response)
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == heading
    assert html.select_one(".site-header .wordmark")


SERVER_ERROR = {
    "cs": ("/cs/katalog/", "Omlouváme se, na serveru došlo k chybě."),
    "en": ("/en/catalogue/", "Sorry, something went wrong on our server."),
}


def assert_branded_500(response, lang):
    assert response.status_code == 500
    html = parse(response)
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == SERVER_ERROR[lang][1]
    assert html.select_one('link[rel="stylesheet"]')["href"] == "/static/css/site.css"
    assert html.select_one(".wordmark img")["src"] == "/static/img/wordmark.svg"
    assert html.select_one('a[href="mailto:info@lepsimesta.cz"]')
    assert html.select_one(".wordmark")["href"] == f"/{lang}/"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_the_500_page_makes_no_query(django_assert_num_queries, lang):
    request = RequestFactory().get(SERVER_ERROR[lang][0])
    with django_assert_num_queries(0):
        response = server_error(request)
    assert_branded_500(response, lang)


@pytest.mark.parametrize(
    ("path", "lang"), [("/en/anything/", "en"), ("/cs/cokoli/", "cs"), ("/healthz", "cs")]
)
def test_the_500_page_renders_while_the_database_is_unreachable(django_db_blocker, path, lang):
    with django_db_blocker.block():  # any query raises
        response = server_error(RequestFactory().get(path))
    assert_branded_500(response, lang)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_a_failing_database_during_a_request_gets_the_500_page(site, monkeypatch, lang):
    def database_down(*args, **kwargs):
        raise DatabaseError("the database is down")

    monkeypatch.setattr(Site, "find_for_request", database_down)
    client = Client(raise_request_exception=False)
    assert_branded_500(client.get(SERVER_ERROR[lang][0]), lang)


@override_settings(ALLOWED_HOSTS=["lepsimesta.cz"])
@pytest.mark.parametrize("lang", ["cs", "en"])
def test_a_request_that_cannot_be_read_gets_the_branded_400_without_the_database(client, lang):
    # A foreign Host header: the page must not ask the request for its host, nor the database.
    response = client.get(f"/{lang}/", HTTP_HOST="attacker.example")
    assert_bad_request_page(response, lang)


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "lang"), [("/cs/prihlaska/", "cs"), ("/en/apply/", "en")])
def test_a_content_type_django_cannot_parse_gets_the_branded_400(client, site, path, lang):
    # An RFC 2231 parameter in an unknown charset (Django ticket #36991,
    # core/patches/content_type_params.py).
    response = client.post(path, b"name=Jana", content_type="multipart/form-data; charset*=x''y")
    assert_bad_request_page(response, lang)
