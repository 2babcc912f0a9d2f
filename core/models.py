"""What every app shares: the abstract BasePage (SEO and social fields), site settings and the
publisher they name, the attempt counter behind rate limits (core/throttle.py) and the outbox of
e-mails (core/outbox_models.py)."""

from functools import cached_property

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

from core.admin_forms import BasePageAdminForm
from core.outbox_models import OutgoingEmail
from core.patches.admin_language import page_edit_handler
from core.querysets import in_source_language
from core.search import TitleTermsField, search_keys
from core.slugs import ascii_slug
from core.text import plain_text

# What search results and shared links say of a page with no description of its own.
DEFAULT_DESCRIPTION = _(
    "Proven smart-city projects from Czech and European cities, and implementation guides "
    "with budgets and tender outlines that Czech towns can build on."
)
# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 200


class BasePage(Page):
    """Every public page: social-sharing fields and the hreflang/canonical logic live here."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200 × 630 px)."),
    )
    social_text = models.CharField(
        _("Social sharing text"),
        max_length=300,
        blank=True,
        help_text=_("Falls back to the search description."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Social sharing"),
        ),
    ]

    # Beside its words, a page indexes the search keys of its title and text (core/search.py):
    # the title's in the index's title column and, with the text's, in the body, so that the
    # body alone answers whether a page has a word (core/search_index.py).
    search_fields = [
        *Page.search_fields,
        TitleTermsField("title", boost=2),
        index.SearchField("search_title_keys", boost=2),
        index.SearchField("search_text_keys"),
    ]

    # Built for each admin language, not once for the first editor's
    # (core/patches/admin_language.py).
    get_edit_handler = page_edit_handler
    base_form_class = BasePageAdminForm

    # The query parameters that mean the same in every language (a catalogue filter, a town's
    # population): the language switcher keeps them.
    language_neutral_params = ()

    # The field whose text describes the page when the editor wrote no search description
    # (a release's lead, a project's summary); page types name theirs.
    description_field = None

    # Nobody translates an address: a translation's slug is made from its own title (save()).
    override_translatable_fields = [BaseTranslatableField("slug")]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # An address typed with diacritics (or with JavaScript off in the admin) is
        # transliterated, before Wagtail checks it against the siblings' addresses.
        if self.slug and not self.slug.isascii():
            self.slug = ascii_slug(self.slug)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "slug" in update_fields:
            self._slug_follows_translated_title()
        return super().save(*args, **kwargs)

    def _slug_follows_translated_title(self):
        """Until a translation first goes live, its slug follows its translated title.

        wagtail-localize gives a new translation the source page's slug; once the translator
        has translated the title, the address is made from it ("tiskove-zpravy" → "press-
        releases"). From the first publication on, the address stays (links and feeds keep it);
        a slug set on purpose (different from the source's) is kept too.
        """
        if not self.path or self.first_published_at is not None:
            return
        source = (
            Page.objects.filter(translation_key=self.translation_key, locale=Locale.get_default())
            .exclude(pk=self.pk)
            .values("slug", "title")
            .first()
        )
        if source is None or self.slug != source["slug"] or self.title == source["title"]:
            return
        base = ascii_slug(self.title)
        if base:
            self.slug = self._get_autogenerated_slug(base)

    @classmethod
    def live_in_locale(cls, locale_id):
        """The live page of this type in a language (for the one-per-site pages: the catalogue,
        the guides), or None."""
        return cls.objects.live().filter(locale_id=locale_id).first()

    def search_text(self):
        """The page's searchable text: the values of its search fields but the title and keys."""
        texts = []
        for field in self.search_fields:
            if isinstance(field, index.SearchField) and field.field_name not in KEY_SOURCES:
                texts.append(_flatten(field.get_value(self)))
        return " ".join(text for text in texts if text)

    # The date a search result shows, where the date matters (a press release's).
    search_result_date = None

    def search_title_keys(self):
        return " ".join(search_keys(self.title, self.locale.language_code))

    def search_text_keys(self):
        return " ".join(search_keys(self.search_text(), self.locale.language_code))

    @property
    def meta_description(self):
        """The search description, else the page's own summary as plain text, else the site's
        sentence in the page's language."""
        text = plain_text(self.search_description)
        if not text and self.description_field:
            text = plain_text(getattr(self, self.description_field))
        if not text:
            with translation.override(self.locale.language_code):
                return str(DEFAULT_DESCRIPTION)
        if len(text) > DESCRIPTION_LENGTH:
            # Cut at a word, not inside one.
            text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        return text

    @property
    def sharing_text(self):
        return self.social_text or self.meta_description

    def structured_data(self, request):
        """The schema.org entity the page is about (core/structured_data.py), or None."""
        return None

    def language_neutral_query(self, request, language_code):
        """The request's query parameters (name, value) that the page's translation into
        `language_code` reads the same way: those in language_neutral_params. A page type whose
        parameters name pages of its own language gives their translations instead."""
        return [
            (name, value)
            for name in self.language_neutral_params
            for value in request.GET.getlist(name)
        ]

    def subpage_path_in(self, request, language_code):
        """The sub-page the request shows (a year archive, a thank-you page), as its path reads
        under this page's translation in `language_code`; "" for the page itself."""
        match = getattr(request, "routable_resolver_match", None)
        if match is None or not hasattr(self, "reverse_subpage"):
            return ""
        return self.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)


# Search fields that the keys are not made from: the title has its own, the keys are the result.
KEY_SOURCES = {"title", "search_title_keys", "search_text_keys"}


def _flatten(value):
    """A search field's value as text (a stream field gives a list of texts)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_flatten(item) for item in value)
    return str(value)


def edit_tabs(*tabs):
    """The page editor's tabs: `tabs` as (heading, panels), then BasePage's Promote and Settings."""
    return TabbedInterface(
        [
            *(ObjectList(panels, heading=heading) for heading, panels in tabs),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )


class Publisher(TranslatableMixin, models.Model):
    """The organisation that runs and publishes the site, named in each language.

    A translatable snippet (Settings → Publisher), translated with wagtail-localize like every
    other text of the site, rather than a column per language in the site settings: a language
    added to the site is one more translation, and the name has one home, read by the footer,
    the forms' privacy notice, partners' e-mails and the data for search engines.
    """

    name = models.CharField(
        _("Name"),
        max_length=200,
        help_text=_("The organisation's name in this language (in Czech its legal name)."),
    )
    url = models.URLField(_("Website"))
    address = models.CharField(
        _("Postal address"),
        max_length=300,
        blank=True,
        help_text=_("Street, postcode and town on one line, as the footer shows it."),
    )
    phone = models.CharField(_("Phone"), max_length=50, blank=True)
    data_box = models.CharField(
        _("Data box ID"),
        max_length=7,
        blank=True,
        help_text=_("The seven characters of the organisation's data box (datová schránka)."),
    )

    # A translation may point to the website's own page in its language and spell the town in
    # its language ("Praha 4", "Prague 4"); a number is the same in every language.
    override_translatable_fields = [
        SynchronizedField("url"),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("data_box", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("data_box")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Publisher")
        verbose_name_plural = _("Publishers")

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("Contact e-mail"),
        default="info@lepsimesta.cz",
        help_text=_("Shown in the footer; applications are routed here."),
    )
    publisher = models.ForeignKey(
        Publisher,
        verbose_name=_("Publisher"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=in_source_language,
        help_text=_(
            "The organisation that runs the site. Its name in each language: Settings → "
            "Publisher, translated like any snippet."
        ),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    # Every page's footer links both pages and names the publisher: fetch them with the settings.
    select_related = ["privacy_page", "accessibility_page", "publisher__locale"]

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("publisher"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Footer pages"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("linkedin_url")],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("Site settings")

    @cached_property
    def publisher_translations(self):
        """{language code: the publisher in it}: one query, once per settings object (Wagtail
        keeps one per request)."""
        if self.publisher is None:
            return {}
        translations = Publisher.objects.filter(translation_key=self.publisher.translation_key)
        return {p.locale.language_code: p for p in translations.select_related("locale")}

    def publisher_in(self, language_code):
        """The publisher as pages in that language name it: its translation, else the source
        language's (the chosen one, already fetched: a Czech page costs no query for it)."""
        if self.publisher is None or self.publisher.locale.language_code == language_code:
            return self.publisher
        return self.publisher_translations.get(language_code, self.publisher)

    @property
    def local_publisher(self):
        """The publisher in the language being rendered (for templates)."""
        return self.publisher_in(get_language())


class ThrottleHit(models.Model):
    """One attempt counted by a rate limit (core/throttle.py); `key` hashes scope and client."""

    scope = models.CharField(max_length=50)
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["key", "created_at"]),
            models.Index(fields=["scope", "created_at"]),
        ]


class SampleContentMixin(models.Model):
    """A page the demo made up: every page of the kind says so, so nobody takes it for real."""

    is_sample = models.BooleanField(
        _("Sample content"),
        default=False,
        help_text=_("The page says it is an example made up for the demo, not real."),
    )

    class Meta:
        abstract = True


__all__ = [
    "BasePage",
    "OutgoingEmail",
    "Publisher",
    "SampleContentMixin",
    "SiteSettings",
    "ThrottleHit",
    "edit_tabs",
]
