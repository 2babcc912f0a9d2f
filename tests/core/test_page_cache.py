"""The full-page cache for anonymous visitors (core/page_cache.py), turned on here (the test
settings keep it off), and the HTTP caching headers: what a visitor, an editor and a proxy see.

A change made without Wagtail's actions or model signals (`QuerySet.update`) reaches no
invalidation: it shows whether a page came from the cache. Every other change goes through what
an editor does (publish, unpublish, move, delete, a snippet or setting saved), committed, and must
show on the next anonymous request of every page that shows it, in both languages.
"""

import gzip

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils.http import http_date, parse_http_date
from wagtail.models import Page, PageViewRestriction

from core.models import SiteSettings
from home.models import StandardPage
from lepsimesta.settings.base import cache_settings
from partners.models import ApplicationFormPage
from press.models import PressReleasePage
from tests.mail import free_port
from tests.press.conftest import CS_INDEX, CS_RELEASE, EN_INDEX, EN_RELEASE

pytestmark = pytest.mark.django_db

PRESS_PAGES = {
    "cs": ["/cs/", CS_INDEX, f"{CS_INDEX}rss/", f"{CS_INDEX}atom/", CS_RELEASE],
    "en": ["/en/", EN_INDEX, f"{EN_INDEX}rss/", f"{EN_INDEX}atom/", EN_RELEASE],
}


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(
        PAGE_CACHE_SECONDS=600, PAGE_MAX_AGE_SECONDS=60, PAGE_PROXY_MAX_AGE_SECONDS=60
    ):
        yield


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (the invalidation) when the block ends, as a commit would."""

    def _committed():
        return django_capture_on_commit_callbacks(execute=True)

    return _committed


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def releases():
    return {
        release.locale.language_code: release
        for release in PressReleasePage.objects.filter(url_path__in=release_url_paths())
    }


def release_url_paths():
    return [page.url_path for page in Page.objects.all() if page.url in (CS_RELEASE, EN_RELEASE)]


def publish(page, **fields):
    page = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_an_anonymous_visitor_gets_the_kept_page_with_headers_a_proxy_may_keep(client, site):
    first = client.get("/cs/")
    Page.objects.filter(pk=site["cs"].pk).update(title="Nenápadně změněný titulek")
    again = client.get("/cs/")
    assert again.content == first.content
    assert "Nenápadně změněný titulek" not in again.content.decode()
    assert again["Cache-Control"] == "public, max-age=60, s-maxage=60"
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]
    # The security headers are the request's own, not kept with the page.
    assert "default-src 'self'" in again["Content-Security-Policy"]
    assert again["Content-Language"] == "cs"
    head = client.head("/cs/")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == first["ETag"]


def test_the_key_is_the_address_with_its_query_and_the_language(client, site):
    czech = text_of(client, "/cs/")
    english = text_of(client, "/en/")
    assert 'lang="cs"' in czech and 'lang="en"' in english
    # The sitemap has no language in its address: each language is kept apart.
    in_czech = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="cs")
    in_english = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")
    assert in_czech.status_code == in_english.status_code == 200
    # Another query string is another page, rendered for itself.
    Page.objects.filter(pk=site["cs"].pk).update(title="Titulek po změně")
    assert "Titulek po změně" not in text_of(client, "/cs/")
    assert "Titulek po změně" in text_of(client, "/cs/?utm_source=newsletter")


def test_a_publish_shows_on_every_page_that_shows_the_release_in_both_languages(
    client, site, committed
):
    titles = {"cs": "Města sdílejí data o dopravě", "en": "Cities share their traffic data"}
    for language, urls in PRESS_PAGES.items():
        for url in urls:
            assert titles[language] not in text_of(client, url), url
    with committed():
        for language, release in releases().items():
            publish(release, title=titles[language])
    for language, urls in PRESS_PAGES.items():
        for url in urls:
            assert titles[language] in text_of(client, url), url


def test_an_unpublished_release_leaves_every_page_at_once(client, site, committed):
    release_titles = {language: page.title for language, page in releases().items()}
    for language, urls in PRESS_PAGES.items():
        for url in urls:
            assert release_titles[language] in text_of(client, url), url
    with committed():
        for release in releases().values():
            release.unpublish()
    for language, urls in PRESS_PAGES.items():
        assert client.get(urls[-1]).status_code == 404
        for url in urls[:-1]:
            assert release_titles[language] not in text_of(client, url), url


def test_a_deleted_release_leaves_every_page_at_once(client, site, committed):
    release_titles = {language: page.title for language, page in releases().items()}
    for urls in PRESS_PAGES.values():
        for url in urls:
            text_of(client, url)
    with committed():
        for release in releases().values():
            release.delete()
    for language, urls in PRESS_PAGES.items():
        assert client.get(urls[-1]).status_code == 404
        for url in urls[:-1]:
            assert release_titles[language] not in text_of(client, url), url


def test_a_moved_page_answers_at_its_new_address_at_once(client, site, committed):
    about = StandardPage.objects.filter(locale__language_code="cs").first()
    old_url = about.url
    text_of(client, old_url)
    new_parent = StandardPage.objects.filter(locale__language_code="cs").exclude(pk=about.pk)[0]
    with committed():
        about.move(new_parent, pos="last-child")
    about.refresh_from_db()
    # Wagtail leaves a redirect at the old address; the kept page is not served there.
    assert client.get(old_url)["Location"] == about.url
    assert about.title in text_of(client, about.url)


def test_a_snippet_edit_shows_on_the_home_page_and_the_catalogue_in_its_language(
    client, site, areas, committed
):
    czech_area, english_area = next(iter(areas.values()))
    pages = {language: [f"/{language}/", catalogue_url(language)] for language in ("cs", "en")}
    for urls in pages.values():
        for url in urls:
            text_of(client, url)
    with committed():
        czech_area.name = "Chytrá doprava a parkování"
        czech_area.save()
        english_area.name = "Smart traffic and parking"
        english_area.save()
    for url in pages["cs"]:
        page = text_of(client, url)
        assert "Chytrá doprava a parkování" in page and "Smart traffic" not in page, url
    for url in pages["en"]:
        page = text_of(client, url)
        assert "Smart traffic and parking" in page and "Chytrá doprava" not in page, url


def catalogue_url(language):
    return next(
        page.url
        for page in Page.objects.live().filter(locale__language_code=language).specific()
        if type(page).__name__ == "ProjectIndexPage"
    )


def test_a_settings_edit_shows_in_the_footer_of_every_page_in_both_languages(
    client, site, committed
):
    urls = [*PRESS_PAGES["cs"][:2], CS_RELEASE, *PRESS_PAGES["en"][:2], EN_RELEASE]
    for url in urls:
        assert "tiskove@lepsimesta.cz" not in text_of(client, url)
    with committed():
        settings = SiteSettings.objects.get()
        settings.contact_email = "tiskove@lepsimesta.cz"
        settings.save()
    for url in urls:
        assert "tiskove@lepsimesta.cz" in text_of(client, url), url


def test_signed_in_people_never_get_a_kept_page_nor_leave_one(client, admin_client, site):
    anonymous_first = text_of(client, "/cs/")
    Page.objects.filter(pk=site["cs"].pk).update(title="Titulek, jak ho vidí redaktor")
    signed_in = admin_client.get("/cs/")
    assert "Titulek, jak ho vidí redaktor" in signed_in.content.decode()
    assert signed_in["Cache-Control"] == "private, no-cache"
    # The editor's page (with Wagtail's user bar) was not kept for the next visitor.
    assert text_of(client, "/cs/") == anonymous_first


def test_a_preview_shows_the_draft_and_is_never_kept(client, admin_client, site):
    live_title = site["en"].title
    assert live_title in text_of(client, "/en/")
    draft = site["en"].get_latest_revision_as_object()
    draft.title = "A draft headline nobody may see yet"
    draft.save_revision()
    preview = admin_client.get(f"/admin/pages/{site['en'].pk}/view_draft/")
    assert preview.status_code == 200
    assert "A draft headline nobody may see yet" in preview.content.decode()
    assert "private" in preview["Cache-Control"]
    public = text_of(client, "/en/")
    assert live_title in public and "A draft headline" not in public


@pytest.mark.parametrize("language", ["cs", "en"])
def test_a_form_page_is_never_kept_and_renders_a_fresh_token(client, site, language):
    form = ApplicationFormPage.objects.live().get(locale__language_code=language)
    tokens = []
    for _ in range(2):
        response = client.get(form.url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"]
        token = BeautifulSoup(response.content, "html.parser").select_one(
            "[name=csrfmiddlewaretoken]"
        )
        tokens.append(token["value"])
    assert tokens[0] != tokens[1]
    # A form page is not compressed: it carries a secret and reflects what a visitor types.
    assert "Content-Encoding" not in client.get(form.url, HTTP_ACCEPT_ENCODING="gzip")
    ApplicationFormPage.objects.filter(pk=form.pk).update(title="Formulář po změně")
    Page.objects.filter(pk=form.pk).update(title="Formulář po změně")
    assert "Formulář po změně" in text_of(client, form.url)


def test_revalidation_is_answered_with_304_until_something_changes(client, site, committed):
    first = client.get(EN_INDEX)
    assert client.get(EN_INDEX, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(EN_INDEX, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    with committed():
        publish(releases()["en"], title="A release that changes the index")
    changed = client.get(EN_INDEX, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "A release that changes the index" in changed.content.decode()


@override_settings(PAGE_CACHE_SECONDS=0)
@pytest.mark.parametrize("url", [f"{CS_INDEX}rss/", f"{EN_INDEX}atom/", "/sitemap.xml"])
def test_feeds_and_the_sitemap_answer_if_modified_since_with_304(client, site, url):
    first = client.get(url)
    assert first.status_code == 200
    later = http_date(parse_http_date(first["Last-Modified"]) + 3600)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=later).status_code == 304


def test_pages_feeds_and_exports_are_compressed_for_clients_that_accept_it(client, site):
    # The sitemap's index is too short to be worth compressing; its pages are not.
    for url in ["/cs/", f"{CS_INDEX}rss/", "/sitemap-pages.xml", catalogue_url("en")]:
        plain = client.get(url)
        compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert compressed["Content-Encoding"] == "gzip", url
        assert gzip.decompress(compressed.content) == plain.content, url


def test_with_redis_down_pages_render_uncached(client, site, committed):
    with override_settings(CACHES=cache_settings(f"redis://127.0.0.1:{free_port()}/0")):
        for url in PRESS_PAGES["cs"] + PRESS_PAGES["en"]:
            assert client.get(url).status_code == 200, url
        Page.objects.filter(pk=site["cs"].pk).update(title="Titulek bez cache")
        assert "Titulek bez cache" in text_of(client, "/cs/")
        with committed():
            publish(releases()["cs"], title="Zpráva zveřejněná bez Redisu")
        assert "Zpráva zveřejněná bez Redisu" in text_of(client, CS_INDEX)


@pytest.mark.parametrize("query", ["?page=%ff%fe", "?q=<script>", "?" + "x" * 3000])
def test_odd_query_strings_are_rendered_or_refused_never_a_500(client, site, query):
    for _ in range(2):
        assert client.get(CS_INDEX + query).status_code in (200, 400, 404)


def test_a_page_made_private_leaves_the_cache_at_once(client, site, committed):
    assert client.get(CS_RELEASE).status_code == 200
    with committed():
        PageViewRestriction.objects.create(
            page=releases()["cs"], restriction_type=PageViewRestriction.LOGIN
        )
    response = client.get(CS_RELEASE)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_an_editors_draft_keeps_the_pages_a_visitor_sees(client, site, committed):
    first = text_of(client, "/cs/")
    # Invisible to the invalidation: shows whether the next answer came from the cache.
    Page.objects.filter(pk=site["cs"].pk).update(title="Nenápadně změněný titulek")
    with committed():
        draft = releases()["cs"].get_latest_revision_as_object()
        draft.title = "Rozepsaný titulek"
        draft.save_revision()
    assert text_of(client, "/cs/") == first
