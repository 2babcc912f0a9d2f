"""From an application to a partner who keeps their own profile: the applications group's
"Invite as partner", the invitation e-mail (delivered by the mail worker to a real SMTP
server), the one-time link to set a password, and who may do what, URL by URL."""

import re
from datetime import datetime, timedelta
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group, User
from django.test import override_settings
from wagtail.models import Locale, Page, PageLogEntry

from partners.accounts.access import own_profiles
from partners.accounts.invitations import invitation_tokens, invitation_url, invite
from partners.accounts.scope import is_partner
from partners.models import (
    ApplicationFormPage,
    ApplicationSubmission,
    PartnerInvitation,
    PartnerPage,
    StartupPage,
)
from tests.conftest import page_by_slug
from tests.factories.partners import ApplicationSubmissionFactory, valid_post_data
from tests.mail import send_pending_mail
from tests.partners.conftest import CS_FORM, EN_FORM

pytestmark = pytest.mark.django_db

APPLICATIONS_GROUP = "Přihlášky / Applications"
PASSWORD = "Lampy-svítí-2024"
LINK = re.compile(r"http://\S+/admin/partner-invitation/\S+/")


def member_of(username, *groups):
    user = User.objects.create_user(username, f"{username}@lepsimesta.cz", "Heslo-pro-testy-1")
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


@pytest.fixture
def clerk():
    return member_of("referentka", APPLICATIONS_GROUP)


def apply(client, path=CS_FORM, **fields):
    """A visitor sends the real form; the stored application."""
    response = client.post(path, valid_post_data(**fields))
    assert response.status_code == 302, response.content[:500]
    return ApplicationSubmission.objects.latest("pk")


def invite_url(submission):
    return f"/admin/partners/applications/{submission.pk}/invite/"


def invitation_mail(sink, address):
    [message] = [m for m in sink.to(address) if "/admin/partner-invitation/" in m.get_content()]
    return message


def subject(message):
    return " ".join(str(message["Subject"]).split())


def link_path(message):
    return urlparse(LINK.search(message.get_content()).group(0)).path


def set_password(client, path, password=PASSWORD):
    """Open the link (it swaps the token for the session's) and set the password."""
    response = client.get(path)
    assert response.status_code == 302
    form_url = response["Location"]
    assert form_url.endswith("/set-password/")
    assert client.get(form_url).status_code == 200
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_a_startup_applies_is_invited_sets_a_password_and_keeps_its_draft(
    client, site, clerk, smtp_sink
):
    submission = apply(
        client,
        application_type="startup",
        organisation="Chytré lampy s.r.o.",
        name="Petra Malá",
        email="petra@chytre-lampy.example.cz",
        phone="+420 777 123 456",
        working_group="energy",
        message="Lampy, které svítí, jen když je potřeba.",
    )

    # The applications group sees the action beside the application and confirms it once.
    client.force_login(clerk)
    listing = client.get(f"/admin/forms/submissions/{submission.page_id}/")
    assert invite_url(submission) in listing.content.decode()
    confirm = client.get(invite_url(submission))
    assert confirm.status_code == 200
    assert "Chytré lampy s.r.o." in confirm.content.decode()
    # The stored code read as the area's name, in the clerk's (Czech) admin.
    assert "<dd>Energetika</dd>" in confirm.content.decode()
    response = client.post(invite_url(submission), follow=True)
    assert response.status_code == 200
    [message] = [str(m) for m in response.context["messages"]]
    assert "Chytré lampy s.r.o." in message and "petra@chytre-lampy.example.cz" in message

    # A draft start-up profile in both languages, nothing live.
    cs = StartupPage.objects.get(title="Chytré lampy s.r.o.", locale__language_code="cs")
    en = cs.get_translation(cs.get_translations().get().locale)
    assert en.locale.language_code == "en"
    assert not cs.live and not en.live
    assert (cs.contact_name, cs.contact_email, cs.contact_phone) == (
        "Petra Malá",
        "petra@chytre-lampy.example.cz",
        "+420 777 123 456",
    )
    assert cs.summary == "Lampy, které svítí, jen když je potřeba."
    assert [area.slug for area in cs.areas.all()] == ["energy"]
    assert not cs.is_sample
    assert PageLogEntry.objects.filter(
        page=cs, action="partners.profile_from_application", user=clerk
    ).exists()

    # The worker delivers the invitation, in the application's language.
    send_pending_mail()
    invitation = invitation_mail(smtp_sink, "petra@chytre-lampy.example.cz")
    assert str(invitation["Content-Language"]) == "cs"
    assert subject(invitation) == (
        "Lepší města: pozvánka ke správě profilu organizace Chytré lampy s.r.o."
    )
    body = invitation.get_content()
    assert "Chytré lampy s.r.o." in body
    assert "až je schválí jeho provozovatel, Svaz měst a obcí České republiky:" in body
    path = link_path(invitation)

    # The link: set a password, signed in, in the admin.
    client.logout()
    response = set_password(client, path)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    partner = User.objects.get(email="petra@chytre-lampy.example.cz")
    assert dashboard.context["request"].user == partner
    assert partner.has_usable_password() and is_partner(partner)
    assert partner.first_name == "Petra" and partner.last_name == "Malá"
    assert {(p.pk, p.live) for p in own_profiles(partner)} == {(cs.pk, False), (en.pk, False)}

    # Once only: the second visit finds the link dead, with the reason, not a 500.
    client.logout()
    used = client.get(path)
    assert used.status_code == 410
    assert "vypršela nebo už byl použit" in used.content.decode()


