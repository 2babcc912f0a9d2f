"""Invite a person to keep a partner or start-up profile: access for the organisation, an
account for the person and an e-mail with a one-time link to set a password (sent by the mail
worker)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Page

from partners.accounts.invitations import InvitationError, invite


def find_page(identifier):
    """A page by id, or by slug in the default language."""
    pages = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    page = None
    if identifier.isdigit():
        page = Page.objects.filter(pk=int(identifier)).first()
    page = page or pages.filter(slug=identifier).first()
    if page is None:
        raise CommandError(f"No page with the id or slug {identifier!r}.")
    return page


class Command(BaseCommand):
    help = (
        "Invite a person to keep a partner or start-up profile: they get access and an e-mail "
        "with a one-time link to set their password."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--page", required=True, help="the profile's page id, or its slug in Czech"
        )
        parser.add_argument("--email", required=True, help="the person's e-mail address")
        parser.add_argument("--name", default="", help="the person's full name")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="the invitation's language (default: the page's)",
        )

    def handle(self, *args, page, email, name, language, **options):
        profile = find_page(page)
        try:
            # The operator reads English, like every command's output; the e-mail is in
            # the invitation's language whatever this is.
            with translation.override("en"):
                invitation = invite(profile, email, name=name, language=language)
        except InvitationError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Invited {invitation.user.email} ({invitation.language}) to keep "
            f"{invitation.page.title} (page {invitation.page_id}); the mail worker sends the "
            "e-mail."
        )
