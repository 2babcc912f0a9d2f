"""The benchmark's data set: ten years of releases and thousands of projects, in both languages.

`load_site` (with the demo catalogue) gives one page of each kind in Czech with its English
translation. Those pairs are the templates: each new page copies a template's fields, gets a
title, place, area, topics, status, dates and budget of its own, and exists in both languages
under one translation key, as wagtail-localize's translations do. The pages are written in
bulk — treebeard paths computed here, one INSERT per table per batch — because saving 24,000
pages one by one through Wagtail takes hours; the search index is then filled in bulk too.
"""

import copy
import datetime
import io
import itertools
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from catalogue.choices import BUDGET_BANDS, CITY_SIZE_BANDS, ProjectStatus
from catalogue.models import (
    GuideIndexPage,
    GuidePage,
    ProjectFunding,
    ProjectIndexPage,
    ProjectPage,
    Topic,
)
from catalogue.models.projects import convert_to_czk
from core.collation import sort_string
from partners.models import PartnerIndexPage, PartnerPage, StartupPage
from partners.profiles.choices import SponsorshipTier, StartupStage
from press.models import (
    PressIndexPage,
    PressReleaseBoilerplate,
    PressReleaseContact,
    PressReleasePage,
)


@dataclass(frozen=True)
class Scale:
    name: str
    releases: int
    projects: int
    guides: int
    partners: int
    startups: int
    images: int


SCALES = {
    "full": Scale("full", releases=10_000, projects=2_000, guides=100, partners=200, startups=100,
                  images=40),
    "small": Scale("small", releases=100, projects=20, guides=1, partners=2, startups=1, images=8),
    # For the builder's own test: a few of each beyond the sample site's own.
    "tiny": Scale("tiny", releases=6, projects=60, guides=6, partners=6, startups=5, images=3),
}  # fmt: skip

# Rows per INSERT: SQLite allows 32,766 parameters in one statement.
BATCH = 400

# Czech towns of every size band and every region, and EU cities (no region).
CZECH_TOWNS = [
    ("Praha", "CZ010", 1_384_000),
    ("Kladno", "CZ020", 69_000),
    ("Říčany", "CZ020", 17_000),
    ("České Budějovice", "CZ031", 97_000),
    ("Písek", "CZ031", 31_000),
    ("Plzeň", "CZ032", 185_000),
    ("Karlovy Vary", "CZ041", 46_000),
    ("Ústí nad Labem", "CZ042", 91_000),
    ("Liberec", "CZ051", 108_000),
    ("Hradec Králové", "CZ052", 93_000),
    ("Pardubice", "CZ053", 92_000),
    ("Jihlava", "CZ063", 54_000),
    ("Telč", "CZ063", 5_100),
    ("Brno", "CZ064", 398_000),
    ("Mikulov", "CZ064", 7_400),
    ("Olomouc", "CZ071", 103_000),
    ("Zlín", "CZ072", 74_000),
    ("Uherské Hradiště", "CZ072", 25_000),
    ("Ostrava", "CZ080", 284_000),
    ("Štramberk", "CZ080", 3_400),
    ("Kolín", "CZ020", 33_000),
    ("Cheb", "CZ041", 32_000),
]
EU_CITIES = [
    ("Wien", "AT", 2_006_000),
    ("Bratislava", "SK", 476_000),
    ("Amsterdam", "NL", 931_000),
    ("Vilnius", "LT", 607_000),
    ("Tartu", "EE", 97_000),
    ("Ljubljana", "SI", 295_000),
    ("Gent", "BE", 269_000),
    ("Oulu", "FI", 214_000),
]

