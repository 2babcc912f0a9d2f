"""Money and numbers as each language writes them (catalogue_tags), on boundary values."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation


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
