"""The fixed vocabularies of the catalogue: stored as stable codes, shown in the page's language.

Codes are what URLs, exports and the database carry (`?country=AT`, `"status": "completed"`), so
they never change; labels may be reworded freely.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Country(models.TextChoices):
    """The Czech Republic and the other EU member states (ISO 3166-1 alpha-2)."""

    CZ = "CZ", _("Czech Republic")
    AT = "AT", _("Austria")
    BE = "BE", _("Belgium")
    BG = "BG", _("Bulgaria")
    HR = "HR", _("Croatia")
    CY = "CY", _("Cyprus")
    DK = "DK", _("Denmark")
    EE = "EE", _("Estonia")
    FI = "FI", _("Finland")
    FR = "FR", _("France")
    DE = "DE", _("Germany")
    GR = "GR", _("Greece")
    HU = "HU", _("Hungary")
    IE = "IE", _("Ireland")
    IT = "IT", _("Italy")
    LV = "LV", _("Latvia")
    LT = "LT", _("Lithuania")
    LU = "LU", _("Luxembourg")
    MT = "MT", _("Malta")
    NL = "NL", _("Netherlands")
    PL = "PL", _("Poland")
    PT = "PT", _("Portugal")
    RO = "RO", _("Romania")
    SK = "SK", _("Slovakia")
    SI = "SI", _("Slovenia")
    ES = "ES", _("Spain")
    SE = "SE", _("Sweden")


class Region(models.TextChoices):
    """The fourteen Czech regions (kraje), by their NUTS 3 codes; projects abroad have none."""

    PRAGUE = "CZ010", _("Prague")
    CENTRAL_BOHEMIA = "CZ020", _("Central Bohemian Region")
    SOUTH_BOHEMIA = "CZ031", _("South Bohemian Region")
    PLZEN = "CZ032", _("Plzeň Region")
    KARLOVY_VARY = "CZ041", _("Karlovy Vary Region")
    USTI = "CZ042", _("Ústí nad Labem Region")
    LIBEREC = "CZ051", _("Liberec Region")
    HRADEC_KRALOVE = "CZ052", _("Hradec Králové Region")
    PARDUBICE = "CZ053", _("Pardubice Region")
    VYSOCINA = "CZ063", _("Vysočina Region")
    SOUTH_MORAVIA = "CZ064", _("South Moravian Region")
    OLOMOUC = "CZ071", _("Olomouc Region")
    ZLIN = "CZ072", _("Zlín Region")
    MORAVIAN_SILESIA = "CZ080", _("Moravian-Silesian Region")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    # Contexts where Wagtail's admin has the same word for something else (its own catalogue
    # would otherwise take our translation).
    IN_PROGRESS = "in_progress", pgettext_lazy("project status", "In progress")
    COMPLETED = "completed", _("Completed")
    IN_OPERATION = "in_operation", _("In operation")


class Currency(models.TextChoices):
    CZK = "CZK", _("Czech koruna (CZK)")
    EUR = "EUR", _("Euro (EUR)")


class FundingSource(models.TextChoices):
    OWN_BUDGET = "own_budget", _("Own budget")
    EU_OPERATIONAL = "eu_operational", _("EU operational programmes")
    NATIONAL = "national", _("National programmes")
    PRIVATE = "private", _("Private funds / PPP")


class ProcedureType(models.TextChoices):
    """Award procedures of the Czech public procurement act (134/2016 Sb.)."""

    SMALL_SCALE = "small_scale", _("Small-scale public contract")
    SIMPLIFIED_BELOW_THRESHOLD = "simplified", _("Simplified below-threshold procedure")
    OPEN = "open", _("Open procedure")
    RESTRICTED = "restricted", _("Restricted procedure")
    NEGOTIATED_WITH_NOTICE = "negotiated_notice", _("Negotiated procedure with publication")
    NEGOTIATED_WITHOUT_NOTICE = "negotiated", _("Negotiated procedure without publication")
    COMPETITIVE_DIALOGUE = "dialogue", _("Competitive dialogue")
    INNOVATION_PARTNERSHIP = "innovation", _("Innovation partnership")
    CONCESSION = "concession", _("Concession award procedure")


class ContractType(models.TextChoices):
    WORKS = "works", _("Public works contract")
    SUPPLY = "supply", _("Public supply contract")
    SERVICES = "services", _("Public service contract")
    FRAMEWORK = "framework", _("Framework agreement")
    CONCESSION = "concession", _("Concession")


class Sector(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("sector", "Public")
    PRIVATE = "private", pgettext_lazy("sector", "Private")
    ACADEMIC = "academic", _("Academic")


class MemberRole(models.TextChoices):
    STRATEGIST = "strategist", _("Strategist")
    PRACTITIONER = "practitioner", _("Practitioner")
    DEVELOPER = "developer", _("Developer")
    FINANCIER = "financier", _("Financier")


class BudgetLineScaling(models.TextChoices):
    """How a guide's budget line changes with the size of the town it is recomputed for."""

    FIXED = "fixed", _("Fixed (the same for any town)")
    PER_INHABITANT = "per_inhabitant", _("In proportion to the population")


class Pictogram(models.TextChoices):
    """The working-group pictograms shipped in static/img/groups/."""

    TRANSPORT = "transport", _("Transport")
    ENERGY = "energy", _("Energy")
    ICT = "ict", _("ICT")
    GOVERNANCE = "governance", _("Governance")


class Band:
    """A range of a number for a facet: `low` inclusive, `high` exclusive, None for open."""

    def __init__(self, code, label, low=None, high=None):
        self.code, self.label, self.low, self.high = code, label, low, high

    def contains(self, value):
        return (self.low is None or value >= self.low) and (self.high is None or value < self.high)


def band_code(bands, value):
    """The code of the band `value` falls in, or None."""
    return next((band.code for band in bands if band.contains(value)), None)


CITY_SIZE_BANDS = (
    Band("under-5k", _("under 5,000 inhabitants"), None, 5_000),
    Band("5k-20k", _("5,000–20,000 inhabitants"), 5_000, 20_000),
    Band("20k-50k", _("20,000–50,000 inhabitants"), 20_000, 50_000),
    Band("50k-100k", _("50,000–100,000 inhabitants"), 50_000, 100_000),
    Band("100k-500k", _("100,000–500,000 inhabitants"), 100_000, 500_000),
    Band("over-500k", _("over 500,000 inhabitants"), 500_000, None),
)

BUDGET_BANDS = (
    Band("under-1m", _("under CZK 1 million"), None, 1_000_000),
    Band("1m-10m", _("CZK 1–10 million"), 1_000_000, 10_000_000),
    Band("10m-50m", _("CZK 10–50 million"), 10_000_000, 50_000_000),
    Band("50m-200m", _("CZK 50–200 million"), 50_000_000, 200_000_000),
    Band("over-200m", _("over CZK 200 million"), 200_000_000, None),
)
