"""Admin integration: the dashboard's shortcut to new applications and its warning about e-mails
that could not be delivered."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.contrib.forms.utils import get_forms_for_user

from core.dashboard import Shortcut
from partners.models import ApplicationSubmission, OutgoingEmail

# A message still pending after this long means the mail server has refused it several times.
PENDING_TOO_LONG = timedelta(hours=1)
# "New" applications on the dashboard: those of the last week.
NEW_APPLICATIONS = timedelta(days=7)


def undelivered_messages():
    return OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.FAILED)
        | Q(
            status=OutgoingEmail.Status.PENDING,
            created_at__lt=timezone.now() - PENDING_TOO_LONG,
        )
    ).select_related("submission")


class UndeliveredMailPanel(Component):
    name = "partners_undelivered_mail"
    template_name = "partners/undelivered_mail_panel.html"
    # Above Wagtail's own panels: this needs an editor's attention.
    order = 50

    def __init__(self, messages):
        self.messages = messages

    def get_context_data(self, parent_context):
        return {"messages": self.messages}


@hooks.register("construct_homepage_panels")
def add_undelivered_mail_panel(request, panels):
    forms = get_forms_for_user(request.user)
    messages = list(
        undelivered_messages().filter(
            submission__page__translation_key__in=forms.values("translation_key")
        )[:50]
    )
    if messages:
        panels.append(UndeliveredMailPanel(messages))


@hooks.register("dashboard_shortcuts")
def new_applications_shortcut(request):
    forms = get_forms_for_user(request.user)
    if not forms.exists():
        return []
    new = ApplicationSubmission.objects.filter(
        page__translation_key__in=forms.values("translation_key"),
        submit_time__gte=timezone.now() - NEW_APPLICATIONS,
    )
    return [
        Shortcut(
            _("New applications (last 7 days)"),
            reverse("wagtailforms:index"),
            icon="form",
            count=new.count(),
        )
    ]
