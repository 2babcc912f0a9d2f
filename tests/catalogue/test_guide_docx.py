"""The tender outline's Word download: opens with python-docx, in the guide's language."""

import re
from io import BytesIO

import docx
import pytest

from catalogue.docx import RichTextWriter
from catalogue.models import DOCX_CONTENT_TYPE, GuidePage
from tests.factories.catalogue import GuidePageFactory

pytestmark = pytest.mark.django_db


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, docx.Document(BytesIO(response.content))


def headings(document):
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def table_rows(table):
    return [[cell.text.replace("\xa0", " ") for cell in row.cells] for row in table.rows]


def all_text(document):
    """What an official reads: every paragraph and every table cell."""
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_czech_outline_is_a_czech_word_document_with_the_version_in_its_name(client, guide):
    response, document = download(client, guide["cs"].url + "zadavaci-dokumentace/")
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="zadavaci-dokumentace-parkovani-v1.0.docx"'
    )
    assert headings(document) == [
        "Předmět a rozsah plnění",
        "Technické požadavky",
        "Kvalifikační kritéria",
        "Hodnoticí kritéria",
        "Harmonogram",
        "Druh zakázky",
        "Právní poznámky",
        "Orientační rozpočet",
    ]
    paragraphs = [p.text.replace("\xa0", " ") for p in document.paragraphs]
    assert paragraphs[:3] == [
        "Rámcová osnova zadávací dokumentace",
        "Chytré parkování",
        "Verze 1.0, naposledy revidováno 1. října 2026",
    ]
    assert any("zákona č. 134/2016 Sb." in p for p in paragraphs)
    assert "Veřejná zakázka na dodávky" in paragraphs
    criteria, timeline, budget = document.tables
    assert table_rows(criteria) == [
        ["Kritérium", "Váha", "Jak se hodnotí"],
        ["Cena", "60 %", "Nabídková cena bez DPH"],
        ["Kvalita", "40 %", "Přesnost detekce"],
        ["Celkem", "100 %", ""],
    ]
    assert table_rows(timeline)[1:] == [["Pilotní provoz", "12"], ["Celkem", "12"]]
    assert table_rows(budget)[-1] == ["Celkem", "1 300 000 Kč", "2 500 000 Kč"]
    assert document.core_properties.language == "cs-CZ"
    assert document.core_properties.version == "1.0"


def test_the_english_outline_is_in_english_and_recomputed_for_the_visitors_town(client, guide):
    response, document = download(client, guide["en"].url + "tender-outline/?population=23000")
    assert response["Content-Disposition"] == (
        'attachment; filename="tender-outline-smart-parking-v1.0.docx"'
    )
    assert headings(document) == [
        "Subject and scope",
        "Technical requirements",
        "Qualification criteria",
        "Evaluation criteria",
        "Timeline",
        "Contract type",
        "Legal notes",
        "Indicative budget",
    ]
    paragraphs = [p.text.replace("\xa0", " ") for p in document.paragraphs]
    assert paragraphs[:3] == [
        "Tender documentation outline",
        "Smart parking",
        "Version 1.0, last reviewed 1 October 2026",
    ]
    assert (
        "Recomputed for a town of 23,000 inhabitants; the guide was written for 50,000."
        in paragraphs
    )
    assert "Per inhabitant: CZK 33 to CZK 62" in paragraphs
    criteria, _timeline, budget = document.tables
    assert table_rows(criteria)[1] == ["Price", "60%", "Tender price excluding VAT"]
    assert table_rows(budget) == [
        ["Item", "From", "To"],
        ["Sensors", "CZK 460,000", "CZK 920,000"],
        ["Project management", "CZK 300,000", "CZK 500,000"],
        ["Total", "CZK 760,000", "CZK 1,420,000"],
    ]
    assert document.core_properties.language == "en-GB"


def test_rich_text_becomes_bullets_numbers_bold_and_written_out_links(client, guide):
    _response, document = download(client, guide["en"].url + "tender-outline/")
    by_text = {p.text: p for p in document.paragraphs}
    assert by_text["Battery life of 5 years"].style.name == "List Bullet"
    assert by_text["Three references"].style.name == "List Number"
    bold = [
        run.text for run in by_text["Supply and installation of parking sensors."].runs if run.bold
    ]
    assert bold == ["parking sensors"]
    assert (
        "Under Act No. 134/2016 Coll. (https://www.zakonyprolidi.cz/cs/2016-134), "
        "on Public Procurement." in by_text
    )


