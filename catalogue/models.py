"""The catalogue: working-group areas and topics, best-practice projects and implementation guides.

Areas and topics are translatable snippets, the one list of the working groups that the home
page, the application form and the catalogue all read. Pages refer to them by the source
(Czech) snippet, copied unchanged into translations; `slug` is the same in every language, so
filters and exports use it, and templates show the snippet in the page's language.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BodyBlock, CaptionedImageBlock
from core.models import BasePage, SampleContentMixin
from core.querysets import localized, without_view_restrictions

from .admin_forms import ProjectPageAdminForm
from .blocks import (
    RICH_TEXT_FEATURES,
    BudgetLineBlock,
    ChangeBlock,
    CriterionBlock,
    DocumentBlock,
    MemberBlock,
    MilestoneBlock,
    ResultBlock,
    RiskBlock,
    StepBlock,
    SupplierBlock,
)
from .budget import BudgetLine, budget_for, per_inhabitant
from .choices import (
    ContractType,
    Country,
    Currency,
    FundingSource,
    Pictogram,
    ProcedureType,
    ProjectStatus,
    Region,
)
from .docx import outline_filename, tender_outline_docx
from .forms import MAX_POPULATION, PopulationForm

CZK = Decimal("1")

# The comparison of projects, a sub-page of the catalogue, by language.
COMPARE_SLUGS = {"cs": "porovnani", "en": "compare"}


class Area(TranslatableMixin, models.Model):
    """A working group's field (transport, energy, ICT, smart governance)."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Code"),
        max_length=50,
        help_text=_("Used in addresses and data exports; the same in every language."),
    )
    description = models.TextField(_("Short description"), help_text=_("Shown on the home page."))
    pictogram = models.CharField(_("Pictogram"), max_length=20, choices=Pictogram.choices)
    sort_order = models.PositiveSmallIntegerField(_("Order"), default=0)

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("pictogram"), FieldPanel("sort_order")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Area")
        verbose_name_plural = _("Areas")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_area_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def pictogram_path(self):
        return f"img/groups/{self.pictogram}.svg"


