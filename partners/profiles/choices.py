"""The fixed lists of the partner profiles: sponsorship tiers and start-up stages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SponsorshipTier(models.TextChoices):
    # In the order the partner index lists them.
    GENERAL = "general", _("General partner")
    MAIN = "main", _("Main partner")
    PARTNER = "partner", _("Partner")
    SUPPORTER = "supporter", _("Supporter")


TIER_ORDER = {tier: rank for rank, tier in enumerate(SponsorshipTier.values)}


class StartupStage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    MARKET = "market", _("On the market")
