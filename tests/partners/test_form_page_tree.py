"""The form page is a leaf: its sub-addresses are routes (the thank-you page), never child pages."""

import pytest

from partners.models import ApplicationFormPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_type", ["home/standardpage", "partners/applicationformpage"])
def test_the_admin_refuses_a_child_page_under_the_form(admin_client, site, page_type):
    form_page = ApplicationFormPage.objects.get(locale__language_code="cs")
    response = admin_client.get(f"/admin/pages/add/{page_type}/{form_page.pk}/")
    # Wagtail answers a refused page type with a redirect and a "no permission" message.
    assert response.status_code in (302, 403)
    assert b"<form" not in response.content
    assert form_page.get_children().count() == 0


def test_the_add_child_choice_offers_no_page_type(admin_client, site):
    form_page = ApplicationFormPage.objects.get(locale__language_code="cs")
    assert ApplicationFormPage.creatable_subpage_models() == []
    response = admin_client.get(f"/admin/pages/{form_page.pk}/add_subpage/")
    assert b"/admin/pages/add/home/standardpage/" not in response.content
