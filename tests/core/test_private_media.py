"""A private file is never one URL away (DESIGN.md, principle 3; README, Security).

An SMO editor uploads a document and an image through the admin into a collection that is
private, for logged-in users or for one group. Every address that could reach the file — its
/media/ path, the original image's, a rendition's, Wagtail's document URL and the admin's views —
refuses an anonymous visitor and a partner (a partner's login is no SMO login), while the
people the restriction accepts get the file. Public files keep their addresses and headers.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_sendfile.utils import _get_sendfile as django_sendfile_backend
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile
from wagtail.utils.sendfile import _get_sendfile as wagtail_sendfile_backend

from tests.core.test_uploads import image_bytes
from tests.partners.conftest import PARTNER_A, partner_login

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

DOCUMENT_TEXT = "Interní zápis: rozpočet na rok 2027, neveřejné".encode()
IMAGE_BYTES = image_bytes("PNG", size=(16, 16))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path
    return tmp_path


@dataclass
class Uploaded:
    image: Image
    document: Document
    rendition_url: str

    def file_urls(self):
        """Where the bytes themselves are, public or not."""
        return {
            "document": self.document.url,
            "document's file": self.document.file.url,
            "original image": self.image.file.url,
            "rendition": self.rendition_url,
        }

    def urls(self):
        """Every address that could reach the files: theirs and the admin's."""
        image, document = self.image.pk, self.document.pk
        generator = reverse("wagtailimages:url_generator_output", args=[image])
        return {
            **self.file_urls(),
            "admin: document": reverse("wagtaildocs:edit", args=[document]),
            "admin: image": reverse("wagtailimages:edit", args=[image]),
            "admin: image preview": reverse("wagtailimages:preview", args=[image, "original"]),
            "admin: image URL generator": f"{generator}?filter_method=original",
        }


def smo_person(username, *groups):
    user = User.objects.create_user(username, f"{username}@lepsimesta.cz", "heslo")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def upload_into(client, collection):
    """An SMO editor uploads an image and a document into `collection` through the admin."""
    client.force_login(smo_person("redaktorka", "Editors", "Moderators"))
    for url, name, content in (
        ("/admin/images/add/", "foto.png", IMAGE_BYTES),
        ("/admin/documents/add/", "doc_private.txt", DOCUMENT_TEXT),
    ):
        file = SimpleUploadedFile(name, content)
        data = {"title": name, "file": file, "collection": collection.pk}
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors
    client.logout()
    image = Image.objects.filter(collection=collection).latest("pk")
    return Uploaded(
        image=image,
        document=Document.objects.filter(collection=collection).latest("pk"),
        rendition_url=image.get_rendition("width-8").url,
    )


def upload_private(client, restriction_type):
    """Files in a collection (below another one) that is private to logged-in users, or to the
    Moderators group; the restriction is on the parent, so it holds for everything beneath."""
    internal = Collection.get_first_root_node().add_child(name="Interní")
    restriction = CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=restriction_type
    )
    if restriction_type == CollectionViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Moderators"))
    return upload_into(client, internal.add_child(name="Zápisy"))


@pytest.fixture(params=[CollectionViewRestriction.LOGIN, CollectionViewRestriction.GROUPS])
def private(request, client, site):
    return upload_private(client, request.param)


@pytest.fixture
def public(client, site):
    return upload_into(client, Collection.get_first_root_node())


def body(response):
    if response.streaming:
        # Closed once read to the end (see tests/core/test_uploads.py's get()).
        return b"".join(response.streaming_content)
    return response.content


def assert_refused(client, url):
    """No file: a redirect to the login, the document view or the dashboard, 403 or 404, and
    nowhere along the redirects the file's bytes."""
    response = client.get(url)
    assert response.status_code in (301, 302, 403, 404), (url, response.status_code)
    for _hop in range(3):
        content = body(response)
        assert DOCUMENT_TEXT not in content and IMAGE_BYTES[:64] not in content, url
        if response.status_code not in (301, 302):
            return
        response = client.get(response["Location"])
    raise AssertionError(f"{url} redirects on and on")


