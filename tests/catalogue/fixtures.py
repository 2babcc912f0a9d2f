"""A small catalogue in both languages: the index pages, the transport working group, a project
with every part filled in, and a guide (a plugin of tests/conftest.py, so the browser tests
have it too)."""

import datetime
from decimal import Decimal

import pytest
import wagtail_factories
from django.core.files.base import ContentFile

from catalogue.choices import FundingSource, MemberRole, ProjectStatus, Sector
from tests.conftest import page_by_slug
from tests.factories.catalogue import (
    GuidePageFactory,
    ProjectPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
)

MEMBERS = [
    ("member", {"name": "Ing. Petr Novák", "organisation": "Statutární město Kolín",
                "sector": Sector.PUBLIC, "role": MemberRole.STRATEGIST}),
    ("member", {"name": "Mgr. Eva Malá", "organisation": "ČVUT v Praze",
                "sector": Sector.ACADEMIC, "role": MemberRole.DEVELOPER}),
]  # fmt: skip


RESULTS = [
    ("result", {"indicator": "Doba hledání místa", "before": Decimal("12.5"),
                "after": Decimal("8"), "unit": "min"}),
    ("result", {"indicator": "Obsazená místa za den", "before": None, "after": Decimal("1200"),
                "unit": ""}),
]  # fmt: skip


def blocks_keeping_ids(stream, values):
    """`values` as the raw blocks of `stream`, keeping its block ids (which translations key on)."""
    return [
        {"type": block["type"], "id": block["id"], "value": value}
        for block, value in zip(stream.raw_data, values, strict=True)
    ]


def same_blocks(page, field, *changes):
    """`page`'s stream `field` as stored, each block's value updated with its `changes` (the
    English text)."""
    page.refresh_from_db()
    stream = getattr(page, field)
    return blocks_keeping_ids(
        stream,
        [
            dict(block["value"], **change)
            for block, change in zip(stream.raw_data, changes, strict=True)
        ],
    )


def emptied_index(slug):
    """The loaded index page `slug` with the loaded pages under it (both languages) deleted,
    so that a test knows every page it lists."""
    index = page_by_slug(slug, "cs")
    for translation in index.get_translations(inclusive=True):
        for child in translation.get_children():
            child.delete()
    return index


@pytest.fixture
def document(settings):
    return wagtail_factories.DocumentFactory(
        title="Zpráva o parkování", file=ContentFile(b"x" * 2048, name="zprava.pdf")
    )


@pytest.fixture
def catalogue(site, areas, translate, document):
    """{"cs": {...}, "en": {...}} with the pages of each language, by role."""
    transport = areas["transport"][0]
    parking = TopicFactory(slug="parking", name="Parkování", area=transport)
    translate(parking, name="Parking")

    groups, projects, guides = (
        emptied_index(slug) for slug in ("pracovni-skupiny", "katalog", "navody")
    )
    group = WorkingGroupPageFactory(
        parent=groups,
        title="Pracovní skupina Doprava",
        slug="doprava",
        area=transport,
        mission="<p>Sbíráme osvědčené dopravní projekty.</p>",
        members=MEMBERS,
    )
    guide = GuidePageFactory(
        parent=guides, title="Chytré parkování krok za krokem", area=transport, topics=[parking]
    )
    about = page_by_slug("o-iniciative", "cs")
    draft = wagtail_factories.PageFactory(parent=site["cs"], title="Koncept", live=False)
    project = ProjectPageFactory(
        parent=projects,
        title="Chytré parkování v Kolíně",
        slug="chytre-parkovani",
        summary="Senzory ukazují volná místa.",
        area=transport,
        topics=[parking],
        funding={FundingSource.OWN_BUDGET: 30, FundingSource.EU_OPERATIONAL: 70},
        status=ProjectStatus.IN_OPERATION,
        budget_amount=Decimal("500000"),
        budget_currency="EUR",
        exchange_rate=Decimal("25.1234"),
        exchange_rate_date=datetime.date(2024, 3, 1),
        population=33_000,
        results=RESULTS,
        procedure_type="open",
        cpv_code="34970000-2",
        contract_value_czk=Decimal("11500000"),
        suppliers=[
            (
                "supplier",
                {
                    "name": "Parkovací systémy, a. s.",
                    "partner_page": about,
                    "url": "https://parking.example.cz",
                },
            ),
            ("supplier", {"name": "Koncept, s. r. o.", "partner_page": draft, "url": ""}),
        ],  # fmt: skip
        contact_name="Jana Dvořáková",
        contact_role="vedoucí odboru dopravy",
        contact_email="jana.dvorakova@kolin.example.cz",
        contact_phone="+420 321 748 111",
        documents=[("document", {"document": document, "label": "Závěrečná zpráva"})],
    )
    return {
        "cs": {"groups": groups, "group": group, "project": project, "guide": guide,
               "projects": projects},
        "en": {
            "groups": groups.get_translation(site["en"].locale),
            "projects": projects.get_translation(site["en"].locale),
            "guides": guides.get_translation(site["en"].locale),
            "group": translate(group, title="Transport working group", slug="transport",
                               mission="<p>We collect proven transport projects.</p>"),
            "guide": translate(guide, title="Smart parking step by step"),
            "project": translate(
                project, title="Smart parking in Kolín", slug="smart-parking",
                summary="Sensors show the free spaces.",
                results=same_blocks(project, "results",
                                    {"indicator": "Time spent looking for a space"},
                                    {"indicator": "Spaces taken a day"}),
                contact_role="head of the transport department",
                documents=same_blocks(project, "documents", {"label": "Final report"}),
            ),
        },
    }  # fmt: skip
