"""Partner invitations: a person gets access to an organisation's profile and an e-mail with a
one-time link to set their password; an application to the sponsorship programme or from a
start-up becomes a draft profile and such an invitation in one step.

The link is built on Django's password-reset tokens with a salt of its own: it dies once the
password is set or the person signs in (both change what the token signs), and after
PARTNER_INVITATION_TIMEOUT seconds. The e-mail goes through the outbox (core/outbox.py), in the
transaction that gives the access: both happen, or neither.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.html import escape
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from catalogue.models import Area
from core.outbox import one_line, register_kind
from core.slugs import ascii_slug
from core.translation import create_synced_translation
from partners.accounts.access import add_partner_user, give_access, source_page
from partners.accounts.mail import admin_url, queue_partner_email
from partners.accounts.scope import is_partner
from partners.application.types import ApplicationType
from partners.models import (
    ApplicationSubmission,
    PartnerIndexPage,
    PartnerInvitation,
    PartnerPage,
    StartupPage,
)
from partners.profiles.choices import StartupStage

INVITATION = "partners.invitation"
register_kind(INVITATION, gettext_lazy("Partner invitation"))
INVITATION_SUBJECT = gettext_lazy("Lepší města: invitation to keep the profile of %(organisation)s")

# The audit log's action for a profile made from an application (named in invitation_hooks).
FROM_APPLICATION_ACTION = "partners.profile_from_application"
# The application types that become a profile, and which.
PROFILE_TYPES = {
    ApplicationType.SPONSORSHIP: PartnerPage,
    ApplicationType.STARTUP: StartupPage,
}
SUMMARY_MAX_LENGTH = StartupPage._meta.get_field("summary").validators[0].limit_value


class InvitationError(ValueError):
    """Why an invitation cannot be made, in words for the person who asked for it."""


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token with its own salt (a reset link is no invitation and the
    other way round) and its own lifetime, PARTNER_INVITATION_TIMEOUT instead of
    PASSWORD_RESET_TIMEOUT."""

    key_salt = "partners.accounts.invitations.InvitationTokenGenerator"

    def check_token(self, user, token):
        # Django's check with the lifetime of our setting: the same parsing and comparison.
        if not (user and token and user.is_active):
            return False
        try:
            ts_b36, _hash = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return self._num_seconds(self._now()) - timestamp <= settings.PARTNER_INVITATION_TIMEOUT


invitation_tokens = InvitationTokenGenerator()