class Topic(TranslatableMixin, models.Model):
    """A theme within an area (parking, energy efficiency, …)."""

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(
        _("Code"),
        max_length=50,
        help_text=_("Used in addresses and data exports; the same in every language."),
    )
    area = models.ForeignKey(
        Area, verbose_name=_("Area"), on_delete=models.PROTECT, related_name="topics"
    )
    sort_order = models.PositiveSmallIntegerField(_("Order"), default=0)

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("area"), FieldPanel("sort_order")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Topic")
        verbose_name_plural = _("Topics")
        ordering = ["area__sort_order", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name


def in_source_language():
    """Pages choose among the source-language areas and topics (see the module's docstring)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


# The area and topics of a page are copied unchanged into its translations (see the module's
# docstring); so is everything a person's name, a code or a number.
AREA_AND_TOPICS = [SynchronizedField("area"), SynchronizedField("topics")]


class WorkingGroupIndexPage(BasePage):
    """The working groups of a language: one card per area."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    template = "pages/catalogue/working_group_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.WorkingGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Working group index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = working_groups(self.locale_id)
        return context


class WorkingGroupPage(BasePage):
    """One working group: its mission, members, guides and projects, and how to join it."""

    area = models.ForeignKey(
        Area,
        verbose_name=_("Area"),
        on_delete=models.PROTECT,
        related_name="working_groups",
        limit_choices_to=in_source_language,
    )
    mission = RichTextField(_("Mission"), features=RICH_TEXT_FEATURES)
    members = StreamField([("member", MemberBlock())], verbose_name=_("Members"), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("area"),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("area"),
        FieldPanel("mission"),
        FieldPanel("members"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("mission")]

    template = "pages/catalogue/working_group_page.html"
    parent_page_types = ["catalogue.WorkingGroupIndexPage"]
    subpage_types = []

    # The newest projects shown; the catalogue, filtered by the area, lists them all.
    PROJECTS_SHOWN = 5

    class Meta:
        verbose_name = _("Working group")
        verbose_name_plural = _("Working groups")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        [area] = localized([self.area], self.locale_id)
        projects = ProjectPage.objects.live().filter(area=self.area, locale_id=self.locale_id)
        context.update(
            area=area,
            guides=GuidePage.objects.live()
            .filter(area=self.area, locale_id=self.locale_id)
            .order_by("title"),
            projects=projects.order_by("-start_year", "-first_published_at")[: self.PROJECTS_SHOWN],
            project_count=projects.count(),
            catalogue=ProjectIndexPage.objects.live().filter(locale_id=self.locale_id).first(),
        )
        return context


class ProjectIndexPage(RoutablePageMixin, BasePage):
    """The catalogue of projects: facets, search, chart, comparison and open data."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    template = "pages/catalogue/project_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Project catalogue")

    def projects(self):
        """The live projects of this catalogue that anybody may see."""
        return without_view_restrictions(ProjectPage.objects.child_of(self).live())

    # The views read the listing (catalogue/listing.py), which reads the models defined here:
    # they are imported when a route runs, once this module is complete.

    @path("")
    def index_route(self, request):
        from .views import catalogue

        return catalogue(self, request)

    @re_path(rf"^(?P<slug>{'|'.join(COMPARE_SLUGS.values())})/$", name="compare")
    def compare_route(self, request, slug):
        from .views import compare

        return compare(self, request)

    @path("csv/", name="data_csv")
    def data_csv_route(self, request):
        from .open_data import csv_response

        return csv_response(self, request)

    @path("json/", name="data_json")
    def data_json_route(self, request):
        from .open_data import json_response

        return json_response(self, request)

    def compare_url(self, request=None):
        slug = COMPARE_SLUGS.get(self.locale.language_code, COMPARE_SLUGS["en"])
        return self.get_url(request) + self.reverse_subpage("compare", kwargs={"slug": slug})

    def subpage_path_in(self, request, language_code):
        # The comparison's address is worded in each language.
        match = getattr(request, "routable_resolver_match", None)
        if match is not None and match.url_name == "compare":
            slug = COMPARE_SLUGS.get(language_code, COMPARE_SLUGS["en"])
            return self.reverse_subpage("compare", kwargs={"slug": slug})
        return super().subpage_path_in(request, language_code)


cpv_code_validator = RegexValidator(
    r"^\d{8}-\d$", _("Enter a CPV code as eight digits, a hyphen and a check digit: 34970000-2.")
)


class ProjectPage(SampleContentMixin, BasePage):
    """A best-practice project of a Czech or EU city, with its budget, results and contract."""

    summary = models.TextField(_("Summary"), help_text=_("Two or three sentences for listings."))
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
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(budget_panels, heading=_("Budget and results")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
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
            working_group=working_group_of(self.area, self.locale_id),
            catalogue=self.get_parent().specific,
            funding_sources=list(self.funding_sources.all()),
        )
        return context

    @property
    def is_converted(self):
        return self.budget_currency != Currency.CZK

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year is before the start year.")})
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
        super().save(*args, **kwargs)

    @property
    def cost_per_inhabitant(self):
        """CZK per inhabitant, rounded to whole crowns."""
        return per_inhabitant(self.budget_czk, self.population)


def working_groups(locale_id):
    """[(area in the language, its live working-group page or None)], in the areas' order.

    Every area of the default language is listed, in translation where one exists: a group is
    never missing from one language's list.
    """
    areas = list(Area.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    if not areas:
        return []
    pages = {
        page.area_id: page
        for page in WorkingGroupPage.objects.live()
        .filter(locale_id=locale_id, area__in=areas)
        .order_by("-path")
    }
    return list(zip(localized(areas, locale_id), [pages.get(a.pk) for a in areas], strict=True))


def working_group_of(area, locale_id):
    """The live working-group page of an area in a language, or None."""
    return (
        WorkingGroupPage.objects.live()
        .filter(area=area, locale_id=locale_id)
        .order_by("path")
        .first()
    )


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


# The tender outline's download is worded in each language, like the file it gives.
OUTLINE_DOWNLOAD_SLUGS = {"cs": "zadavaci-dokumentace", "en": "tender-outline"}
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class GuideIndexPage(BasePage):
    """The implementation guides of a language, by area."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    template = "pages/catalogue/guide_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Guide index")

    def guides_by_area(self):
        """[(area in this page's language, [guides])], in the areas' order; one query each for
        the guides and the areas' translations."""
        guides = list(
            without_view_restrictions(GuidePage.objects.child_of(self).live())
            .defer_streamfields()
            .select_related("area")
            .order_by("area__sort_order", "area__name", "title")
        )
        groups = {}
        for guide in guides:
            groups.setdefault(guide.area, []).append(guide)
        areas = localized(groups, self.locale_id)
        return list(zip(areas, groups.values(), strict=True))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides_by_area"] = self.guides_by_area()
        return context


class GuidePage(SampleContentMixin, RoutablePageMixin, BasePage):
    """An implementation guide: steps, a budget for a reference town, a tender outline."""

    summary = models.TextField(_("Summary"), help_text=_("Two or three sentences for listings."))
    area = models.ForeignKey(
        Area,
        verbose_name=_("Area"),
        on_delete=models.PROTECT,
        related_name="guides",
        limit_choices_to=in_source_language,
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("Topics"),
        related_name="guides",
        limit_choices_to=in_source_language,
    )
    min_population = models.PositiveIntegerField(
        _("For towns from (inhabitants)"), null=True, blank=True
    )
    max_population = models.PositiveIntegerField(
        _("For towns up to (inhabitants)"), null=True, blank=True
    )
    reference_population = models.PositiveIntegerField(
        _("Reference population"),
        validators=[MinValueValidator(1)],
        help_text=_("The size of town the budget below was written for."),
    )

    steps = StreamField([("step", StepBlock())], verbose_name=_("Steps"))
    budget_lines = StreamField([("line", BudgetLineBlock())], verbose_name=_("Budget"), blank=True)

    tender_subject = RichTextField(_("Subject and scope"), features=RICH_TEXT_FEATURES, blank=True)
    technical_requirements = RichTextField(
        _("Technical requirements"), features=RICH_TEXT_FEATURES, blank=True
    )
    qualification_criteria = RichTextField(
        _("Qualification criteria"), features=RICH_TEXT_FEATURES, blank=True
    )
    evaluation_criteria = StreamField(
        [("criterion", CriterionBlock())],
        verbose_name=_("Evaluation criteria"),
        blank=True,
        help_text=_("The weights must add up to 100 %."),
    )
    timeline = StreamField(
        [("phase", MilestoneBlock())], verbose_name=pgettext_lazy("tender", "Timeline"), blank=True
    )
    contract_type = models.CharField(
        _("Contract type"), max_length=20, choices=ContractType.choices, blank=True
    )
    legal_notes = RichTextField(
        _("Legal notes"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("With references to the public procurement act (134/2016 Sb.)."),
    )

    risks = StreamField([("risk", RiskBlock())], verbose_name=_("Risks"), blank=True)
    documents = StreamField(
        [("document", DocumentBlock())], verbose_name=_("Documents"), blank=True
    )

    version = models.CharField(_("Version"), max_length=20, default="1.0")
    last_reviewed = models.DateField(_("Last reviewed"))
    change_log = StreamField([("change", ChangeBlock())], verbose_name=_("Change log"), blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *AREA_AND_TOPICS,
        SynchronizedField("version", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("is_sample"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("area"), FieldPanel("topics")], heading=_("Area and topics")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_population"), FieldPanel("max_population")]),
                FieldPanel("reference_population"),
            ],
            heading=_("Who it is for"),
        ),
        FieldPanel("steps"),
        FieldPanel("budget_lines"),
        FieldPanel("risks"),
        FieldPanel("documents"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version"), FieldPanel("last_reviewed")]),
                FieldPanel("change_log"),
            ],
            heading=_("Version"),
        ),
    ]
    tender_panels = [
        FieldPanel("tender_subject"),
        FieldPanel("technical_requirements"),
        FieldPanel("qualification_criteria"),
        FieldPanel("evaluation_criteria"),
        FieldPanel("timeline"),
        FieldPanel("contract_type"),
        FieldPanel("legal_notes"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(tender_panels, heading=_("Tender outline")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("steps"),
        index.SearchField("tender_subject"),
    ]

    template = "pages/catalogue/guide_page.html"
    parent_page_types = ["catalogue.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Implementation guide")
        verbose_name_plural = _("Implementation guides")

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.min_population
            and self.max_population
            and self.max_population < self.min_population
        ):
            errors["max_population"] = _("The upper size is below the lower one.")
        weights = [block.value["weight"] for block in self.evaluation_criteria]
        if weights and sum(weights) != 100:
            errors["evaluation_criteria"] = _(
                "The weights of the evaluation criteria add up to %(total)s %%, not 100 %%."
            ) % {"total": sum(weights)}
        if errors:
            raise ValidationError(errors)

    @property
    def language_code(self):
        return self.locale.language_code

    def budget(self, population=None):
        """The budget table for a town of `population`, the reference town by default."""
        lines = [
            BudgetLine(
                item=line.value["item"],
                min_czk=line.value["min_czk"],
                max_czk=line.value["max_czk"],
                scaling=line.value["scaling"],
            )
            for line in self.budget_lines
        ]
        return budget_for(lines, self.reference_population, population)

    def population_form(self, request):
        """The "for my city" form, bound when the address asks for a population."""
        return PopulationForm(request.GET if "population" in request.GET else None)

    def requested_population(self, form):
        return form.cleaned_data["population"] if form.is_bound and form.is_valid() else None

    def related_projects(self, topic_slugs, limit=4):
        """Live projects of this language in the guide's area: those sharing a topic first."""
        return list(
            without_view_restrictions(
                ProjectPage.objects.live().filter(
                    locale_id=self.locale_id, area__slug=self.area.slug
                )
            )
            .defer_streamfields()
            .annotate(
                shared_topics=Count("topics", filter=Q(topics__slug__in=topic_slugs), distinct=True)
            )
            .order_by("-shared_topics", "title")[:limit]
        )

    def catalogue_url(self, request, topic_slugs):
        """The catalogue of this language filtered to the guide's area and topics."""
        catalogue = ProjectIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        if catalogue is None:
            return None
        query = urlencode([("area", self.area.slug), *(("topic", slug) for slug in topic_slugs)])
        return f"{catalogue.get_url(request)}?{query}"

    def outline_download_url(self, request, population=None):
        slug = OUTLINE_DOWNLOAD_SLUGS[self.language_code]
        url = self.get_url(request) + self.reverse_subpage("tender_outline", kwargs={"slug": slug})
        return f"{url}?{urlencode({'population': population})}" if population else url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.population_form(request)
        population = self.requested_population(form)
        topics = list(self.topics.all())
        topic_slugs = [topic.slug for topic in topics]
        reference_budget = self.budget()
        budget = self.budget(population) if population else reference_budget
        context.update(
            population_form=form,
            max_population=MAX_POPULATION,
            reference_budget=reference_budget,
            budget=budget,
            budget_rows=list(zip(reference_budget.lines, budget.lines, strict=True)),
            area=localized([self.area], self.locale_id)[0],
            topics=localized(topics, self.locale_id),
            related_projects=self.related_projects(topic_slugs),
            catalogue_url=self.catalogue_url(request, topic_slugs),
            outline_download_url=self.outline_download_url(request, population),
        )
        return context

    @re_path(rf"^(?P<slug>{'|'.join(OUTLINE_DOWNLOAD_SLUGS.values())})/$", name="tender_outline")
    def tender_outline(self, request, slug):
        """The tender outline as an editable Word document in the page's language."""
        if slug != OUTLINE_DOWNLOAD_SLUGS[self.language_code]:
            raise Http404("The outline's address is in the page's language")
        population = self.requested_population(self.population_form(request))
        with translation.override(self.language_code):
            content = tender_outline_docx(self, self.budget(population), request)
        response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(
            True, outline_filename(slug, self)
        )
        return response
