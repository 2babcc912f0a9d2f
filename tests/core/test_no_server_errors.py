"""No input makes a 500 (hypothesis): arbitrary text in the query string of every public page
and route, and arbitrary answers, charsets and body encodings in the application form's POST.

The site is loaded once (tests/conftest.py); each example is one request through Django's test
client, which re-raises a view's exception, so a failure shows its traceback and the input
hypothesis shrank it to. The number of examples is bounded to keep the module within a minute.
"""

import time
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from django.conf import settings as django_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Page, get_page_models

from catalogue.listing import FACET_NAMES, SORTS
from catalogue.models import Area, GuidePage, ProjectIndexPage, ProjectPage, Topic
from partners.application.forms import started_token
from partners.application.types import ApplicationType
from partners.models import ApplicationFormPage, ApplicationSubmission, PartnerIndexPage
from partners.profiles.choices import StartupStage
from press.models import PressIndexPage
from tests.factories.partners import valid_post_data
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

# Fixtures are made once for all the examples of a test: that is what they are for here.
BOUNDED = hypothesis_settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CATALOGUE = (*FACET_NAMES, "q", "sort", "page")
# In an address, "{}" is a path segment hypothesis fills in (the press archive's year).
PATH_SEGMENT = "{}"


def page_addresses(page):
    """{address: (view, the query parameters it reads)} of one live page and its routes, found
    by reading the views; a page type not named here reads none (and gets arbitrary ones)."""
    url = page.url
    if isinstance(page, ProjectIndexPage):
        return {
            url: ("catalogue", CATALOGUE),
            url + "csv/": ("catalogue", CATALOGUE),
            url + "json/": ("catalogue", CATALOGUE),
            page.compare_url(): ("compare", ("p",)),
        }
    if isinstance(page, GuidePage):
        return {
            url: ("guide", ("population",)),
            page.outline_download_url(None): ("guide", ("population",)),
        }
    if isinstance(page, PressIndexPage):
        feeds = page.feed_urls(None)
        return {
            url: ("press", ("page",)),
            url + PATH_SEGMENT + "/": ("press", ("page",)),
            feeds["rss"]: ("press", ()),
            feeds["atom"]: ("press", ()),
        }
    if isinstance(page, PartnerIndexPage):
        return {url: ("partners", ("area", "stage"))}
    if isinstance(page, ApplicationFormPage):
        return {url: ("form", ("type", "group")), page.thank_you_url(None): ("form", ("type",))}
    return {url: ("other pages", ())}


# Each view that reads the query string gets its own examples; the pages that read none share.
VIEWS = ["catalogue", "compare", "guide", "press", "partners", "form", "search", "other pages"]


@pytest.fixture
def addresses(site):
    """{view: [(address, parameters), …]}: a live page of each type in both languages with
    their routes, the search and the sitemaps."""
    found = {"/sitemap.xml": ("other pages", ("p",)), "/robots.txt": ("other pages", ())}
    for model in get_page_models():
        if model is Page:
            continue
        for page in model.objects.live().filter(alias_of__isnull=True).order_by("path")[:1]:
            for translated in [page, *page.get_translations().live()]:
                found.update(page_addresses(translated.specific))
    for language, _name in django_settings.LANGUAGES:
        with translation.override(language):
            found[reverse("search")] = ("search", ("q", "type", "page"))
            found[reverse("html_sitemap")] = ("other pages", ())
    by_view = {}
    for address, (view, names) in sorted(found.items()):
        by_view.setdefault(view, []).append((address, names))
    assert sorted(by_view) == sorted(VIEWS)
    return by_view


@pytest.fixture
def known_values(site):
    """Values the site understands, so that examples also reach past the first check."""
    return sorted(
        {
            *Area.objects.values_list("slug", flat=True),
            *Topic.objects.values_list("slug", flat=True),
            *SORTS,
            *StartupStage.values,
            *ApplicationType.values,
            *(str(pk) for pk in ProjectPage.objects.values_list("pk", flat=True)),
            "1",
            "2",
            "2016",
            "23000",
            "CZ",
            "completed",
            "projectpage",
        }
    )


# Text no browser would send: Unicode digits ("²", "٣"), huge and negative numbers, control
# characters, and any other Unicode short of lone surrogates (which no URL can carry).
ODD_TEXT = st.one_of(
    st.sampled_from(["²", "٣", "①", "Ⅻ", "1e5", "0x10", "1_000", " 1", "1.0", "-0", "NaN", "∞"]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=6),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=4300, max_value=5000).map(lambda digits: "9" * digits),
    st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co"]), min_size=1, max_size=8),
)


