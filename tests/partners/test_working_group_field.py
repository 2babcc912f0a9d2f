"""The form's working-group list is the catalogue's areas, in the form's language; a submission
stores the area's code ("transport") whichever language it came in, the key the catalogue and
the partners' expert block use too, and the people who read it (the submissions list, the
exports, the notification e-mail) see the area's name in their language."""

import csv
import importlib
import io

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from partners.models import ApplicationSubmission
from tests.factories.catalogue import AreaFactory
from tests.factories.partners import ApplicationSubmissionFactory, valid_post_data
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

# partners/migrations/0011_…: the stored Czech names of older submissions become codes.
answers_by_code = importlib.import_module("partners.migrations.0011_working_group_answers_by_code")


def options(client, path):
    html = BeautifulSoup(client.get(path).content, "html.parser")
    return [
        (option["value"], option.get_text(strip=True))
        for option in html.select('select[name="working_group"] option')
    ]


def submissions_url(page_id):
    return f"/admin/forms/submissions/{page_id}/"


def listed_groups(client, page_id):
    """The "working group" column of the admin's submissions list, oldest first."""
    html = BeautifulSoup(client.get(submissions_url(page_id)).content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in html.select("table.listing thead th")]
    column = next(
        i for i, text in enumerate(headings) if text in ("Pracovní skupina", "Working group")
    )
    rows = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in html.select("table.listing tbody tr")
    ]
    return [row[column] for row in reversed(rows)]


def csv_groups(client, page_id):
    export = client.get(submissions_url(page_id), {"export": "csv"})
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    return [row["Pracovní skupina"] for row in csv.DictReader(io.StringIO(text))]


def xlsx_groups(client, page_id):
    export = client.get(submissions_url(page_id), {"export": "xlsx"})
    header, *rows = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active.values
    return [row[header.index("Pracovní skupina")] for row in rows]


def expert_nominations(client, *groups):
    """Submit the form once per (path, group code); the stored submissions, oldest first."""
    for path, group in groups:
        response = client.post(
            path, valid_post_data(application_type="expert", working_group=group)
        )
        assert response.status_code == 302, path
    return list(ApplicationSubmission.objects.order_by("pk"))


def test_the_list_is_the_areas_by_code_in_the_forms_language(client, site, areas):
    assert options(client, CS_FORM) == [
        ("", "– vyberte –"),
        ("transport", "Doprava"),
        ("energy", "Energetika"),
        ("ict", "ICT"),
        ("governance", "Smart governance"),
    ]
    assert options(client, EN_FORM) == [
        ("", "– choose –"),
        ("transport", "Transport"),
        ("energy", "Energy"),
        ("ict", "ICT"),
        ("governance", "Smart governance"),
    ]


def test_renaming_an_area_renames_the_choice_in_each_language(client, site, areas):
    cs_energy, en_energy = areas["energy"]
    cs_energy.name, en_energy.name = "Energetika a klima", "Energy and climate"
    cs_energy.save()
    en_energy.save()
    assert ("energy", "Energetika a klima") in options(client, CS_FORM)
    assert ("energy", "Energy and climate") in options(client, EN_FORM)


def test_an_area_not_yet_translated_is_offered_under_its_czech_name(client, site, areas):
    AreaFactory(slug="water", name="Voda", sort_order=9)
    assert options(client, EN_FORM)[-1] == ("water", "Voda")


def test_both_languages_store_the_code_and_czech_readers_see_the_czech_name(
    admin_client, site, areas
):
    stored = expert_nominations(admin_client, (CS_FORM, "transport"), (EN_FORM, "transport"))
    assert [s.form_data["working_group"] for s in stored] == ["transport", "transport"]
    assert [s.language for s in stored] == ["cs", "en"]
    page_id = stored[0].page_id
    assert listed_groups(admin_client, page_id) == ["Doprava", "Doprava"]
    assert csv_groups(admin_client, page_id) == ["Doprava", "Doprava"]
    assert xlsx_groups(admin_client, page_id) == ["Doprava", "Doprava"]


def test_an_english_admin_reads_the_english_name(admin_client, admin_user, site, areas):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    stored = expert_nominations(admin_client, (CS_FORM, "energy"), (EN_FORM, "ict"))
    assert listed_groups(admin_client, stored[0].page_id) == ["Energy", "ICT"]


def test_renaming_an_area_renames_the_answers_already_sent(admin_client, site, areas):
    [submission] = expert_nominations(admin_client, (EN_FORM, "energy"))
    cs_energy, _en_energy = areas["energy"]
    cs_energy.name = "Energetika a klima"
    cs_energy.save()
    assert listed_groups(admin_client, submission.page_id) == ["Energetika a klima"]


@pytest.mark.parametrize("path", [CS_FORM, EN_FORM])
@pytest.mark.parametrize("value", ["Transport", "Doprava", "<script>"])
def test_a_name_sent_as_a_value_is_refused(client, site, areas, path, value):
    response = client.post(path, valid_post_data(application_type="expert", working_group=value))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one('.form-field--invalid [name="working_group"]')
    assert not ApplicationSubmission.objects.exists()


def old_submission(form_page, language, group):
    """A submission as the form stored it before codes: the group's Czech name."""
    data = valid_post_data(application_type="expert", working_group=group)
    del data["extra_url"], data["form_started"]
    return ApplicationSubmissionFactory(page=form_page, language=language, form_data=data)


def stored_groups(*submissions):
    for submission in submissions:
        submission.refresh_from_db()
    return [submission.form_data["working_group"] for submission in submissions]


def test_older_submissions_read_the_same_after_their_names_become_codes(
    admin_client, form_pages, areas
):
    czech = old_submission(form_pages["cs"], "cs", "Doprava")
    english = old_submission(form_pages["en"], "en", "Smart governance")
    # A group renamed before the migration: its old name matches no area and stays as it was.
    renamed = old_submission(form_pages["cs"], "cs", "Energetika a osvětlení")
    page_id = form_pages["cs"].pk
    before = listed_groups(admin_client, page_id), csv_groups(admin_client, page_id)
    assert before == (["Doprava", "Smart governance", "Energetika a osvětlení"],) * 2

    answers_by_code.names_to_codes(apps, None)
    assert stored_groups(czech, english, renamed) == [
        "transport",
        "governance",
        "Energetika a osvětlení",
    ]
    assert (listed_groups(admin_client, page_id), csv_groups(admin_client, page_id)) == before
    # The other answers are untouched.
    assert czech.form_data["name"] == "Jana Dvořáková"

    # Backwards, the codes are the Czech names again.
    answers_by_code.codes_to_names(apps, None)
    assert stored_groups(czech, english, renamed) == [
        "Doprava",
        "Smart governance",
        "Energetika a osvětlení",
    ]
