"""The Czech admin reads as Czech where Wagtail's own catalogue fell short: "před 10 lety" and
"před minutou", workflows named in the admin's language, and Wagtail's texts the project
translates (its locale/ comes first), as editors and partners see them."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_last_update, timesince_simple
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

AGO = [
    (timedelta(seconds=20), "právě teď", "just now"),
    (timedelta(seconds=70), "před minutou", "1 minute ago"),
    (timedelta(minutes=3), "před 3 minutami", "3 minutes ago"),
    (timedelta(days=1, hours=2), "před dnem", "1 day ago"),
    (timedelta(days=3660), "před 10 lety", "10 years ago"),
]


def spaced(text):
    # Django keeps a number and its unit together with a no-break space.
    return text.replace("\xa0", " ")


@pytest.mark.parametrize(("delta", "czech", "english"), AGO)
def test_how_long_ago_reads_in_each_language(delta, czech, english):
    moment = timezone.now() - delta
    with translation.override("cs"):
        assert spaced(timesince_simple(moment)) == czech
    with translation.override("en"):
        assert spaced(timesince_simple(moment)) == english


def test_the_last_update_of_an_old_page_reads_in_czech():
    with translation.override("cs"):
        ten_years = timesince_last_update(
            timezone.now() - timedelta(days=3660), user_display_name="Jana"
        )
    assert spaced(ten_years) == "před 10 lety, Jana"


def test_workflows_are_named_in_the_admins_language_and_stored_as_they_were():
    workflow = Workflow.objects.get(name="Partner profile review")
    with translation.override("cs"):
        assert workflow.name == "Kontrola profilu partnera"
        assert workflow.tasks.get().name == "Kontrola profilu partnera"
        workflow.save()
    with translation.override("en"):
        assert workflow.name == "Partner profile review"
    assert Workflow.objects.filter(name="Partner profile review").exists()
    # A name nobody translated reads as typed.
    typed = Workflow.objects.create(name="Schvalování zpráv")
    with translation.override("en"):
        assert typed.name == "Schvalování zpráv"


def in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


def test_the_workflow_edit_form_shows_the_stored_name(admin_client, admin_user):
    in_language(admin_user, "cs")
    workflow = Workflow.objects.get(name="Moderators approval")
    html = BeautifulSoup(
        admin_client.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk])).content,
        "html.parser",
    )
    assert html.select_one("input[name=name]")["value"] == "Moderators approval"


def test_the_czech_dashboard_counts_pages_in_czech(admin_client, admin_user):
    in_language(admin_user, "cs")
    html = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    summary = " ".join(html.select_one(".w-summary").get_text(" ").split())
    assert "stránek" in summary and "Pages" not in summary
    search = html.select_one("input[name=q]")
    assert search["placeholder"] == "Hledat ve všech stránkách…"
