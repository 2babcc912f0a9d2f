"""Addresses of the loaded press pages, shared by the press tests."""

import pytest

from press.models import PressIndexPage

CS_INDEX = "/cs/tiskove-zpravy/"
EN_INDEX = "/en/press/"
CS_RELEASE = CS_INDEX + "lepsi-mesta-hledaji-partnery-oteviraji-prihlasky-do-pracovnich-skupin/"
EN_RELEASE = EN_INDEX + "better-cities-seeks-partners/"


@pytest.fixture
def press_index(site):
    """The loaded press indexes: {"cs": …, "en": …}."""
    return {
        index.locale.language_code: index
        for index in PressIndexPage.objects.select_related("locale")
    }
