"""The form page in both languages: what a visitor sees, sends and gets back."""

import datetime
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.utils import timezone
from wagtail_localize.models import Translation

from core.models import OutgoingEmail
from partners.models import (
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationSubmission,
)
from tests.factories.partners import valid_post_data
from tests.html import assert_bad_request_page
from tests.mail import send_pending_mail
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><b>Tučně</b>'


def html_of(response):
    return BeautifulSoup(response.content, "html.parser")


def labels(html):
    # The application form's own, not the header's search box.
    fields = html.select("main form label, main form legend")
    return [label.get_text(" ", strip=True) for label in fields]


@pytest.mark.parametrize(
    ("path", "lang", "heading", "first_question", "name_label", "privacy_url", "button"),
    [
        (
            CS_FORM,
            "cs",
            "Přihláška",
            "Co si přejete?",
            "Jméno a příjmení (povinné)",
            "/cs/ochrana-osobnich-udaju/",
            "Odeslat",
        ),
        (
            EN_FORM,
            "en",
            "Apply",
            "What would you like to do?",
            "Full name (required)",
            "/en/privacy/",
            "Send",
        ),
    ],
)
def test_form_page_renders_in_its_language(
    client, site, path, lang, heading, first_question, name_label, privacy_url, button
):
    response = client.get(path)
    assert response.status_code == 200
    html = html_of(response)
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == heading
    form_labels = labels(html)
    # The application type comes first, then the editors' fields.
    assert form_labels[0].startswith(first_question)
    assert name_label in form_labels
    assert html.select_one("main form button[type=submit]").get_text(strip=True) == button
    privacy = html.select_one("aside.privacy-notice")
    assert privacy.select_one("a")["href"] == privacy_url
    retention = {"cs": "uchováváme 24 měsíců", "en": "for 24 months"}[lang]
    assert retention in privacy.get_text()
    # The form carries a CSRF token: no cache may keep it.
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    honeypot = html.select_one(".form-honeypot")
    assert honeypot["aria-hidden"] == "true"
    assert honeypot.select_one("input")["tabindex"] == "-1"


def test_translated_fields_keep_the_czech_names_types_and_required_flags(form_pages):
    cs_fields = list(form_pages["cs"].form_fields.all())
    en_fields = list(form_pages["en"].form_fields.all())

    def shape(fields):
        return [(f.clean_name, f.field_type, f.required) for f in fields]

    assert shape(cs_fields) == shape(en_fields)
    assert [f.clean_name for f in cs_fields] == [
        "name",
        "email",
        "organisation",
        "phone",
        "working_group",
        "message",
    ]
    assert [f.label for f in cs_fields][:1] == ["Jméno a příjmení"]
    assert [f.label for f in en_fields][:1] == ["Full name"]
    # The English page is a wagtail-localize translation of the Czech one, kept in sync.
    translation = Translation.objects.get(
        source__object_id=form_pages["cs"].translation_key, target_locale__language_code="en"
    )
    assert translation.get_target_instance().pk == form_pages["en"].pk


def test_valid_submission_is_stored_then_redirected_to_the_thank_you_page(client, site, mailoutbox):
    response = client.post(CS_FORM, valid_post_data(application_type="question"))
    assert response.status_code == 302
    assert response["Location"] == "/cs/prihlaska/dekujeme/?type=question"

    submission = ApplicationSubmission.objects.get()
    assert submission.language == "cs"
    assert submission.form_data["application_type"] == "question"
    assert submission.form_data["name"] == "Jana Dvořáková"
    assert "extra_url" not in submission.form_data
    assert "form_started" not in submission.form_data
    # The request only stores the e-mails; the mail worker sends them.
    assert (
        OutgoingEmail.objects.filter(application_submission=submission, status="pending").count()
        == 2
    )
    assert mailoutbox == []
    send_pending_mail()
    assert (
        OutgoingEmail.objects.filter(application_submission=submission, status="sent").count() == 2
    )
    assert len(mailoutbox) == 2

    thank_you = client.get(response["Location"])
    assert thank_you.status_code == 200
    html = html_of(thank_you)
    assert html.h1.get_text(strip=True) == "Děkujeme"
    assert "Na váš dotaz odpovíme co nejdříve" in html.get_text()
    assert "no-store" in thank_you["Cache-Control"]
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    # Reloading the thank-you page sends nothing again.
    client.get(response["Location"])
    assert ApplicationSubmission.objects.count() == 1


