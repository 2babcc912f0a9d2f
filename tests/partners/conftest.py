"""The SMTP fixtures for the mail tests (tests/partners/smtp.py), the loaded form pages, the
mail worker's delivery step, and partner accounts with their profile's edit form."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from partners.accounts import REVIEWERS_GROUP, add_partner_user, give_access
from partners.models import ApplicationFormPage
from tests.conftest import page_by_slug
from tests.partners.smtp import SMTP_BACKEND, SilentServer, SmtpSink, free_port

CS_FORM = "/cs/prihlaska/"
EN_FORM = "/en/apply/"


def send_pending_mail(*args):
    """One round of the mail worker, as `manage.py send_pending_mail` runs it; its output."""
    out = StringIO()
    call_command("send_pending_mail", *args, stdout=out)
    return out.getvalue()


def smtp_settings(port):
    """Django's SMTP backend pointed at 127.0.0.1:port."""
    return override_settings(
        EMAIL_BACKEND=SMTP_BACKEND,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )


@pytest.fixture
def smtp_port():
    """A port with nothing listening, that Django's SMTP backend is pointed at."""
    port = free_port()
    with smtp_settings(port):
        yield port


@pytest.fixture
def silent_smtp():
    """A mail server that accepts connections and never answers, that Django sends to."""
    server = SilentServer()
    with smtp_settings(server.port):
        yield server
    server.close()


@pytest.fixture
def smtp_sink_down(smtp_port):
    """The sink, not started yet: the mail server is down until the test calls start()."""
    sink = SmtpSink(smtp_port)
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink(smtp_sink_down):
    """A running SMTP sink that Django sends to."""
    smtp_sink_down.start()
    return smtp_sink_down


@pytest.fixture
def form_pages(site):
    return {
        page.locale.language_code: page
        for page in ApplicationFormPage.objects.select_related("locale")
    }


# Partner accounts (tests/partners/test_partner_*.py) -------------------------------------------

PARTNER_PASSWORD = "Heslo-partnera-1"
PARTNER_A = "energie-pro-mesta"
PARTNER_B = "dopravni-data"


def partner_login(slug, username):
    """A person of the organisation that owns profile `slug`, as manage.py ensure_dev_partners
    makes them."""
    group, _collection = give_access(page_by_slug(slug, "cs"))
    return add_partner_user(
        group, f"{username}@example.cz", username=username, password=PARTNER_PASSWORD
    )


@pytest.fixture
def partner_a(site):
    return partner_login(PARTNER_A, "partner1")


@pytest.fixture
def partner_b(site):
    return partner_login(PARTNER_B, "partner2")


@pytest.fixture
def moderator(site):
    user = User.objects.create_user("moderatorka", "moderatorka@lepsimesta.cz", PARTNER_PASSWORD)
    user.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return user


def profile_form(page, **changes):
    """The POST data of a partner profile's edit form in the admin, with `changes`."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "description": page.description,
        "website": page.website,
        "areas": [area.pk for area in page.areas.all()],
        "experts": [(block.block_type, dict(block.value)) for block in page.experts],
        "contact_name": page.contact_name,
        "contact_email": page.contact_email,
        "contact_phone": page.contact_phone,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "social_text": page.social_text,
        **changes,
    }
    return nested_form_data(
        {
            **fields,
            "description": rich_text(fields["description"]),
            "experts": streamfield(fields["experts"]),
            "comments": inline_formset([]),
        }
    )


def submit_for_moderation(client, user, page, **changes):
    """`user` edits `page` in the admin with `changes` and submits it for moderation."""
    client.force_login(user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**profile_form(page, **changes), "action-submit": "Submit"},
    )
    assert response.status_code == 302
    client.logout()
    page.refresh_from_db()
    assert page.workflow_in_progress
    return page


@pytest.fixture
def submitted_profile(client, partner_a):
    """Partner A has edited the description of its Czech profile and submitted it."""
    return submit_for_moderation(
        client,
        partner_a,
        page_by_slug(PARTNER_A, "cs"),
        description="<p>Nově: veřejné osvětlení pro 40 měst.</p>",
    )
