"""What a partner can never do, URL by URL (DESIGN.md, principle 3).

Partner A (partner1, Energie pro města) is logged in. Every admin URL that reads or changes
someone else's page — partner B's profile, a press release, the home page, a catalogue project,
in either language — must refuse (403, 404, or a redirect away) and change nothing in the
database. On its own profile a partner may edit and submit for moderation, never publish, copy,
move, delete, unpublish, lock or add pages. Images and documents: only its own collection's.
Wagtail's 2026 security advisories concerned revision compare, page history, form submissions
and page copy; each has its rows below.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from catalogue.models import ProjectPage
from press.models import PressReleasePage
from tests.conftest import page_by_slug
from tests.factories.press import PressReleasePageFactory
from tests.partners.conftest import PARTNER_A, PARTNER_B, profile_form, submit_for_moderation

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()


def refused(response, client=None):
    """403, 404, 405 (a view that takes no POST), or a redirect to the dashboard (not to the
    login: the partner is logged in, and a test that lost its login must not pass);
    a redirect elsewhere (the old revisions list leads to the history, a 404 gets a language
    prefix) is followed once, and must end in one of those."""
    if response.status_code in (403, 404, 405):
        return True
    if response.status_code == 302:
        location = response["Location"]
        if location == "/admin/":
            return True
        if client is not None and location.startswith("/"):
            return refused(client.get(location))
    return False


def database_state(page):
    """Everything a refused request must leave as it was."""
    page = Page.objects.get(pk=page.pk)
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "workflow states": WorkflowState.objects.count(),
        "task states": list(TaskState.objects.values_list("pk", "status")),
        "log entries": PageLogEntry.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "translations enabled": list(Translation.objects.values_list("pk", "enabled")),
        "page": (
            page.latest_revision_id,
            page.live,
            page.live_revision_id,
            page.has_unpublished_changes,
            page.path,
            page.url_path,
            page.title,
            page.locked,
            page.alias_of_id,
            page.view_restrictions.count(),
        ),
    }


@pytest.fixture
def partner_b_in_moderation(client, partner_b):
    """Partner B has submitted an edit of its profile: a revision, a workflow and a task."""
    page = page_by_slug(PARTNER_B, "cs")
    return submit_for_moderation(client, partner_b, page, title="Dopravní data (návrh)")


def revisions_of(page):
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
    return revisions.first(), revisions.last()


def translation_of(page):
    """wagtail-localize's Translation that keeps this (English) page in sync, if any."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale
    ).first()