def test_a_wrong_population_gives_the_reference_budget(client, guide):
    _response, document = download(client, guide["en"].url + "tender-outline/?population=abc")
    assert "For a town of 50,000 inhabitants, the size the guide was written for." in [
        p.text for p in document.paragraphs
    ]


def test_the_outline_address_is_in_the_pages_language_only(client, guide):
    assert client.get(guide["cs"].url + "tender-outline/").status_code == 404
    assert client.get(guide["en"].url + "zadavaci-dokumentace/").status_code == 404


def test_a_draft_guide_has_no_public_outline(client, guide_index, parking):
    area, _topic = parking
    draft = GuidePageFactory(parent=guide_index["cs"], area=area, live=False, slug="koncept")
    url = guide_index["cs"].url + draft.slug + "/zadavaci-dokumentace/"
    assert client.get(url).status_code == 404


def test_an_empty_outline_says_what_to_complete(client, guide_index, parking):
    area, _topic = parking
    bare = GuidePageFactory(parent=guide_index["cs"], area=area, slug="holy", version="2.0 beta")
    response, document = download(client, bare.url + "zadavaci-dokumentace/")
    assert response["Content-Disposition"].endswith(
        'filename="zadavaci-dokumentace-holy-v2.0-beta.docx"'
    )
    placeholder = "Návod to neurčuje; doplňte podle své zakázky."
    assert [p.text for p in document.paragraphs].count(placeholder) == 8


def test_each_numbered_list_counts_from_one_and_nested_lists_indent():
    document = docx.Document()
    writer = RichTextWriter(document, absolute_url=lambda href: "https://lepsimesta.cz" + href)
    writer.write(
        "<ol><li>první</li><li>druhý</li></ol><p>Mezi nimi.</p>"
        '<ol><li>znovu první<ul><li>odrážka</li></ul></li></ol><p><a href="/cs/">Web</a></p>'
    )
    paragraphs = {p.text: p for p in document.paragraphs}

    def numbering(text):
        return paragraphs[text]._p.pPr.numPr.numId.val

    assert numbering("první") == numbering("druhý")
    assert numbering("znovu první") != numbering("první")
    assert paragraphs["odrážka"].style.name == "List Bullet 2"
    assert "Web (https://lepsimesta.cz/cs/)" in paragraphs


# How each language writes what an official copies into a tender: the budget's range, the law's
# citation and a percentage (Czech "97 %" with a non-breaking space, English "97%").
OUTLINE_WORDING = {
    "cs": {
        "budget_header": ["Položka", "Od", "Do"],
        "law": "zákona č. 134/2016 Sb., o zadávání veřejných zakázek",
        "collection": "Sb.",
        "weight": re.compile(r"\d+\xa0%"),
        "wrong_percent": re.compile(r"\d%"),
    },
    "en": {
        "budget_header": ["Item", "From", "To"],
        "law": "Act No. 134/2016 Coll., on Public Procurement",
        "collection": "Coll.",
        "weight": re.compile(r"\d+%"),
        "wrong_percent": re.compile(r"\d[ \xa0]%"),
    },
}


@pytest.mark.parametrize("language", ["cs", "en"])
def test_every_sample_outline_uses_its_languages_words_citations_and_percentages(client, language):
    wording = OUTLINE_WORDING[language]
    guides = GuidePage.objects.live().filter(locale__language_code=language)
    assert guides.count() >= 4  # the sample guides that load_site brings
    for guide in guides:
        _response, document = download(client, guide.outline_download_url(request=None))
        text = all_text(document)
        where = f"{guide.title} ({language})"
        *_others, budget = document.tables
        assert [cell.text for cell in budget.rows[0].cells] == wording["budget_header"], where
        assert wording["law"] in text, where
        # Every act is cited from its own language's Collection of Laws ("Sb." / "Coll.").
        citations = re.findall(r"\b\d+/\d{4} (\S+?),? ", text)
        assert citations, where
        assert set(citations) == {wording["collection"]}, where
        criteria = document.tables[0]
        weights = [row.cells[1].text for row in criteria.rows[1:]]
        assert all(wording["weight"].fullmatch(weight) for weight in weights), (where, weights)
        assert not wording["wrong_percent"].findall(text), where
