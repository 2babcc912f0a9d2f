"""The publisher a release names in its JSON-LD and its footer comes from the site settings."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Site

from core.models import SiteSettings
from tests.html import get_html
from tests.press.conftest import CS_RELEASE, EN_RELEASE

pytestmark = pytest.mark.django_db

SMO_CS = "Svaz měst a obcí České republiky"
SMO_EN = "Union of Towns and Municipalities of the Czech Republic"


def publisher_and_footer(client, path):
    html = get_html(client, path)
    # json.loads fails on anything that is not valid JSON.
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    copyright_line = html.select_one(".site-footer__copyright").get_text(" ", strip=True)
    return data["publisher"], copyright_line


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


def settings_form(site_settings, **changes):
    return {
        "contact_email": site_settings.contact_email,
        "organisation_name": site_settings.organisation_name,
        "organisation_name_en": site_settings.organisation_name_en,
        "organisation_url": site_settings.organisation_url,
        "privacy_page": site_settings.privacy_page_id,
        "accessibility_page": site_settings.accessibility_page_id,
        "facebook_url": "",
        "linkedin_url": "",
        **changes,
    }


def settings_url(site_settings):
    return reverse("wagtailsettings:edit", args=["core", "sitesettings", site_settings.site_id])


def test_an_editor_changes_the_publisher_in_site_settings(admin_client, site):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    url = settings_url(site_settings)
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    labels = [label.get_text(" ", strip=True) for label in form.select("h2, label")]
    # The admin speaks Czech to this editor: the "Publisher" group and its three fields.
    assert labels[labels.index("Vydavatel") :][:4] == [
        "Vydavatel",
        "Název organizace *",
        "Název organizace v angličtině",
        "Web organizace *",
    ]
    response = admin_client.post(
        url,
        settings_form(
            site_settings,
            organisation_name="Svaz měst & obcí <ČR>",
            organisation_name_en="Union of Towns & Municipalities",
            organisation_url="https://example.cz/svaz/",
        ),
    )
    assert response.status_code == 302

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
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    response = admin_client.post(
        settings_url(site_settings),
        settings_form(site_settings, organisation_name="", organisation_url="smocr"),
    )
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    errors = {
        field: html.select_one(f"[id$='-child-{field}-errors']")
        for field in ("organisation_name", "organisation_url")
    }
    assert "Toto pole je povinné." in errors["organisation_name"].get_text()
    assert "Zadejte platnou adresu URL." in errors["organisation_url"].get_text()
    site_settings.refresh_from_db()
    assert site_settings.organisation_name == SMO_CS
    assert site_settings.organisation_url == "https://www.smocr.cz/"


def test_without_an_english_name_english_pages_use_the_czech_one(client, site):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name_en = ""
    site_settings.save()
    publisher, copyright_line = publisher_and_footer(client, EN_RELEASE)
    assert publisher == {"@type": "Organization", "name": SMO_CS, "url": "https://www.smocr.cz/"}
    assert copyright_line.endswith(SMO_CS)


def test_json_ld_cannot_close_its_script_element(client, site):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "</script><script>alert(1)</script>"
    site_settings.save()
    response = client.get(CS_RELEASE)
    assert b"</script><script>alert(1)" not in response.content
    publisher, _copyright = publisher_and_footer(client, CS_RELEASE)
    assert publisher["name"] == "</script><script>alert(1)</script>"
