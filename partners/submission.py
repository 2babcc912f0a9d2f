"""What happens to a POST of the application form, in the order the checks run.

Each refusal has a fixed, documented answer (docs/application-form.md); none of them is an
error page, and only an accepted submission is stored or e-mailed.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from partners import spam
from partners.forms import STARTED_FIELD, started_token

CLOSED_NOTICE = _("The form is closed, so your submission was not sent.")
RATE_LIMITED_NOTICE = _(
    "Too many submissions have been sent from your connection. Please try again in a few "
    "minutes; what you typed is kept below."
)
TOO_FAST_NOTICE = _(
    "The form was sent too quickly after it was opened, which is what automated spam does. "
    "Please check your answers and send the form again."
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

    elapsed = form.seconds_to_fill()
    if elapsed is None or elapsed < settings.FORM_MIN_FILL_SECONDS:
        # A person who was this quick (autofill) only has to send again: the answers stay and
        # the new timestamp makes the next attempt count from now.
        data = request.POST.copy()
        data[form.add_prefix(STARTED_FIELD)] = started_token()
        form = page.get_form(data, page=page, user=request.user)
        return page.render_form(request, form, notice=TOO_FAST_NOTICE)

    if not form.is_valid():
        return page.render_form(request, form)

    if not spam.count_submission(request):
        return page.render_form(request, form, status=429, notice=RATE_LIMITED_NOTICE)

    submission = page.accept_submission(form, translation.get_language())
    return page.redirect_to_thank_you(request, submission.application_type)
