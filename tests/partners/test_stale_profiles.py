"""Profiles SMO last checked more than a year ago: the report that lists them for editors (not
for partners), `remind_stale_partners` that e-mails their partners in each one's language, at
most once per profile every 30 days, and `invite_partner`, the command behind invitations."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from core.models import OutgoingEmail
from partners.accounts.invitations import INVITATION, invite
from partners.accounts.reminders import REMINDER, stale_profiles
from partners.models import PartnerInvitation, PartnerPage, ProfileReminder, StartupPage
from tests.conftest import page_by_slug
from tests.mail import send_pending_mail

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/profiles-to-check/"


def last_checked(slug, days_ago):
    """The profile (both languages) last published `days_ago` days ago."""
    when = timezone.now() - timedelta(days=days_ago)
    Page.objects.filter(slug=slug).update(last_published_at=when, first_published_at=when)


@pytest.fixture
def stale(site):
    """Two stale profiles (the older first), the others fresh."""
    last_checked("dopravni-data", 500)
    last_checked("parksense", 400)
    return ["dopravni-data", "parksense"]


def member_of(username, *groups):
    user = User.objects.create_user(username, f"{username}@lepsimesta.cz", "Heslo-pro-testy-1")
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def remind(*args):
    out = StringIO()
    call_command("remind_stale_partners", *args, stdout=out)
    return out.getvalue()


# The report -----------------------------------------------------------------------------------


def test_moderators_see_the_stale_profiles_oldest_first(client, stale):
    client.force_login(member_of("moderatorka", "Moderators"))
    response = client.get(REPORT)
    assert response.status_code == 200
    rows = [
        (page.slug, page.locale.language_code, str(page.profile_type), page.language)
        for page in response.context["object_list"]
    ]
    # The older profile first; its two languages were published at the same moment.
    assert rows == [
        ("dopravni-data", "cs", "Profil partnera", "Čeština"),
        ("dopravni-data", "en", "Profil partnera", "English"),
        ("parksense", "cs", "Profil start-upu", "Čeština"),
        ("parksense", "en", "Profil start-upu", "English"),
    ]
    html = response.content.decode()
    assert "Energie pro města" not in html  # fresh
    cs = page_by_slug("parksense", "cs")
    assert f"/admin/pages/{cs.pk}/edit/" in html
    # Listed in the Reports menu for them.
    assert "Profily ke kontrole" in client.get("/admin/").content.decode()


def test_superusers_see_it_partners_and_editors_do_not(client, stale):
    client.force_login(User.objects.create_superuser("spravce", "s@lepsimesta.cz", "x" * 12))
    assert client.get(REPORT).status_code == 200
    partner = invite(page_by_slug("parksense", "cs"), "eva@parksense.example.cz").user
    for user in (partner, member_of("redaktor", "Editors")):
        client.force_login(user)
        assert client.get(REPORT).status_code == 403
        assert client.get(REPORT + "results/").status_code == 403
        assert "Profily ke kontrole" not in client.get("/admin/").content.decode()


def test_the_report_the_reminders_and_the_page_share_one_rule(stale):
    """Live and last published over a year ago; a draft never published waits for its first
    approval and a profile taken offline is not checked either."""
    Page.objects.filter(slug="energie-pro-mesta").update(
        live=False, first_published_at=None, last_published_at=None
    )
    Page.objects.filter(slug="parksense", locale__language_code="en").update(live=False)
    listed = {(page.slug, page.locale.language_code) for page in stale_profiles()}
    assert listed == {("dopravni-data", "cs"), ("dopravni-data", "en"), ("parksense", "cs")}
    pages = [*PartnerPage.objects.all(), *StartupPage.objects.all()]
    assert {(p.slug, p.locale.language_code) for p in pages if p.needs_verification} == listed


# The reminders --------------------------------------------------------------------------------


@pytest.fixture
def partners(stale):
    """A Czech and an English person keep Dopravní data; nobody keeps ParkSense; Energie pro
    města (fresh) has a partner too, who is not reminded."""
    czech = invite(page_by_slug("dopravni-data", "cs"), "karel@dopravni-data.example.cz")
    english = invite(
        page_by_slug("dopravni-data", "cs"), "anna@dopravni-data.example.com", language="en"
    )
    english.user.set_password("Heslo-pro-testy-1")
    english.user.save()
    invite(page_by_slug("energie-pro-mesta", "cs"), "ivo@energie.example.cz")
    OutgoingEmail.objects.all().delete()  # the invitations
    return {"cs": czech.user, "en": english.user}


def test_the_partners_of_a_stale_profile_are_reminded_in_their_language(partners, smtp_sink):
    out = remind()
    assert "Reminded karel@dopravni-data.example.cz (cs): Dopravní data s.r.o." in out
    assert "Reminded anna@dopravni-data.example.com (en): Dopravní data s.r.o." in out
    assert "ParkSense" in out and "no partner account" in out
    assert "Profiles reminded: 1, people: 2." in out

    send_pending_mail()
    assert {address for m in smtp_sink.messages for address in m.envelope_recipients} == {
        "karel@dopravni-data.example.cz",
        "anna@dopravni-data.example.com",
    }
    [czech] = smtp_sink.to("karel@dopravni-data.example.cz")
    assert str(czech["Content-Language"]) == "cs"
    assert " ".join(str(czech["Subject"]).split()) == (
        "Lepší města: zkontrolujte prosím profil organizace Dopravní data s.r.o."
    )
    body = czech.get_content().replace("\r\n", "\n")
    assert "byl naposledy zkontrolován před více než rokem" in body
    assert "odešlete ke schválení" in body
    # Karel never set a password: a fresh link to set one, not a sign-in he cannot do.
    assert "/admin/partner-invitation/cs/" in body
    cs = page_by_slug("dopravni-data", "cs")
    assert f"/admin/pages/{cs.pk}/edit/" in body

    [english] = smtp_sink.to("anna@dopravni-data.example.com")
    assert str(english["Content-Language"]) == "en"
    body = english.get_content().replace("\r\n", "\n")
    assert "was last checked more than a year ago" in body
    assert "Sign in at http://127.0.0.1:8000/admin/login/" in body
    assert "/admin/partner-invitation/" not in body


def test_once_per_profile_every_30_days(partners):
    remind()
    sent = OutgoingEmail.objects.filter(kind=REMINDER).count()
    assert sent == 2
    assert "Profiles reminded: 0, people: 0." in remind()  # idempotent
    assert OutgoingEmail.objects.filter(kind=REMINDER).count() == sent

    ProfileReminder.objects.update(reminded_at=timezone.now() - timedelta(days=29))
    remind()
    assert OutgoingEmail.objects.filter(kind=REMINDER).count() == sent
    ProfileReminder.objects.update(reminded_at=timezone.now() - timedelta(days=31))
    remind()
    assert OutgoingEmail.objects.filter(kind=REMINDER).count() == 2 * sent


def test_a_profile_checked_again_is_no_longer_reminded(partners):
    page_by_slug("dopravni-data", "cs").save_revision().publish()
    page_by_slug("dopravni-data", "en").save_revision().publish()
    assert "Profiles reminded: 0" in remind()
    assert not OutgoingEmail.objects.filter(kind=REMINDER).exists()


def test_a_dry_run_says_who_and_sends_nothing(partners):
    out = remind("--dry-run")
    assert "Would remind karel@dopravni-data.example.cz (cs): Dopravní data s.r.o." in out
    assert "Profiles would be reminded: 1, people: 2." in out
    assert not OutgoingEmail.objects.exists()
    assert not ProfileReminder.objects.exists()


# invite_partner -------------------------------------------------------------------------------


def invite_partner(*args):
    out = StringIO()
    call_command("invite_partner", *args, stdout=out)
    return out.getvalue()


def test_invite_partner_by_slug_or_id(site):
    out = invite_partner("--page", "parksense", "--email", "eva@parksense.example.cz")
    assert "Invited eva@parksense.example.cz (cs) to keep ParkSense" in out
    english = page_by_slug("energie-pro-mesta", "en")
    invite_partner(
        "--page", str(english.pk), "--email", "jan@energie.example.com",
        "--name", "Jan Novák", "--language", "en",
    )  # fmt: skip
    invitation = PartnerInvitation.objects.get(user__email="jan@energie.example.com")
    assert invitation.page == page_by_slug("energie-pro-mesta", "cs").page_ptr
    assert (invitation.user.first_name, invitation.user.last_name) == ("Jan", "Novák")
    assert [m.language for m in OutgoingEmail.objects.filter(kind=INVITATION)] == ["cs", "en"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--page", "neni-takova", "--email", "a@b.cz"], "No page with the id or slug"),
        (["--page", "999999", "--email", "a@b.cz"], "No page with the id or slug"),
        (["--page", "partneri", "--email", "a@b.cz"], "is not a partner or start-up profile"),
        (["--page", "parksense", "--email", "not an address"], "is not a valid e-mail address"),
        (["--page", "parksense", "--email", "info@lepsimesta.cz"], "belongs to an SMO account"),
    ],
)
def test_invite_partner_explains_what_is_wrong(site, args, message):
    User.objects.create_superuser("spravce", "info@lepsimesta.cz", "x" * 12)
    with pytest.raises(CommandError, match=message):
        invite_partner(*args)
    assert not PartnerInvitation.objects.exists()
    assert not OutgoingEmail.objects.filter(kind=INVITATION).exists()


def test_invite_partner_refuses_an_unknown_language(site):
    with pytest.raises(CommandError, match="invalid choice: 'de'"):
        invite_partner("--page", "parksense", "--email", "a@b.cz", "--language", "de")
