"""Uploads cannot carry script: an editor's files through every admin upload view, then served.

Real files (made here with Pillow and zipfile) go through the real admin views as a member of
Wagtail's default "Editors" group, in both admin languages. Refused files leave nothing behind;
accepted ones are stored under clean names and are served as downloads that no browser sniffs
or runs: documents through /documents/, images under /media/.
"""

import io
import json
import os
import subprocess
import sys
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile
from wagtail.users.models import UserProfile

from core.uploads import DOCUMENT_CHECKS, check_document_content, clean_filename

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
# A web page as browsers take it, not well-formed XML (Willow would read that as an SVG).
HTML_WITH_SCRIPT = (
    b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Zpr\xc3\xa1va</title></head>'
    b"<body><p>Dobr\xc3\xbd den<br><script>alert(document.cookie)</script></body></html>"
)


def image_bytes(fmt="PNG", size=(8, 8)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def noise_png(side=40):
    """A PNG of random pixels, which no compression shrinks: about 3 bytes a pixel."""
    noise = PillowImage.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), "white").save(buffer, "PDF")
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes():
    return zip_bytes(
        {
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
            "word/document.xml": '<?xml version="1.0"?><w:document/>',
        }
    )


def odt_bytes():
    return zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}
    )


CSV_CZECH = "obec;počet obyvatel\nŽďár nad Sázavou;20 000\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores its uploads in its own empty media folder."""
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path
    return tmp_path


def stored_files(media_root):
    return sorted(
        p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file()
    )


