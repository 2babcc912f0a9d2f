"""The partner index, partner and start-up pages as visitors read them, in both languages."""

import datetime

import pytest
import wagtail_factories
from django.utils import timezone

from partners.models import PartnerIndexPage, PartnerPage, StartupPage
from partners.profiles.choices import SponsorshipTier, StartupStage
from tests.conftest import page_by_slug
from tests.factories.partners import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    StartupPageFactory,
)
from tests.html import get_html, queries

pytestmark = pytest.mark.django_db

INDEX = {"cs": "/cs/partneri/", "en": "/en/partners/"}


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def card_names(html, kind):
    return [
        text(card.select_one(".org-card__name"))
        for card in html.select(f'[data-testid="{kind}-card"]')
    ]


def test_the_demo_loads_both_indexes_with_four_partners_and_three_startups(site):
    for code in ("cs", "en"):
        index = PartnerIndexPage.objects.live().get(locale__language_code=code)
        assert PartnerPage.objects.live().child_of(index).count() == 4
        assert StartupPage.objects.live().child_of(index).count() == 3
        assert all(page.is_sample for page in PartnerPage.objects.child_of(index))


@pytest.mark.parametrize(
    ("lang", "tiers", "area_names", "stage", "sample"),
    [
        (
            "cs",
            ["Generální partner", "Hlavní partner", "Partner", "Podporovatel"],
            "Energetika · Smart governance",
            "Pilotní provoz",
            "Ukázkový obsah",
        ),
        (
            "en",
            ["General partner", "Main partner", "Partner", "Supporter"],
            "Energy · Smart governance",
            "Pilot",
            "Sample content",
        ),
    ],
)
def test_the_index_groups_partners_by_tier_and_lists_startups(
    client, site, lang, tiers, area_names, stage, sample
):
    html = get_html(client, INDEX[lang])
    assert [text(t.h3) for t in html.select('[data-testid="tier"]')] == tiers
    assert card_names(html, "partner") == [
        "Energie pro města, a.s.",
        "Dopravní data s.r.o.",
        "Krajské IT systémy s.r.o.",
        "Komunální finance, a.s.",
    ]
    first = html.select_one('[data-testid="partner-card"]')
    assert text(first.select_one(".org-card__areas")) == area_names
    assert sample in text(first)
    assert card_names(html, "startup") == [
        "Čistá ulice s.r.o.",
        "ParkSense s.r.o.",
        "Světlo chytře s.r.o.",
    ]
    parksense = html.select('[data-testid="startup-card"]')[1]
    assert stage in text(parksense)
    assert html.select_one('meta[name="robots"]') is None
    assert html.select_one('[data-testid="join"]')["href"].endswith("?type=sponsorship")


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_filters_by_area_and_stage_are_plain_links_kept_across_languages(client, site, lang):
    html = get_html(client, INDEX[lang] + "?area=transport")
    assert card_names(html, "partner") == ["Dopravní data s.r.o."]
    assert card_names(html, "startup") == ["ParkSense s.r.o."]
    # A filtered list is not a page for search engines.
    assert html.select_one('meta[name="robots"]')["content"] == "noindex, follow"
    current = html.select('.filter-links a[aria-current="true"]')
    assert [a["href"] for a in current] == ["?area=transport", "?area=transport"]

    html = get_html(client, INDEX[lang] + "?stage=market")
    assert card_names(html, "startup") == ["Čistá ulice s.r.o."]
    assert len(card_names(html, "partner")) == 4  # the stage is the start-ups' filter

    html = get_html(client, INDEX[lang] + "?area=energy&stage=market")
    assert card_names(html, "startup") == []
    assert html.select_one("#startups .empty-state a")["href"] == "?"

    other = "en" if lang == "cs" else "cs"
    switch = html.select_one(f'[data-testid="switch-{other}"]')["href"]
    assert switch == INDEX[other] + "?area=energy&stage=market"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?area=letectvi", "The filter value “letectvi” is not known and was left out."),
        ("?area=x&stage=y", "The filter values “x, y” are not known and were left out."),
        ("?area=" + "a" * 500, "is not known and was left out."),
        ("?stage=%00%27", "is not known and was left out."),
    ],
)
def test_unknown_filter_values_are_left_out_with_a_note(client, site, query, message):
    html = get_html(client, INDEX["en"] + query)
    assert message in text(html.select_one('[data-testid="ignored"]'))
    assert len(card_names(html, "partner")) == 4
    assert len(card_names(html, "startup")) == 3


