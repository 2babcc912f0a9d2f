"""What a partner learns about the review of its profile: after *Submit for review* who reviews
it, how long it usually takes and which e-mail will come; then that e-mail, in its own language,
when a moderator approves the profile or sends it back; and that the English profile is behind
the Czech one until SMO translates the changes (the moderators' report lists it too)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from core.outbox import ADMIN_NOTIFICATION, OutgoingEmail
from partners.accounts.mail import admin_url
from partners.accounts.moderation import APPROVED, CHANGES_REQUESTED
from tests.conftest import page_by_slug
from tests.partners.conftest import PARTNER_A, profile_form, submit_for_moderation
from tests.partners.test_partner_workflow import act

pytestmark = pytest.mark.django_db

EDIT = "<p>Nově: veřejné osvětlení pro 40 měst.</p>"


def in_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    return user


def submit(client, partner):
    page = page_by_slug(PARTNER_A, "cs")
    client.force_login(partner)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**profile_form(page, description=EDIT), "action-submit": "Submit"},
        follow=True,
    )
    page.refresh_from_db()
    return page, response


def text(element):
    return " ".join(element.get_text(" ").split())


NEXT_STEPS = {
    "cs": (
        "Profil „Energie pro města, a.s.“ je odeslaný ke schválení. Zkontroluje ho redakce webu "
        "(Svaz měst a obcí České republiky), obvykle do 3 pracovních dnů. Jakmile ho schválí "
        "nebo vrátí k úpravám, pošleme vám e-mail na adresu partner1@example.cz."
    ),
    "en": (
        "“Energie pro města, a.s.” is submitted for review. The site's editors (Union of Towns "
        "and Municipalities of the Czech Republic) review it, usually within 3 working days. "
        "When they approve it or send it back for changes, you will get an e-mail at "
        "partner1@example.cz."
    ),
}
PANEL = {
    "cs": "Zkontroluje ho redakce webu, obvykle do 3 pracovních dnů.",
    "en": "The site's editors review it, usually within 3 working days.",
}


@pytest.mark.parametrize("language", ["cs", "en"])
def test_after_submitting_the_partner_reads_what_happens_next(client, partner_a, language):
    page, response = submit(client, in_admin_language(partner_a, language))
    assert page.workflow_in_progress
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    html = BeautifulSoup(response.content, "html.parser")
    assert NEXT_STEPS[language] in text(html.select_one(".messages"))
    panel = text(html.select_one("#own-profile-section"))
    assert PANEL[language] in panel


def sent_to(address, kind):
    return list(OutgoingEmail.objects.filter(kind=kind, to=address))


@pytest.mark.parametrize(
    ("language", "subject", "lines"),
    [
        (
            "cs",
            "Lepší města: profil organizace Energie pro města, a.s. je zveřejněný",
            [
                "Dobrý den,",
                "provozovatel webu, Svaz měst a obcí České republiky, schválil změny profilu "
                "organizace Energie pro města, a.s. a zveřejnil je:",
                "/cs/partneri/energie-pro-mesta/",
                "Anglický profil zatím ukazuje předchozí text: redakce ho aktualizuje, jakmile "
                "budou změny přeložené.",
            ],
        ),
        (
            "en",
            "Lepší města: the profile of Energie pro města, a.s. is published",
            [
                "Hello,",
                "the website's operator, Union of Towns and Municipalities of the Czech "
                "Republic, has approved the changes to the profile of Energie pro města, a.s. "
                "and published them:",
                "/cs/partneri/energie-pro-mesta/",
                "The English profile still shows the earlier text",
            ],
        ),
    ],
)
def test_an_approval_is_emailed_to_the_partner_in_its_language(
    client, partner_a, moderator, language, subject, lines
):
    page, _response = submit(client, in_admin_language(partner_a, language))
    act(client, moderator, page, "approve", comment="")
    assert page.live_revision_id == page.latest_revision_id
    [message] = sent_to("partner1@example.cz", APPROVED)
    assert message.language == language
    assert message.subject == subject
    body = " ".join(message.body.split())
    for line in lines:
        assert line in body
    # Wagtail's generic notice does not say it a second time.
    assert sent_to("partner1@example.cz", ADMIN_NOTIFICATION) == []


def test_changes_requested_are_emailed_with_the_comment_and_the_way_back(
    client, partner_a, moderator
):
    page, _response = submit(client, partner_a)
    comment = "Prosíme doplnit zdroj údaje o 40 městech."
    act(client, moderator, page, "reject", comment=comment)
    [message] = sent_to("partner1@example.cz", CHANGES_REQUESTED)
    assert (
        message.subject == "Lepší města: profil organizace Energie pro města, a.s. potřebuje úpravy"
    )
    body = " ".join(message.body.split())
    assert "vrátil profil organizace Energie pro města, a.s. k úpravám" in body
    assert f"Komentář moderátora: {comment}" in body
    edit_url = admin_url("wagtailadmin_pages:edit", page.pk)
    assert f"Profil upravte a znovu ho odešlete ke schválení: {edit_url}" in body
    assert sent_to("partner1@example.cz", APPROVED) == []


def test_the_partner_and_the_moderators_see_that_the_english_profile_is_behind(
    client, partner_a, moderator
):
    page, _response = submit(client, partner_a)
    act(client, moderator, page, "approve", comment="")
    english = page_by_slug(PARTNER_A, "en")

    client.force_login(partner_a)
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    rows = {
        row.select_one("td:nth-of-type(2)").get_text(strip=True): text(row)
        for row in html.select("#own-profile-section tbody tr")
    }
    assert "Starší než český profil" in rows["English"]
    assert "Starší než český profil" not in rows["Čeština"]

    client.force_login(moderator)
    report = BeautifulSoup(client.get("/admin/reports/untranslated/").content, "html.parser")
    # The Czech profile's row, leading to the English page's translation editor.
    assert report.select_one(f'a[href="/admin/pages/{page.pk}/edit/"]') is not None
    assert report.select_one(f'a[href="/admin/pages/{english.pk}/edit/"]') is not None


def text_of(response):
    return text(BeautifulSoup(response.content, "html.parser"))


def test_a_czech_partner_reads_its_profile_form_and_its_review_in_czech(client, partner_a):
    in_admin_language(partner_a, "cs")
    profile = page_by_slug(PARTNER_A, "cs")
    client.force_login(partner_a)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk]))
    assert "Odeslat ke schválení: Kontrola profilu partnera" in text_of(edit)
    submit_for_moderation(client, partner_a, profile, title=profile.title)
    client.force_login(partner_a)
    edit = text_of(client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk])))
    assert "Tato položka (stránka) teď čeká na schválení." in edit
    assert "awaiting moderation" not in edit
