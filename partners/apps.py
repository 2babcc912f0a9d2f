from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and applications")

    def ready(self):
        from wagtail.signals import workflow_approved, workflow_rejected

        from partners.accounts.moderation import profile_approved, profile_sent_back

        # The partner hears of the moderators' decision from the site, in its language.
        workflow_approved.connect(profile_approved, dispatch_uid="partners_profile_approved")
        workflow_rejected.connect(profile_sent_back, dispatch_uid="partners_profile_sent_back")
