"""The publisher a release names in its JSON-LD and its footer is the Publisher snippet the site
settings choose, in the page's language."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Site

from core.models import Publisher, SiteSettings
from tests.html import get_html
from tests.partners.conftest import CS_FORM, EN_FORM
from tests.press.conftest import CS_RELEASE, EN_RELEASE

pytestmark = pytest.mark.django_db

SMO_CS = "Svaz měst a obcí České republiky"
SMO_EN = "Union of Towns and Municipalities of the Czech Republic"


def site_settings():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def publishers():
    """The loaded publisher: {"cs": …, "en": …}."""
    source = site_settings().publisher
    return {
        p.locale.language_code: p
        for p in Publisher.objects.filter(translation_key=source.translation_key)
    }


def publisher_and_footer(client, path):
    html = get_html(client, path)
    # json.loads fails on anything that is not valid JSON.
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    copyright_line = html.select_one(".site-footer__copyright").get_text(" ", strip=True)
    return data.get("publisher"), copyright_line


@pytest.mark.parametrize(
    ("path", "name", "alternate_name"),
    [(CS_RELEASE, SMO_CS, SMO_EN), (EN_RELEASE, SMO_EN, SMO_CS)],
)
def test_release_names_the_publisher_in_its_language(client, site, path, name, alternate_name):
    publisher, copyright_line = publisher_and_footer(client, path)
    assert publisher == {
        "@type": "Organization",
        "name": name,
        "alternateName": alternate_name,
        "url": "https://www.smocr.cz/",
    }
    assert copyright_line.endswith(name)


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        (CS_FORM, f"Provozovatel iniciativy Lepší města, {SMO_CS}, zpracovává údaje"),
        (EN_FORM, f"The operator of the Lepší města initiative, {SMO_EN}, processes the data"),
    ],
)
def test_the_forms_privacy_notice_names_the_publisher(client, site, path, sentence):
    notice = get_html(client, path).select_one(".privacy-notice").get_text(" ", strip=True)
    assert sentence in notice


def edit_url(publisher):
    return reverse("wagtailsnippets_core_publisher:edit", args=[publisher.pk])


def test_an_editor_renames_the_publisher_and_the_next_request_shows_it(admin_client, site):
    czech = publishers()["cs"]
    form = BeautifulSoup(admin_client.get(edit_url(czech)).content, "html.parser")
    # The admin speaks Czech to this editor.
    labels = [label.get_text(" ", strip=True) for label in form.select("label")]
    assert ["Název *", "Web *"] == [label for label in labels if label in ("Název *", "Web *")]
    response = admin_client.post(
        edit_url(czech), {"name": "Svaz měst & obcí <ČR>", "url": "https://example.cz/svaz/"}
    )
    assert response.status_code == 302
    # The English name is translated with wagtail-localize, which saves the translation.
    english = publishers()["en"]
    english.name = "Union of Towns & Municipalities"
    english.save()

    cs_publisher, cs_copyright = publisher_and_footer(admin_client, CS_RELEASE)
    assert cs_publisher["name"] == "Svaz měst & obcí <ČR>"
    assert cs_publisher["alternateName"] == "Union of Towns & Municipalities"
    assert cs_publisher["url"] == "https://example.cz/svaz/"
    assert cs_copyright.endswith("Svaz měst & obcí <ČR>")
    en_publisher, en_copyright = publisher_and_footer(admin_client, EN_RELEASE)
    assert en_publisher["name"] == "Union of Towns & Municipalities"
    assert en_publisher["alternateName"] == "Svaz měst & obcí <ČR>"
    assert en_copyright.endswith("Union of Towns & Municipalities")


def test_a_missing_name_or_a_bad_address_is_refused_with_a_message(admin_client, site):
    czech = publishers()["cs"]
    response = admin_client.post(edit_url(czech), {"name": "", "url": "smocr"})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    errors = {field: html.select_one(f"[id$='{field}-errors']") for field in ("name", "url")}
    assert "Toto pole je povinné." in errors["name"].get_text()
    assert "Zadejte platnou adresu URL." in errors["url"].get_text()
    czech.refresh_from_db()
    assert (czech.name, czech.url) == (SMO_CS, "https://www.smocr.cz/")


def settings_form(current, **changes):
    return {
        "contact_email": current.contact_email,
        "publisher": current.publisher_id,
        "privacy_page": current.privacy_page_id,
        "accessibility_page": current.accessibility_page_id,
        "facebook_url": "",
        "linkedin_url": "",
        **changes,
    }


def settings_url(current):
    return reverse("wagtailsettings:edit", args=["core", "sitesettings", current.site_id])


def test_the_site_settings_choose_the_publisher(admin_client, site, locales):
    current = site_settings()
    refused = admin_client.post(settings_url(current), settings_form(current, publisher=""))
    assert refused.status_code == 200
    assert "Toto pole je povinné." in refused.content.decode()

    other = Publisher.objects.create(
        locale=locales["cs"], name="Komora statutárních měst", url="https://www.smocr.cz/ksm/"
    )
    response = admin_client.post(settings_url(current), settings_form(current, publisher=other.pk))
    assert response.status_code == 302
    cs_publisher, cs_copyright = publisher_and_footer(admin_client, CS_RELEASE)
    assert cs_publisher == {
        "@type": "Organization",
        "name": "Komora statutárních měst",
        "url": "https://www.smocr.cz/ksm/",
    }
    assert cs_copyright.endswith("Komora statutárních měst")
    # Not translated yet: English pages name it as it is.
    _en_publisher, en_copyright = publisher_and_footer(admin_client, EN_RELEASE)
    assert en_copyright.endswith("Komora statutárních měst")


def test_without_an_english_translation_english_pages_use_the_czech_name(client, site):
    publishers()["en"].delete()
    publisher, copyright_line = publisher_and_footer(client, EN_RELEASE)
    assert publisher == {"@type": "Organization", "name": SMO_CS, "url": "https://www.smocr.cz/"}
    assert copyright_line.endswith(SMO_CS)


def test_json_ld_cannot_close_its_script_element(client, site):
    czech = publishers()["cs"]
    czech.name = "</script><script>alert(1)</script>"
    czech.save()
    response = client.get(CS_RELEASE)
    assert b"</script><script>alert(1)" not in response.content
    publisher, _copyright = publisher_and_footer(client, CS_RELEASE)
    assert publisher["name"] == "</script><script>alert(1)</script>"
