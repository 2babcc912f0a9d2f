"""The cache is an optimisation, never a dependency: the site with Redis stopped or hung.

The resilient backend (core.cache) is pointed at real peers: a port where nothing listens, a
server that accepts connections and never answers, and the suite's own Redis behind a
forwarder that a test can start. The breakers' clock is stopped, so a cool-down passes only
when a test moves it on: "one try per cool-down" is counted in connections, not timed.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Page

from core.cache import CircuitBreaker
from lepsimesta.settings.base import cache_settings
from partners.models import ApplicationFormPage
from press.models import PressIndexPage, PressReleasePage
from tests.core.redis_servers import Forwarder, SilentServer, real_redis
from tests.factories.partners import valid_post_data
from tests.mail import free_port

pytestmark = pytest.mark.django_db


class StoppedClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    stopped = StoppedClock()
    monkeypatch.setattr(CircuitBreaker, "clock", staticmethod(stopped))
    return stopped


def redis_at(url):
    """The site's cache settings for this Redis URL, as production builds them."""
    return override_settings(CACHES=cache_settings(url))


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.stop()


@pytest.fixture(params=["closed port", "silent server"])
def redis_down(request, clock):
    """The cache pointed at a Redis that is not there, or that never answers."""
    if request.param == "closed port":
        server, url = None, f"redis://127.0.0.1:{free_port()}/0"
    else:
        server = request.getfixturevalue("silent_server")
        url = f"redis://127.0.0.1:{server.port}/0"
    with redis_at(url):
        yield server


def cache_log(caplog):
    return [
        (record.levelname, record.getMessage())
        for record in caplog.records
        if record.name == "core.cache"
    ]


def public_urls():
    """Every live page in both languages, the press archive and feeds, the form's thank-you
    page, the sitemap and robots.txt."""
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    for index in PressIndexPage.objects.live():
        release = PressReleasePage.objects.child_of(index).live().first()
        urls += [
            f"{index.url}{release.release_date.year}/",
            f"{index.url}rss/",
            f"{index.url}atom/",
        ]
    urls += [form.thank_you_url(None) for form in ApplicationFormPage.objects.live()]
    return [*urls, "/sitemap.xml", "/sitemap-pages.xml", "/robots.txt"]


def test_every_public_page_and_the_form_work_while_redis_is_down(client, site, redis_down, caplog):
    urls = public_urls()
    assert len(urls) > 20  # both languages of every page type, and the extras above
    for url in urls:
        assert client.get(url).status_code == 200, url
    for form in ApplicationFormPage.objects.live():
        response = client.post(form.url, valid_post_data())
        assert response.status_code == 302, form.url
        assert response["Location"].startswith(form.thank_you_url(None))
    # Down once, said once.
    assert [level for level, _ in cache_log(caplog)] == ["WARNING"]
    if redis_down is not None:
        # A hung Redis was tried once; every other request went on without waiting for it.
        assert redis_down.accepted == 1


def test_the_admin_works_while_redis_is_down(admin_client, site, redis_down):
    home = site["cs"]
    for url in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{home.pk}/edit/",
    ):
        assert admin_client.get(url).status_code == 200, url


def test_a_hung_redis_is_tried_again_once_per_cool_down(client, site, silent_server, clock, caplog):
    with redis_at(f"redis://127.0.0.1:{silent_server.port}/0"):
        for _ in range(10):
            assert client.get("/cs/").status_code == 200
        assert silent_server.accepted == 1
        clock.advance(settings.REDIS_COOL_DOWN_SECONDS)
        for _ in range(10):
            assert client.get("/en/").status_code == 200
        assert silent_server.accepted == 2
    ((level, message),) = cache_log(caplog)
    assert level == "WARNING"
    assert f"127.0.0.1:{silent_server.port}" in message
    assert "serving without it" in message


def test_the_warning_names_redis_without_its_password(clock, caplog):
    port = free_port()
    with redis_at(f"redis://:s3cret@127.0.0.1:{port}/0"):
        assert cache.get("key") is None
    ((level, message),) = cache_log(caplog)
    assert message.startswith(f"Cache redis://***@127.0.0.1:{port}/0 is unreachable")
    assert "s3cret" not in caplog.text


def test_each_cache_operation_answers_as_a_miss_while_redis_is_down(redis_down):
    assert cache.get("key") is None
    assert cache.get("key", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("key") is False
    assert "key" not in cache
    assert cache.get_or_set("key", lambda: "computed") == "computed"
    assert cache.set("key", "value") is False
    assert cache.add("key", "value") is False
    assert cache.touch("key") is False
    assert cache.delete("key") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete_many(["a", "b"]) is None
    assert cache.clear() is False
    for operation in (cache.incr, cache.decr, cache.incr_version, cache.decr_version):
        with pytest.raises(ValueError, match="not found"):
            operation("counter")


def test_the_cache_comes_back_when_redis_does(clock, caplog):
    host, port, db = real_redis()
    redis_port = free_port()
    with redis_at(f"redis://127.0.0.1:{redis_port}/{db}"):
        assert cache.set("resilience-greeting", "ahoj") is False
        forwarder = Forwarder((host, port), port=redis_port)
        try:
            # Redis is back, but the cool-down has not passed: nothing tries it yet.
            assert cache.get("resilience-greeting", "miss") == "miss"
            assert forwarder.accepted == 0
            clock.advance(settings.REDIS_COOL_DOWN_SECONDS)
            assert cache.set("resilience-greeting", "ahoj") is True
            assert cache.get("resilience-greeting") == "ahoj"
            assert forwarder.accepted == 1
            assert cache.delete("resilience-greeting") is True
        finally:
            forwarder.stop()
    assert [level for level, _ in cache_log(caplog)] == ["WARNING", "INFO"]
    assert (
        cache_log(caplog)[1][1] == f"Cache redis://127.0.0.1:{redis_port}/{db} is reachable again"
    )


def test_healthz_is_200_with_the_cache_down(client, clock):
    with redis_at(f"redis://127.0.0.1:{free_port()}/0"):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "down"}


def test_healthz_tries_a_hung_redis_within_the_short_timeout(client, silent_server, clock):
    with redis_at(f"redis://127.0.0.1:{silent_server.port}/0"):
        assert client.get("/healthz").json()["cache"] == "down"
        # A health check is a real round trip each time, whatever the breaker says.
        assert client.get("/healthz").json()["cache"] == "down"
    assert silent_server.accepted == 2


def test_healthz_reports_redis_that_answers(client):
    host, port, db = real_redis()
    with redis_at(f"redis://{host}:{port}/{db}"):
        response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_reports_a_local_cache_without_redis(client):
    with redis_at(""):
        response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "local"}