def assert_served(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    content = body(response)
    assert content in (DOCUMENT_TEXT, IMAGE_BYTES) or content.startswith(b"\x89PNG"), url
    return response


def test_anonymous_visitors_get_no_private_file(client, private):
    for url in private.urls().values():
        assert_refused(client, url)


def test_a_partner_gets_no_private_file_of_smo(client, private):
    client.force_login(partner_login(PARTNER_A, "partner1"))
    for url in private.urls().values():
        assert_refused(client, url)


def test_a_login_outside_the_group_gets_no_file_of_a_group(client, site):
    private = upload_private(client, CollectionViewRestriction.GROUPS)
    client.force_login(smo_person("stazistka", "Editors"))
    for url in private.file_urls().values():
        assert_refused(client, url)


def test_the_people_the_restriction_accepts_get_the_files(client, private):
    client.force_login(smo_person("moderator", "Moderators"))
    for name, url in private.file_urls().items():
        response = assert_served(client, url)
        if "image" in name or name == "rendition":
            # Never kept by a shared cache for the next visitor (Wagtail's document view
            # sends Vary: Cookie instead).
            assert "private" in response["Cache-Control"], name


def test_public_files_keep_their_addresses_and_headers(client, public):
    document = assert_served(client, public.document.url)
    assert document["Content-Disposition"] == 'attachment; filename="doc_private.txt"'
    assert document["X-Content-Type-Options"] == "nosniff"
    assert client.get(public.document.file.url)["Location"] == public.document.url
    for url in (public.image.file.url, public.rendition_url):
        image = assert_served(client, url)
        assert image["Content-Type"] == "image/png"
        assert image["Content-Disposition"].startswith("inline;")
        assert image["X-Content-Type-Options"] == "nosniff"
        assert image["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert "private" not in image.get("Cache-Control", "")


def test_a_file_no_record_points_to_is_not_served(client, media_root, public):
    (media_root / "original_images" / "orphan.png").write_bytes(IMAGE_BYTES)
    (media_root / "exports").mkdir()
    (media_root / "exports" / "subscribers.csv").write_text("jana@example.cz")
    for url in (
        "/media/original_images/orphan.png",
        "/media/exports/subscribers.csv",
        "/media/documents/no-such.txt",
        "/media/original_images/../exports/subscribers.csv",
    ):
        assert client.get(url).status_code == 404, url


def test_avatars_are_for_people_who_use_the_admin(client, media_root):
    editor = smo_person("redaktor", "Editors")
    (media_root / "avatar_images").mkdir()
    (media_root / "avatar_images" / "avatar_redaktor.png").write_bytes(IMAGE_BYTES)
    profile = UserProfile.get_for_user(editor)
    profile.avatar = "avatar_images/avatar_redaktor.png"
    profile.save()
    assert client.get("/media/avatar_images/avatar_redaktor.png").status_code == 404
    client.force_login(editor)
    assert body(client.get("/media/avatar_images/avatar_redaktor.png")) == IMAGE_BYTES


# Behind nginx (MEDIA_INTERNAL_URL): Django checks, nginx sends the file from its internal
# location. tests/stack/ runs the same through Debian's nginx with the repository's config.


@pytest.fixture
def behind_nginx(settings):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_URL = "/internal-media"
    # Both sendfile functions remember their backend.
    django_sendfile_backend.cache_clear()
    wagtail_sendfile_backend.clear()
    yield
    django_sendfile_backend.cache_clear()
    wagtail_sendfile_backend.clear()


def test_behind_nginx_public_files_go_out_by_x_accel_redirect(client, public, behind_nginx):
    image = client.get(public.image.file.url)
    assert image.status_code == 200
    assert image["X-Accel-Redirect"] == "/internal-media/original_images/foto.png"
    assert image.content == b""
    assert image["Content-Type"] == "image/png"
    document = client.get(public.document.url)
    assert document["X-Accel-Redirect"] == "/internal-media/documents/doc_private.txt"
    assert document["Content-Disposition"] == 'attachment; filename="doc_private.txt"'


def test_behind_nginx_private_files_are_refused_before_any_redirect(client, private, behind_nginx):
    for url in private.urls().values():
        response = client.get(url)
        assert "X-Accel-Redirect" not in response, url
        assert_refused(client, url)
