"""A partner sees only its own, URL by URL (issue 17, rows 6 and 7; DESIGN.md, principle 3).

Partner A (partner1, Energie pro města) is logged in. Around it: partner B's profile in
moderation under a new title, edited by partner2 and by a moderator; a press release under
embargo; images and documents in B's collection and in SMO's. No listing, chooser, API or
confirmation may show partner1 a title, file name, user name or snippet that is not its own
(its own things must still be there, so that no test passes by showing nothing), and none may
change the database. The catalogue's areas and topics are public vocabulary and stay choosable.

Then the server side of the choosers: a profile edit, or an English override, with another
collection's image or document (or a link to another page) is refused with a form error in the
editor's language and nothing is saved; a moderator's edit with the same id is saved.
"""

import json

import pytest
from django.contrib.auth.models import User
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from taggit.models import Tag
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.users.models import UserProfile
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

from catalogue.models import Area
from press.models import Boilerplate, PressContact
from tests.conftest import page_by_slug
from tests.factories.press import PressReleasePageFactory
from tests.partners.conftest import PARTNER_A, PARTNER_B, profile_form, submit_for_moderation
from tests.partners.test_partner_permissions import refused

pytestmark = pytest.mark.django_db

# What partner1 must never read: B's profile (its live and its draft title), the embargoed
# release, B's and SMO's images and documents (titles and file names), the people of others'
# pages, press contacts and about boxes.
FOREIGN = [
    "Dopravní data",
    "Embargo do pondělí",
    "Obrázek B",
    "Obrázek SMO",
    "Dokument B",
    "Dokument SMO",
    "dokument-b",
    "dokument-smo",
    "partner2",
    "moderatorka",
    "Kristýna Bučková",
    "Štěpánka Filipová",
    "O Svazu měst",
]
OWN_PROFILE = "Energie pro města"


@pytest.fixture
def world(client, site, partner_a, partner_b, moderator, media):
    """Everything around partner A, and partner A's own edit of its profile (so that partner1 is
    among the people of its own page)."""
    other = submit_for_moderation(
        client, partner_b, page_by_slug(PARTNER_B, "cs"), title="Dopravní data (návrh)"
    )
    log(other, "wagtail.edit", user=moderator)
    press_index = Page.objects.get(slug="tiskove-zpravy", locale__language_code="cs")
    embargoed = PressReleasePageFactory(
        parent=press_index, title="Embargo do pondělí", live=False, owner=moderator
    )
    own = page_by_slug(PARTNER_A, "cs")
    own.save_revision(user=partner_a, log_action=True)
    return {
        "other": other,
        "embargoed": embargoed,
        "press index": press_index,
        "own": own,
        "own en": page_by_slug(PARTNER_A, "en"),
        "partner index": own.get_parent(),
        "media": media,
    }


def shown(response):
    """What the response shows: its text, JSON with its letters as they are."""
    text = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(text), ensure_ascii=False)
    return text


