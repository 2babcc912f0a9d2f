"""What editors see in the admin: the submissions of both languages, their export and delivery."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.models import OutgoingEmail
from partners.application.mail import CONFIRMATION, NOTIFICATION
from partners.models import ApplicationFormPage, ApplicationSubmission
from tests.factories.partners import SubmissionEmailFactory, valid_post_data
from tests.mail import send_pending_mail
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example")'


@pytest.fixture
def editor():
    """An editor who also processes applications (tests/partners/test_submission_access.py
    shows that an editor alone sees none)."""
    user = User.objects.create_user("redaktorka", "redaktorka@lepsimesta.cz", "heslo")
    user.groups.add(
        Group.objects.get(name="Editors"), Group.objects.get(name="Přihlášky / Applications")
    )
    return user


@pytest.fixture
def submissions(client, site):
    """One Czech submission with tricky text and one English one, both e-mailed."""
    client.post(
        CS_FORM,
        valid_post_data(
            name="Řehoř Žďárský", organisation=FORMULA, message=f"Příliš žluťoučký {SCRIPT}"
        ),
    )
    client.post(
        EN_FORM,
        valid_post_data(application_type="question", name="John Smith", message="Hello"),
    )
    send_pending_mail()
    client.logout()


def list_url(page):
    return f"/admin/forms/submissions/{page.pk}/"


def export(client, page, fmt):
    response = client.get(list_url(page), {"export": fmt})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_editor_sees_both_languages_submissions_with_delivery_state(
    client, editor, form_pages, submissions
):
    client.force_login(editor)
    response = client.get(list_url(form_pages["cs"]))
    assert response.status_code == 200
    content = response.content.decode()
    html = BeautifulSoup(content, "html.parser")
    table = html.select_one("table.listing").get_text(" ", strip=True)
    assert "Řehoř Žďárský" in table
    assert "John Smith" in table
    assert "Sponzorský program" in table
    assert "Obecný dotaz" in table
    assert "Oznámení: Odesláno; Potvrzení: Odesláno" in table
    assert SCRIPT not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_csv_export_keeps_diacritics_and_text_as_text(client, editor, form_pages, submissions):
    client.force_login(editor)
    data = export(client, form_pages["en"], "csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, czech, english = rows
    assert header[:4] == ["Datum odeslání", "Jazyk", "Typ přihlášky", "Jméno a příjmení"]
    record = dict(zip(header, czech, strict=True))
    assert record["Jméno a příjmení"] == "Řehoř Žďárský"
    assert record["Zpráva"] == f"Příliš žluťoučký {SCRIPT}"
    assert record["Organizace"] == "'" + FORMULA
    assert record["Jazyk"] == "Čeština"
    assert dict(zip(header, english, strict=True))["Jazyk"] == "English"


def test_xlsx_export_keeps_diacritics_and_text_as_text(client, editor, form_pages, submissions):
    client.force_login(editor)
    workbook = load_workbook(io.BytesIO(export(client, form_pages["cs"], "xlsx")))
    header, czech, english = workbook.active.iter_rows(values_only=True)
    record = dict(zip(header, czech, strict=True))
    assert record["Jméno a příjmení"] == "Řehoř Žďárský"
    assert record["Zpráva"] == f"Příliš žluťoučký {SCRIPT}"
    assert record["Typ přihlášky"] == "Sponzorský program"
    assert record["Doručení e-mailů"] == "Oznámení: Odesláno; Potvrzení: Odesláno"
    cell = next(workbook.active.iter_rows(min_row=2, max_row=2))[header.index("Organizace")]
    assert cell.data_type == "s"
    assert cell.value == FORMULA
    assert dict(zip(header, english, strict=True))["Jméno a příjmení"] == "John Smith"


def test_dashboard_warns_editors_about_undelivered_mail(client, editor, form_pages, submissions):
    client.force_login(editor)
    dashboard = client.get("/admin/")
    assert "Nedoručené e-maily" not in dashboard.content.decode()

    message = OutgoingEmail.objects.filter(kind=NOTIFICATION).first()
    failed = SubmissionEmailFactory(
        about=message.about,
        status=OutgoingEmail.Status.FAILED,
        attempts=20,
        subject="Lepší města – Obecný dotaz: <b>Pavel</b>",
        last_error="SMTPDataError: (550, b'5.7.1 Rejected')",
    )
    dashboard = client.get("/admin/")
    html = BeautifulSoup(dashboard.content, "html.parser")
    panel = html.select_one("#undelivered-mail-section")
    text = panel.get_text(" ", strip=True)
    assert "Nedoručené e-maily z formuláře přihlášky" in text
    assert failed.subject in text
    assert "5.7.1 Rejected" in text
    link = html.find("a", string=failed.subject)
    assert link["href"] == f"/admin/forms/submissions/{message.about.page_id}/"
    assert "<b>Pavel</b>" not in dashboard.content.decode()


def test_partner_users_see_neither_submissions_nor_the_warning(client, form_pages, submissions):
    OutgoingEmail.objects.update(status=OutgoingEmail.Status.FAILED)
    partner = User.objects.create_user("partner", "partner@example.cz", "heslo")
    partner.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(partner)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert "Nedoručené e-maily" not in dashboard.content.decode()
    response = client.get(list_url(form_pages["cs"]))
    assert response.status_code in (302, 403)
    assert "Žďárský" not in response.content.decode()


def test_editor_creates_a_form_page_with_fields_in_the_admin(client, site):
    client.force_login(User.objects.create_superuser("spravce", "spravce@lepsimesta.cz", "heslo"))
    data = nested_form_data(
        {
            "title": "Nominace odborníků",
            "slug": "nominace",
            "intro": rich_text("<p>Nominujte odborníka.</p>"),
            "thank_you_text": rich_text("<p>Děkujeme.</p>"),
            "confirmation_expert": "Ozveme se vám.",
            "form_fields": inline_formset(
                [
                    {"label": "Jméno odborníka", "field_type": "singleline", "required": "on"},
                    {"label": "E-mail", "field_type": "email", "required": "on"},
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/add/partners/applicationformpage/{site['cs'].pk}/", data)
    assert response.status_code == 302
    page = ApplicationFormPage.objects.get(slug="nominace")
    assert page.live
    assert [(f.clean_name, f.field_type) for f in page.form_fields.all()] == [
        ("jmeno_odbornika", "singleline"),
        ("e_mail", "email"),
    ]
    assert client.get("/cs/nominace/").status_code == 200


def test_a_field_may_not_take_the_name_of_a_fixed_field(client, site):
    client.force_login(User.objects.create_superuser("spravce", "spravce@lepsimesta.cz", "heslo"))
    data = nested_form_data(
        {
            "title": "Jiný formulář",
            "slug": "jiny-formular",
            "form_fields": inline_formset(
                [{"label": "Application type", "field_type": "singleline", "required": "on"}]
            ),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/add/partners/applicationformpage/{site['cs'].pk}/", data)
    assert response.status_code == 200
    assert "Tento popisek je vyhrazen" in response.content.decode()
    assert not ApplicationFormPage.objects.filter(slug="jiny-formular").exists()


def test_exports_give_prague_times_and_readable_phone_numbers(client, editor, form_pages, site):
    client.post(CS_FORM, valid_post_data(phone="+420 603 111 222", organisation="-1+1"))
    submission = ApplicationSubmission.objects.get()
    # 05:12 UTC on 30 November is 06:12 in Prague (CET).
    submission.submit_time = datetime.datetime(2026, 11, 30, 5, 12, 24, tzinfo=datetime.UTC)
    submission.save()
    client.force_login(editor)

    rows = list(
        csv.reader(io.StringIO(export(client, form_pages["cs"], "csv").decode("utf-8-sig")))
    )
    record = dict(zip(*rows, strict=True))
    assert record["Datum odeslání"] == "2026-11-30 06:12:24 CET"
    assert record["Telefon"] == "+420 603 111 222"
    # Something that is not a phone number still cannot become a formula.
    assert record["Organizace"] == "'-1+1"

    workbook = load_workbook(io.BytesIO(export(client, form_pages["cs"], "xlsx")))
    header, values = workbook.active.iter_rows(values_only=True)
    record = dict(zip(header, values, strict=True))
    assert record["Datum odeslání"] == datetime.datetime(2026, 11, 30, 6, 12, 24)
    assert record["Telefon"] == "+420 603 111 222"


def test_the_forms_list_shows_one_row_per_form_not_one_per_language(client, editor, form_pages):
    client.force_login(editor)
    html = BeautifulSoup(client.get("/admin/forms/").content, "html.parser")
    links = {a["href"] for a in html.select("table a[href*='/admin/forms/submissions/']")}
    assert links == {list_url(form_pages["cs"])}


def list_queries(client, page):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(list_url(page)).status_code == 200
    return len(queries)


def test_the_delivery_state_of_a_whole_list_page_costs_one_query(client, editor, form_pages):
    """The list shows each submission's e-mails: one query for the whole page (the generic
    relation, prefetched), however many submissions it lists."""
    client.force_login(editor)

    def add_submissions(count):
        for _ in range(count):
            notification = SubmissionEmailFactory(about__page=form_pages["cs"])
            SubmissionEmailFactory(about=notification.about, kind=CONFIRMATION)

    add_submissions(2)
    list_queries(client, form_pages["cs"])  # warm the caches (site, settings, content types)
    few = list_queries(client, form_pages["cs"])
    add_submissions(8)
    many = list_queries(client, form_pages["cs"])
    assert many == few
    assert (
        "Oznámení: Čeká na odeslání; Potvrzení: Čeká na odeslání"
        in client.get(list_url(form_pages["cs"])).content.decode()
    )
