"""The working groups' vocabulary: areas and the topics within them.

Areas and topics are translatable snippets, the one list of the working groups that the home
page, the application form and the catalogue all read. Pages refer to them by the source
(Czech) snippet, copied unchanged into translations; `slug` is the same in every language, so
filters and exports use it, and templates show the snippet in the page's language.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from catalogue.choices import Pictogram
from core.querysets import in_source_language


class VocabularyQuerySet(models.QuerySet):
    def in_source_language(self):
        """The source-language snippets: the ones pages point at and codes resolve to."""
        return self.filter(**in_source_language())


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

    objects = VocabularyQuerySet.as_manager()

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

    def working_group(self, locale_id):
        """The live working-group page of this area in a language, or None.

        Read through the pages' link to their area, so that the project page finds its group
        without this module, or the projects', importing the working groups' page models.
        """
        return self.working_groups.live().filter(locale_id=locale_id).order_by("path").first()


def area_names(language_code):
    """{code: name} of the areas in a language, in one query; an area not yet translated into it
    goes by its source-language name. What people read where a code is stored (a submission's
    working group)."""
    languages = {settings.LANGUAGE_CODE, language_code}
    names = {}
    rows = Area.objects.filter(locale__language_code__in=languages).values_list(
        "slug", "name", "locale__language_code"
    )
    for slug, name, language in rows:
        if language == language_code or slug not in names:
            names[slug] = name
    return names


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

    objects = VocabularyQuerySet.as_manager()

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


# The area and topics of a page are copied unchanged into its translations (see the module's
# docstring); so is everything a person's name, a code or a number.
AREA_AND_TOPICS = [SynchronizedField("area"), SynchronizedField("topics")]