def invitation_url(user, language):
    """The absolute one-time link to set the password, opening in `language`."""
    path = reverse(
        "partner_invitation",
        kwargs={
            "language": language,
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": invitation_tokens.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL + path


def validity_days():
    return max(1, settings.PARTNER_INVITATION_TIMEOUT // (24 * 3600))


def check_language(language):
    if language not in dict(settings.LANGUAGES):
        raise InvitationError(
            _("Unknown language %(language)s: use one of %(languages)s.")
            % {"language": language, "languages": ", ".join(dict(settings.LANGUAGES))}
        )
    return language


def check_email(email):
    email = one_line(email)
    try:
        validate_email(email)
    except ValidationError:
        raise InvitationError(
            _("%(email)s is not a valid e-mail address.") % {"email": email}
        ) from None
    return email


def check_profile(page):
    page = page.specific
    if not isinstance(page, PartnerPage | StartupPage):
        raise InvitationError(
            _("%(title)s is not a partner or start-up profile.") % {"title": page.title}
        )
    return page


def refuse_staff(email):
    """SMO's own accounts are not made partners: a partner's account holds nothing else."""
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user and (user.is_superuser or (user.groups.exists() and not is_partner(user))):
        raise InvitationError(
            _("%(email)s belongs to an SMO account; a partner needs an address of their own.")
            % {"email": email}
        )


def invite(page, email, *, name="", language=None, invited_by=None, submission=None):
    """Give the profile's organisation access, add the person with `email` to it and queue
    their invitation in `language` (the page's by default). Returns the PartnerInvitation.

    Raises InvitationError (and changes nothing) for a page that is no profile, an invalid
    address or language, or an address of SMO's own staff.
    """
    page = check_profile(page)
    email = check_email(email)
    language = check_language(language or page.locale.language_code)
    refuse_staff(email)
    first_name, _space, last_name = one_line(name).partition(" ")
    with transaction.atomic():
        group, _collection = give_access(page)
        user = add_partner_user(group, email, first_name=first_name, last_name=last_name)
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            # The admin, and later reminders, speak the language the person was invited in.
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])
        invitation = PartnerInvitation.objects.create(
            page=source_page(page),
            user=user,
            language=language,
            invited_by=invited_by,
            submission=submission,
        )
        queue_invitation_email(invitation)
    return invitation


def profile_in(page, language):
    """The profile's page in `language`, or the page itself if it has no such translation."""
    return (
        page.get_translations(inclusive=True).filter(locale__language_code=language).first() or page
    ).specific


def queue_invitation_email(invitation):
    user, language = invitation.user, invitation.language
    source = invitation.page.specific
    page = profile_in(source, language)
    return queue_partner_email(
        kind=INVITATION,
        about=invitation,
        user=user,
        profile=source,
        subject=INVITATION_SUBJECT,
        template="emails/partner_invitation.txt",
        context={
            "page_title": page.title,
            "page_type": page._meta.verbose_name,
            "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
            "link": invitation_url(user, language),
            "days": validity_days(),
            "has_password": user.has_usable_password(),
        },
        language=language,
    )


# From an application to a draft profile -------------------------------------------------------


def default_partner_index():
    index = PartnerIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if index is None:
        raise InvitationError(_("There is no partner index page to put the profile under."))
    return index


def free_slug(parent, title):
    base = ascii_slug(title) or "partner"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def as_paragraphs(text):
    """Plain text typed into the form as rich text: escaped, one paragraph per block."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(escape(block).replace("\n", "<br/>")) for block in blocks if block
    )


def shorten(text, max_length):
    text = " ".join(text.split())
    if len(text) <= max_length:
        return text
    return text[: max_length - 1].rstrip() + "…"


def profile_for(submission):
    """What the application says about the organisation: (model, data) or InvitationError."""
    data = submission.form_data
    model = PROFILE_TYPES.get(data.get("application_type"))
    if model is None:
        raise InvitationError(
            _(
                "Only applications to the sponsorship programme or from start-ups become "
                "profiles; this one is: %(type)s."
            )
            % {"type": submission.application_type_label()}
        )
    organisation = one_line(data.get("organisation", ""), 255)
    if not organisation:
        raise InvitationError(
            _("The application names no organisation: a profile needs the organisation's name.")
        )
    email = check_email(data.get("email", ""))
    return model, {
        "organisation": organisation,
        "name": one_line(data.get("name", ""), 200),
        "email": email,
        "phone": one_line(data.get("phone", ""), 50),
        "working_group": data.get("working_group", ""),
        "message": str(data.get("message", "")).strip(),
    }


def already_invited(submission):
    return PartnerInvitation.objects.filter(submission=submission).select_related("page").first()


def profile_from_application(submission, invited_by=None):
    """A draft profile (default language, and its English translation as a draft) made from
    the application, its organisation given access and the applicant invited in the language
    of the application. Returns the PartnerInvitation; InvitationError if the application
    cannot become a profile or already became one."""
    model, data = profile_for(submission)
    index = default_partner_index()
    try:
        with transaction.atomic():
            # Two clicks at once: the second waits here for the first, then finds its invitation.
            ApplicationSubmission.objects.select_for_update().filter(pk=submission.pk).first()
            if existing := already_invited(submission):
                raise InvitationError(
                    _("This application already became the profile “%(title)s”.")
                    % {"title": existing.page.title}
                )
            page = new_profile(model, data, index)
            translate_as_draft(page)
            invitation = invite(
                page,
                data["email"],
                name=data["name"],
                language=submission.language,
                invited_by=invited_by,
                submission=submission,
            )
            log(
                page,
                FROM_APPLICATION_ACTION,
                user=invited_by,
                data={"submission": submission.pk, "email": data["email"]},
            )
    except IntegrityError:
        # The unique application of an invitation: another request made the profile meanwhile.
        raise InvitationError(_("This application already became a profile.")) from None
    return invitation


def new_profile(model, data, index):
    page = model(
        title=data["organisation"],
        slug=free_slug(index, data["organisation"]),
        contact_name=data["name"],
        contact_email=data["email"],
        contact_phone=data["phone"],
        is_sample=False,
        live=False,
    )
    message = data["message"]
    if model is StartupPage:
        page.summary = shorten(message or data["organisation"], SUMMARY_MAX_LENGTH)
        page.description = as_paragraphs(message)
        # The earliest stage until the start-up says otherwise in its draft.
        page.stage = StartupStage.IDEA
    else:
        page.description = as_paragraphs(message) or "<p>{}</p>".format(
            escape(data["organisation"])
        )
    index.add_child(instance=page)
    if data["working_group"]:
        # The form stores the area's code (partners/application/forms.py, WorkingGroupField).
        page.areas.set(Area.objects.filter(slug=data["working_group"], locale=index.locale_id))
        page.save()
    page.save_revision()
    return page


def translate_as_draft(page):
    """The profile's translations as drafts (their text the source's until someone translates
    it): nothing goes live without approval, a translation included."""
    for locale in Locale.objects.exclude(pk=page.locale_id):
        create_synced_translation(page, locale, {}, publish=False)