def test_english_thank_you_page(client, site):
    response = client.get("/en/apply/thank-you/?type=startup")
    html = html_of(response)
    assert html.h1.get_text(strip=True) == "Thank you"
    assert "We will pass your start-up or small-firm application" in html.get_text()
    # An unknown type only shows the general thank-you text.
    unknown = html_of(client.get("/en/apply/thank-you/?type=%3Cscript%3E")).get_text()
    assert "Thank you, we have received your message." in unknown
    assert "<script>" not in unknown


@pytest.mark.parametrize(
    ("path", "overrides", "field", "message"),
    [
        (CS_FORM, {"name": ""}, "name", "Toto pole je povinné."),
        (EN_FORM, {"name": ""}, "name", "This field is required."),
        (CS_FORM, {"email": "jana@"}, "email", "Zadejte platnou e-mailovou adresu."),
        (EN_FORM, {"email": "jana@"}, "email", "Enter a valid email address."),
        (CS_FORM, {"application_type": ""}, "application_type", "Toto pole je povinné."),
        (
            CS_FORM,
            {"message": "a" * 5001},
            "message",
            "Tato hodnota má mít nejvýše 5000 znaků (nyní má 5001).",
        ),
        (
            EN_FORM,
            {"name": "b" * 256},
            "name",
            "Ensure this value has at most 255 characters (it has 256).",
        ),
        (
            CS_FORM,
            {"application_type": "expert"},
            "working_group",
            "Vyberte pracovní skupinu, do které odborníka nominujete.",
        ),
        (
            EN_FORM,
            {"application_type": "nonsense"},
            "application_type",
            "Select a valid choice. nonsense is not one of the available choices.",
        ),
    ],
)
def test_bad_input_is_explained_next_to_the_field_in_the_visitors_language(
    client, site, mailoutbox, path, overrides, field, message
):
    data = valid_post_data(**overrides)
    response = client.post(path, data)
    assert response.status_code == 200
    html = html_of(response)
    errors = html.select_one(f"#id_{field}_errors")
    assert errors is not None, f"no error list for {field}"
    assert errors.get_text(strip=True) == message
    # The summary at the top links to the field.
    assert html.select_one(".form-errors[role=alert]")
    # What was typed is kept.
    assert html.select_one("#id_organisation")["value"] == data["organisation"]
    assert html.select_one("#id_message").get_text(strip=True) == data["message"][:5001].strip()
    if field != "application_type":
        described = html.select_one(f"#id_{field}")["aria-describedby"].split()
        assert f"id_{field}_errors" in described
    assert ApplicationSubmission.objects.count() == 0
    assert mailoutbox == []


def test_html_typed_into_the_form_is_shown_as_text(client, site):
    response = client.post(CS_FORM, valid_post_data(name=SCRIPT, email="not an e-mail"))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<script>alert("x")' not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Tučně&lt;/b&gt;" in content


def test_html_typed_into_the_form_is_stored_and_mailed_as_plain_text(client, site, mailoutbox):
    client.post(CS_FORM, valid_post_data(name=SCRIPT, message=SCRIPT))
    send_pending_mail()
    assert ApplicationSubmission.objects.get().form_data["message"] == SCRIPT
    notification = next(m for m in mailoutbox if "info@lepsimesta.cz" in m.to)
    assert notification.content_subtype == "plain"
    assert not getattr(notification, "alternatives", None)
    assert f"Zpráva: {SCRIPT}" in notification.body


