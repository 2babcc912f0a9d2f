"""The partner and start-up profiles and their index (partners keep their own profile current;
accounts and moderation: see the partners issue's account and workflow modules)."""

import datetime

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalogue.models import Area, Topic, in_source_language
from core.blocks import RICH_TEXT_FEATURES
from core.collation import sort_key
from core.images import renditions_prefetch
from core.models import BasePage, SampleContentMixin
from core.querysets import localized, without_view_restrictions
from core.structured_data import image_url
from partners.profiles.admin_forms import ProfileAdminForm
from partners.profiles.blocks import ExpertBlock
from partners.profiles.choices import TIER_ORDER, SponsorshipTier, StartupStage

# After this long without a check, a profile is listed for editors and its partner reminded.
VERIFICATION_INTERVAL = datetime.timedelta(days=365)
# Editors have it (partners/migrations), partners do not: see OrganisationPage.editor_only_panels.
VERIFY_PERMISSION = "partners.verify_profile"


def verification_cutoff(now=None):
    """A profile last approved before this moment needs checking: the start (local time) of the
    day VERIFICATION_INTERVAL before today, so that a whole day's publications go stale together."""
    day = timezone.localdate(now) - VERIFICATION_INTERVAL
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def needing_verification(pages, now=None):
    """The profiles among `pages` (Page or profile querysets) that need checking, with the moment
    of their last check as `last_verified_at`.

    The one rule (OrganisationPage.needs_verification asks it for one page): a profile needs
    checking when it is live and its last publication, SMO's last check (see
    OrganisationPage.last_verified), is older than VERIFICATION_INTERVAL. A draft never published
    (a new partner's profile) does not: it waits for its first approval, not for a check."""
    return (
        pages.filter(live=True)
        .annotate(last_verified_at=Coalesce("last_published_at", "first_published_at"))
        .filter(last_verified_at__lt=verification_cutoff(now))
    )


class OrganisationPage(SampleContentMixin, BasePage):
    """What partner and start-up profiles share: the organisation, its logo, areas and contact."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at a fixed size with the organisation's name as its text alternative."),
    )
    website = models.URLField(_("Website"), blank=True)
    areas = ParentalManyToManyField(
        Area,
        verbose_name=_("Working-group areas"),
        related_name="+",
        blank=True,
        limit_choices_to=in_source_language,
    )
    contact_name = models.CharField(_("Contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-mail"), blank=True)
    contact_phone = models.CharField(_("Phone"), max_length=50, blank=True)

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("logo"),
        SynchronizedField("areas"),
        SynchronizedField("contact_name", overridable=False),
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
    ]

    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Contact"),
        ),
    ]
    # Only SMO's editors mark a page as sample content or set a sponsorship tier.
    editor_only_panels = [FieldPanel("is_sample", permission=VERIFY_PERMISSION)]
    base_form_class = ProfileAdminForm
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def localized_areas(self):
        """The profile's areas named in the page's language, in the areas' order."""
        areas = sorted(self.areas.all(), key=lambda area: area.sort_order)
        return localized(areas, self.locale_id) if areas else []

    def structured_data(self, request):
        """The organisation the profile presents, at its own website where it has one."""
        data = {
            "@type": "Organization",
            "name": self.title,
            "description": self.meta_description,
            "url": self.website or self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
        }
        if self.logo:
            # Uncropped, about the size the profile shows (core/images.py, "logo").
            data["logo"] = image_url(self.logo, request, "max-240x120")
        if self.contact_email:
            data["email"] = self.contact_email
        return data

    @property
    def initials(self):
        """Stand-in for a missing logo: the first letters of the name's first two words."""
        return "".join(word[0] for word in self.title.split()[:2]).upper()

    @property
    def last_verified_moment(self):
        """When SMO last approved the profile: partners cannot publish, so every publication is
        an editor's check (an editor confirms an unchanged profile by publishing it again)."""
        return self.last_published_at or self.first_published_at

    @property
    def last_verified(self):
        """The day of last_verified_moment, None if the profile was never published."""
        published = self.last_verified_moment
        return timezone.localdate(published) if published else None

    @property
    def needs_verification(self):
        """needing_verification()'s rule for this page, without a query."""
        published = self.last_verified_moment
        return self.live and published is not None and published < verification_cutoff()


