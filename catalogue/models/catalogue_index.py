"""The catalogue of projects: the page whose routes list, compare and export the projects."""

from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from catalogue.comparison import chosen_ids, compared_projects, translated_ids
from catalogue.listing import FACET_NAMES, SEARCH_MAX_LENGTH, CatalogueListing
from catalogue.models.projects import ProjectPage
from catalogue.open_data import csv_response, data_urls, json_response, xlsx_response
from core.blocks import RICH_TEXT_FEATURES
from core.images import renditions_prefetch
from core.models import BasePage
from core.querysets import without_view_restrictions

# The comparison of projects, a sub-page of the catalogue, by language.
COMPARE_SLUGS = {"cs": "porovnani", "en": "compare"}
# What the listing was asked (filters, search, sorting, page): the comparison keeps it for the
# way back to the catalogue.
LISTING_PARAMS = (*FACET_NAMES, "q", "sort", "page")


class ProjectIndexPage(RoutablePageMixin, BasePage):
    """The catalogue of projects: facets, search, chart, comparison and open data."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    template = "pages/catalogue/project_index_page.html"
    description_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["catalogue.ProjectPage"]
    max_count_per_parent = 1
    # Filter codes are the source language's slugs, and the other language lists as many
    # projects, so the page number holds too; the search words stay behind.
    language_neutral_params = (*FACET_NAMES, "sort", "page")

    class Meta:
        verbose_name = _("Project catalogue")
        verbose_name_plural = _("Project catalogues")

    def projects(self):
        """The live projects of this catalogue that anybody may see."""
        return without_view_restrictions(ProjectPage.objects.child_of(self).live())

    def language_neutral_query(self, request, language_code):
        # The projects chosen for comparison (`p`) are pages of this language: the other
        # language's catalogue is given their translations.
        pairs = super().language_neutral_query(request, language_code)
        return pairs + [("p", pk) for pk in translated_ids(request.GET.getlist("p"), language_code)]

    def project_cards(self, ids, vocabulary):
        """The projects with these ids, in this order, with their area in the page's language."""
        cards = (
            self.projects()
            .filter(pk__in=ids)
            .defer_streamfields()
            .select_related("lead_image")
            .prefetch_related(renditions_prefetch("lead_image", "card"))
        )
        pages = {page.pk: page for page in cards}
        projects = [pages[pk] for pk in ids if pk in pages]
        for project in projects:
            project.shown_area = vocabulary.area_by_id.get(project.area_id)
        return projects

    @path("")
    def index_route(self, request):
        listing = CatalogueListing(self, request.GET)
        number, page_count, ids = listing.page_of_ids(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "listing": listing,
                "projects": self.project_cards(ids, listing.vocabulary),
                "page_number": number,
                "page_count": page_count,
                "previous_url": listing.query_string(page=number - 1) if number > 1 else None,
                "next_url": listing.query_string(page=number + 1) if number < page_count else None,
                "search_max_length": SEARCH_MAX_LENGTH,
                "data_urls": data_urls(self, request, listing),
                "compare_url": self.compare_url(request),
                # The comparison gets the listing's parameters, to lead back to this listing,
                # and the projects it compares come back ticked.
                "listing_params": listing.params(page=number),
                "chosen_for_comparison": set(chosen_ids(request.GET.getlist("p"))[1]),
                # Filters, a search and sorting make combinations without end: search engines
                # follow them to the projects, and index the plain catalogue only.
                "noindex": any(request.GET.get(name) for name in (*FACET_NAMES, "q", "sort", "p")),
            },
        )

    @re_path(rf"^(?P<slug>{'|'.join(COMPARE_SLUGS.values())})/$", name="compare")
    def compare_route(self, request, slug):
        projects, notices = compared_projects(self, request.GET.getlist("p"))
        listing = [(name, value) for name in LISTING_PARAMS for value in request.GET.getlist(name)]
        back = listing + [("p", project.pk) for project in projects]
        return self.render(
            request,
            template="pages/catalogue/project_compare.html",
            context_overrides={
                "projects": projects,
                "notices": notices,
                "catalogue_url": self.get_url(request) + ("?" + urlencode(back) if back else ""),
            },
        )

    @path("csv/", name="data_csv")
    def data_csv_route(self, request):
        return csv_response(self, request)

    @path("json/", name="data_json")
    def data_json_route(self, request):
        return json_response(self, request)

    @path("xlsx/", name="data_xlsx")
    def data_xlsx_route(self, request):
        return xlsx_response(self, request)

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