def log_in_editor(client, language):
    """Log the client in as an Editors-group user whose admin language is `language`."""
    user = User.objects.create_user("redaktor", "redaktor@lepsimesta.cz", "heslo")
    user.groups.add(Group.objects.get(name="Editors"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    client.language = language
    return client


@pytest.fixture(params=["cs", "en"])
def editor_client(request, client):
    return log_in_editor(client, request.param)


@pytest.fixture
def cs_editor_client(client):
    return log_in_editor(client, "cs")


# Each admin path that takes a new file: the URL and how its form names the title and the file.
UPLOAD_VIEWS = {
    "image": "/admin/images/add/",
    "image-multiple": "/admin/images/multiple/add/",
    "image-chooser": "/admin/images/chooser/create/",
    "document": "/admin/documents/add/",
    "document-multiple": "/admin/documents/multiple/add/",
    "document-chooser": "/admin/documents/chooser/create/",
}
IMAGE_VIEWS = [view for view in UPLOAD_VIEWS if view.startswith("image")]
DOCUMENT_VIEWS = [view for view in UPLOAD_VIEWS if view.startswith("document")]


def upload(client, view, name, content):
    """Upload one file through an admin view; return (accepted, text the editor reads)."""
    file = SimpleUploadedFile(name, content)
    if view.endswith("-multiple"):
        data = {"files[]": file}
    elif view.endswith("-chooser"):
        prefix = f"{view.split('-')[0]}-chooser-upload"
        data = {f"{prefix}-title": "Příloha", f"{prefix}-file": file}
    else:
        data = {"title": "Příloha", "file": file}
    response = client.post(UPLOAD_VIEWS[view], data)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        return True, ""
    if response["Content-Type"] != "application/json":
        return False, BeautifulSoup(response.content, "html.parser").get_text(" ")
    answer = json.loads(response.content)
    html = answer.get("htmlFragment") or answer.get("form") or ""
    text = answer.get("error_message") or BeautifulSoup(html, "html.parser").get_text(" ")
    accepted = answer.get("success", False) or answer.get("step") in ("select_format", "chosen")
    return accepted, text


def record_counts():
    """The images (the site's sample logos and illustrations among them), documents and
    uploads in progress."""
    return Image.objects.count(), Document.objects.count(), UploadedFile.objects.count()


def assert_refused(client, view, name, content, messages, media_root):
    before = stored_files(media_root)
    records_before = record_counts()
    accepted, text = upload(client, view, name, content)
    assert not accepted
    text = " ".join(text.split())
    assert messages[client.language] in text
    # One reason, not followed by Wagtail's complaint about the refused file's empty name.
    assert "“”" not in text and '""' not in text
    assert record_counts() == records_before
    assert stored_files(media_root) == before


SVG_REFUSED = {
    "cs": "Nepodporovaný formát obrázku. Podporovány jsou formáty GIF, JPG, JPEG, PNG, WEBP",
    "en": "Not a supported image format. Supported formats: GIF, JPG, JPEG, PNG, WEBP.",
}
SVG_AS_PNG_REFUSED = {
    "cs": "Neplatný obrázek typu .png. Přípona neodpovídá formátu souboru (svg)",
    "en": "Not a valid .png image. The extension does not match the file format (svg)",
}
NOT_AN_IMAGE = {
    "cs": "Nahrajte platný obrázek.",
    "en": "Upload a valid image.",
}
TOO_BIG = {
    "cs": "Soubor je příliš velký",
    "en": "This file is too big",
}
TOO_MANY_PIXELS = {
    "cs": "Soubor má příliš mnoho bodů (400). Maximum je 100.",
    "en": "This file has too many pixels (400). Maximum pixels 100.",
}
HTML_DOCUMENT_REFUSED = {
    "cs": 'Přípona souboru "html" není povolena.',
    "en": "File extension “html” is not allowed.",
}
NOT_A_PDF = {
    "cs": "Toto není platný soubor .pdf: jeho obsah neodpovídá příponě.",
    "en": "This is not a valid .pdf file: its content does not match the extension.",
}
MARKUP_AS_TEXT = {
    "cs": "Soubor .csv musí obsahovat prostý text; tento obsahuje kód webové stránky",
    "en": "A .csv file must be plain text; this one contains the code of a web page",
}


@pytest.mark.parametrize("view", IMAGE_VIEWS)
def test_svg_with_script_is_refused_as_an_image(editor_client, view, media_root):
    assert_refused(editor_client, view, "logo.svg", SVG_WITH_SCRIPT, SVG_REFUSED, media_root)


@pytest.mark.parametrize("view", IMAGE_VIEWS)
def test_svg_renamed_png_is_refused_by_its_content(editor_client, view, media_root):
    assert_refused(editor_client, view, "logo.png", SVG_WITH_SCRIPT, SVG_AS_PNG_REFUSED, media_root)


@pytest.mark.parametrize("view", IMAGE_VIEWS)
def test_html_renamed_png_is_refused(editor_client, view, media_root):
    assert_refused(editor_client, view, "foto.png", HTML_WITH_SCRIPT, NOT_AN_IMAGE, media_root)


@pytest.mark.parametrize("view", IMAGE_VIEWS)
def test_oversized_image_is_refused(editor_client, view, media_root, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    assert_refused(editor_client, view, "foto.png", noise_png(), TOO_BIG, media_root)


@pytest.mark.parametrize("view", IMAGE_VIEWS)
def test_image_with_too_many_pixels_is_refused(editor_client, view, media_root, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100
    png = image_bytes("PNG", (20, 20))
    assert_refused(editor_client, view, "foto.png", png, TOO_MANY_PIXELS, media_root)


@pytest.mark.parametrize("view", DOCUMENT_VIEWS)
def test_html_is_refused_as_a_document(editor_client, view, media_root):
    assert_refused(
        editor_client, view, "zprava.html", HTML_WITH_SCRIPT, HTML_DOCUMENT_REFUSED, media_root
    )


@pytest.mark.parametrize("view", DOCUMENT_VIEWS)
def test_html_renamed_pdf_is_refused_by_its_content(editor_client, view, media_root):
    assert_refused(editor_client, view, "zprava.pdf", HTML_WITH_SCRIPT, NOT_A_PDF, media_root)


@pytest.mark.parametrize("view", DOCUMENT_VIEWS)
def test_svg_renamed_csv_is_refused_as_markup(editor_client, view, media_root):
    assert_refused(editor_client, view, "data.csv", SVG_WITH_SCRIPT, MARKUP_AS_TEXT, media_root)


@pytest.mark.parametrize("view", DOCUMENT_VIEWS)
def test_oversized_document_is_refused(editor_client, view, media_root, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    pdf = pdf_bytes() + b"%" * 2000
    assert_refused(editor_client, view, "zprava.pdf", pdf, TOO_BIG, media_root)


# Accepted files: stored under clean names, and served so that no browser runs or sniffs them.


@pytest.mark.parametrize("view", IMAGE_VIEWS)
@pytest.mark.parametrize(
    "name, content, stored",
    [
        ("Tisková zpráva – foto č. 1.PNG", image_bytes("PNG"), "tiskova-zprava-foto-c-1.png"),
        ("Starosta Žďáru.jpeg", image_bytes("JPEG"), "starosta-zdaru.jpeg"),
    ],
)
def test_raster_image_is_stored_under_a_clean_name(cs_editor_client, view, name, content, stored):
    accepted, text = upload(cs_editor_client, view, name, content)
    assert accepted, text
    assert Image.objects.latest("pk").file.name == f"original_images/{stored}"


@pytest.mark.parametrize("view", DOCUMENT_VIEWS)
@pytest.mark.parametrize(
    "name, content, stored",
    [
        ("Tisková zpráva – příloha č. 1.PDF", pdf_bytes(), "tiskova-zprava-priloha-c-1.pdf"),
        ("Průvodce/../Zadávací dokumentace.docx", docx_bytes(), "zadavaci-dokumentace.docx"),
        (".Rozpočet 2017.csv", CSV_CZECH.encode("cp1250"), "rozpocet-2017.csv"),
        (
            "Fotky z konference.zip",
            zip_bytes({"foto.jpg": image_bytes("JPEG")}),
            "fotky-z-konference.zip",
        ),
    ],
)
def test_document_is_stored_under_a_clean_name(cs_editor_client, view, name, content, stored):
    accepted, text = upload(cs_editor_client, view, name, content)
    assert accepted, text
    assert Document.objects.latest("pk").file.name == f"documents/{stored}"


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    # Reading it to the end closes it (the test client's wrapper). A second close() would send
    # request_finished, whose handler closes the test's PostgreSQL connection mid-transaction.
    body = b"".join(response.streaming_content)
    return response, body


def test_document_is_downloaded_never_shown_inline(cs_editor_client, media_root):
    pdf = pdf_bytes()
    upload(cs_editor_client, "document", "Tisková zpráva – příloha č. 1.PDF", pdf)
    document = Document.objects.latest("pk")
    cs_editor_client.logout()

    response, body = get(cs_editor_client, document.url)
    assert document.url == f"/documents/{document.pk}/tiskova-zprava-priloha-c-1.pdf"
    assert body == pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"

    # The file's own address leads to the document view, which checks who may have it.
    assert document.file.url == "/media/documents/tiskova-zprava-priloha-c-1.pdf"
    response = cs_editor_client.get(document.file.url)
    assert response.status_code == 301
    assert response["Location"] == document.url


def test_images_and_renditions_are_shown_inline_but_sandboxed(cs_editor_client):
    upload(cs_editor_client, "image", "Foto.png", image_bytes("PNG"))
    image = Image.objects.latest("pk")
    for url in (image.file.url, image.get_rendition("width-4").url):
        response, body = get(cs_editor_client, url)
        assert response["Content-Type"] == "image/png"
        assert body.startswith(b"\x89PNG")
        assert response["Content-Disposition"].startswith("inline;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_svg_stored_before_the_rules_is_downloaded_and_sandboxed(client, media_root):
    folder = media_root / "original_images"
    folder.mkdir()
    (folder / "logo.svg").write_bytes(SVG_WITH_SCRIPT)
    Image.objects.create(title="Logo", file="original_images/logo.svg", width=10, height=10)
    response, _ = get(client, "/media/original_images/logo.svg")
    assert response["Content-Disposition"] == 'attachment; filename="logo.svg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_replacing_an_image_file_with_svg_is_refused(cs_editor_client, media_root):
    upload(cs_editor_client, "image", "foto.png", image_bytes("PNG"))
    image = Image.objects.latest("pk")
    response = cs_editor_client.post(
        f"/admin/images/{image.pk}/",
        {"title": image.title, "file": SimpleUploadedFile("foto.png", SVG_WITH_SCRIPT)},
    )
    assert SVG_AS_PNG_REFUSED["cs"] in " ".join(response.content.decode().split())
    image.refresh_from_db()
    assert image.file.name == "original_images/foto.png"
    originals = [f for f in stored_files(media_root) if f.startswith("original_images/")]
    assert originals == ["original_images/foto.png"]


# The document checks, family by family, without the admin around them.

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
VALID_DOCUMENTS = {
    "pdf": pdf_bytes(),
    "doc": OLE2_HEADER,
    "xls": OLE2_HEADER,
    "ppt": OLE2_HEADER,
    "docx": docx_bytes(),
    "xlsx": zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
    "pptx": zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}),
    "odt": odt_bytes(),
    "ods": zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
    "odp": zip_bytes({"mimetype": "application/vnd.oasis.opendocument.presentation"}),
    "rtf": b"{\\rtf1\\ansi Tiskov\\'e1 zpr\\'e1va}",
    "jpg": image_bytes("JPEG"),
    "jpeg": image_bytes("JPEG"),
    "png": image_bytes("PNG"),
    "gif": image_bytes("GIF"),
    "webp": image_bytes("WEBP"),
    "zip": zip_bytes({"readme.txt": "Ahoj"}),
    "txt": "Tisková zpráva: <b>ne</b> 3 < 5".encode(),
    "csv": CSV_CZECH.encode(),
}


# What a check rightly accepts besides its own samples: the same container, or text as text.
ALSO_ACCEPTED = {
    "doc": {"xls", "ppt"},
    "xls": {"doc", "ppt"},
    "ppt": {"doc", "xls"},
    "jpg": {"jpeg"},
    "jpeg": {"jpg"},
    "zip": {"docx", "xlsx", "pptx", "odt", "ods", "odp"},
    "txt": {"csv", "rtf"},
    "csv": {"txt", "rtf"},
}


def test_every_allowed_document_extension_has_a_content_check(settings):
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(VALID_DOCUMENTS)
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= set(DOCUMENT_CHECKS)


@pytest.mark.parametrize("extension", VALID_DOCUMENTS)
def test_document_check_accepts_its_own_family_only(extension):
    assert check(f"soubor.{extension}", VALID_DOCUMENTS[extension])
    assert not check(f"soubor.{extension}", HTML_WITH_SCRIPT)
    accepted = {extension, *ALSO_ACCEPTED.get(extension, ())}
    for other, content in VALID_DOCUMENTS.items():
        assert check(f"soubor.{extension}", content) == (other in accepted), other


def test_a_web_page_with_a_zip_appended_is_not_a_zip():
    assert not check("fotky.zip", HTML_WITH_SCRIPT + zip_bytes({"foto.jpg": b"x"}))


def check(name, content):
    try:
        check_document_content(SimpleUploadedFile(name, content))
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    "name, clean",
    [
        ("Tisková zpráva – příloha č. 1.PDF", "tiskova-zprava-priloha-c-1.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\Jana\\Plocha\\Rozpočet 2017.XLSX", "rozpocet-2017.xlsx"),
        (".htaccess", "htaccess"),
        ("Výroční zpráva.tar.gz", "vyrocni-zprava-tar.gz"),
        ("###.pdf", "file.pdf"),
        ("Ž" * 200 + ".docx", "z" * 60 + ".docx"),
    ],
)
def test_clean_filename(name, clean):
    assert clean_filename(name) == clean


def upload_limits(**env):
    """The upload limits a fresh process reads from the environment."""
    code = (
        "from django.conf import settings as s; "
        "print(s.WAGTAILIMAGES_MAX_UPLOAD_SIZE, s.WAGTAILIMAGES_MAX_IMAGE_PIXELS, "
        "s.WAGTAILDOCS_MAX_UPLOAD_SIZE)"
    )
    variables = {k: v for k, v in os.environ.items() if not k.startswith("UPLOAD_MAX_")}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**variables, "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return [int(number) for number in result.stdout.split()]


@pytest.mark.subprocess
def test_upload_limits_default_and_come_from_the_environment():
    assert upload_limits() == [10 * 2**20, 40_000_000, 20 * 2**20]
    limits = {"UPLOAD_MAX_IMAGE_MB": "5", "UPLOAD_MAX_IMAGE_MEGAPIXELS": "12"}
    assert upload_limits(**limits, UPLOAD_MAX_DOCUMENT_MB="50") == [
        5 * 2**20,
        12_000_000,
        50 * 2**20,
    ]