def page_urls(page):
    """(name, method, url, data) of every admin URL that acts on one page."""
    earliest, latest = revisions_of(page)
    parent = page.get_parent()
    urls = [
        ("edit", "get", reverse("wagtailadmin_pages:edit", args=[page.pk]), None),
        ("preview", "get", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), None),
        ("view draft", "get", reverse("wagtailadmin_pages:view_draft", args=[page.pk]), None),
        ("history", "get", reverse("wagtailadmin_pages:history", args=[page.pk]), None),
        (
            "history results",
            "get",
            reverse("wagtailadmin_pages:history_results", args=[page.pk]),
            None,
        ),
        ("revisions", "get", reverse("wagtailadmin_pages:revisions_index", args=[page.pk]), None),
        (
            "workflow history",
            "get",
            reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
            None,
        ),
        ("usage", "get", reverse("wagtailadmin_pages:usage", args=[page.pk]), None),
        ("copy", "get", reverse("wagtailadmin_pages:copy", args=[page.pk]), None),
        (
            "copy (post)",
            "post",
            reverse("wagtailadmin_pages:copy", args=[page.pk]),
            {
                "new_title": "Kopie",
                "new_slug": "kopie-stranky",
                "new_parent_page": parent.pk,
                "copy_subpages": "on",
                "publish_copies": "on",
                "alias": "",
            },
        ),
        ("move", "get", reverse("wagtailadmin_pages:move", args=[page.pk]), None),
        (
            "move (confirm)",
            "post",
            reverse("wagtailadmin_pages:move_confirm", args=[page.pk, page.get_site().root_page_id])
            if page.depth > 2
            else reverse("wagtailadmin_pages:move_confirm", args=[page.pk, 1]),
            {},
        ),
        (
            "set position",
            "post",
            reverse("wagtailadmin_pages:set_page_position", args=[page.pk]) + "?position=0",
            {},
        ),
        ("delete", "get", reverse("wagtailadmin_pages:delete", args=[page.pk]), None),
        ("delete (post)", "post", reverse("wagtailadmin_pages:delete", args=[page.pk]), {}),
        ("unpublish", "get", reverse("wagtailadmin_pages:unpublish", args=[page.pk]), None),
        (
            "unpublish (post)",
            "post",
            reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
            {"include_descendants": "on"},
        ),
        ("add child", "get", reverse("wagtailadmin_pages:add_subpage", args=[page.pk]), None),
        (
            "add child (post)",
            "post",
            reverse("wagtailadmin_pages:add", args=["home", "standardpage", page.pk]),
            {"title": "Podstránka", "slug": "podstranka", "action-publish": "Publish"},
        ),
        ("lock", "post", reverse("wagtailadmin_pages:lock", args=[page.pk]), {}),
        ("unlock", "post", reverse("wagtailadmin_pages:unlock", args=[page.pk]), {}),
        (
            "convert alias",
            "post",
            reverse("wagtailadmin_pages:convert_alias", args=[page.pk]),
            {},
        ),
        ("privacy", "get", reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), None),
        (
            "privacy (post)",
            "post",
            reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
            {"restriction_type": "password", "password": "heslo-12345"},
        ),
        (
            "localize: submit translation",
            "post",
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [page.locale_id]},
        ),
        (
            "localize: convert to alias",
            "post",
            reverse("wagtail_localize:convert_to_alias", args=[page.pk]),
            {},
        ),
    ]
    if latest is not None:
        urls += [
            (
                "revision view",
                "get",
                reverse("wagtailadmin_pages:revisions_view", args=[page.pk, latest.pk]),
                None,
            ),
            (
                "revisions compare",
                "get",
                reverse(
                    "wagtailadmin_pages:revisions_compare", args=[page.pk, earliest.pk, latest.pk]
                ),
                None,
            ),
            (
                "revisions compare (live)",
                "get",
                reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"]),
                None,
            ),
            (
                "revision revert",
                "get",
                reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, earliest.pk]),
                None,
            ),
            (
                "revision unschedule",
                "post",
                reverse("wagtailadmin_pages:revisions_unschedule", args=[page.pk, latest.pk]),
                {},
            ),
        ]
    workflow_state = page.workflow_states.order_by("pk").last()
    if workflow_state is not None:
        urls.append(
            (
                "workflow history detail",
                "get",
                reverse(
                    "wagtailadmin_pages:workflow_history_detail", args=[page.pk, workflow_state.pk]
                ),
                None,
            )
        )
    task_state = TaskState.objects.filter(
        workflow_state__base_content_type__isnull=False,
        workflow_state__object_id=str(page.pk),
        status=TaskState.STATUS_IN_PROGRESS,
    ).first()
    if task_state is not None:
        for action in ("approve", "reject"):
            urls.append(
                (
                    f"workflow: {action}",
                    "post",
                    reverse(
                        "wagtailadmin_pages:workflow_action",
                        args=[page.pk, action, task_state.pk],
                    ),
                    {"comment": "ok"},
                )
            )
        urls.append(
            (
                "workflow preview",
                "get",
                reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id]),
                None,
            )
        )
    translation = translation_of(page)
    if translation is not None:
        segment = StringSegment.objects.filter(source=translation.source).first()
        urls += [
            (
                "localize: sync translations",
                "post",
                reverse("wagtail_localize:update_translations", args=[translation.source_id]),
                {},
            ),
            (
                "localize: edit string",
                "put",
                reverse(
                    "wagtail_localize:edit_string_translation",
                    args=[translation.pk, segment.pk],
                ),
                "value=Hacked",
            ),
            (
                "localize: preview",
                "get",
                reverse("wagtail_localize:preview_translation", args=[translation.pk]),
                None,
            ),
            (
                "localize: download PO",
                "get",
                reverse("wagtail_localize:download_pofile", args=[translation.pk]),
                None,
            ),
            (
                "localize: machine translate",
                "post",
                reverse("wagtail_localize:machine_translate", args=[translation.pk]),
                {},
            ),
            (
                "localize: stop translation",
                "post",
                reverse("wagtail_localize:stop_translation", args=[translation.pk]),
                {},
            ),
            (
                "localize: publish in the translation editor",
                "post",
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                {"action": "publish"},
            ),
        ]
    else:
        urls.append(
            (
                "edit (publish)",
                "post",
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                {"title": "Hacked", "slug": page.slug, "action-publish": "Publish"},
            )
        )
    return urls


def request(client, method, url, data):
    if method == "put":
        return client.put(url, data, content_type="application/x-www-form-urlencoded")
    return getattr(client, method)(url, data or {})


def not_partners_pages():
    """The pages partner A must not touch: (label, slug or None for the home page, language)."""
    return [
        ("partner B", PARTNER_B, "cs"),
        ("partner B, English", PARTNER_B, "en"),
        ("start-up", "parksense", "cs"),
        ("press release", None, "press"),
        ("home", None, "home"),
        ("catalogue project", None, "project"),
    ]


