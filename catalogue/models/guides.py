"""The implementation guides: their index by area and one page per guide, with its budget
for a town of any size and its tender outline as a Word document."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalogue.blocks import (
    BudgetLineBlock,
    ChangeBlock,
    CriterionBlock,
    DocumentBlock,
    MilestoneBlock,
    RiskBlock,
    StepBlock,
)
from catalogue.budget import BudgetLine, budget_for
from catalogue.choices import ContractType
from catalogue.docx import freed_when_done, outline_filename, tender_outline_docx
from catalogue.forms import MAX_POPULATION, PopulationForm
from catalogue.models.catalogue_index import ProjectIndexPage
from catalogue.models.projects import ProjectPage
from catalogue.models.vocabulary import AREA_AND_TOPICS, Area, Topic, in_source_language
from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage, SampleContentMixin, edit_tabs
from core.querysets import localized, without_view_restrictions
from core.structured_data import creative_work
from core.text import plain_text

# The tender outline's download is worded in each language, like the file it gives.
OUTLINE_DOWNLOAD_SLUGS = {"cs": "zadavaci-dokumentace", "en": "tender-outline"}
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# How many projects a guide lists as examples; the rest are one link to the catalogue away.
RELATED_PROJECTS_SHOWN = 4


def related_project_candidates(locale_id, area_slug):
    """The projects a guide of this language and area chooses its examples from."""
    return without_view_restrictions(
        ProjectPage.objects.live().filter(locale_id=locale_id, area__slug=area_slug)
    )


def shared_topic_count(project, guide):
    """A subquery: how many topics the project and the guide share (each given as a pk or an
    outer reference to one)."""
    return Subquery(
        ProjectPage.topics.through.objects.filter(projectpage_id=project, topic__guides=guide)
        .annotate(count=Func(F("pk"), function="COUNT"))
        .values("count"),
        output_field=IntegerField(),
    )


class GuidePageQuerySet(PageQuerySet):
    def listing_project(self, project):
        """The live guides of the project's language that list it among their related projects
        (GuidePage.related_projects), in one query: the guides of its area for which fewer than
        RELATED_PROJECTS_SHOWN projects come before it in that list's order."""
        ahead = (
            related_project_candidates(project.locale_id, project.area.slug)
            .alias(shared=shared_topic_count(OuterRef("pk"), OuterRef(OuterRef("pk"))))
            .filter(
                Q(shared__gt=OuterRef("project_shared"))
                | Q(shared=OuterRef("project_shared"), title__lt=project.title)
                | Q(shared=OuterRef("project_shared"), title=project.title, pk__lt=project.pk)
            )
        )
        guides = self.live().filter(locale_id=project.locale_id, area__slug=project.area.slug)
        # The database stops looking once it finds the last project the list has room for.
        return (
            without_view_restrictions(guides)
            .alias(project_shared=shared_topic_count(project.pk, OuterRef("pk")))
            .filter(~Exists(ahead[RELATED_PROJECTS_SHOWN - 1 : RELATED_PROJECTS_SHOWN]))
        )


class GuideIndexPage(BasePage):
    """The implementation guides of a language, by area."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    template = "pages/catalogue/guide_index_page.html"
    description_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Guide index")
        verbose_name_plural = _("Guide indexes")

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
    edit_handler = edit_tabs((_("Content"), content_panels), (_("Tender outline"), tender_panels))

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("steps"),
        index.SearchField("tender_subject"),
    ]

    language_neutral_params = ("population",)
    template = "pages/catalogue/guide_page.html"
    description_field = "summary"
    parent_page_types = ["catalogue.GuideIndexPage"]
    subpage_types = []

    # Also the manager of Area.guides, through which a project page finds the guides listing it.
    objects = PageManager.from_queryset(GuidePageQuerySet)()

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

    def structured_data(self, request):
        """A HowTo: the guide's steps, and its budget for the reference town as the cost."""
        fields = {
            "step": [
                {
                    "@type": "HowToStep",
                    "position": position,
                    "name": step.value["title"],
                    "text": plain_text(step.value["text"].source),
                }
                for position, step in enumerate(self.steps, start=1)
            ],
            "version": self.version,
        }
        budget = self.budget()
        if budget.lines:
            fields["estimatedCost"] = {
                "@type": "MonetaryAmount",
                "currency": "CZK",
                "minValue": int(budget.total_min_czk),
                "maxValue": int(budget.total_max_czk),
            }
        return creative_work(self, request, "HowTo", **fields)

    def population_form(self, request):
        """The "for my city" form, bound when the address asks for a population."""
        return PopulationForm(request.GET if "population" in request.GET else None)

    def requested_population(self, form):
        return form.cleaned_data["population"] if form.is_bound and form.is_valid() else None

    def size_outside_range(self, population):
        """Where a town of `population` stands against the range of town sizes the guide was
        written for (min_population, max_population): "below", "above", or None within it."""
        if self.min_population and population < self.min_population:
            return "below"
        if self.max_population and population > self.max_population:
            return "above"
        return None

    def related_projects(self):
        """Live projects of this language in the guide's area, those sharing more topics first.
        The project pages link back: GuidePageQuerySet.listing_project follows this order."""
        return list(
            related_project_candidates(self.locale_id, self.area.slug)
            .defer_streamfields()
            .annotate(shared_topics=shared_topic_count(OuterRef("pk"), self.pk))
            .order_by("-shared_topics", "title", "pk")[:RELATED_PROJECTS_SHOWN]
        )

    def catalogue_url(self, request, topic_slugs):
        """The catalogue of this language filtered to the guide's area and topics."""
        catalogue = ProjectIndexPage.live_in_locale(self.locale_id)
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
            size_outside_range=self.size_outside_range(population) if population else None,
            area=localized([self.area], self.locale_id)[0],
            topics=localized(topics, self.locale_id),
            related_projects=self.related_projects(),
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
        with translation.override(self.language_code), freed_when_done():
            content = tender_outline_docx(self, self.budget(population), request)
        response = HttpResponse(content, content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(
            True, outline_filename(slug, self)
        )
        return response
