"""Signing in to the admin: failed logins lock out (django-axes), the wait is explained in the
admin's language, editors can read the record, password resets are limited, passwords are strong.

Everything goes through the real /admin/login/ and /admin/password_reset/ forms.
"""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.management.commands.ensure_dev_admin import DEV_PASSWORD, DEV_USERNAME
from core.models import OutgoingEmail

pytestmark = pytest.mark.django_db

PASSWORD = "Brnenske-tramvaje-2016"
LOCKED_CS = "Příliš mnoho neúspěšných pokusů o přihlášení"
LOCKED_EN = "Too many failed sign-in attempts"


@pytest.fixture
def editor():
    user = User.objects.create_user("redaktor", "redaktor@lepsimesta.cz", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def other_editor():
    user = User.objects.create_user("jina", "jina@lepsimesta.cz", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def login(client, username, password, language="cs", address="192.0.2.10", **headers):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        HTTP_ACCEPT_LANGUAGE=language,
        REMOTE_ADDR=address,
        **headers,
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def messages_on(response):
    html = BeautifulSoup(response.content, "html.parser")
    return html.select_one(".messages").get_text(" ", strip=True)


def fail_ten_times(client, username, **kwargs):
    return [login(client, username, "spatne-heslo", **kwargs) for _ in range(10)]


def expire_cool_off():
    """Move every recorded failure back past the 15-minute cool-off."""
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))


@pytest.mark.parametrize(
    ("language", "locked", "wait"),
    [
        ("cs", LOCKED_CS, "Přihlášení je zablokováno na 15 minut"),
        ("en", LOCKED_EN, "Signing in is blocked for 15 minutes"),
    ],
)
def test_ten_wrong_passwords_lock_the_account_with_a_message_in_the_admins_language(
    client, editor, language, locked, wait
):
    failures = fail_ten_times(client, "redaktor", language=language)
    # The first four get Wagtail's "wrong password"; the fifth (LOGIN_FAILURE_LIMIT) locks.
    assert [r.status_code for r in failures] == [200] * 4 + [429] * 6
    assert locked not in messages_on(failures[3])

    response = login(client, "redaktor", PASSWORD, language=language)
    assert not logged_in(response)
    assert response.status_code == 429
    # Wagtail's own login page, with the form to try again later and the reason.
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("form.login-form input[name=username]")["value"] == "redaktor"
    text = messages_on(response)
    assert locked in text
    assert wait in text
    assert client.get("/admin/").status_code == 302  # still signed out

    expire_cool_off()
    assert logged_in(login(client, "redaktor", PASSWORD, language=language))


def test_every_failure_is_recorded_with_user_name_and_address(client, editor):
    fail_ten_times(client, "redaktor")
    login(client, "redaktor", PASSWORD)
    failures = AccessFailureLog.objects.filter(username="redaktor", ip_address="192.0.2.10")
    # The right password during the lockout counts as a failure too: it was refused.
    assert failures.count() == 11
    assert failures.filter(locked_out=True).count() == 7


def test_a_locked_user_name_is_locked_from_every_address(client, editor):
    fail_ten_times(client, "redaktor")
    assert not logged_in(login(client, "redaktor", PASSWORD, address="198.51.100.20"))


def test_a_locked_address_is_locked_for_every_user_name(client, editor, other_editor):
    for number in range(5):
        login(client, f"neznamy-{number}", "spatne-heslo")
    assert not logged_in(login(client, "jina", PASSWORD))


