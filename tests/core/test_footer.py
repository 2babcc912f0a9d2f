"""The footer names the Union that runs the site, with its contact details, in both languages,
from the publisher the site settings choose (loaded from site/settings.toml, edited in the
admin)."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from core.models import Publisher, SiteSettings
from core.site_content import complete_publisher, content_dir, read_toml
from tests.html import get_html

pytestmark = pytest.mark.django_db


def footer_address(client, path):
    address = get_html(client, path).select_one("footer address")
    return " ".join(address.get_text(" ", strip=True).split()), address


@pytest.mark.parametrize(
    ("path", "lines"),
    [
        (
            "/cs/",
            [
                "Svaz měst a obcí České republiky",
                "5. května 1640/65, 140 00 Praha 4",
                "Telefon: +420 234 709 711",
                "ID datové schránky: 5fkgwn3",
                "E-mail: info@lepsimesta.cz",
            ],
        ),
        (
            "/en/",
            [
                "Union of Towns and Municipalities of the Czech Republic",
                "5. května 1640/65, 140 00 Prague 4, Czech Republic",
                "Phone: +420 234 709 711",
                "Data box ID: 5fkgwn3",
                "E-mail: info@lepsimesta.cz",
            ],
        ),
    ],
)
def test_the_footer_names_the_union_with_its_contact_details(client, site, path, lines):
    text, address = footer_address(client, path)
    assert text == " ".join(lines)
    assert address.select_one('a[href="tel:+420234709711"]')
    assert address.select_one('a[href="mailto:info@lepsimesta.cz"]')


def test_an_edit_of_the_publisher_in_the_admin_shows_in_both_footers(admin_client, site):
    publisher = SiteSettings.for_site(Site.objects.get(is_default_site=True)).publisher
    response = admin_client.post(
        reverse("wagtailsnippets_core_publisher:edit", args=[publisher.pk]),
        {
            "name": "Svaz měst a obcí České republiky",
            "url": "https://www.smocr.cz/",
            "address": "Nová 1, 110 00 Praha 1",
            "phone": "+420 234 000 111",
            "data_box": "abc1234",
        },
    )
    assert response.status_code == 302

    cs_text, _address = footer_address(admin_client, "/cs/")
    assert "Nová 1, 110 00 Praha 1" in cs_text
    # The numbers are the same in every language: the English footer shows the edit at once,
    # with no translation to sync; the English address waits for its translator.
    en_text, en_address = footer_address(admin_client, "/en/")
    assert "Phone: +420 234 000 111" in en_text
    assert "Data box ID: abc1234" in en_text
    assert en_address.select_one('a[href="tel:+420234000111"]')
    assert "140 00 Prague 4" in en_text


def test_the_english_address_is_the_translations(client, site):
    english = Publisher.objects.get(locale__language_code="en")
    english.address = "5. května 1640/65, 140 00 Prague 4 – Nusle"
    english.save()
    text, _address = footer_address(client, "/en/")
    assert "140 00 Prague 4 – Nusle" in text
    assert "Praha 4" in footer_address(client, "/cs/")[0]


def test_load_site_fills_only_the_empty_contact_details_of_an_existing_publisher(site):
    """A site loaded before settings.toml gave the address gets it; an editor's text stays."""
    Publisher.objects.update(address="", data_box="")
    Publisher.objects.filter(locale__language_code="cs").update(phone="+420 777 123 456")

    complete_publisher(
        Publisher.objects.get(locale__language_code="cs"),
        read_toml(content_dir() / "settings.toml")["publisher"],
    )

    by_language = {p.locale.language_code: p for p in Publisher.objects.select_related("locale")}
    assert by_language["cs"].address == "5. května 1640/65, 140 00 Praha 4"
    assert by_language["en"].address == "5. května 1640/65, 140 00 Prague 4, Czech Republic"
    assert {p.data_box for p in by_language.values()} == {"5fkgwn3"}
    assert by_language["cs"].phone == "+420 777 123 456"
