"""The form's token is single-use and expires: a second or late send is asked to send again."""

import time
from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.models import OutgoingEmail
from partners.application.forms import read_started_token, started_token
from partners.models import ApplicationSubmission, UsedFormToken
from tests.factories.partners import valid_post_data
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

ALREADY_SENT = {
    CS_FORM: "Tento formulář už byl jednou odeslán.",
    EN_FORM: "This form has already been sent once.",
}
EXPIRED = {
    CS_FORM: "Formulář byl otevřený příliš dlouho",
    EN_FORM: "The form was open for a long time",
}


def asked_to_send_again(response, notice, data):
    """The form again, HTTP 200, with the notice, what was typed and a fresh token; the fresh
    token is returned."""
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    shown = html.select_one("[data-testid=form-notice]")
    assert shown["role"] == "alert"
    assert notice in shown.get_text()
    assert html.select_one("#id_name")["value"] == data["name"]
    assert html.select_one("#id_message").get_text(strip=True) == data["message"]
    token = html.select_one("input[name=form_started]")["value"]
    assert token != data["form_started"]
    return token


@pytest.mark.parametrize("path", [CS_FORM, EN_FORM], ids=["cs", "en"])
def test_a_form_sent_twice_is_stored_once_and_the_second_send_is_asked_again(client, site, path):
    data = valid_post_data(name="Eva Malá", message="Jednou stačí.")
    assert client.post(path, data).status_code == 302
    assert ApplicationSubmission.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2

    response = client.post(path, data)
    fresh = asked_to_send_again(response, ALREADY_SENT[path], data)
    assert ApplicationSubmission.objects.count() == 1
    assert OutgoingEmail.objects.count() == 2

    # Someone who really wants to send a second submission can, after the same pause as anyone.
    fresh_data = {**data, "form_started": fresh}
    with override_settings(FORM_MIN_FILL_SECONDS=0):
        assert client.post(path, fresh_data).status_code == 302
    assert ApplicationSubmission.objects.count() == 2


@pytest.mark.parametrize("path", [CS_FORM, EN_FORM], ids=["cs", "en"])
def test_an_expired_form_is_asked_to_be_sent_again(client, site, path):
    data = valid_post_data(form_started=started_token(time.time() - 4 * 3600 - 60))
    response = client.post(path, data)
    fresh = asked_to_send_again(response, EXPIRED[path], data)
    assert ApplicationSubmission.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0

    with override_settings(FORM_MIN_FILL_SECONDS=0):
        assert client.post(path, {**data, "form_started": fresh}).status_code == 302
    assert ApplicationSubmission.objects.count() == 1


def test_the_token_lifetime_is_a_setting(client, site):
    data = valid_post_data(form_started=started_token(time.time() - 2 * 3600))
    with override_settings(FORM_TOKEN_MAX_AGE_HOURS=1):
        response = client.post(CS_FORM, data)
    asked_to_send_again(response, EXPIRED[CS_FORM], data)
    with override_settings(FORM_TOKEN_MAX_AGE_HOURS=3):
        assert client.post(CS_FORM, data).status_code == 302


def test_a_replayed_form_does_not_use_up_the_rate_limit(client, site):
    data = valid_post_data()
    with override_settings(FORM_RATE_LIMIT_COUNT=2):
        assert client.post(CS_FORM, data).status_code == 302
        for _ in range(3):
            assert client.post(CS_FORM, data).status_code == 200
        assert client.post(CS_FORM, valid_post_data()).status_code == 302


def test_each_display_of_the_form_carries_its_own_token(client, site):
    tokens = [
        BeautifulSoup(client.get(CS_FORM).content, "html.parser").select_one(
            "input[name=form_started]"
        )["value"]
        for _ in range(2)
    ]
    first, second = (read_started_token(token) for token in tokens)
    assert first.nonce != second.nonce
    assert len(first.nonce) >= 16


def test_purge_forgets_used_tokens_only_once_they_have_expired(client, site):
    client.post(CS_FORM, valid_post_data())
    old = UsedFormToken.objects.create(nonce="old", used_at=timezone.now() - timedelta(hours=5))
    out = StringIO()
    call_command("purge_submissions", stdout=out)
    assert "and 1 expired form tokens" in out.getvalue()
    assert not UsedFormToken.objects.filter(pk=old.pk).exists()
    assert UsedFormToken.objects.count() == 1
