"""The loaded application form pages (the SMTP fixtures and the mail worker's round are in
tests/mail.py, shared with every app's tests)."""

import pytest

from partners.models import ApplicationFormPage

CS_FORM = "/cs/prihlaska/"
EN_FORM = "/en/apply/"


@pytest.fixture
def form_pages(site):
    return {
        page.locale.language_code: page
        for page in ApplicationFormPage.objects.select_related("locale")
    }