@pytest.mark.parametrize(
    ("open_from", "open_until", "cs_text"),
    [
        (None, -1, "Formulář byl uzavřen"),
        (1, None, "Formulář ještě není otevřen"),
    ],
    ids=["closed", "not-yet-open"],
)
def test_closed_form_shows_a_notice_and_refuses_posts(
    client, form_pages, mailoutbox, open_from, open_until, cs_text
):
    today = timezone.localdate()
    for page in form_pages.values():
        page.open_from = today + datetime.timedelta(days=open_from) if open_from else None
        page.open_until = today + datetime.timedelta(days=open_until) if open_until else None
        page.save_revision().publish()

    response = client.get(CS_FORM)
    assert response.status_code == 200
    html = html_of(response)
    assert html.select_one("form[data-testid=application-form]") is None
    notice = html.select_one("[data-testid=form-closed]").get_text(" ", strip=True)
    assert cs_text in notice
    assert "info@lepsimesta.cz" in notice

    response = client.post(CS_FORM, valid_post_data())
    assert response.status_code == 403
    html = html_of(response)
    assert "Formulář je uzavřen, vaše přihláška proto nebyla odeslána." in html.get_text()
    response = client.post(EN_FORM, valid_post_data())
    assert response.status_code == 403
    assert "The form is closed, so your submission was not sent." in response.content.decode()
    assert ApplicationSubmission.objects.count() == 0
    assert mailoutbox == []


def test_form_is_open_on_its_first_and_last_day(client, form_pages):
    page = form_pages["cs"]
    page.open_from = page.open_until = timezone.localdate()
    page.save_revision().publish()
    assert html_of(client.get(CS_FORM)).select_one("form[data-testid=application-form]")


def test_home_page_calls_to_apply(client, site):
    html = html_of(client.get("/cs/"))
    link = html.select_one(".cta a")
    assert (link.get_text(strip=True), link["href"]) == ("Podat přihlášku", CS_FORM)


def test_a_field_added_in_czech_reaches_english_with_the_same_name_type_and_flag(form_pages):
    cs_page = form_pages["cs"]
    cs_page.form_fields.add(
        ApplicationFormField(
            label="Počet zaměstnanců", field_type="number", required=False, sort_order=10
        )
    )
    cs_page.save_revision().publish()
    # What "Sync translated pages" in the admin does.
    translation = Translation.objects.get(
        source__object_id=cs_page.translation_key, target_locale__language_code="en"
    )
    translation.source.update_from_db()
    translation.save_target(publish=True)

    en_field = ApplicationFormPage.objects.get(pk=form_pages["en"].pk).form_fields.get(
        clean_name="pocet_zamestnancu"
    )
    assert (en_field.field_type, en_field.required) == ("number", False)
    assert en_field.translation_key == cs_page.form_fields.get(sort_order=10).translation_key


@pytest.mark.parametrize("mode", ["form", "landing"])
def test_admin_preview_renders_both_modes(rf, form_pages, mode):
    request = rf.get("/")
    request.user = AnonymousUser()
    response = form_pages["cs"].make_preview_request(request, mode)
    assert response.status_code == 200
    heading = BeautifulSoup(response.rendered_content, "html.parser").h1.get_text(strip=True)
    assert heading == {"form": "Přihláška", "landing": "Děkujeme"}[mode]


def form_body(content_type, data):
    if content_type == MULTIPART_CONTENT:
        return encode_multipart(BOUNDARY, data)
    return urlencode(data).encode()


@pytest.mark.parametrize(("path", "lang"), [(CS_FORM, "cs"), (EN_FORM, "en")])
@pytest.mark.parametrize("content_type", [MULTIPART_CONTENT, "application/x-www-form-urlencoded"])
@pytest.mark.parametrize("charset", ["utf-7", "rot13", "latin-1", "no-such-charset"])
def test_a_form_sent_in_another_encoding_than_utf8_gets_a_400_page_in_the_visitors_language(
    client, site, path, lang, content_type, charset
):
    # In UTF-7 "+2D3-" is half an emoji: a lone surrogate, which no database stores.
    data = valid_post_data(name="Jana +2D3- Dvořáková")
    response = client.generic(
        "POST",
        path,
        form_body(content_type, data),
        content_type=f"{content_type}; charset={charset}",
    )
    assert_bad_request_page(response, lang)
    assert not ApplicationSubmission.objects.exists()


@pytest.mark.parametrize("content_type", [MULTIPART_CONTENT, "application/x-www-form-urlencoded"])
def test_a_form_that_names_utf8_as_its_encoding_is_accepted(client, site, content_type):
    response = client.generic(
        "POST",
        CS_FORM,
        form_body(content_type, valid_post_data()),
        content_type=f"{content_type}; charset=UTF-8",
    )
    assert response.status_code == 302
    assert ApplicationSubmission.objects.get().form_data["name"] == "Jana Dvořáková"
