"""What a partner learns about the review of its profile: what happens after *Submit for review*
(who reviews it, how long it usually takes, the e-mail that will come), the e-mail in its own
language when a moderator approves the profile or sends it back, and whether the English profile
is behind the Czech one (wagtail-localize keeps a translation as it was until SMO syncs and
publishes it; the "Missing or outdated translations" report lists it for the moderators by the
same rule, core.reports.untranslated_pages)."""

from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.models import Page

from core.models import SiteSettings
from core.outbox import register_kind
from core.reports import untranslated_pages
from partners.accounts.access import own_profiles, source_page
from partners.accounts.mail import admin_url, queue_partner_email, user_language
from partners.accounts.scope import is_partner

# What partners are told to expect: SMO's moderators usually review a profile within this many
# working days.
REVIEW_WORKING_DAYS = 3

APPROVED = "partners.profile_approved"
CHANGES_REQUESTED = "partners.profile_changes_requested"
register_kind(APPROVED, gettext_lazy("Partner profile approved"))
register_kind(CHANGES_REQUESTED, gettext_lazy("Partner profile sent back for changes"))
APPROVED_SUBJECT = gettext_lazy("Lepší města: the profile of %(organisation)s is published")
CHANGES_REQUESTED_SUBJECT = gettext_lazy(
    "Lepší města: the profile of %(organisation)s needs changes"
)


def usual_review_time():
    return ngettext(
        "usually within %(days)d working day",
        "usually within %(days)d working days",
        REVIEW_WORKING_DAYS,
    ) % {"days": REVIEW_WORKING_DAYS}


def publisher_name(page, language):
    publisher = SiteSettings.for_site(page.get_site()).publisher_in(language)
    return publisher.name if publisher else ""


def next_steps(page, user):
    """What happens after a partner submitted `page`, in the active language."""
    return gettext(
        "“%(title)s” is submitted for review. The site's editors (%(publisher)s) review it, "
        "%(usual_time)s. When they approve it or send it back for changes, you will get an "
        "e-mail at %(email)s."
    ) % {
        "title": page.title,
        "publisher": publisher_name(page, translation.get_language()),
        "usual_time": usual_review_time(),
        "email": user.email,
    }


def after_submission(request, page):
    """The after_edit_page hook: a partner who submitted its profile lands on its dashboard,
    which lists its profiles and their states, and reads what happens next (Wagtail's own
    notice, "submitted for moderation", goes with it)."""
    if "action-submit" not in request.POST or not is_partner(request.user):
        return None
    # Read afresh: the view's page holds the workflow states it had before the submission.
    if not Page.objects.get(pk=page.pk).workflow_in_progress:
        return None
    messages.info(request, next_steps(page, request.user))
    return redirect("wagtailadmin_home")


def outdated_translations(pages):
    """The ids of the translations among `pages` that are older than their source-language page."""
    keys = [page.translation_key for page in pages]
    return set(
        untranslated_pages()
        .filter(translated=True, translation_key__in=keys)
        .values_list("translation_id", flat=True)
    )


def tell_the_partner(workflow_state, *, kind, subject, template, comment=""):
    """E-mail the partner who submitted a profile the moderators' decision, in its language."""
    user = workflow_state.requested_by
    page = workflow_state.content_object
    if user is None or not user.email or not is_partner(user):
        return
    if not own_profiles(user).filter(pk=page.pk).exists():
        return
    page = page.specific
    source = source_page(page)
    language = user_language(user)
    queue_partner_email(
        kind=kind,
        about=page,
        user=user,
        profile=page,
        subject=subject,
        template=template,
        language=language,
        context={
            "page_url": page.get_full_url(),
            "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
            "comment": comment,
            "english_behind": bool(outdated_translations([source])),
        },
    )


def profile_approved(sender, instance, user=None, **kwargs):
    """workflow_approved: the profile is live."""
    tell_the_partner(
        instance,
        kind=APPROVED,
        subject=APPROVED_SUBJECT,
        template="emails/partner_profile_approved.txt",
    )


def profile_sent_back(sender, instance, user=None, **kwargs):
    """workflow_rejected: the moderator asked for changes, with a comment."""
    rejected = instance.current_task_state
    tell_the_partner(
        instance,
        kind=CHANGES_REQUESTED,
        subject=CHANGES_REQUESTED_SUBJECT,
        template="emails/partner_profile_changes_requested.txt",
        comment=rejected.comment if rejected else "",
    )
