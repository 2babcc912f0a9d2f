"""Money and numbers as each language writes them (catalogue_tags), on boundary values."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from catalogue.blocks import ResultBlock


def render(source, **context):
    return Template("{% load catalogue_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "cs", "en"),
    [
        (Decimal("12000000.00"), "12\xa0000\xa0000\xa0Kč", "CZK\xa012,000,000"),
        (Decimal("0"), "0\xa0Kč", "CZK\xa00"),
        (Decimal("999.50"), "1\xa0000\xa0Kč", "CZK\xa01,000"),  # half a crown rounds up
        (Decimal("1234.49"), "1\xa0234\xa0Kč", "CZK\xa01,234"),
        (None, "—", "—"),
    ],
)
def test_czk(value, cs, en):
    for language, expected in [("cs", cs), ("en", en)]:
        with translation.override(language):
            assert render("{{ value|czk }}", value=value) == expected


def test_money_in_euros():
    with translation.override("cs"):
        assert render('{{ value|money:"EUR" }}', value=Decimal("500000")) == "500\xa0000\xa0€"
    with translation.override("en"):
        assert render('{{ value|money:"EUR" }}', value=Decimal("500000")) == "EUR\xa0500,000"


@pytest.mark.parametrize(
    ("value", "cs", "en"),
    [
        (33000, "33\xa0000", "33,000"),
        (Decimal("12.50"), "12,5", "12.5"),
        (Decimal("-4.5"), "-4,5", "-4.5"),
        (Decimal("90.00"), "90", "90"),
        (Decimal("25.1234"), "25,1234", "25.1234"),
        (None, "—", "—"),
    ],
)
def test_number(value, cs, en):
    for language, expected in [("cs", cs), ("en", en)]:
        with translation.override(language):
            assert render("{{ value|number }}", value=value) == expected


@pytest.mark.parametrize(
    ("value", "cs", "en"),
    [
        (Decimal("-4.5"), "\u22124,5", "\u22124.5"),
        (36, "+36", "+36"),
        (Decimal("-12000"), "\u221212\xa0000", "\u221212,000"),
        (0, "0", "0"),
        (None, "—", "—"),
    ],
)
def test_a_change_carries_a_plus_or_a_real_minus_sign(value, cs, en):
    for language, expected in [("cs", cs), ("en", en)]:
        with translation.override(language):
            assert render("{{ value|signed }}", value=value) == expected


def result(before, after, unit):
    return ResultBlock().to_python(
        {"indicator": "x", "before": before, "after": after, "unit": unit}
    )


@pytest.mark.parametrize(
    ("before", "after", "unit", "cs", "en"),
    [
        # A percentage changes by percentage points; its relative change stands beside them.
        ("48", "74", "%", "+26\xa0p.\xa0b. (+54\xa0%)", "+26 pp (+54%)"),
        ("87", "48", "%", "\u221239\xa0p.\xa0b. (\u221245\xa0%)", "\u221239 pp (\u221245%)"),
        ("0", "38", "%", "+38\xa0p.\xa0b.", "+38 pp"),  # no relative change from nothing
        ("12", "4.5", "min", "\u22127,5 min (\u221262\xa0%)", "\u22127.5 min (\u221262%)"),
        ("5", "5", "", "0 (0\xa0%)", "0 (0%)"),
        (None, "1200", "hlášení", "—", "—"),
    ],
)
def test_result_change(before, after, unit, cs, en):
    value = result(before, after, unit)
    for language, expected in [("cs", cs), ("en", en)]:
        with translation.override(language):
            assert render("{{ value|result_change }}", value=value) == expected


@pytest.mark.parametrize(
    ("value", "unit", "cs", "en"),
    [
        (Decimal("74"), "%", "74\xa0%", "74%"),
        (Decimal("4.5"), " min ", "4,5 min", "4.5 min"),
        (Decimal("1200"), "", "1\xa0200", "1,200"),
        (None, "%", "—", "—"),
    ],
)
def test_measure(value, unit, cs, en):
    for language, expected in [("cs", cs), ("en", en)]:
        with translation.override(language):
            assert render("{{ value|measure:unit }}", value=value, unit=unit) == expected