def encoded(value):
    """A query-string value: UTF-8 percent-encoded text, or raw bytes that are no UTF-8."""
    if isinstance(value, bytes):
        return quote_from_bytes(value)
    return quote(value, safe="")


def values(known_values):
    return st.one_of(st.sampled_from(known_values), ODD_TEXT, st.binary(min_size=1, max_size=8))


@pytest.mark.parametrize("view", VIEWS)
@hypothesis_settings(BOUNDED, max_examples=30)
@given(data=st.data())
def test_no_query_string_makes_a_server_error(client, addresses, known_values, view, data):
    address, names = data.draw(st.sampled_from(addresses[view]), label="address")
    if PATH_SEGMENT in address:
        segment = data.draw(st.one_of(st.sampled_from(["2016", "0"]), ODD_TEXT), label="segment")
        address = address.replace(PATH_SEGMENT, quote(segment, safe=""))
    name = st.sampled_from(names) if names else st.text(max_size=8)
    pairs = data.draw(
        st.lists(st.tuples(name, values(known_values)), max_size=6), label="parameters"
    )
    query = "&".join(f"{quote(name, safe='')}={encoded(value)}" for name, value in pairs)
    response = client.get(f"{address}?{query}")
    assert response.status_code < 500


FORM_FIELDS = list(valid_post_data())
# Names of codecs Python knows (text encodings and others) and of none.
CHARSETS = [
    "utf-8",
    "UTF-8",
    "utf8",
    "utf-8-sig",
    "utf-7",
    "utf-16",
    "utf-32",
    "latin-1",
    "cp1250",
    "cp037",
    "idna",
    "punycode",
    "unicode_escape",
    "raw_unicode_escape",
    "rot13",
    "base64",
    "hex",
    "zlib",
    "undefined",
    "no-such-charset",
]
CONTENT_TYPES = [MULTIPART_CONTENT, "application/x-www-form-urlencoded", "multipart/form-data"]
# What a header value can hold once a server has read it: printable Latin-1 (gunicorn refuses
# control characters in headers, RFC 9110 section 5.5).
HEADER_TEXT = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=16
)
# The Content-Type's parameters after the type: none, a charset, an RFC 2231 one, anything.
CONTENT_TYPE_PARAMETERS = st.one_of(
    st.just(""),
    st.sampled_from(CHARSETS).map(lambda charset: f"; charset={charset}"),
    HEADER_TEXT.map(lambda charset: f"; charset={charset}"),
    st.tuples(st.sampled_from([*CHARSETS, ""]), HEADER_TEXT).map(
        lambda pair: f"; charset*={pair[0]}''{quote(pair[1])}"
    ),
    HEADER_TEXT.map(lambda text: f";{text}"),
)


def form_body(content_type, fields):
    if content_type == MULTIPART_CONTENT:
        return encode_multipart(BOUNDARY, fields)
    return urlencode(fields).encode()


@hypothesis_settings(BOUNDED, max_examples=150)
@given(
    answers=st.dictionaries(st.sampled_from(FORM_FIELDS), ODD_TEXT, max_size=4),
    left_out=st.sets(st.sampled_from(FORM_FIELDS), max_size=3),
    token=st.sampled_from(["fresh", "too fast", "forged"]),
    form_address=st.sampled_from([CS_FORM, EN_FORM]),
    content_type=st.sampled_from(CONTENT_TYPES),
    parameters=CONTENT_TYPE_PARAMETERS,
    body_codec=st.sampled_from([None, "utf-16", "utf-7", "latin-1", "cp037"]),
    noise=st.one_of(st.none(), st.tuples(st.integers(min_value=0), st.binary(max_size=16))),
)
def test_no_form_post_makes_a_server_error(
    client,
    site,
    settings,
    answers,
    left_out,
    token,
    form_address,
    content_type,
    parameters,
    body_codec,
    noise,
):
    settings.FORM_RATE_LIMIT_COUNT = 10**6
    fields = valid_post_data(**answers)
    # Made here, not drawn: each example's form display has its own nonce.
    fields["form_started"] = {
        "fresh": started_token(time.time() - 60),
        "too fast": started_token(),
        "forged": answers.get("form_started", "x"),
    }[token]
    body = form_body(content_type, {k: v for k, v in fields.items() if k not in left_out})
    if body_codec:
        body = body.decode().encode(body_codec, errors="replace")
    if noise:
        at, junk = noise
        at %= len(body) + 1
        body = body[:at] + junk + body[at:]
    stored = ApplicationSubmission.objects.count()
    response = client.generic("POST", form_address, body, content_type=content_type + parameters)
    assert response.status_code < 500
    if response.status_code != 302:
        assert ApplicationSubmission.objects.count() == stored