def database_state():
    return {
        "pages": list(Page.objects.values_list("pk", "title", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "tags": Tag.objects.count(),
        "press contacts": PressContact.objects.count(),
        "boilerplates": Boilerplate.objects.count(),
        "areas": Area.objects.count(),
    }


def ids(*objects):
    return "&".join(f"id={obj.pk}" for obj in objects)


def isolation_urls(world):
    """(what, url, own things it shows; None where partner1 must be refused)."""
    other, embargoed, own = world["other"], world["embargoed"], world["own"]
    index = world["partner index"]
    (own_image, own_document), (b_image, b_document), (smo_image, smo_document) = (
        world["media"][owner] for owner in ("A", "B", "SMO")
    )
    contact = PressContact.objects.first()
    boilerplate = Boilerplate.objects.first()
    area = Area.objects.get(slug="transport", locale__language_code="cs")
    return [
        # The page explorer: another page is refused, drafts too; the partner index lists only
        # partner1's profile, and its filters only partner1's people.
        ("explorer: B's profile", f"/admin/pages/{other.pk}/", None),
        ("explorer results: B's profile", f"/admin/pages/{other.pk}/results/", None),
        ("explorer: draft release", f"/admin/pages/{embargoed.pk}/", None),
        ("explorer results: draft release", f"/admin/pages/{embargoed.pk}/results/", None),
        ("explorer: press releases", f"/admin/pages/{world['press index'].pk}/", None),
        ("explorer: partner index", f"/admin/pages/{index.pk}/", [OWN_PROFILE, "partner1"]),
        ("explorer results: partner index", f"/admin/pages/{index.pk}/results/", [OWN_PROFILE]),
        (
            "explorer: whole-tree search",
            f"/admin/pages/{index.pk}/results/?q=energie&search_all=1",
            [OWN_PROFILE],
        ),
        (
            "explorer: filtered by partner2",
            f"/admin/pages/{index.pk}/results/?edited_by={User.objects.get(username='partner2').pk}",
            [],
        ),
        ("explorer: root", "/admin/pages/", ["partner1"]),
        ("page search", "/admin/pages/search/?q=data", []),
        ("page search: own", "/admin/pages/search/?q=energie", [OWN_PROFILE]),
        ("press releases listing", "/admin/press_releases/", None),
        # Bulk actions' confirmations.
        (
            "bulk: delete pages",
            f"/admin/bulk/wagtailcore/page/delete/?{ids(other, embargoed)}",
            None,
        ),
        ("bulk: publish pages", f"/admin/bulk/wagtailcore/page/publish/?{ids(other)}", None),
        ("bulk: move own page", f"/admin/bulk/wagtailcore/page/move/?{ids(own)}", None),
        (
            "bulk: tag others' images",
            f"/admin/bulk/wagtailimages/image/add_tags/?{ids(own_image, b_image, smo_image)}",
            None,
        ),
        (
            "bulk: tag own image",
            f"/admin/bulk/wagtailimages/image/add_tags/?{ids(own_image)}",
            ["Obrázek A"],
        ),
        (
            "bulk: delete others' documents",
            f"/admin/bulk/wagtaildocs/document/delete/?{ids(b_document, smo_document)}",
            None,
        ),
        (
            "bulk: own document to a collection",
            f"/admin/bulk/wagtaildocs/document/add_to_collection/?{ids(own_document)}",
            ["Dokument A"],
        ),
        (
            "bulk: delete press contacts",
            f"/admin/bulk/press/presscontact/delete/?{ids(*PressContact.objects.all())}",
            None,
        ),
        # The admin's API.
        ("api: pages", "/admin/api/main/pages/", [OWN_PROFILE]),
        ("api: B's page", f"/admin/api/main/pages/{other.pk}/", None),
        ("api: draft release", f"/admin/api/main/pages/{embargoed.pk}/", None),
        ("api: own page", f"/admin/api/main/pages/{own.pk}/", [OWN_PROFILE]),
        ("api: images", "/admin/api/main/images/", ["Obrázek A"]),
        ("api: B's image", f"/admin/api/main/images/{b_image.pk}/", None),
        ("api: SMO's image", f"/admin/api/main/images/{smo_image.pk}/", None),
        ("api: documents", "/admin/api/main/documents/", ["Dokument A", "dokument-a"]),
        ("api: B's document", f"/admin/api/main/documents/{b_document.pk}/", None),
        ("api: SMO's document", f"/admin/api/main/documents/{smo_document.pk}/", None),
        # The page chooser.
        ("page chooser", "/admin/choose-page/", []),
        ("page chooser: B's profile", f"/admin/choose-page/{other.pk}/", None),
        ("page chooser: draft release", f"/admin/choose-page/{embargoed.pk}/", None),
        ("page chooser: partner index", f"/admin/choose-page/{index.pk}/", [OWN_PROFILE]),
        ("page chooser: of a type", "/admin/choose-page/?page_type=press.pressreleasepage", None),
        ("page chooser: search", "/admin/choose-page/search/?q=data", []),
        ("page chooser: search own", "/admin/choose-page/search/?q=energie", [OWN_PROFILE]),
        (
            "page chooser: chosen others",
            f"/admin/choose-page/chosen-multiple/?{ids(other, embargoed)}",
            None,
        ),
        (
            "page chooser: chosen own",
            f"/admin/choose-page/chosen-multiple/?{ids(own)}",
            [OWN_PROFILE],
        ),
        # The image and document choosers (Wagtail narrows them by collection already).
        ("image chooser", "/admin/images/chooser/", ["Obrázek A"]),
        (
            "image chooser: format of B's",
            f"/admin/images/chooser/{b_image.pk}/select_format/",
            None,
        ),
        (
            "image chooser: format of SMO's",
            f"/admin/images/chooser/{smo_image.pk}/select_format/",
            None,
        ),
        (
            "image chooser: format of own",
            f"/admin/images/chooser/{own_image.pk}/select_format/",
            ["Obrázek A"],
        ),
        ("document chooser", "/admin/documents/chooser/", ["Dokument A"]),
        # Snippet choosers and wagtail-localize's snippet API: the public vocabulary only.
        ("contact chooser", "/admin/snippets/choose/press/presscontact/", None),
        ("contact chooser: results", "/admin/snippets/choose/press/presscontact/results/", None),
        (
            "contact chooser: chosen",
            f"/admin/snippets/choose/press/presscontact/chosen/{contact.pk}/",
            None,
        ),
        ("about box chooser", "/admin/snippets/choose/press/boilerplate/", None),
        (
            "about box chooser: chosen",
            f"/admin/snippets/choose/press/boilerplate/chosen/{boilerplate.pk}/",
            None,
        ),
        ("area chooser", "/admin/snippets/choose/catalogue/area/", ["Doprava"]),
        ("topic chooser", "/admin/snippets/choose/catalogue/topic/", []),
        ("localize api: contacts", "/admin/localize/api/snippets/press/presscontact/", None),
        (
            "localize api: a contact",
            f"/admin/localize/api/snippets/press/presscontact/{contact.pk}/",
            None,
        ),
        ("localize api: about boxes", "/admin/localize/api/snippets/press/boilerplate/", None),
        ("localize api: areas", "/admin/localize/api/snippets/catalogue/area/", ["Doprava"]),
        (
            "localize api: an area",
            f"/admin/localize/api/snippets/catalogue/area/{area.pk}/",
            ["Doprava"],
        ),
        ("localize api: no such model", "/admin/localize/api/snippets/press/nothing/", None),
    ]


def test_a_partner_sees_nothing_of_others_url_by_url(client, world, partner_a):
    client.force_login(partner_a)
    before = database_state()
    for what, url, own in isolation_urls(world):
        response = client.get(url)
        if own is None:
            assert refused(response, client), (what, url, response.status_code)
            continue
        assert response.status_code == 200, (what, url, response.status_code)
        text = shown(response)
        assert not [foreign for foreign in FOREIGN if foreign in text], (what, url)
        assert all(mine in text for mine in own), (what, url, own)
    assert database_state() == before


def test_the_filters_offer_a_partner_only_the_people_of_its_own_page(client, world, partner_a):
    client.force_login(partner_a)
    response = client.get(f"/admin/pages/{world['partner index'].pk}/")
    editors = [choice.choice_label for choice in response.context["filters"].form["edited_by"]]
    assert editors == ["partner1"]
    assert not list(response.context["filters"].form["owner"])


def test_an_editor_still_sees_everyones_pages_and_people(client, world, moderator):
    client.force_login(moderator)
    response = client.get(f"/admin/pages/{world['partner index'].pk}/")
    text = shown(response)
    assert "Dopravní data (návrh)" in text
    editors = {choice.choice_label for choice in response.context["filters"].form["edited_by"]}
    assert {"partner1", "partner2", "moderatorka"} <= editors
    # Newest first: the site's own sample images would fill the API's first page of 20.
    api = client.get("/admin/api/main/images/?order=-id").json()
    assert {"Obrázek A", "Obrázek B", "Obrázek SMO"} <= {item["title"] for item in api["items"]}
    assert client.get("/admin/snippets/choose/press/presscontact/").status_code == 200


# The server side of the choosers ---------------------------------------------------------------

REFUSED_IMAGE = {
    "cs": "Tento obrázek není ve sbírce, kterou smíte používat. Vyberte některý ze svých obrázků.",
    "en": "This image is not in a collection you may use. Choose one of your own images.",
}
REFUSED_DOCUMENT = (
    "Tento dokument není ve sbírce, kterou smíte používat. Vyberte některý ze svých dokumentů."
)
REFUSED_PAGE = (
    "Odkaz vede na stránku, na kterou nesmíte odkazovat. Použijte její veřejnou adresu "
    "jako externí odkaz."
)


def in_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def edit(client, user, page, **changes):
    client.force_login(user)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), profile_form(page, **changes)
    )