class PartnerPage(OrganisationPage):
    """A company of the sponsorship programme: who it is and whom it nominated."""

    tier = models.CharField(
        _("Sponsorship tier"),
        max_length=20,
        choices=SponsorshipTier.choices,
        default=SponsorshipTier.PARTNER,
    )
    description = RichTextField(_("Description"), features=RICH_TEXT_FEATURES)
    experts = StreamField(
        [("expert", ExpertBlock())],
        verbose_name=_("Nominated experts"),
        blank=True,
        help_text=_("The experts the organisation nominated into the working groups."),
    )

    override_translatable_fields = [
        *OrganisationPage.override_translatable_fields,
        SynchronizedField("tier", overridable=False),
        # Names, roles and groups read the same in both languages.
        SynchronizedField("experts", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("logo"), FieldPanel("tier", permission=VERIFY_PERMISSION)]),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("areas"),
        FieldPanel("experts"),
        *OrganisationPage.contact_panels,
        *OrganisationPage.editor_only_panels,
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.FilterField("tier"),
    ]

    template = "pages/partners/partner_page.html"
    description_field = "description"

    class Meta:
        verbose_name = _("Partner profile")
        verbose_name_plural = _("Partner profiles")
        permissions = [("verify_profile", _("Can verify partner profiles and set their tier"))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = {area.slug: area for area in Area.objects.filter(locale_id=self.locale_id)}
        context["experts"] = [
            (expert.value, groups.get(expert.value["working_group"])) for expert in self.experts
        ]
        return context


class StartupPage(OrganisationPage):
    """A start-up or small firm with a technology of its own."""

    summary = models.TextField(
        _("The solution in short"),
        validators=[MaxLengthValidator(400)],
        help_text=_("Up to 400 characters: what it does and for whom."),
    )
    description = RichTextField(_("Description"), features=RICH_TEXT_FEATURES, blank=True)
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("Topics"),
        related_name="+",
        blank=True,
        limit_choices_to=in_source_language,
    )
    stage = models.CharField(_("Stage"), max_length=20, choices=StartupStage.choices)
    reference_cities = models.CharField(
        _("Reference cities"),
        max_length=300,
        blank=True,
        help_text=_("Towns that use the solution, separated by commas."),
    )

    override_translatable_fields = [
        *OrganisationPage.override_translatable_fields,
        SynchronizedField("topics"),
        SynchronizedField("stage", overridable=False),
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("logo"), FieldPanel("stage")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("areas"), FieldPanel("topics")]),
        FieldPanel("reference_cities"),
        *OrganisationPage.contact_panels,
        *OrganisationPage.editor_only_panels,
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("reference_cities"),
        index.FilterField("stage"),
    ]

    template = "pages/partners/startup_page.html"
    description_field = "summary"

    class Meta:
        verbose_name = _("Start-up profile")
        verbose_name_plural = _("Start-up profiles")

    def reference_city_list(self):
        return [city.strip() for city in self.reference_cities.split(",") if city.strip()]

    def localized_topics(self):
        topics = sorted(self.topics.all(), key=lambda topic: topic.sort_order)
        return localized(topics, self.locale_id) if topics else []


def filter_url(**params):
    """The index's query string for these filter values ("?" clears them all)."""
    return "?" + urlencode({name: value for name, value in params.items() if value})


class PartnerIndexPage(BasePage):
    """The partners by sponsorship tier and the start-ups, each list filterable with plain links."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)
    startups_intro = RichTextField(
        _("Start-ups: introduction"), features=RICH_TEXT_FEATURES, blank=True
    )

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("startups_intro")]

    template = "pages/partners/partner_index_page.html"
    description_field = "intro"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage", "partners.StartupPage"]
    max_count_per_parent = 1
    language_neutral_params = ("area", "stage")

    class Meta:
        verbose_name = _("Partner index")
        verbose_name_plural = _("Partner indexes")

    def profiles(self, model):
        """The live profiles of `model` under this index, with what their cards show."""
        return (
            without_view_restrictions(model.objects.child_of(self).live())
            .defer_streamfields()
            .select_related("logo")
            .prefetch_related("areas", renditions_prefetch("logo", "logo"))
        )

    def leading_partners(self, count):
        """The first `count` partners by tier and then name (the home page shows them)."""
        tiers = Case(
            *(When(tier=tier, then=Value(rank)) for tier, rank in TIER_ORDER.items()),
            output_field=IntegerField(),
        )
        return list(
            self.profiles(PartnerPage).order_by(tiers, "title").prefetch_related(None)[:count]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        areas = list(Area.objects.in_source_language())
        names = {
            area.translation_key: area for area in Area.objects.filter(locale_id=self.locale_id)
        }
        # Each card names its areas in the page's language: one query for all of them.
        in_language = {area.pk: names.get(area.translation_key, area) for area in areas}
        area = request.GET.get("area", "")
        stage = request.GET.get("stage", "")
        ignored = []
        if area and area not in {a.slug for a in areas}:
            ignored.append(area)
            area = ""
        if stage and stage not in StartupStage.values:
            ignored.append(stage)
            stage = ""

        partners = self.profiles(PartnerPage)
        startups = self.profiles(StartupPage)
        if area:
            partners = partners.filter(areas__slug=area)
            startups = startups.filter(areas__slug=area)
        if stage:
            startups = startups.filter(stage=stage)
        czech = self.locale.language_code == "cs"

        def cards(pages):
            pages = sorted(pages, key=lambda page: sort_key(page.title, czech))
            for page in pages:
                page.card_areas = sorted(
                    (in_language[a.pk] for a in page.areas.all()), key=lambda a: a.sort_order
                )
            return pages

        partners = cards(partners)
        tiers = [
            (SponsorshipTier(tier).label, [p for p in partners if p.tier == tier])
            for tier in TIER_ORDER
        ]
        context.update(
            tiers=[(label, members) for label, members in tiers if members],
            startups=cards(startups),
            area_links=[
                (_("All areas"), filter_url(area="", stage=stage), not area),
                *(
                    (in_language[a.pk].name, filter_url(area=a.slug, stage=stage), a.slug == area)
                    for a in areas
                ),
            ],
            stage_links=[
                (_("All stages"), filter_url(area=area, stage=""), not stage),
                *(
                    (label, filter_url(area=area, stage=code), code == stage)
                    for code, label in StartupStage.choices
                ),
            ],
            ignored=ignored,
            is_filtered=bool(area or stage),
        )
        return context
