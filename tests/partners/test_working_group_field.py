"""The form's working-group list is the catalogue's areas, in the form's language; a submission
stores the group's Czech name whichever language it came in, so that the notification and the
export say the same for everyone."""

import csv
import io

import pytest
from bs4 import BeautifulSoup

from partners.models import ApplicationSubmission
from tests.factories.partners import valid_post_data
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db


def options(client, path):
    html = BeautifulSoup(client.get(path).content, "html.parser")
    return [
        (option["value"], option.get_text(strip=True))
        for option in html.select('select[name="working_group"] option')
    ]


def test_the_list_is_the_areas_in_the_forms_language(client, site, areas):
    assert options(client, CS_FORM) == [
        ("", "– vyberte –"),
        ("Doprava", "Doprava"),
        ("Energetika", "Energetika"),
        ("ICT", "ICT"),
        ("Smart governance", "Smart governance"),
    ]
    assert options(client, EN_FORM) == [
        ("", "– choose –"),
        ("Doprava", "Transport"),
        ("Energetika", "Energy"),
        ("ICT", "ICT"),
        ("Smart governance", "Smart governance"),
    ]


def test_renaming_an_area_renames_the_choice_in_each_language(client, site, areas):
    cs_energy, en_energy = areas["energy"]
    cs_energy.name, en_energy.name = "Energetika a klima", "Energy and climate"
    cs_energy.save()
    en_energy.save()
    assert ("Energetika a klima", "Energetika a klima") in options(client, CS_FORM)
    assert ("Energetika a klima", "Energy and climate") in options(client, EN_FORM)


def test_an_area_not_yet_translated_is_offered_under_its_czech_name(client, site, areas):
    from tests.factories.catalogue import AreaFactory

    AreaFactory(slug="water", name="Voda", sort_order=9)
    assert options(client, EN_FORM)[-1] == ("Voda", "Voda")


def test_both_languages_store_and_export_the_czech_group_name(admin_client, site, areas):
    for path in [CS_FORM, EN_FORM]:
        response = admin_client.post(
            path, valid_post_data(application_type="expert", working_group="Doprava")
        )
        assert response.status_code == 302, path
    stored = ApplicationSubmission.objects.order_by("pk")
    assert [s.form_data["working_group"] for s in stored] == ["Doprava", "Doprava"]
    assert [s.language for s in stored] == ["cs", "en"]
    page = stored[0].page
    export = admin_client.get(f"/admin/forms/submissions/{page.pk}/", {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert [row["Pracovní skupina"] for row in rows] == ["Doprava", "Doprava"]


@pytest.mark.parametrize("path", [CS_FORM, EN_FORM])
def test_an_english_label_sent_as_a_value_is_refused(client, site, areas, path):
    response = client.post(
        path, valid_post_data(application_type="expert", working_group="Transport")
    )
    assert response.status_code == 200
    assert not ApplicationSubmission.objects.exists()