def refused_with(response, field, message):
    """The edit form came back with `message` against `field` alone, as the editor read it."""
    errors = response.context["form"].errors
    return (
        response.status_code == 200
        and list(errors) == [field]
        and len(errors[field]) == 1
        and message in response.content.decode()
    )


def saved_state(page):
    page = Page.objects.get(pk=page.pk).specific
    latest = page.get_latest_revision_as_object()
    return page.latest_revision_id, latest.logo_id, latest.social_image_id, latest.description


@pytest.mark.parametrize("owner", ["B", "SMO"])
@pytest.mark.parametrize("field", ["logo", "social_image"])
@pytest.mark.parametrize("language", ["cs", "en"])
def test_a_partner_cannot_put_anothers_image_on_its_profile(
    client, media, partner_a, owner, field, language
):
    own = page_by_slug(PARTNER_A, "cs")
    before = saved_state(own)
    image = media[owner][0]
    response = edit(client, in_admin_language(partner_a, language), own, **{field: image.pk})
    assert refused_with(response, field, REFUSED_IMAGE[language])
    assert saved_state(own) == before


def test_the_preview_takes_no_image_that_the_form_refuses(client, media, partner_a):
    own = page_by_slug(PARTNER_A, "cs")
    client.force_login(partner_a)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[own.pk])
    for owner, valid in (("B", False), ("SMO", False), ("A", True)):
        response = client.post(url, profile_form(own, logo=media[owner][0].pk))
        assert response.json()["is_valid"] is valid, owner


