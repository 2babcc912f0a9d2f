"""What editors may upload: clean file names, and documents whose bytes match their extension.

Wagtail's admin builds every image and document upload form (single and multiple upload, the
choosers, replacing a file) from WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE,
which name the two forms below. Images need no content check of ours: Wagtail opens each upload
with Willow and refuses a file whose real format is not the one its extension claims.
Documents are checked here, by family: a renamed HTML page or SVG must not pass as a PDF or CSV.
"""

import os
import re
import zipfile

import filetype
from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# Long enough to stay readable, short enough for the 100-character file path columns.
MAX_STEM_LENGTH = 60


def clean_filename(name):
    """'Tisková zpráva – příloha č. 1.PDF' -> 'tiskova-zprava-priloha-c-1.pdf'.

    ASCII only, no directories, no leading dot, a bounded length, the extension in lower case.
    """
    name = re.split(r"[/\\]", name)[-1]
    stem, extension = os.path.splitext(name.strip(". "))
    stem = slugify(anyascii(stem).replace(".", " "))[:MAX_STEM_LENGTH].strip("-_") or "file"
    extension = re.sub(r"[^a-z0-9]", "", anyascii(extension).lower())
    return f"{stem}.{extension}" if extension else stem


class CleanFileNameMixin:
    """A newly uploaded file gets its clean name before anything is stored."""

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if isinstance(uploaded, UploadedFile):
            uploaded.name = clean_filename(uploaded.name)
        return uploaded


class ImageForm(CleanFileNameMixin, BaseImageForm):
    """Wagtail's image form; its file field (Willow) already checks format, size and pixels."""


def extension_of(name):
    return os.path.splitext(name)[1][1:].lower()


def _head(uploaded, size=8192):
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def _zip(inspect=lambda archive: True):
    """A check that the file is a ZIP archive and inspect(archive) holds.

    zipfile alone accepts data before the archive (a web page with a ZIP appended), so the
    signature at the very start is required too.
    """

    def check(uploaded):
        if _head(uploaded, 4) not in (b"PK\x03\x04", b"PK\x05\x06"):
            return False
        try:
            with zipfile.ZipFile(uploaded) as archive:
                return inspect(archive)
        except (zipfile.BadZipFile, KeyError, OSError):
            return False
        finally:
            uploaded.seek(0)

    return check


def _ooxml(folder):
    return _zip(
        lambda archive: (
            "[Content_Types].xml" in archive.namelist()
            and any(name.startswith(folder) for name in archive.namelist())
        )
    )


def _opendocument(mimetype):
    # The first member of an OpenDocument file, "mimetype", names its kind.
    return _zip(lambda archive: archive.read("mimetype").strip() == mimetype.encode())


def _starts_with(*signatures):
    return lambda uploaded: _head(uploaded).startswith(signatures)


def _image(*extensions):
    def check(uploaded):
        kind = filetype.image_match(_head(uploaded))
        return kind is not None and kind.extension in extensions

    return check


# Markup a browser would run: a text file must not be a web page, an SVG or an XML document.
MARKUP = re.compile(
    rb"<\s*(?:script|html|body|head|svg|iframe|object|embed|!doctype|\?xml)\b", re.I
)


def _plain_text(uploaded):
    """Text in any ASCII-compatible encoding (UTF-8, Windows-1250 from Czech Excel), not markup.

    Markup gets its own message, which says more than "does not match the extension".
    The whole file is read: it is at most WAGTAILDOCS_MAX_UPLOAD_SIZE.
    """
    uploaded.seek(0)
    content = uploaded.read()
    uploaded.seek(0)
    if MARKUP.search(content):
        raise ValidationError(
            _(
                "A .%(extension)s file must be plain text; this one contains the code "
                "of a web page (HTML, SVG or XML)."
            ),
            code="document_markup",
            params={"extension": extension_of(uploaded.name)},
        )
    return b"\0" not in content


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .xls and .ppt

# Every extension WAGTAILDOCS_EXTENSIONS may allow, with the check its bytes must pass;
# an allowed extension missing here is refused (a test keeps the two lists together).
DOCUMENT_CHECKS = {
    "pdf": _starts_with(b"%PDF-"),
    "doc": _starts_with(OLE2),
    "xls": _starts_with(OLE2),
    "ppt": _starts_with(OLE2),
    "docx": _ooxml("word/"),
    "xlsx": _ooxml("xl/"),
    "pptx": _ooxml("ppt/"),
    "odt": _opendocument("application/vnd.oasis.opendocument.text"),
    "ods": _opendocument("application/vnd.oasis.opendocument.spreadsheet"),
    "odp": _opendocument("application/vnd.oasis.opendocument.presentation"),
    "rtf": _starts_with(b"{\\rtf"),
    "jpg": _image("jpg"),
    "jpeg": _image("jpg"),
    "png": _image("png"),
    "gif": _image("gif"),
    "webp": _image("webp"),
    "zip": _zip(),
    "txt": _plain_text,
    "csv": _plain_text,
}


def check_document_content(uploaded):
    """Raise ValidationError unless the file's bytes are what its extension says."""
    extension = extension_of(uploaded.name)
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        return  # Wagtail's Document.clean() refuses it, naming the allowed extensions.
    check = DOCUMENT_CHECKS.get(extension)
    if check is None or not check(uploaded):
        raise ValidationError(
            _("This is not a valid .%(extension)s file: its content does not match the extension."),
            code="document_content_mismatch",
            params={"extension": extension},
        )


class DocumentForm(CleanFileNameMixin, BaseDocumentForm):
    def clean_file(self):
        uploaded = super().clean_file()
        if isinstance(uploaded, UploadedFile):
            check_document_content(uploaded)
        return uploaded

    def _update_errors(self, errors):
        # Document.clean() checks the extension of the file the instance holds, which is none
        # once the upload was refused: 'File extension "" is not allowed' would follow the reason.
        if "file" in self.errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
        super()._update_errors(errors)
