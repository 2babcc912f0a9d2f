"""Signing in to the admin: the page a locked-out user sees, rate-limited password resets, and
the minimum password length's message in Czech.

Failed logins are counted by django-axes (settings: AXES_*); this module only decides what the
person in front of the login form meets. Password-reset requests are counted with the site's own
database throttle (core/throttle.py), per client address and per e-mail address.
"""

import logging
import math
from datetime import timedelta

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import password_validation
from django.shortcuts import render
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import LoginView

from core.throttle import Throttle, client_ip

logger = logging.getLogger(__name__)


def lockout_message(cool_off):
    minutes = math.ceil(cool_off.total_seconds() / 60)
    return ngettext(
        "Too many failed sign-in attempts for this user name or from your address. "
        "Signing in is blocked for %(minutes)d minute; please try again after that.",
        "Too many failed sign-in attempts for this user name or from your address. "
        "Signing in is blocked for %(minutes)d minutes; please try again after that.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """Wagtail's own login page, with the reason and the wait instead of "wrong password".

    Every failure during a lockout starts the cool-off again (axes' default), so the wait is the
    whole cool-off from now.
    """
    # The page lists messages above the form; rendering it uses this one up.
    messages.error(request, lockout_message(get_cool_off(request)))
    view = LoginView()
    view.setup(request)
    form = view.get_form_class()(
        request, initial={"username": get_client_username(request, credentials) or ""}
    )
    # Rendered here: the middleware that calls this runs after Django renders responses.
    return render(
        request,
        view.template_name,
        view.get_context_data(form=form),
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def _password_reset_throttle(per):
    # Built per call: tests and operators change the settings.
    return Throttle(
        scope=f"password-reset-{per}",
        limit=settings.PASSWORD_RESET_LIMIT,
        window=timedelta(seconds=settings.PASSWORD_RESET_WINDOW_SECONDS),
    )


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form that sends nothing once a client or an address has had its share.

    The answer stays the same either way, so it tells nobody whether an account exists or a
    limit was reached; the mailbox and the mail server are spared a flood.
    """

    def save(self, *args, request=None, **kwargs):
        # Both are counted on every request: each limit holds on its own.
        address_ok = _password_reset_throttle("address").hit(client_ip(request))
        email_ok = _password_reset_throttle("email").hit(self.cleaned_data["email"].casefold())
        if address_ok and email_ok:
            return super().save(*args, request=request, **kwargs)
        logger.warning(
            "Password reset not sent: limit reached (%s)",
            "client address" if not address_ok else "e-mail address",
        )
        return None


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's validator with a message our catalogue translates: Django 5.2 changed the
    message and its Czech catalogue does not have the new one, so the Czech admin said it in
    English."""

    def get_error_message(self):
        return ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
