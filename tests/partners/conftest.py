"""The loaded application form pages, and partner accounts with their profile's edit form (the
SMTP fixtures and the mail worker's round are in tests/mail.py, shared with every app's tests)."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from partners.accounts.access import REVIEWERS_GROUP, add_partner_user, give_access
from partners.models import ApplicationFormPage
from tests.conftest import page_by_slug
from tests.factories.press import DocumentFactory

CS_FORM = "/cs/prihlaska/"
EN_FORM = "/en/apply/"


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


@pytest.fixture
def media(partner_a, partner_b):
    """{"A", "B", "SMO": (image, document)}: one of each in each organisation's collection and in
    SMO's root one, each document with a file name of its own."""
    collections = {
        "A": give_access(page_by_slug(PARTNER_A, "cs"))[1],
        "B": give_access(page_by_slug(PARTNER_B, "cs"))[1],
        "SMO": Collection.get_first_root_node(),
    }
    return {
        owner: (
            get_image_model().objects.create(
                title=f"Obrázek {owner}", file=get_test_image_file(), collection=collection
            ),
            DocumentFactory(
                title=f"Dokument {owner}",
                filename=f"dokument-{owner.lower()}.pdf",
                collection=collection,
            ),
        )
        for owner, collection in collections.items()
    }


def profile_form(page, **changes):
    """The POST data of a partner profile's edit form in the admin, with `changes`."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "description": page.description,
        "website": page.website,
        "areas": [area.pk for area in page.areas.all()],
        "experts": [(block.block_type, dict(block.value)) for block in page.experts],
        "logo": page.logo_id or "",
        "social_image": page.social_image_id or "",
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