def find_page(slug, kind, site):
    if slug is not None:
        return page_by_slug(slug, kind)
    if kind == "home":
        return site["cs"]
    model = PressReleasePage if kind == "press" else ProjectPage
    return model.objects.filter(locale__language_code="cs").first()


@pytest.mark.parametrize(("label", "slug", "kind"), not_partners_pages())
def test_a_partner_reaches_no_url_of_another_page(
    client, site, partner_a, partner_b_in_moderation, label, slug, kind
):
    target = find_page(slug, kind, site)
    assert target is not None, label
    client.force_login(partner_a)
    for name, method, url, data in page_urls(target):
        before = database_state(target)
        response = request(client, method, url, data)
        assert refused(response, client), (label, name, url, response.status_code)
        assert database_state(target) == before, (label, name, url)


# On its own profile: edit and submit, nothing else -------------------------------------------

OWN_PAGE_REFUSED = {
    "copy",
    "copy (post)",
    "move",
    "move (confirm)",
    "set position",
    "delete",
    "delete (post)",
    "unpublish",
    "unpublish (post)",
    "add child",
    "add child (post)",
    "lock",
    "unlock",
    "convert alias",
    "privacy",
    "privacy (post)",
    "localize: submit translation",
    "localize: convert to alias",
    "localize: sync translations",
    "localize: publish in the translation editor",
    "localize: machine translate",
    "localize: stop translation",
    "workflow: approve",
    "workflow: reject",
}


@pytest.mark.parametrize("language", ["cs", "en"])
def test_on_its_own_profile_a_partner_only_edits(client, partner_a, language):
    own = page_by_slug(PARTNER_A, language)
    if language == "cs":
        # Something in moderation, so that the workflow actions have a task to act on.
        submit_for_moderation(client, partner_a, own, title="Energie pro města (návrh)")
    client.force_login(partner_a)
    names = set()
    for name, method, url, data in page_urls(own):
        if name not in OWN_PAGE_REFUSED:
            continue
        names.add(name)
        before = database_state(own)
        response = request(client, method, url, data)
        assert refused(response, client), (name, url, response.status_code)
        assert database_state(own) == before, (name, url)
    assert {"copy (post)", "delete (post)", "move (confirm)", "unpublish (post)"} <= names


def test_a_partner_can_open_what_it_edits(client, partner_a):
    """The other side of the refusals: the partner's own pages open (else the tests above
    could pass for a partner locked out of everything)."""
    client.force_login(partner_a)
    for language in ("cs", "en"):
        own = page_by_slug(PARTNER_A, language)
        for name in ("edit", "history", "revisions", "preview"):
            url = next(u for n, _m, u, _d in page_urls(own) if n == name)
            assert client.get(url, follow=True).status_code == 200, (language, name)


def test_publish_on_its_own_profile_saves_a_draft_at_most(client, partner_a):
    own = page_by_slug(PARTNER_A, "cs")
    live_revision = own.live_revision_id
    client.force_login(partner_a)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[own.pk]),
        {**profile_form(own, title="Zveřejněno bez schválení"), "action-publish": "Publish"},
    )
    assert response.status_code in (200, 302)
    own.refresh_from_db()
    assert own.title == "Energie pro města, a.s."
    assert own.live_revision_id == live_revision
    assert own.has_unpublished_changes  # a draft, which a moderator may or may not approve
    assert (
        "Zveřejněno bez schválení"
        not in client.get("/cs/partneri/energie-pro-mesta/").content.decode()
    )


def test_the_translation_editor_does_not_publish_a_partners_english_page(client, partner_a):
    own = page_by_slug(PARTNER_A, "en")
    before = database_state(own)
    client.force_login(partner_a)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[own.pk]), {"action": "publish"})
    assert refused(response)
    assert database_state(own) == before


# Everything outside the page tree -------------------------------------------------------------

