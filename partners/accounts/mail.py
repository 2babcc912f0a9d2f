"""The e-mails a partner's account gets (the invitation, the reminder of a stale profile): each
rendered in the recipient's language, with where and as whom to sign in and SMO's contact
address, queued in the outbox (core/outbox.py) with that address to reply to."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from core.models import SiteSettings
from core.outbox import queue_email


def user_language(user):
    """The language of the person's admin, in which the site writes to them."""
    language = UserProfile.get_for_user(user).preferred_language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL + reverse(name, args=args)


def queue_partner_email(*, kind, about, user, profile, subject, template, context, language):
    """Queue `template` to `user` in `language` and return the message.

    `subject` is a lazy text naming `%(organisation)s`, the profile's title, which the template
    gets as `organisation` too, with `login_url`, `username`, `contact_email` (the profile's
    site's, also the Reply-To) and `publisher` (who approves the profile, in `language`). The
    subject and the template are translated here: pass dates and lazy texts in `context` as they
    are, not formatted in the caller's language."""
    site_settings = SiteSettings.for_site(profile.get_site())
    contact_email = site_settings.contact_email
    publisher = site_settings.publisher_in(language)
    with translation.override(language):
        body = render_to_string(
            template,
            {
                **context,
                "organisation": profile.title,
                "login_url": admin_url("wagtailadmin_login"),
                "username": user.get_username(),
                "contact_email": contact_email,
                "publisher": publisher.name if publisher else "",
            },
        )
        return queue_email(
            kind=kind,
            about=about,
            to=user.email,
            reply_to=contact_email,
            subject=str(subject) % {"organisation": profile.title},
            body=body,
            language=language,
        )