def test_a_sponsor_applying_in_english_is_invited_in_english(client, site, clerk, smtp_sink):
    submission = apply(
        client,
        EN_FORM,
        application_type="sponsorship",
        organisation="Bright Grid Ltd",
        name="John Smith",
        email="john@brightgrid.example.com",
        message="We would like to join.\n\nOur <b>grid</b> software helps cities.",
    )
    client.force_login(clerk)
    client.post(invite_url(submission))
    cs = PartnerPage.objects.get(title="Bright Grid Ltd", locale__language_code="cs")
    assert not cs.live and not cs.is_sample
    # The message starts the description, as text (what was typed is never markup).
    assert cs.description == (
        "<p>We would like to join.</p><p>Our &lt;b&gt;grid&lt;/b&gt; software helps cities.</p>"
    )
    assert list(cs.areas.all()) == []

    send_pending_mail()
    invitation = invitation_mail(smtp_sink, "john@brightgrid.example.com")
    assert str(invitation["Content-Language"]) == "en"
    assert subject(invitation) == "Lepší města: invitation to keep the profile of Bright Grid Ltd"
    body = invitation.get_content()
    assert "Hello," in body
    assert "keep the profile of Bright Grid Ltd on the Lepší města website" in body
    assert "The link is valid for 7 days." in body
    assert (
        "Changes go live on the website only after its operator, Union of Towns and "
        "Municipalities of the Czech Republic, approves them" in body
    )
    en = cs.get_translation(Locale.objects.get(language_code="en"))
    assert f"/admin/pages/{en.pk}/edit/" in body
    assert "/en/" in link_path(invitation)

    # The page behind the link speaks English, whatever the browser prefers.
    client.logout()
    response = client.get(link_path(invitation), HTTP_ACCEPT_LANGUAGE="cs")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="cs")
    assert "Welcome to Lepší města: set your password" in page.content.decode()


def test_the_czech_invitation_reads_in_czech(site, smtp_sink):
    invite(page_by_slug("parksense", "cs"), "eva@parksense.example.cz", name="Eva Nová")
    send_pending_mail()
    [message] = smtp_sink.to("eva@parksense.example.cz")
    body = message.get_content().replace("\r\n", "\n")
    assert body.startswith("Dobrý den,\n\nzveme vás ke správě profilu organizace ParkSense")
    assert "Heslo si nastavíte tímto odkazem; funguje jen jednou:" in body
    assert "Odkaz platí 7 dní." in body
    assert "Změny se na webu zveřejní, až je schválí jeho provozovatel, Svaz měst" in body
    assert body.rstrip().endswith("Tým Lepší města\ninfo@lepsimesta.cz")


@pytest.mark.parametrize("role", ["editor", "moderator", "partner"])
def test_only_the_applications_group_invites(client, site, role):
    submission = ApplicationSubmissionFactory(page=ApplicationFormPage.objects.first())
    users = {
        "editor": lambda: member_of("redaktor", "Editors"),
        "moderator": lambda: member_of("moderatorka", "Moderators"),
        "partner": lambda: invite(page_by_slug("parksense", "cs"), "eva@parksense.example.cz").user,
    }
    client.force_login(users[role]())
    pages = Page.objects.count()
    assert client.get(invite_url(submission)).status_code == 403
    assert client.post(invite_url(submission)).status_code == 403
    assert Page.objects.count() == pages
    assert not PartnerInvitation.objects.filter(submission=submission).exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, site):
    submission = ApplicationSubmissionFactory(page=ApplicationFormPage.objects.first())
    response = client.post(invite_url(submission))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not PartnerInvitation.objects.exists()


