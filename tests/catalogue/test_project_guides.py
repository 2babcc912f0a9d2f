"""A project page links back to the implementation guides that list it among their related
projects: computed from the guides' side, in the page's language, live guides only."""

import pytest

from catalogue.models import GuidePage, ProjectPage, Topic
from tests.conftest import page_by_slug
from tests.factories.catalogue import GuidePageFactory, ProjectPageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db

HEADING = {"cs": "Související implementační návody", "en": "Related implementation guides"}


def guide_links(html):
    """[(title, address)] of the guides the project page links back to; None without the section."""
    section = html.select_one('[data-testid="guides"]')
    if section is None:
        return None
    return [(a.get_text(strip=True), a["href"]) for a in section.select("a")]


@pytest.mark.parametrize(
    ("project", "guide", "title"),
    [
        (
            "/cs/katalog/pisek-senzory-parkovani/",
            "/cs/navody/chytre-parkovani/",
            "Chytré parkování: senzory obsazenosti a navigace k volným místům",
        ),
        (
            "/en/catalogue/pisek-parking-sensors/",
            "/en/guides/smart-parking/",
            "Smart parking: occupancy sensors and guidance to free spaces",
        ),
    ],
)
def test_the_pisek_parking_project_and_the_smart_parking_guide_link_each_other(
    client, site, project, guide, title
):
    html = get_html(client, project)
    assert html.select_one("#project-guides").get_text(strip=True) == HEADING[project[1:3]]
    assert guide_links(html) == [(title, guide)]
    guide_html = get_html(client, guide)
    assert project in [a["href"] for a in guide_html.select(".project-list__title a")]


def test_a_project_listed_by_a_guide_links_back_in_its_language_one_listed_by_none_does_not(
    client, guide, guide_projects
):
    czech_guide = [("Chytré parkování", guide["cs"].url)]
    assert guide_links(get_html(client, guide_projects["same topic"].url)) == czech_guide
    # The guide fills its list with projects of its area that share no topic: they link too.
    assert guide_links(get_html(client, guide_projects["same area"].url)) == czech_guide
    english = get_html(client, guide_projects["english"].url)
    assert guide_links(english) == [("Smart parking", guide["en"].url)]

    other_area = get_html(client, guide_projects["other area"].url)
    assert guide_links(other_area) is None
    assert HEADING["cs"] not in other_area.get_text()


def test_a_draft_guide_is_not_linked_nor_an_unpublished_translation(
    client, guide, guide_projects, guide_index, parking
):
    area, topic = parking
    draft = GuidePageFactory(
        parent=guide_index["cs"], title="Koncept návodu", area=area, live=False
    )
    # The factory publishes pages given topics; the draft gets its topic without publishing.
    draft.topics.set([topic])
    draft.save()
    czech = get_html(client, guide_projects["same topic"].url)
    assert guide_links(czech) == [("Chytré parkování", guide["cs"].url)]

    guide["en"].unpublish()
    assert guide_links(get_html(client, guide_projects["english"].url)) is None


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_project_pages_link_back_exactly_the_guides_whose_pages_list_them(
    client, site, areas, translate, lang
):
    # More parking projects than a guide lists, three with the same title where its list ends:
    # some loaded transport projects drop out of the smart-parking guide's list, and its order
    # decides which of the three makes it.
    transport = areas["transport"][0]
    parking = Topic.objects.get(slug="parking", locale=transport.locale)
    for number, (czech, english) in enumerate(
        [
            ("Parkovací dům", "Car park"),
            ("Parkovací dům", "Car park"),
            ("Parkovací dům", "Car park"),
            ("Parkování P+R", "Park and ride"),
            ("Parkovací zóny", "Parking zones"),
        ]
    ):
        project = ProjectPageFactory(
            parent=page_by_slug("katalog", "cs"), title=czech, area=transport, topics=[parking]
        )
        translate(project, title=english, slug=f"parking-{number}")

    def live(model):
        return model.objects.live().filter(locale__language_code=lang)

    listed_by_guides = {
        (guide.url, a["href"])
        for guide in live(GuidePage)
        for a in get_html(client, guide.url).select(".project-list__title a")
    }
    linked_from_projects = {
        (href, project.url)
        for project in live(ProjectPage)
        for _title, href in guide_links(get_html(client, project.url)) or []
    }
    assert linked_from_projects == listed_by_guides
    parking_guide = {"cs": "/cs/navody/chytre-parkovani/", "en": "/en/guides/smart-parking/"}[lang]
    listed = {project for guide, project in listed_by_guides if guide == parking_guide}
    transport_projects = live(ProjectPage).filter(area=transport).count()
    assert 0 < len(listed) < transport_projects