@pytest.mark.parametrize(
    ("lang", "path", "expected"),
    [
        (
            "cs",
            "energie-pro-mesta/",
            [
                "Generální partner",
                "Nominovaní odborníci",
                "Ing. Martin Dvořák Finančník Smart governance",
                "Ing. Jana Procházková Stratég Energetika",
                "Profil naposledy ověřen",
                "Ukázkový obsah",
                "jana.prochazkova@energie-pro-mesta.example.cz",
            ],
        ),
        (
            "en",
            "energie-pro-mesta/",
            [
                "General partner",
                "Nominated experts",
                "Ing. Martin Dvořák Financier Smart governance",
                "Ing. Jana Procházková Strategist Energy",
                "Profile last verified on",
                "Sample content",
                "which the investment is repaid",
            ],
        ),
    ],
)
def test_a_partner_page_shows_its_experts_contact_and_check_date(
    client, site, lang, path, expected
):
    html = get_html(client, INDEX[lang] + path)
    page_text = text(html.select_one("main"))
    for fact in expected:
        assert fact in page_text, fact
    assert text(html.h1) == "Energie pro města, a.s."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "cs",
            [
                "Start-up · Pilotní provoz",
                "Doprava",
                "Parkování",
                "Kolín, Písek",
                "Bezdrátové senzory",
            ],
        ),
        (
            "en",
            ["Start-up · Pilot", "Transport", "Parking", "Kolín, Písek", "Wireless parking-space"],
        ),
    ],
)
def test_a_startup_page_shows_its_solution_stage_and_reference_cities(client, site, lang, expected):
    html = get_html(client, INDEX[lang] + "parksense/")
    page_text = text(html.select_one("main"))
    for fact in expected:
        assert fact in page_text, fact


def test_a_logo_is_shown_at_a_fixed_size_with_the_organisations_name(client, site):
    page = page_by_slug("dopravni-data", "cs")
    page.logo = wagtail_factories.ImageFactory(file__width=1600, file__height=400)
    page.save_revision().publish()
    for url in (INDEX["cs"], INDEX["cs"] + "dopravni-data/"):
        # Its card on the index (every sample organisation has a logo), its header on its page.
        html = get_html(client, url)
        holder = next(
            (card for card in html.select(".org-card") if "Dopravní data" in text(card)),
            html.select_one("main"),
        )
        logo = holder.select_one(".org-logo img")
        assert logo["alt"] == "Dopravní data s.r.o."
        # The 15rem × 7.5rem box (240 × 120 px) less its border: 224 px wide at most.
        assert (int(logo["width"]), int(logo["height"])) == (224, 56)


def test_a_draft_profile_is_not_public(client, site):
    page = page_by_slug("parksense", "cs")
    page.unpublish()
    assert client.get(INDEX["cs"] + "parksense/").status_code == 404
    assert "ParkSense s.r.o." not in card_names(get_html(client, INDEX["cs"]), "startup")


def test_the_index_costs_the_same_queries_for_5_and_150_partners(client, site, areas):
    index = PartnerIndexPageFactory(parent=site["cs"], slug="partneri-mereni")
    url = index.url

    def add(count, start):
        for number in range(start, start + count):
            PartnerPageFactory(
                parent=index,
                tier=SponsorshipTier.values[number % 4],
                areas=[areas["transport"][0], areas["ict"][0]][: 1 + number % 2],
                logo=wagtail_factories.ImageFactory() if number % 3 == 0 else None,
            )
            if number % 5 == 0:
                StartupPageFactory(parent=index, stage=StartupStage.values[number % 3])

    add(5, 0)
    small = {path: queries(client, url + path) for path in ("", "?area=transport", "?stage=idea")}
    add(145, 5)
    large = {path: queries(client, url + path) for path in ("", "?area=transport", "?stage=idea")}
    assert large == small


def test_a_profile_counts_as_verified_when_smo_last_published_it(site):
    page = page_by_slug("parksense", "cs")
    assert page.last_verified == datetime.date.today()
    assert not page.needs_verification
    page.last_published_at = timezone.now() - datetime.timedelta(days=366)
    assert page.needs_verification