@pytest.mark.parametrize(
    ("link", "error"),
    [
        ('<a linktype="document" id="{B}">ceník</a>', REFUSED_DOCUMENT),
        ('<a linktype="document" id="{SMO}">ceník</a>', REFUSED_DOCUMENT),
        ('<a linktype="page" id="{embargoed}">novinka</a>', REFUSED_PAGE),
        ('<a linktype="page" id="{other}">kolegové</a>', REFUSED_PAGE),
    ],
)
def test_a_partners_description_links_only_its_own_documents_and_pages(
    client, world, partner_a, link, error
):
    own = world["own"]
    before = saved_state(own)
    targets = {
        "B": world["media"]["B"][1].pk,
        "SMO": world["media"]["SMO"][1].pk,
        "embargoed": world["embargoed"].pk,
        "other": world["other"].pk,
    }
    description = f"<p>Viz {link.format(**targets)}.</p>"
    response = edit(client, in_admin_language(partner_a, "cs"), own, description=description)
    assert refused_with(response, "description", error)
    assert saved_state(own) == before


@pytest.mark.parametrize(
    ("editor", "owner"), [("partner_a", "A"), ("moderator", "B"), ("moderator", "SMO")]
)
def test_a_partner_uses_its_own_images_and_documents_a_moderator_everyones(
    request, client, media, editor, owner
):
    own = page_by_slug(PARTNER_A, "cs")
    image, document = media[owner]
    description = f'<p>Náš <a linktype="document" id="{document.pk}">ceník</a>.</p>'
    user = request.getfixturevalue(editor)
    response = edit(client, user, own, logo=image.pk, description=description)
    assert response.status_code == 302
    latest = Page.objects.get(pk=own.pk).specific.get_latest_revision_as_object()
    assert latest.logo_id == image.pk
    assert f'id="{document.pk}"' in latest.description


def test_what_a_moderator_chose_stays_when_its_partner_saves(client, media, moderator, partner_a):
    own = page_by_slug(PARTNER_A, "cs")
    smo_image = media["SMO"][0]
    own.logo = smo_image
    own.save_revision(user=moderator).publish()
    own.refresh_from_db()
    response = edit(client, partner_a, own, description="<p>Nový popis.</p>")
    assert response.status_code == 302
    latest = Page.objects.get(pk=own.pk).specific.get_latest_revision_as_object()
    assert latest.logo_id == smo_image.pk
    assert "Nový popis." in latest.description


# The English profile: wagtail-localize's override of the synchronised logo ----------------------


@pytest.fixture
def logo_override(media, moderator):
    """partner A's Czech profile has its own logo, synchronised into the English translation,
    whose logo an editor may override: (translation, the logo's overridable segment)."""
    czech = page_by_slug(PARTNER_A, "cs")
    czech.logo = media["A"][0]
    czech.save_revision(user=moderator).publish()
    english = page_by_slug(PARTNER_A, "en")
    translation = Translation.objects.get(
        source__object_id=czech.translation_key, target_locale=english.locale
    )
    translation.source.update_from_db()
    segment = OverridableSegment.objects.get(source=translation.source, context__path="logo")
    return translation, segment


def put_override(client, translation, segment, value, encoding):
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    if encoding == "multipart":
        # As the translation editor sends it (FormData).
        body, content_type = encode_multipart(BOUNDARY, {"value": value}), MULTIPART_CONTENT
    else:
        body, content_type = f"value={value}", "application/x-www-form-urlencoded"
    return client.put(url, body, content_type=content_type)


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
@pytest.mark.parametrize("owner", ["B", "SMO"])
def test_a_partner_cannot_override_its_english_logo_with_anothers_image(
    client, media, partner_a, logo_override, owner, encoding
):
    translation, segment = logo_override
    client.force_login(in_admin_language(partner_a, "en"))
    response = put_override(client, translation, segment, media[owner][0].pk, encoding)
    assert response.status_code == 400
    assert response.json() == {"value": [REFUSED_IMAGE["en"]]}
    assert not SegmentOverride.objects.filter(context=segment.context).exists()


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_a_partner_overrides_its_english_logo_with_its_own_image(
    client, media, partner_a, logo_override, encoding
):
    translation, segment = logo_override
    other_own_image = media["A"][0].__class__.objects.create(
        title="Logo anglicky", file=media["A"][0].file, collection=media["A"][0].collection
    )
    client.force_login(partner_a)
    response = put_override(client, translation, segment, other_own_image.pk, encoding)
    assert response.status_code == 201, response.content
    override = SegmentOverride.objects.get(context=segment.context)
    assert json.loads(override.data_json) == str(other_own_image.pk)