# The titles of releases, by language: "{town}" and "{topic}" are filled in.
RELEASE_TITLES = {
    "cs": [
        "Město {town} spouští projekt „{topic}“",
        "Město {town} zveřejnilo výsledky projektu „{topic}“",
        "Lepší města představují nový návod: {topic}",
        "Pracovní skupina doporučuje městům postup pro oblast „{topic}“",
        "Město {town} se připojuje k iniciativě Lepší města",
    ],
    "en": [
        "{town} launches a project: {topic}",
        "{town} publishes the results of its project: {topic}",
        "Lepší města presents a new guide: {topic}",
        "The working group recommends an approach to cities: {topic}",
        "{town} joins the Lepší města initiative",
    ],
}
RELEASE_LEADS = {
    "cs": "Město {town} a Svaz měst a obcí ČR informují o novinkách v oblasti „{topic}“. ",
    "en": "The town of {town} and the Union of Towns and Municipalities report on {topic}. ",
}
PROJECT_TITLES = {"cs": "{topic}: {town} ({year})", "en": "{topic}: {town} ({year})"}
GUIDE_TITLES = {"cs": "{topic} – návod {number}", "en": "{topic}: guide {number}"}
COMPANY_WORDS = (
    ["Městská", "Chytrá", "Moravská", "Česká", "Nová", "Zelená", "Datová", "Krajská"],
    ["data", "energie", "doprava", "síť", "světla", "mobilita", "správa", "čistota"],
    ["s.r.o.", "a.s.", "z.ú.", "s.r.o."],
)
IMAGE_CAPTIONS = {"cs": "Ilustrační snímek projektu", "en": "The project, illustrated"}