def test_another_user_from_another_address_is_not_affected(client, editor, other_editor):
    fail_ten_times(client, "redaktor")
    assert logged_in(login(client, "jina", PASSWORD, address="198.51.100.20"))


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_address_is_the_one_locked(client, editor, other_editor):
    # Both clients reach the app through the same proxy (10.0.0.1).
    fail_ten_times(
        client, "redaktor", address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7"
    )
    assert AccessFailureLog.objects.filter(ip_address="198.51.100.7").count() == 10
    # A made-up address left of the proxy's own entry does not get the attacker out …
    assert not logged_in(
        login(
            client,
            "jina",
            PASSWORD,
            address="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.7",
        )
    )
    # … and another client behind the same proxy is not locked with it.
    assert logged_in(
        login(client, "jina", PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
    )


@override_settings(DEBUG=True)
def test_the_development_admin_still_signs_in(client):
    call_command("ensure_dev_admin", stdout=StringIO())
    assert logged_in(login(client, DEV_USERNAME, DEV_PASSWORD))


# The record editors can read -------------------------------------------------------------------

REPORT = "/admin/reports/login-attempts/"


def test_superusers_read_the_login_attempts_report(client, editor):
    fail_ten_times(client, "redaktor")
    client.force_login(User.objects.create_superuser("spravce", "spravce@lepsimesta.cz", PASSWORD))
    response = client.get(REPORT, HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert "Pokusy o přihlášení" in html.title.get_text()
    rows = html.select("table.listing tbody tr")
    assert len(rows) == 10
    assert "redaktor" in rows[0].get_text()
    assert "192.0.2.10" in rows[0].get_text()
    menu = client.get("/admin/").content.decode()
    assert REPORT in menu


def test_editors_cannot_read_the_report_unless_given_the_permission(client, editor):
    fail_ten_times(client, "jiny")
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code in (302, 403)
    assert "192.0.2.10" not in response.content.decode()
    assert REPORT not in client.get("/admin/").content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_accessfailurelog"))
    editor = User.objects.get(pk=editor.pk)  # no cached permissions
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "192.0.2.10" in response.content.decode()


# Password reset -------------------------------------------------------------------------------


def reset(client, email, address="192.0.2.10"):
    response = client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)
    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/done/"
    return response


def queued_resets():
    """The recipients of the reset e-mails in the outbox (the request only queues them)."""
    return [message.recipients for message in OutgoingEmail.objects.order_by("pk")]


def test_password_reset_mails_are_limited_per_email_address(client, editor):
    for number in range(5):
        reset(client, "redaktor@lepsimesta.cz", address=f"198.51.100.{number}")
    assert queued_resets() == [["redaktor@lepsimesta.cz"]] * 3
    # Another person's reset is not held up by it.
    User.objects.create_user("jina", "jina@lepsimesta.cz", PASSWORD)
    reset(client, "jina@lepsimesta.cz", address="198.51.100.99")
    assert queued_resets()[3:] == [["jina@lepsimesta.cz"]]


def test_password_reset_mails_are_limited_per_client_address(client):
    for number in range(5):
        User.objects.create_user(f"uzivatel{number}", f"u{number}@lepsimesta.cz", PASSWORD)
        reset(client, f"u{number}@lepsimesta.cz")
    assert queued_resets() == [
        ["u0@lepsimesta.cz"],
        ["u1@lepsimesta.cz"],
        ["u2@lepsimesta.cz"],
    ]


def test_the_answer_over_the_limit_reveals_nothing(client, editor):
    answers = [reset(client, "redaktor@lepsimesta.cz") for _ in range(4)]
    assert len(queued_resets()) == 3
    done = client.get(answers[-1]["Location"], HTTP_ACCEPT_LANGUAGE="cs")
    assert done.status_code == 200
    assert answers[-1].content == answers[0].content


# Strong passwords -------------------------------------------------------------------------------


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser("spravce", "spravce@lepsimesta.cz", PASSWORD))
    return client


def add_user(client, password):
    return client.post(
        "/admin/users/new/",
        {
            "username": "novy",
            "email": "novy@lepsimesta.cz",
            "first_name": "Nový",
            "last_name": "Redaktor",
            "password1": password,
            "password2": password,
        },
        HTTP_ACCEPT_LANGUAGE="cs",
    )


def password_errors(response):
    html = BeautifulSoup(response.content, "html.parser")
    # Wagtail reports the validators' verdict under the confirmation field.
    field = html.select_one("[name=password2]").find_parent(attrs={"data-field-wrapper": True})
    return field.select_one("[data-field-errors]").get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("weak", "error"),
    [
        # 11 characters: the minimum is 12.
        ("Kratke-hes1", "Heslo je příliš krátké. Musí mít aspoň 12 znaků."),
        ("123456789012345", "Heslo se skládá pouze z čísel."),
        ("password1234", "Heslo je příliš běžné."),
    ],
)
def test_the_admin_refuses_a_weak_password_for_a_new_user(superuser_client, weak, error):
    response = add_user(superuser_client, weak)
    assert response.status_code == 200
    assert error in password_errors(response)
    assert not User.objects.filter(username="novy").exists()


def test_the_admin_accepts_a_long_uncommon_password(superuser_client):
    response = add_user(superuser_client, "Chytra-mesta-pro-lidi-7")
    assert response.status_code == 302
    assert User.objects.get(username="novy").check_password("Chytra-mesta-pro-lidi-7")