def test_inviting_twice_makes_one_profile(client, site, clerk):
    submission = ApplicationSubmissionFactory(page=ApplicationFormPage.objects.first())
    client.force_login(clerk)
    client.post(invite_url(submission))
    pages = Page.objects.count()
    response = client.post(invite_url(submission), follow=True)
    assert Page.objects.count() == pages
    *_first, message = [str(m) for m in response.context["messages"]]
    assert message.strip() == "Z této přihlášky už vznikl profil „Chytrá řešení, s. r. o.“."
    assert PartnerPage.objects.filter(title="Chytrá řešení, s. r. o.").count() == 2  # cs, en
    # The confirmation page and the list say so too, and link to the profile.
    assert (
        "Z této přihlášky už vznikl profil" in client.get(invite_url(submission)).content.decode()
    )


@pytest.mark.parametrize(
    ("form_data", "reason"),
    [
        ({"application_type": "question", "organisation": "Město Kolín"}, "tato přihláška je"),
        ({"application_type": "expert", "organisation": "ČVUT"}, "tato přihláška je"),
        ({"application_type": "sponsorship", "organisation": ""}, "neuvádí organizaci"),
        (
            {"application_type": "startup", "organisation": "X", "email": "not an address"},
            "není platná e-mailová adresa",
        ),
    ],
)
def test_an_application_that_cannot_become_a_profile_is_explained(
    client, site, clerk, form_data, reason
):
    data = {**valid_post_data(), **form_data}
    submission = ApplicationSubmissionFactory(
        page=ApplicationFormPage.objects.first(), form_data=data
    )
    client.force_login(clerk)
    confirm = client.get(invite_url(submission))
    assert confirm.status_code == 200 and reason in confirm.content.decode()
    pages = Page.objects.count()
    response = client.post(invite_url(submission), follow=True)
    assert response.status_code == 200
    assert reason in str(list(response.context["messages"])[0])
    assert Page.objects.count() == pages
    # Only sponsorship and start-up applications get the action in the list.
    listing = client.get(f"/admin/forms/submissions/{submission.page_id}/").content.decode()
    assert (invite_url(submission) in listing) == (
        form_data["application_type"] in ("sponsorship", "startup")
    )


# The link ----------------------------------------------------------------------------------


@pytest.fixture
def invited(site):
    return invite(page_by_slug("dopravni-data", "cs"), "karel@dopravni-data.example.cz")


def test_the_link_expires(client, invited, monkeypatch):
    url = invitation_url(invited.user, "cs")
    path = urlparse(url).path
    with override_settings(PARTNER_INVITATION_TIMEOUT=1):
        later = datetime.now() + timedelta(seconds=2)
        monkeypatch.setattr(invitation_tokens, "_now", lambda: later)
        response = client.get(path)
    assert response.status_code == 410
    assert "vypršela nebo už byl použit; o novou pozvánku požádejte SMO" in (
        response.content.decode()
    )
    # Within its lifetime the same link works.
    assert client.get(path).status_code == 302


def test_the_link_dies_once_its_owner_signs_in(client, invited):
    path = urlparse(invitation_url(invited.user, "cs")).path
    invited.user.set_password(PASSWORD)
    invited.user.save()
    client.force_login(invited.user)  # records the sign-in (last_login), as a real one does
    client.logout()
    assert client.get(path).status_code == 410


@pytest.mark.parametrize("language", ["cs", "en"])
def test_a_tampered_or_unknown_link_gets_the_clear_page(client, invited, language):
    path = urlparse(invitation_url(invited.user, language)).path
    prefix, uidb64, token = path.rstrip("/").rsplit("/", 2)
    expected = {
        "cs": "vypršela nebo už byl použit",
        "en": "This invitation link has expired or was already used; ask SMO for a new one.",
    }[language]
    for bad in (
        # a changed signature (its last character, whatever it was)
        f"{prefix}/{uidb64}/{token[:-1]}{'1' if token.endswith('0') else '0'}/",
        f"{prefix}/{uidb64}/nonsense/",
        f"{prefix}/OTk5OTk5/{token}/",  # nobody's id
        f"{prefix}/!!/{token}/",  # not base64: no address of ours
        f"{prefix}/{uidb64}/set-password/",  # the form without a token in the session
    ):
        response = client.get(bad)
        assert response.status_code in (404, 410), bad
        if response.status_code == 410:
            assert expected in response.content.decode(), bad
    # POSTing a password to a dead link sets nothing.
    response = client.post(
        f"{prefix}/{uidb64}/set-password/",
        {"new_password1": PASSWORD, "new_password2": PASSWORD},
    )
    assert response.status_code == 410
    invited.user.refresh_from_db()
    assert not invited.user.has_usable_password()


def test_a_weak_password_is_refused_in_the_invitations_language(client, invited):
    path = urlparse(invitation_url(invited.user, "cs")).path
    form_url = client.get(path)["Location"]
    response = client.post(form_url, {"new_password1": "kratke", "new_password2": "kratke"})
    assert response.status_code == 200
    assert "alespoň 12 znaků" in response.content.decode()
    invited.user.refresh_from_db()
    assert not invited.user.has_usable_password()
