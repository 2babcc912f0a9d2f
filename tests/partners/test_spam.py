"""The spam defences and their documented answers (docs/application-form.md)."""

import time

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from core.models import OutgoingEmail
from partners.application.forms import read_started_token, started_token
from partners.models import ApplicationSubmission
from tests.factories.partners import valid_post_data
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db


def nothing_stored_or_sent(mailoutbox):
    return (
        ApplicationSubmission.objects.count() == 0
        and OutgoingEmail.objects.count() == 0
        and mailoutbox == []
    )


def test_filled_honeypot_gets_the_thank_you_page_and_nothing_is_kept(client, site, mailoutbox):
    response = client.post(CS_FORM, valid_post_data(extra_url="https://spam.example"))
    assert response.status_code == 302
    # The plain thank-you address: a bot cannot tell it from success.
    assert response["Location"] == "/cs/prihlaska/dekujeme/"
    assert client.get(response["Location"]).status_code == 200
    assert nothing_stored_or_sent(mailoutbox)


@pytest.mark.parametrize(
    "started",
    [
        pytest.param(lambda: started_token(), id="just-now"),
        pytest.param(lambda: "", id="missing"),
        pytest.param(lambda: started_token(time.time() - 60)[:-3] + "abc", id="forged"),
    ],
)
def test_a_form_sent_too_fast_is_shown_again_with_a_message(client, site, mailoutbox, started):
    # A minimum far above what the request takes, so that "just now" stays too fast on a busy
    # machine (the default is a few seconds).
    with override_settings(FORM_MIN_FILL_SECONDS=600):
        response = client.post(CS_FORM, valid_post_data(form_started=started()))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    notice = html.select_one("[data-testid=form-notice]")
    assert notice["role"] == "alert"
    assert "Formulář byl odeslán příliš rychle" in notice.get_text()
    assert html.select_one("#id_name")["value"] == "Jana Dvořáková"
    # A fresh timestamp: sending again after a pause succeeds.
    token = html.select_one("input[name=form_started]")["value"]
    assert 0 <= read_started_token(token).seconds_ago() < 60
    assert nothing_stored_or_sent(mailoutbox)


def test_minimum_fill_time_is_a_setting(client, site):
    with override_settings(FORM_MIN_FILL_SECONDS=0):
        response = client.post(CS_FORM, valid_post_data(form_started=started_token()))
    assert response.status_code == 302
    assert ApplicationSubmission.objects.count() == 1


@override_settings(FORM_RATE_LIMIT_COUNT=2)
def test_rate_limit_answers_429_and_keeps_the_form(client, site, mailoutbox):
    for _ in range(2):
        assert client.post(CS_FORM, valid_post_data()).status_code == 302
    response = client.post(EN_FORM, valid_post_data(name="Třetí Pokus"))
    assert response.status_code == 429
    html = BeautifulSoup(response.content, "html.parser")
    assert "Too many submissions have been sent from your connection" in html.get_text()
    assert html.select_one("#id_name")["value"] == "Třetí Pokus"
    assert ApplicationSubmission.objects.count() == 2

    # Another client is not affected.
    other = client.post(CS_FORM, valid_post_data(), REMOTE_ADDR="192.0.2.10")
    assert other.status_code == 302
    assert ApplicationSubmission.objects.count() == 3


@override_settings(FORM_RATE_LIMIT_COUNT=1)
def test_invalid_posts_do_not_use_up_the_limit(client, site):
    for _ in range(3):
        assert client.post(CS_FORM, valid_post_data(email="wrong")).status_code == 200
    assert client.post(CS_FORM, valid_post_data()).status_code == 302


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"application_type": ["sponsorship", "expert"], "name": ["a", "b"]},
        {"form_started": "x" * 10000, "message": "\x00"},
        {"working_group": "Neexistuje", "application_type": "expert"},
    ],
    ids=["empty", "repeated-keys", "garbage", "unknown-choice"],
)
def test_malformed_posts_never_cause_a_server_error(client, site, mailoutbox, data):
    response = client.post(CS_FORM, {**valid_post_data(), **data} if data else {})
    assert response.status_code == 200
    assert nothing_stored_or_sent(mailoutbox)
