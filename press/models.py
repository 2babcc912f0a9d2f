"""Press releases: the index with its archive and feeds, the release page and the press snippets."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Prefetch
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.models import BasePage
from core.page_cache import cached
from core.querysets import localized, without_view_restrictions
from core.structured_data import creative_work

from .feeds import PressAtomFeed, PressRssFeed


class PressContact(TranslatableMixin, models.Model):
    """A person journalists can call; chosen per release, so a new number is edited once."""

    name = models.CharField(_("Full name"), max_length=200)
    role = models.CharField(_("Role"), max_length=200, blank=True)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    phone = models.CharField(_("Phone"), max_length=50, blank=True)
    email = models.EmailField(_("E-mail"), blank=True)

    # A person's name and phone number are the same in every language.
    override_translatable_fields = [
        SynchronizedField("name", overridable=False),
        SynchronizedField("phone", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Press contact")
        verbose_name_plural = _("Press contacts")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


class Boilerplate(TranslatableMixin, models.Model):
    """A reusable "About …" box printed at the end of releases."""

    title = models.CharField(
        _("Title"),
        max_length=200,
        help_text=_("For example “About the Lepší města project”."),
    )
    body = RichTextField(_("Text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("title"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("About box")
        verbose_name_plural = _("About boxes")
        ordering = ["title"]

    def __str__(self):
        return self.title


class PressIndexPage(RoutablePageMixin, BasePage):
    """All releases of a language, newest first, with a year archive and RSS/Atom feeds."""

    intro = models.TextField(_("Introduction"), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    template = "pages/press_index_page.html"
    description_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count_per_parent = 1
    per_page = 10

    class Meta:
        verbose_name = _("Press release index")
        verbose_name_plural = _("Press release indexes")

    def releases(self):
        """The live releases under this index, newest first, without their bodies."""
        return (
            without_view_restrictions(PressReleasePage.objects.child_of(self).live())
            .defer_streamfields()
            .order_by("-release_date", "-pk")
        )

    def feed_releases(self, limit):
        """The newest `limit` releases with their attachments (the feeds' enclosures)."""
        attachments = PressReleaseAttachment.objects.select_related("document").order_by(
            "sort_order"
        )
        return self.releases().prefetch_related(Prefetch("attachments", queryset=attachments))[
            :limit
        ]

    def releases_by_year(self):
        """{year: how many releases}, the newest year first: one grouped query, read again only
        after a page changes (core/page_cache.py), so that neither the archive's list of
        years nor the pagination's count reads every release on each request."""
        return cached("press-releases-by-year", self._count_releases_by_year, self.pk)

    def _count_releases_by_year(self):
        rows = (
            self.releases()
            .order_by()
            .values(year=ExtractYear("release_date"))
            .annotate(count=Count("pk"))
            .order_by("-year")
        )
        return {row["year"]: row["count"] for row in rows}

    def feed_urls(self, request):
        base = self.get_url(request)
        return {
            "rss": base + self.reverse_subpage("rss_feed"),
            "atom": base + self.reverse_subpage("atom_feed"),
        }

    @path("")
    def latest(self, request):
        return self.render_listing(request, self.releases(), year=None)

    @path("<int:year>/")
    def year_archive(self, request, year):
        return self.render_listing(request, self.releases().filter(release_date__year=year), year)

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        return PressRssFeed(self)(request)

    @path("atom/", name="atom_feed")
    def atom_feed(self, request):
        return PressAtomFeed(self)(request)

    def render_listing(self, request, releases, year):
        by_year = self.releases_by_year()
        if year is not None and year not in by_year:
            raise Http404(f"No press releases from {year}")
        paginator = Paginator(releases, self.per_page)
        # Counted already: the paginator need not count the releases again.
        paginator.count = by_year[year] if year is not None else sum(by_year.values())
        try:
            page_of_releases = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger as exc:
            raise Http404("Not a page number") from exc
        except EmptyPage:
            # Beyond the end (an old link, a typo): show the last page rather than nothing.
            page_of_releases = paginator.page(paginator.num_pages)
        return self.render(
            request,
            context_overrides={
                "releases": page_of_releases,
                "year": year,
                "years": list(by_year),
                "feeds": self.feed_urls(request),
            },
        )


class PressReleasePage(BasePage):
    """One press release: dateline, lead, body, about boxes, contacts and attachments."""

    release_date = models.DateField(
        _("Release date"),
        default=timezone.localdate,
        help_text=_("The date the release was issued; it can be in the past, for the archive."),
    )
    dateline_place = models.CharField(
        _("Place"), max_length=100, help_text=_("Where it was issued, for example Praha.")
    )
    lead = models.TextField(_("Lead"), help_text=_("The opening paragraph, after the dateline."))
    body = StreamField(BodyBlock(), verbose_name=_("Body"), blank=True)

    # The date a release was issued is a fact, the same in every language.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("release_date", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("release_date"), FieldPanel("dateline_place")], heading=_("Dateline")
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
        # The label names one item: "Add attachment", "Attachment 1".
        InlinePanel("attachments", heading=_("Attachments"), label=_("attachment")),
        InlinePanel("boilerplate_items", heading=_("About boxes"), label=_("about box")),
        InlinePanel("contact_items", heading=_("Press contacts"), label=_("press contact")),
        InlinePanel("related_items", heading=_("Related releases"), label=_("related release")),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("lead"), index.SearchField("body")]

    @property
    def search_result_date(self):
        return self.release_date

    template = "pages/press_release_page.html"
    description_field = "lead"
    parent_page_types = ["press.PressIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Press release")
        verbose_name_plural = _("Press releases")

    @cached_property
    def index_page(self):
        return PressIndexPage.objects.parent_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        locale_id = self.locale_id
        context["boilerplates"] = localized(
            [item.boilerplate for item in self.boilerplate_items.select_related("boilerplate")],
            locale_id,
        )
        context["contacts"] = localized(
            [item.contact for item in self.contact_items.select_related("contact")], locale_id
        )
        context["attachments"] = list(self.attachments.select_related("document"))
        related = [
            item.related_release
            for item in self.related_items.select_related("related_release__locale")
            if item.related_release.live
        ]
        context["related_releases"] = localized(
            related,
            locale_id,
            PressReleasePage.objects.live().defer_streamfields().select_related("locale"),
        )
        if self.index_page is not None:
            context["feeds"] = self.index_page.feed_urls(request)
        return context

    def structured_data(self, request):
        return creative_work(
            self,
            request,
            "NewsArticle",
            headline=self.title,
            description=self.lead,
            datePublished=self.release_date.isoformat(),
            dateline=self.dateline_place,
        )


class PressReleaseAttachment(TranslatableMixin, Orderable):
    """A document attached to a release, with a label in the release's language.

    Translatable like the release itself, so the English release carries the English label and
    the same document.
    """

    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    label = models.CharField(
        _("Label"),
        max_length=255,
        blank=True,
        help_text=_("What readers see, in the release's language; the document's title if empty."),
    )

    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("document"),
        SynchronizedField("sort_order"),
    ]

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("Attachment")
        verbose_name_plural = _("Attachments")

    @property
    def title(self):
        return self.label or self.document.title


class PressReleaseBoilerplate(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="boilerplate_items")
    boilerplate = models.ForeignKey(
        Boilerplate, verbose_name=_("About box"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("boilerplate")]


class PressReleaseContact(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="contact_items")
    contact = models.ForeignKey(
        PressContact, verbose_name=_("Press contact"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("contact")]


class PressReleaseRelated(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="related_items")
    related_release = models.ForeignKey(
        PressReleasePage,
        verbose_name=_("Related release"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("related_release")]
