"""Factories for the catalogue: areas, topics, the index pages, projects and guides.

Areas and topics are found by their code when they exist (the loaded site has the real ones),
so `AreaFactory(slug="transport")` is the loaded transport area.
"""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from wagtail.models import Locale

from catalogue.choices import FundingSource, ProjectStatus
from catalogue.models import (
    Area,
    GuideIndexPage,
    GuidePage,
    ProjectFunding,
    ProjectIndexPage,
    ProjectPage,
    Topic,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)


def default_locale():
    return Locale.get_default()


class AreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Oblast {n}")
    slug = factory.Sequence(lambda n: f"oblast-{n}")
    description = "Co se osvědčilo jinde a jak to zavést u nás."
    pictogram = "transport"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Area
        django_get_or_create = ("slug", "locale")


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Téma {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")
    area = factory.SubFactory(AreaFactory)
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Topic
        django_get_or_create = ("slug", "locale")


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pracovní skupiny"
    slug = factory.Sequence(lambda n: f"skupiny-{n}")

    class Meta:
        model = WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pracovní skupina {n}")
    slug = factory.Sequence(lambda n: f"skupina-{n}")
    area = factory.SubFactory(AreaFactory)
    mission = "<p>Sbíráme osvědčené projekty a připravujeme doporučení pro města.</p>"

    class Meta:
        model = WorkingGroupPage


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Katalog projektů"
    slug = factory.Sequence(lambda n: f"katalog-{n}")

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    """A completed Czech project; `topics=[...]` and `funding={source: share}` as keywords."""

    title = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    summary = "Město zavedlo chytré řešení a změřilo jeho výsledky."
    city = "Kolín"
    country = "CZ"
    region = "CZ020"
    population = 33_000
    area = factory.SubFactory(AreaFactory)
    status = ProjectStatus.COMPLETED
    start_year = 2019
    end_year = 2021
    budget_amount = Decimal("12000000")
    budget_currency = "CZK"
    exchange_rate = Decimal("1")
    is_sample = True

    class Meta:
        model = ProjectPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save_revision().publish()

    @factory.post_generation
    def funding(obj, create, extracted, **kwargs):
        for order, (source, share) in enumerate((extracted or {}).items()):
            ProjectFunding.objects.create(
                page=obj, source=source, share=Decimal(share), sort_order=order
            )


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Návody"
    slug = factory.Sequence(lambda n: f"navody-{n}")

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Návod {n}")
    slug = factory.Sequence(lambda n: f"navod-{n}")
    summary = "Jak město krok za krokem zavede osvědčené řešení."
    area = factory.SubFactory(AreaFactory)
    reference_population = 50_000
    steps = factory.LazyFunction(
        lambda: [("step", {"title": "Analýza potřeb", "text": "<p>Zmapujte výchozí stav.</p>"})]
    )
    last_reviewed = datetime.date(2026, 10, 1)
    is_sample = True

    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save_revision().publish()


FUNDING_OWN_AND_EU = {FundingSource.OWN_BUDGET: 30, FundingSource.EU_OPERATIONAL: 70}
