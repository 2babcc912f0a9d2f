"""Stale profiles: those SMO last approved more than a year ago (the report lists them for
editors), and the reminder their partners get, at most once per profile every 30 days.

Which profiles are stale is partners.models.profiles.needing_verification's rule: live, and last
published (checked by SMO) longer than VERIFICATION_INTERVAL ago; a draft never published is not.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from core.outbox import register_kind
from partners.accounts.access import GROUP_PREFIX, profile_content_types
from partners.accounts.invitations import invitation_url
from partners.accounts.mail import admin_url, queue_partner_email, user_language
from partners.models import ProfileReminder
from partners.models.profiles import needing_verification

REMINDER = "partners.reminder"
register_kind(REMINDER, gettext_lazy("Partner profile reminder"))
REMINDER_SUBJECT = gettext_lazy("Lepší města: please check the profile of %(organisation)s")


def stale_profiles(now=None):
    """The profiles (every language, both types) needing verification, oldest first: what the
    "Profiles to check" report lists and whose partners are reminded."""
    return (
        needing_verification(Page.objects.filter(content_type__in=profile_content_types()), now)
        .select_related("locale", "content_type")
        .order_by("last_verified_at", "pk")
    )


def partner_users(translation_key):
    """The active partner accounts that may edit the profile (any of its languages)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__name__startswith=GROUP_PREFIX,
            groups__page_permissions__page__translation_key=translation_key,
            groups__page_permissions__permission__codename="change_page",
        )
        .distinct()
        .order_by("email")
    )


def due_reminders(now=None):
    """[(source page, its stale pages, partner users)] of the stale profiles whose partners were
    not reminded within the interval, oldest first."""
    by_profile = defaultdict(list)
    for page in stale_profiles():
        by_profile[page.translation_key].append(page)
    if not by_profile:
        return []
    sources = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=by_profile, locale__language_code=settings.LANGUAGE_CODE
        )
    }
    recent = set(ProfileReminder.recently_reminded(now))
    due = []
    for key, pages in by_profile.items():
        source = sources.get(key, pages[0])
        if source.pk not in recent:
            due.append((source, pages, list(partner_users(key))))
    return due


def queue_reminder(user, source, pages):
    language = user_language(user)
    return queue_partner_email(
        kind=REMINDER,
        about=source,
        user=user,
        profile=source,
        subject=REMINDER_SUBJECT,
        template="emails/partner_reminder.txt",
        context={
            "pages": [
                {
                    "title": page.title,
                    "language": page.locale.get_display_name(),
                    # A date: the template writes it in the reminder's language.
                    "last_verified": timezone.localdate(page.last_verified_at),
                    "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
                }
                for page in pages
            ],
            # Someone who never set a password cannot sign in, nor reset one: a new link.
            "link": None if user.has_usable_password() else invitation_url(user, language),
        },
        language=language,
    )


def remind(source, pages, users, now=None):
    """Queue the reminders of one profile's partners and record when; one transaction."""
    with transaction.atomic():
        messages = [queue_reminder(user, source, pages) for user in users]
        ProfileReminder.objects.update_or_create(
            page=source, defaults={"reminded_at": now or timezone.now()}
        )
    return messages