def place(number):
    """(town, country, region, population) of the `number`th project: every fourth abroad, the
    Czech towns in turn, so that every region and size band comes round within 30 projects."""
    if number % 4 == 3:
        town, country, population = EU_CITIES[number // 4 % len(EU_CITIES)]
        return town, country, "", population
    town, region, population = CZECH_TOWNS[(number - (number + 1) // 4) % len(CZECH_TOWNS)]
    return town, "CZ", region, population


def count_pages(scale):
    """What the data set holds once built, by page model."""
    return {
        PressReleasePage: scale.releases,
        ProjectPage: scale.projects,
        GuidePage: scale.guides,
        PartnerPage: scale.partners,
        StartupPage: scale.startups,
    }


def is_built(scale):
    """Whether this database already holds the data set of `scale` (in both languages)."""
    return all(
        model.objects.filter(locale__language_code="cs").count() >= count
        for model, count in count_pages(scale).items()
    )


class TreePaths:
    """The next free treebeard paths under each parent, handed out without a query per page."""

    def __init__(self):
        self.next_step = {}

    def child_path(self, parent):
        if parent.pk not in self.next_step:
            last = parent.get_last_child()
            self.next_step[parent.pk] = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] += 1
        return parent.path + Page._int2str(step).rjust(Page.steplen, "0")


def column_values(obj, fields):
    return [field.get_db_prep_save(field.pre_save(obj, add=True), connection) for field in fields]


def insert_rows(model, objs):
    """INSERT the table `model` owns (its local columns) for pages whose pk is already set."""
    fields = list(model._meta.local_concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        for start in range(0, len(objs), BATCH):
            batch = objs[start : start + BATCH]
            cursor.executemany(sql, [column_values(obj, fields) for obj in batch])


def bulk_insert_pages(pages):
    """Write specific pages (all of one model, paths set) to every table of their model chain."""
    model = type(pages[0])
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    base_rows = [Page(**{f.attname: getattr(p, f.attname) for f in page_fields}) for p in pages]
    Page.objects.bulk_create(base_rows, batch_size=BATCH)
    for page, row in zip(pages, base_rows, strict=True):
        page.pk = page.id = row.pk
        page.page_ptr_id = row.pk
    chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page] + [model]
    for table_model in chain:
        insert_rows(table_model, pages)


class Builder:
    """Adds the scale's pages, in both languages, to a database that `load_site` filled."""

    def __init__(self, scale, stdout=None, seed=2016):
        self.scale = scale
        self.stdout = stdout
        self.random = random.Random(seed)
        self.paths = TreePaths()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.now = timezone.now()
        self.topics = list(Topic.objects.in_source_language().select_related("area").order_by("pk"))
        self.topic_names = {
            (topic.translation_key, topic.locale.language_code): topic.name
            for topic in Topic.objects.select_related("locale")
        }
        self.images = []

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message + "\n")

    def build(self):
        # One transaction: a build cut short leaves nothing that `is_built` would take for done.
        with transaction.atomic():
            self.images = self.make_images(self.scale.images)
            created = [
                *self.add_releases(),
                *self.add_projects(),
                *self.add_guides(),
                *self.add_organisations(PartnerPage, self.scale.partners),
                *self.add_organisations(StartupPage, self.scale.startups),
            ]
            self.fix_numchild()
            self.index(created)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    # --- the pieces every page type shares ---

    def template_pairs(self, model):
        """[{language: page}] of the loaded pages of `model`, each with its translation."""
        pairs = {}
        for page in model.objects.select_related("locale").order_by("pk"):
            pairs.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return [pair for pair in pairs.values() if set(pair) == set(self.locales)]

    def index_pages(self, model):
        return {page.locale.language_code: page for page in model.objects.select_related("locale")}

    def topic_name(self, topic, language):
        return self.topic_names.get((topic.translation_key, language), topic.name)

    def new_page(self, template, parent, title, slug, translation_key, published_at):
        """A copy of `template` as a new live page under `parent` (not saved)."""
        page = copy.copy(template)
        page._state = copy.copy(template._state)
        page._state.adding = True
        for link in template._meta.parents.values():
            setattr(page, link.attname, None)
        page.pk = page.id = None
        page.title = page.draft_title = title
        page.slug = slug
        page.path = self.paths.child_path(parent)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{slug}/"
        page.translation_key = translation_key
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published_at
        page.latest_revision_created_at = published_at
        page.latest_revision_id = None
        page.live_revision_id = None
        page.locked = False
        page.locked_at = None
        page.locked_by_id = None
        page.owner_id = None
        page.alias_of_id = None
        page.search_description = ""
        page.seo_title = ""
        return page

    def make_images(self, count):
        """Photographs stand-ins: gradients of the areas' colours, 1600 × 1000 px JPEGs."""
        model = get_image_model()
        images = []
        for number in range(count):
            hue = number * 47 % 360
            picture = PillowImage.new("RGB", (1600, 1000), f"hsl({hue}, 45%, 45%)")
            draw = ImageDraw.Draw(picture)
            for x in range(0, 1600, 40):
                draw.rectangle(
                    [x, 0, x + 39, 1000], fill=f"hsl({(hue + x // 40) % 360}, 50%, {35 + x % 30}%)"
                )
            draw.ellipse([500, 200, 1100, 800], fill=f"hsl({(hue + 180) % 360}, 60%, 60%)")
            buffer = io.BytesIO()
            picture.save(buffer, "JPEG", quality=82)
            images.append(
                model.objects.create(
                    title=f"Benchmark {number + 1}",
                    file=ImageFile(buffer, name=f"bench-{number + 1}.jpg"),
                )
            )
        self.log(f"  {count} images")
        return images

    def fix_numchild(self):
        """The parents' child counts, as treebeard keeps them."""
        for parent_pk in self.paths.next_step:
            parent = Page.objects.get(pk=parent_pk)
            Page.objects.filter(pk=parent_pk).update(
                numchild=Page.objects.filter(
                    path__startswith=parent.path, depth=parent.depth + 1
                ).count()
            )

    def index(self, pages):
        """Fill the search index, as `update_index` does, in chunks of one model."""
        backend = get_search_backend()
        by_model = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page.pk)
        for model, pks in by_model.items():
            for start in range(0, len(pks), BATCH):
                chunk = model.objects.filter(pk__in=pks[start : start + BATCH]).select_related(
                    "locale"
                )
                backend.add_bulk(model, list(chunk))
            self.log(f"  indexed {len(pks)} {model.__name__}")

    def missing(self, model, target):
        return max(0, target - model.objects.filter(locale__language_code="cs").count())

    # --- the page types ---

    def add_releases(self):
        count = self.missing(PressReleasePage, self.scale.releases)
        templates = self.template_pairs(PressReleasePage)
        parents = self.index_pages(PressIndexPage)
        items = {
            page.pk: (
                list(PressReleaseBoilerplate.objects.filter(page=page)),
                list(PressReleaseContact.objects.filter(page=page)),
            )
            for pair in templates
            for page in pair.values()
        }
        first_day = datetime.date(2016, 8, 3)
        days = (datetime.date(2026, 11, 30) - first_day).days
        pages, boilerplates, contacts = [], [], []
        for number in range(count):
            pair = templates[number % len(templates)]
            topic = self.topics[number % len(self.topics)]
            town = CZECH_TOWNS[number % len(CZECH_TOWNS)][0]
            release_date = first_day + datetime.timedelta(days=days * number // max(count, 1))
            published = timezone.make_aware(
                datetime.datetime.combine(release_date, datetime.time(10))
            )
            key = uuid.uuid4()
            for language, template in pair.items():
                words = {"town": town, "topic": self.topic_name(topic, language)}
                titles = RELEASE_TITLES[language]
                title = titles[number % len(titles)].format(**words)
                page = self.new_page(
                    template,
                    parents[language],
                    title,
                    f"bench-{release_date:%Y-%m-%d}-{number}",
                    key,
                    published,
                )
                page.release_date = release_date
                page.lead = RELEASE_LEADS[language].format(**words) + template.lead
                page.social_image_id = self.image_id(number) if number % 3 == 0 else None
                pages.append(page)
                template_boilerplates, template_contacts = items[template.pk]
                boilerplates += [(page, item) for item in template_boilerplates]
                contacts += [(page, item) for item in template_contacts]
        self.insert(PressReleasePage, pages)
        PressReleaseBoilerplate.objects.bulk_create(
            [
                PressReleaseBoilerplate(
                    page_id=page.pk, boilerplate_id=item.boilerplate_id, sort_order=item.sort_order
                )
                for page, item in boilerplates
            ],
            batch_size=BATCH,
        )
        PressReleaseContact.objects.bulk_create(
            [
                PressReleaseContact(
                    page_id=page.pk, contact_id=item.contact_id, sort_order=item.sort_order
                )
                for page, item in contacts
            ],
            batch_size=BATCH,
        )
        return pages

    def image_id(self, number):
        return self.images[number % len(self.images)].pk if self.images else None

    def image_stream(self, number, language):
        if not self.images:
            return []
        return [
            {
                "type": "image",
                "id": str(uuid.uuid4()),
                "value": {
                    "image": {
                        "image": self.image_id(number),
                        "alt_text": IMAGE_CAPTIONS[language],
                        "decorative": False,
                    },
                    "caption": IMAGE_CAPTIONS[language],
                    "credit": "Lepší města",
                },
            }
        ]

    def add_projects(self):
        count = self.missing(ProjectPage, self.scale.projects)
        templates = self.template_pairs(ProjectPage)
        by_area = {}
        for pair in templates:
            by_area.setdefault(pair["cs"].area_id, []).append(pair)
        parents = self.index_pages(ProjectIndexPage)
        funding = {
            pair["cs"].pk: list(ProjectFunding.objects.filter(page=pair["cs"]))
            for pair in templates
        }
        statuses = list(ProjectStatus.values)
        # One budget inside each band.
        budgets = [band.low * 3 // 2 if band.low else 400_000 for band in BUDGET_BANDS]
        pages, topic_links, funding_rows = [], [], []
        for number in range(count):
            topic = self.topics[number % len(self.topics)]
            choices = by_area.get(topic.area_id) or templates
            pair = choices[number // len(self.topics) % len(choices)]
            town, country, region, population = place(number)
            start_year = 2012 + number % 14
            status = statuses[number % len(statuses)]
            budget = Decimal(budgets[number % len(budgets)] + number % 7 * 10_000)
            key = uuid.uuid4()
            second_topic = self.topics[(number + 1) % len(self.topics)]
            for language, template in pair.items():
                words = {
                    "town": town,
                    "topic": self.topic_name(topic, language),
                    "year": start_year,
                }
                page = self.new_page(
                    template,
                    parents[language],
                    PROJECT_TITLES[language].format(**words),
                    f"bench-project-{number}",
                    key,
                    self.now - datetime.timedelta(hours=number),
                )
                page.city, page.country, page.region = town, country, region
                page.population = population
                page.area_id = topic.area_id
                page.status = status
                page.start_year = start_year
                page.end_year = (
                    None
                    if status in (ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS)
                    else start_year + 1 + number % 3
                )
                page.budget_amount, page.budget_currency, page.exchange_rate = budget, "CZK", 1
                page.exchange_rate_date = None
                page.budget_czk = convert_to_czk(budget, 1)
                # What ProjectPage.save() would store: the catalogue sorts titles by it.
                page.title_sort_key = sort_string(page.title, language == "cs")
                page.is_sample = False
                page.images = self.image_stream(number, language)
                page.social_image_id = self.image_id(number)
                pages.append(page)
                topic_ids = {topic.pk}
                if second_topic.area_id == topic.area_id:
                    topic_ids.add(second_topic.pk)
                topic_links += [(page, topic_id) for topic_id in topic_ids]
                funding_rows += [(page, row) for row in funding[pair["cs"].pk]]
        self.insert(ProjectPage, pages)
        self.link(ProjectPage.topics.through, "projectpage_id", "topic_id", topic_links)
        ProjectFunding.objects.bulk_create(
            [
                ProjectFunding(
                    page_id=page.pk, source=row.source, share=row.share, sort_order=row.sort_order
                )
                for page, row in funding_rows
            ],
            batch_size=BATCH,
        )
        return pages

    def add_guides(self):
        count = self.missing(GuidePage, self.scale.guides)
        templates = self.template_pairs(GuidePage)
        parents = self.index_pages(GuideIndexPage)
        bands = [band.low or 3_000 for band in CITY_SIZE_BANDS]
        pages, topic_links = [], []
        for number in range(count):
            pair = templates[number % len(templates)]
            topic = self.topics[number % len(self.topics)]
            key = uuid.uuid4()
            for language, template in pair.items():
                words = {"topic": self.topic_name(topic, language), "number": number + 1}
                page = self.new_page(
                    template,
                    parents[language],
                    GUIDE_TITLES[language].format(**words),
                    f"bench-guide-{number}",
                    key,
                    self.now - datetime.timedelta(days=number),
                )
                page.area_id = topic.area_id
                page.reference_population = bands[number % len(bands)] * 2
                page.is_sample = False
                pages.append(page)
                topic_links.append((page, topic.pk))
        self.insert(GuidePage, pages)
        self.link(GuidePage.topics.through, "guidepage_id", "topic_id", topic_links)
        return pages

    def add_organisations(self, model, target):
        count = self.missing(model, target)
        templates = self.template_pairs(model)
        parents = self.index_pages(PartnerIndexPage)
        areas = sorted({topic.area_id for topic in self.topics})
        names = list(itertools.product(*COMPANY_WORDS))
        self.random.shuffle(names)
        tiers, stages = list(SponsorshipTier.values), list(StartupStage.values)
        pages, area_links, topic_links = [], [], []
        for number in range(count):
            pair = templates[number % len(templates)]
            first, second, form = names[number % len(names)]
            title = f"{first} {second} {number // len(names) + 1} {form}"
            key = uuid.uuid4()
            topic = self.topics[number % len(self.topics)]
            for language, template in pair.items():
                page = self.new_page(
                    template,
                    parents[language],
                    title,
                    f"bench-{model._meta.model_name}-{number}",
                    key,
                    self.now - datetime.timedelta(days=number % 400),
                )
                page.logo_id = self.image_id(number)
                page.is_sample = False
                if model is PartnerPage:
                    page.tier = tiers[number % len(tiers)]
                else:
                    page.stage = stages[number % len(stages)]
                    topic_links.append((page, topic.pk))
                pages.append(page)
                area_links += [(page, areas[number % len(areas)]), (page, topic.area_id)]
        self.insert(model, pages)
        through = model.areas.through
        self.link(through, f"{model._meta.model_name}_id", "area_id", set(area_links))
        if model is StartupPage:
            self.link(model.topics.through, "startuppage_id", "topic_id", topic_links)
        return pages

    def insert(self, model, pages):
        if pages:
            bulk_insert_pages(pages)
        self.log(f"  {len(pages)} {model.__name__} (both languages)")

    @staticmethod
    def link(through, page_column, other_column, links):
        through.objects.bulk_create(
            [through(**{page_column: page.pk, other_column: other}) for page, other in links],
            batch_size=BATCH,
        )
