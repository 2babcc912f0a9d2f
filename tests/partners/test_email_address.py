"""The applicant's address must look deliverable: a confirmation never goes to localhost, an IP
address or a domain without a dot."""

import pytest
from bs4 import BeautifulSoup

from core.models import OutgoingEmail
from partners.models import ApplicationSubmission
from tests.factories.partners import valid_post_data
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

MESSAGES = {
    CS_FORM: (
        "Na tuto adresu vám nemůžeme odpovědět. Zadejte prosím e-mailovou adresu s úplným "
        "názvem domény, například jana@example.cz."
    ),
    EN_FORM: (
        "We could not reply to this address. Please enter an e-mail address with a full "
        "domain name, for example jana@example.cz."
    ),
}


@pytest.mark.parametrize("path", [CS_FORM, EN_FORM], ids=["cs", "en"])
@pytest.mark.parametrize(
    "address",
    [
        "a@localhost",
        "a@LOCALHOST",
        "a@mail.localhost",
        "a@[127.0.0.1]",
        "a@[IPv6:::1]",
        "a@10.0.0.10",
        "a@127.0.0.1",
        "a@intranet",
    ],
)
def test_an_undeliverable_address_is_explained_and_nothing_is_stored_or_sent(
    client, site, mailoutbox, path, address
):
    response = client.post(path, valid_post_data(email=address))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("#id_email_errors").get_text(strip=True) == MESSAGES[path]
    assert html.select_one("#id_email")["value"] == address
    assert ApplicationSubmission.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("jana.dvorakova@", "Zadejte platnou e-mailovou adresu."),
        ("jana.dvorakova", "Zadejte platnou e-mailovou adresu."),
        ("jana@příklad.cz", None),
        ("jana.dvorakova@mail.example.cz", None),
    ],
)
def test_other_addresses_keep_their_usual_answer(client, site, address, message):
    response = client.post(CS_FORM, valid_post_data(email=address))
    if message is None:
        assert response.status_code == 302
        assert ApplicationSubmission.objects.get().form_data["email"] == address
    else:
        html = BeautifulSoup(response.content, "html.parser")
        assert html.select_one("#id_email_errors").get_text(strip=True) == message
