"""A best-practice project: its place, budget and funding, results and contract."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalogue.admin_forms import ProjectPageAdminForm
from catalogue.blocks import DocumentBlock, ResultBlock, SupplierBlock
from catalogue.budget import per_inhabitant
from catalogue.choices import Country, Currency, FundingSource, ProcedureType, ProjectStatus, Region
from catalogue.models.vocabulary import AREA_AND_TOPICS, Area, Topic, in_source_language
from core.blocks import BodyBlock, CaptionedImageBlock
from core.collation import sort_string
from core.models import BasePage, SampleContentMixin, edit_tabs
from core.querysets import localized
from core.structured_data import creative_work

CZK = Decimal("1")

cpv_code_validator = RegexValidator(
    r"^\d{8}-\d$", _("Enter a CPV code as eight digits, a hyphen and a check digit: 34970000-2.")
)


class ProjectPage(SampleContentMixin, BasePage):
    """A best-practice project of a Czech or EU city, with its budget, results and contract."""

    summary = models.TextField(_("Summary"), help_text=_("Two or three sentences for listings."))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the head of the project and on its card in the catalogue: a photo or "
            "illustration the site may publish."
        ),
    )
    lead_image_alt = models.CharField(
        _("Text alternative of the picture"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    lead_image_credit = models.CharField(
        _("Credit of the picture"),
        max_length=200,
        blank=True,
        help_text=_("Its author and licence, e.g. “Photo: Jana Nová, CC BY 4.0”."),
    )
    city = models.CharField(_("City"), max_length=100)
    country = models.CharField(
        _("Country"), max_length=2, choices=Country.choices, default=Country.CZ
    )
    region = models.CharField(
        _("Region"),
        max_length=5,
        choices=Region.choices,
        blank=True,
        help_text=_("For Czech cities only."),
    )
    population = models.PositiveIntegerField(_("Population"), validators=[MinValueValidator(1)])
    area = models.ForeignKey(
        Area,
        verbose_name=_("Area"),
        on_delete=models.PROTECT,
        related_name="projects",
        limit_choices_to=in_source_language,
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("Topics"),
        related_name="projects",
        limit_choices_to=in_source_language,
    )
    status = models.CharField(_("Status"), max_length=20, choices=ProjectStatus.choices)
    start_year = models.PositiveSmallIntegerField(
        _("Start year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("End year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Leave empty while the project runs."),
    )

    budget_amount = models.DecimalField(
        _("Budget"), max_digits=15, decimal_places=2, validators=[MinValueValidator(0)]
    )
    budget_currency = models.CharField(
        _("Currency"), max_length=3, choices=Currency.choices, default=Currency.CZK
    )
    exchange_rate = models.DecimalField(
        _("Exchange rate (CZK per unit)"),
        max_digits=10,
        decimal_places=4,
        default=CZK,
        validators=[MinValueValidator(Decimal("0.0001"))],
        help_text=_("The Czech National Bank's rate on the conversion date; 1 for CZK."),
    )
    exchange_rate_date = models.DateField(_("Conversion date"), null=True, blank=True)
    # Stored so that the catalogue can filter, sort and chart in one currency.
    budget_czk = models.DecimalField(
        _("Budget in CZK"), max_digits=17, decimal_places=2, editable=False, default=0
    )
    # The title as the catalogue sorts it (core.collation.sort_string in the page's language),
    # so that the database sorts Czech titles in the Czech alphabet on SQLite and PostgreSQL.
    title_sort_key = models.TextField(editable=False, default="")

    results = StreamField(
        [("result", ResultBlock())], verbose_name=_("Measurable results"), blank=True
    )

    procedure_type = models.CharField(
        _("Procurement procedure"), max_length=20, choices=ProcedureType.choices, blank=True
    )
    cpv_code = models.CharField(
        _("CPV code"), max_length=10, blank=True, validators=[cpv_code_validator]
    )
    contract_value_czk = models.DecimalField(
        _("Contract value (CZK)"),
        max_digits=15,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    suppliers = StreamField(
        [("supplier", SupplierBlock())], verbose_name=_("Suppliers"), blank=True
    )

    contact_name = models.CharField(_("Contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("Role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-mail"), blank=True)
    contact_phone = models.CharField(_("Phone"), max_length=50, blank=True)

    body = StreamField(BodyBlock(), verbose_name=_("Description"), blank=True)
    images = StreamField([("image", CaptionedImageBlock())], verbose_name=_("Images"), blank=True)
    documents = StreamField(
        [("document", DocumentBlock())], verbose_name=_("Documents"), blank=True
    )

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *AREA_AND_TOPICS,
        SynchronizedField("lead_image"),
        SynchronizedField("cpv_code", overridable=False),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("is_sample"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Picture"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("population")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel([FieldPanel("area"), FieldPanel("topics")], heading=_("Area and topics")),
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("body"),
        FieldPanel("images"),
        FieldPanel("documents"),
    ]
    budget_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
                FieldRowPanel([FieldPanel("exchange_rate"), FieldPanel("exchange_rate_date")]),
            ],
            heading=_("Budget"),
        ),
        InlinePanel("funding_sources", heading=_("Funding sources"), label=_("Funding source")),
        FieldPanel("results"),
        MultiFieldPanel(
            [
                FieldPanel("procedure_type"),
                FieldRowPanel([FieldPanel("cpv_code"), FieldPanel("contract_value_czk")]),
                FieldPanel("suppliers"),
            ],
            heading=_("Procurement"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact person"),
        ),
    ]
    edit_handler = edit_tabs(
        (_("Content"), content_panels), (_("Budget and results"), budget_panels)
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("country"),
    ]

    base_form_class = ProjectPageAdminForm
    template = "pages/catalogue/project_page.html"
    description_field = "summary"
    parent_page_types = ["catalogue.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Project")
        verbose_name_plural = _("Projects")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        [area] = localized([self.area], self.locale_id)
        context.update(
            area=area,
            topics=localized(self.topics.all(), self.locale_id),
            working_group=self.area.working_group(self.locale_id),
            catalogue=self.get_parent().specific,
            funding_sources=list(self.funding_sources.all()),
            # The guides listing this project among their related projects, found from their side.
            guides=list(
                self.area.guides.listing_project(self).defer_streamfields().order_by("title")
            ),
        )
        return context

    def structured_data(self, request):
        """An Article about the project's area and topics, covering its town and its years."""
        [area] = localized([self.area], self.locale_id)
        topics = localized(self.topics.all(), self.locale_id)
        return creative_work(
            self,
            request,
            "Article",
            headline=self.title,
            about=[{"@type": "Thing", "name": subject.name} for subject in [area, *topics]],
            spatialCoverage={
                "@type": "City",
                "name": self.city,
                "containedInPlace": {"@type": "Country", "name": self.get_country_display()},
            },
            # An ISO 8601 interval; ".." is open-ended, for a project still running.
            temporalCoverage=f"{self.start_year}/{self.end_year or '..'}",
        )

    @property
    def is_converted(self):
        return self.budget_currency != Currency.CZK

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year is before the start year.")})
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Say what the picture shows, for people who cannot see it.")}
            )
        if self.country != Country.CZ and self.region:
            raise ValidationError({"region": _("Regions are for Czech cities only.")})
        if self.budget_currency == Currency.CZK and self.exchange_rate != CZK:
            raise ValidationError({"exchange_rate": _("A budget in CZK has the rate 1.")})
        if self.budget_currency != Currency.CZK and self.exchange_rate_date is None:
            raise ValidationError(
                {"exchange_rate_date": _("Give the date of the rate the budget was converted at.")}
            )

    def save(self, *args, **kwargs):
        self.budget_czk = convert_to_czk(self.budget_amount, self.exchange_rate)
        if self.locale_id is None:  # a new page: Wagtail's save would choose the same
            self.locale = self.get_default_locale()
        self.title_sort_key = sort_string(self.title, self.locale.language_code == "cs")
        super().save(*args, **kwargs)

    @property
    def cost_per_inhabitant(self):
        """CZK per inhabitant, rounded to whole crowns."""
        return per_inhabitant(self.budget_czk, self.population)


def convert_to_czk(amount, rate):
    return (Decimal(amount) * Decimal(rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)


class ProjectFunding(Orderable):
    """One source of a project's money and its share of the budget."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="funding_sources")
    source = models.CharField(_("Source"), max_length=20, choices=FundingSource.choices)
    share = models.DecimalField(
        _("Share (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(100)],
    )

    panels = [FieldRowPanel([FieldPanel("source"), FieldPanel("share")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Funding source")
        verbose_name_plural = _("Funding sources")