ADMIN_AREAS = {
    "form submissions": "wagtailforms:index",
    "users": "wagtailusers_users:index",
    "groups": "wagtailusers_groups:index",
    "site settings": ("wagtailsettings:edit", ["core", "sitesettings"]),
    "publishers": "wagtailsnippets_core_publisher:list",
    "sites": "wagtailsites:index",
    "locales": "wagtaillocales:index",
    "collections": "wagtailadmin_collections:index",
    "redirects": "wagtailredirects:index",
    "workflows": "wagtailadmin_workflows:index",
    "workflow tasks": "wagtailadmin_workflows:task_index",
    "snippets": "wagtailsnippets:index",
    "press contacts": "wagtailsnippets_press_presscontact:list",
    "boilerplates": "wagtailsnippets_press_boilerplate:list",
    "areas": "wagtailsnippets_catalogue_area:list",
    "topics": "wagtailsnippets_catalogue_topic:list",
    "report: locked pages": "wagtailadmin_reports:locked_pages",
    "report: aging pages": "wagtailadmin_reports:aging_pages",
    "report: site history": "wagtailadmin_reports:site_history",
    "report: workflows": "wagtailadmin_reports:workflow",
    "report: workflow tasks": "wagtailadmin_reports:workflow_tasks",
    "report: page types": "wagtailadmin_reports:page_types_usage",
    "report: missing translations": "untranslated_pages",
    "report: login attempts": "login_attempts",
    "report: translations": "wagtail_localize:translations_report",
}


@pytest.mark.parametrize("area", sorted(ADMIN_AREAS))
def test_a_partner_reaches_no_other_part_of_the_admin(client, partner_a, area):
    name = ADMIN_AREAS[area]
    name, args = name if isinstance(name, tuple) else (name, [])
    client.force_login(partner_a)
    response = client.get(reverse(name, args=args))
    assert refused(response, client), (area, response.status_code)


def test_a_partner_sees_no_form_submissions(client, partner_a, form_pages):
    client.force_login(partner_a)
    for page in form_pages.values():
        response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
        assert refused(response), page.locale


def test_the_page_chooser_and_search_show_a_partner_no_draft(client, site, partner_a):
    index = Page.objects.get(slug="tiskove-zpravy", locale__language_code="cs")
    embargoed = PressReleasePageFactory(parent=index, title="Embargo do pondělí", live=False)
    client.force_login(partner_a)
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[index.pk]))
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Embargo"})
    admin_search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Embargo"})
    for response in (chooser, search, admin_search):
        assert embargoed.title not in response.content.decode()


# Images and documents -------------------------------------------------------------------------


def media_urls(image, document):
    return [
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtailimages:image_usage", args=[image.pk]),
        reverse("wagtailimages:url_generator", args=[image.pk]),
        reverse("wagtailimages:url_generator_output", args=[image.pk]) + "?filter_method=original",
        reverse("wagtailimages:edit_multiple", args=[image.pk]),
        reverse("wagtailimages:delete_multiple", args=[image.pk]),
        reverse("wagtailimages:preview", args=[image.pk, "original"]),
        reverse("wagtailimages_chooser:chosen", args=[image.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
        reverse("wagtaildocs:delete", args=[document.pk]),
        reverse("wagtaildocs:document_usage", args=[document.pk]),
        reverse("wagtaildocs:edit_multiple", args=[document.pk]),
        reverse("wagtaildocs:delete_multiple", args=[document.pk]),
        reverse("wagtaildocs_chooser:chosen", args=[document.pk]),
    ]


@pytest.mark.parametrize("owner", ["B", "SMO"])
def test_a_partner_sees_and_uses_only_its_own_images_and_documents(client, media, partner_a, owner):
    image, document = media[owner]
    client.force_login(partner_a)
    for url in media_urls(image, document):
        before = (Image.objects.count(), Document.objects.count())
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert refused(response, client), (method, url, response.status_code)
        assert (Image.objects.count(), Document.objects.count()) == before
    for listing in (
        "wagtailimages:index",
        "wagtailimages_chooser:choose",
        "wagtaildocs:index",
        "wagtaildocs_chooser:choose",
    ):
        response = client.get(reverse(listing))
        # The choosers answer with JSON that holds their HTML.
        is_json = response["Content-Type"] == "application/json"
        content = response.json()["html"] if is_json else response.content.decode()
        assert image.title not in content and document.title not in content, listing
        assert "Obrázek A" in content or "Dokument A" in content, listing


def test_a_partners_upload_goes_into_its_own_collection(client, media, partner_a):
    client.force_login(partner_a)
    form = client.get(reverse("wagtailimages:add")).content.decode()
    assert "Dopravní data" not in form  # B's collection is not offered
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Logo",
            "file": SimpleUploadedFile("logo.png", get_test_image_file().file.getvalue()),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Image.objects.get(title="Logo").collection == media["A"][0].collection


def test_a_partner_downloads_no_private_document_of_smo(client, media, partner_a):
    """A collection private to logged-in users means SMO's people, not partners' logins."""
    _image, document = media["SMO"]
    private = Collection.get_first_root_node().add_child(name="Interní")
    document.collection = private
    document.save()
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    client.force_login(partner_a)
    assert client.get(document.url).status_code == 403
    editors = Group.objects.get(name="Editors")
    client.force_login(editors.user_set.create(username="redaktor"))
    assert client.get(document.url).status_code == 200
