"""HEAD works wherever GET does, and answers with GET's headers and no body.

Django's test client and its development server both drop a HEAD response's body themselves,
so these tests call the WSGI application the way gunicorn does and read what it hands over
(gunicorn drops the body too, but logs a warning for every such request).
"""

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from partners.models import ApplicationFormPage
from press.models import PressIndexPage, PressReleasePage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def application():
    return WSGIHandler()


def served(application, method, path):
    """(status, headers, body) as a WSGI server receives them from the application."""
    environ = RequestFactory().generic(method, path).environ
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    # As Django's test client does: keep the test's database connection (and transaction)
    # open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def head_urls(site):
    """Site files, feeds, every page type and the routable sub-pages, in both languages."""
    urls = ["/healthz", "/robots.txt", "/sitemap.xml"]
    for home in site.values():
        about = home.get_children().filter(slug__in=["o-iniciative", "about"]).get()
        urls += [home.url, about.url]
    for index in PressIndexPage.objects.live():
        release = PressReleasePage.objects.child_of(index).live().first()
        year = release.release_date.year
        urls += [index.url, f"{index.url}{year}/", f"{index.url}rss/", f"{index.url}atom/"]
        urls.append(release.url)
    for form in ApplicationFormPage.objects.live():
        urls += [form.url, form.thank_you_url(None)]
    return urls


def test_head_answers_like_get_without_a_body(application, site):
    urls = head_urls(site)
    assert len(urls) == 21
    for url in urls:
        get_status, get_headers, get_body = served(application, "GET", url)
        head_status, head_headers, head_body = served(application, "HEAD", url)
        assert get_status == head_status == "200 OK", url
        assert get_body, url
        assert head_body == b"", url
        assert head_headers["Content-Type"] == get_headers["Content-Type"], url


def test_head_of_a_missing_page_is_a_404_without_a_body(application, site):
    status, _, body = served(application, "HEAD", "/cs/tahle-stranka-neexistuje/")
    assert status == "404 Not Found"
    assert body == b""
