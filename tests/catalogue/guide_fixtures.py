"""A guide with every section filled in, in Czech and (through wagtail-localize) in English (a
plugin of tests/conftest.py, so that the browser tests have it too)."""

import datetime

import pytest

from catalogue.models import GuidePage
from tests.catalogue.fixtures import blocks_keeping_ids, emptied_index
from tests.factories.catalogue import (
    AreaFactory,
    GuidePageFactory,
    ProjectPageFactory,
    TopicFactory,
)

CS_GUIDE = {
    "title": "Chytré parkování",
    "summary": "Jak zavést parkovací senzory a placení v aplikaci.",
    "steps": [
        ("step", {"title": "Analýza obsazenosti", "text": "<p>Změřte obsazenost ulic.</p>"}),
        ("step", {"title": "Výběr dodavatele", "text": "<p>Vypište otevřené řízení.</p>"}),
    ],
    "budget_lines": [
        (
            "line",
            {
                "item": "Senzory",
                "min_czk": 1_000_000,
                "max_czk": 2_000_000,
                "scaling": "per_inhabitant",
            },
        ),
        (
            "line",
            {
                "item": "Projektové řízení",
                "min_czk": 300_000,
                "max_czk": 500_000,
                "scaling": "fixed",
            },
        ),
    ],
    "tender_subject": "<p>Dodávka a instalace <b>parkovacích senzorů</b>.</p>",
    "technical_requirements": "<ul><li>Výdrž baterie 5 let</li><li>Otevřené API</li></ul>",
    "qualification_criteria": "<ol><li>Tři reference</li><li>ISO 9001</li></ol>",
    "evaluation_criteria": [
        ("criterion", {"name": "Cena", "weight": 60, "description": "Nabídková cena bez DPH"}),
        ("criterion", {"name": "Kvalita", "weight": 40, "description": "Přesnost detekce"}),
    ],
    "timeline": [("phase", {"phase": "Pilotní provoz", "weeks": 12})],
    "contract_type": "supply",
    "legal_notes": '<p>Podle <a href="https://www.zakonyprolidi.cz/cs/2016-134">zákona '
    "č. 134/2016 Sb.</a>, o zadávání veřejných zakázek.</p>",
    "risks": [("risk", {"risk": "Vandalismus", "mitigation": "Senzory zapuštěné do vozovky."})],
    "change_log": [
        ("change", {"date": datetime.date(2026, 10, 1), "version": "1.0", "note": "První vydání."})
    ],
    "min_population": 20_000,
    "max_population": 100_000,
    "reference_population": 50_000,
    "version": "1.0",
}

EN_TEXT = {
    "title": "Smart parking",
    "slug": "smart-parking",
    "summary": "How to introduce parking sensors and payment by app.",
    "tender_subject": "<p>Supply and installation of <b>parking sensors</b>.</p>",
    "technical_requirements": "<ul><li>Battery life of 5 years</li><li>Open API</li></ul>",
    "qualification_criteria": "<ol><li>Three references</li><li>ISO 9001</li></ol>",
    "legal_notes": '<p>Under <a href="https://www.zakonyprolidi.cz/cs/2016-134">Act No. '
    "134/2016 Coll.</a>, on Public Procurement.</p>",
}
EN_BLOCKS = {
    "steps": [
        {"title": "Occupancy analysis", "text": "<p>Measure how full the streets are.</p>"},
        {"title": "Choosing a supplier", "text": "<p>Run an open procedure.</p>"},
    ],
    "budget_lines": [
        {
            "item": "Sensors",
            "min_czk": 1_000_000,
            "max_czk": 2_000_000,
            "scaling": "per_inhabitant",
        },
        {"item": "Project management", "min_czk": 300_000, "max_czk": 500_000, "scaling": "fixed"},
    ],
    "evaluation_criteria": [
        {"name": "Price", "weight": 60, "description": "Tender price excluding VAT"},
        {"name": "Quality", "weight": 40, "description": "Detection accuracy"},
    ],
    "timeline": [{"phase": "Pilot operation", "weeks": 12}],
    "risks": [{"risk": "Vandalism", "mitigation": "Sensors set into the road surface."}],
    "change_log": [{"date": "2026-10-01", "version": "1.0", "note": "First edition."}],
}


def with_english(snippet, locales, translate, **english):
    if snippet.get_translation_or_none(locales["en"]) is None:
        translate(snippet, **english)
    return snippet


@pytest.fixture
def parking(site, locales, translate):
    """The transport area and its parking topic in both languages (the Czech ones returned)."""
    area = with_english(
        AreaFactory(slug="transport", name="Doprava"), locales, translate, name="Transport"
    )
    topic = TopicFactory(slug="parking", area=area, name="Parkování")
    return area, with_english(topic, locales, translate, name="Parking")


@pytest.fixture
def guide_index(site):
    """The loaded guide index, emptied of the sample guides."""
    cs = emptied_index("navody")
    return {"cs": cs, "en": cs.get_translation(site["en"].locale)}


@pytest.fixture
def guide_catalogue(site):
    """The loaded catalogue, emptied of the sample projects."""
    cs = emptied_index("katalog")
    return {"cs": cs, "en": cs.get_translation(site["en"].locale)}


@pytest.fixture
def guide(guide_index, parking, translate):
    """{"cs": the Czech guide, "en": its English translation}, both live."""
    area, topic = parking
    cs = GuidePageFactory(
        parent=guide_index["cs"], area=area, topics=[topic], slug="parkovani", **CS_GUIDE
    )
    cs = GuidePage.objects.get(pk=cs.pk)
    english = dict(EN_TEXT)
    for name, values in EN_BLOCKS.items():
        english[name] = blocks_keeping_ids(getattr(cs, name), values)
    return {"cs": cs, "en": translate(cs, **english)}


@pytest.fixture
def guide_projects(guide, guide_catalogue, parking, locales, translate):
    """Projects around the parking guide: what should be listed and what should not."""
    area, topic = parking
    other_topic = with_english(
        type(topic).objects.get_or_create(
            slug="traffic-flow", locale=area.locale, defaults={"name": "Plynulost", "area": area}
        )[0],
        locales,
        translate,
        name="Traffic flow",
    )
    energy = AreaFactory(slug="energy", name="Energetika")
    parent = guide_catalogue["cs"]
    made = {
        "same topic": ProjectPageFactory(
            parent=parent, title="Parkování Kolín", area=area, topics=[topic]
        ),
        "same area": ProjectPageFactory(
            parent=parent, title="Arteriál Brno", area=area, topics=[other_topic]
        ),
        "other area": ProjectPageFactory(parent=parent, title="Úspory Zlín", area=energy),
        "draft": ProjectPageFactory(parent=parent, title="Koncept Ostrava", area=area, live=False),
    }
    # The factory publishes pages given topics; a draft gets its topic without publishing.
    made["draft"].topics.set([topic])
    made["draft"].save()
    made["english"] = translate(made["same topic"], title="Parking in Kolín", slug="parking-kolin")
    return made
