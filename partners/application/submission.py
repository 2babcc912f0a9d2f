"""What happens to a POST of the application form, in the order the checks run.

Each refusal has a fixed, documented answer (docs/application-form.md); none of them is an
error page, and only an accepted submission is stored or e-mailed.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partners.application import spam
from partners.application.forms import STARTED_FIELD, started_token
from partners.models.form_tokens import FormTokenUsed, UsedFormToken

CLOSED_NOTICE = _("The form is closed, so your submission was not sent.")
RATE_LIMITED_NOTICE = _(
    "Too many submissions have been sent from your connection. Please try again in a few "
    "minutes; what you typed is kept below."
)
TOO_FAST_NOTICE = _(
    "The form was sent too quickly after it was opened, which is what automated spam does. "
    "Please check your answers and send the form again."
)
EXPIRED_NOTICE = _(
    "The form was open for a long time, so it has to be sent once more. Please check your "
    "answers and send the form again."
)
ALREADY_SENT_NOTICE = _(
    "This form has already been sent once. If you want to send another submission, please "
    "check your answers and send the form again."
)


def handle_post(page, request):
    if page.opening_state() != "open":
        return page.render_form(request, None, status=403, notice=CLOSED_NOTICE)

    form = page.get_form(request.POST, page=page, user=request.user)
    if spam.is_rate_limited(request):
        return page.render_form(request, form, status=429, notice=RATE_LIMITED_NOTICE)

    if form.honeypot_filled():
        # Answer a bot as if it had succeeded, so it learns nothing; store and send nothing.
        spam.count_submission(request)
        return page.redirect_to_thank_you(request)

    token = form.read_token()
    if token is None or token.seconds_ago() < settings.FORM_MIN_FILL_SECONDS:
        return ask_to_send_again(page, request, form, TOO_FAST_NOTICE)
    if token.seconds_ago() > settings.FORM_TOKEN_MAX_AGE_HOURS * 3600:
        return ask_to_send_again(page, request, form, EXPIRED_NOTICE)
    # Checked before the rate limit counts: a replayed form must not use up the visitor's limit.
    if UsedFormToken.is_used(token.nonce):
        return ask_to_send_again(page, request, form, ALREADY_SENT_NOTICE)

    if not form.is_valid():
        return page.render_form(request, form)

    if not spam.count_submission(request):
        return page.render_form(request, form, status=429, notice=RATE_LIMITED_NOTICE)

    try:
        submission = page.accept_submission(form, translation.get_language(), token.nonce)
    except FormTokenUsed:
        # The same form sent twice at once: the other request took the token.
        return ask_to_send_again(page, request, form, ALREADY_SENT_NOTICE)
    return page.redirect_to_thank_you(request, submission.application_type)


def ask_to_send_again(page, request, form, notice):
    """The form again (HTTP 200) with what was typed and a fresh token, so that a person only
    has to send it once more: the next attempt counts its time from now and can be accepted."""
    data = request.POST.copy()
    data[form.add_prefix(STARTED_FIELD)] = started_token()
    form = page.get_form(data, page=page, user=request.user)
    return page.render_form(request, form, notice=notice)
