"""Middleware every request passes through: one log line per request, HEAD without a body,
compression, and form data read as UTF-8 only."""

import codecs
import logging
import time

from django.conf import settings
from django.core.exceptions import BadRequest
from django.middleware.gzip import GZipMiddleware
from django.utils.encoding import escape_uri_path

request_logger = logging.getLogger("lepsimesta.request")


class RequestLogMiddleware:
    """Logs `method=GET path=/cs/ status=200 duration_ms=12` for every request.

    The first middleware, so the duration covers all the others and error pages are logged
    too. Only the path is logged: a query string can carry what a visitor typed, and the
    client's address is personal data. The path is percent-encoded, so a crafted URL cannot
    break the line or forge another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        request_logger.info(
            "method=%s path=%s status=%s duration_ms=%d",
            request.method,
            escape_uri_path(request.path),
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return response


class HeadWithoutBodyMiddleware:
    """Answers HEAD with GET's headers and no body.

    Django renders HEAD like GET, body included; gunicorn then drops the body and logs a
    warning for every such request. Content-Length is left as GET's, as HTTP allows.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []
            else:
                response.content = b""
        return response


class CompressionMiddleware(GZipMiddleware):
    """Django's GZip for the site's text (pages, feeds, sitemaps, exports), except for a
    response that carries a CSRF token. Files (documents, images, the DOCX, which is a zip)
    are sent as they are: most are compressed already, and a download keeps its length.

    BREACH guesses a secret in a compressed page from its length, when the page also reflects
    what the attacker sends. Django masks the CSRF token anew in every response and pads the
    gzip stream with random bytes, but a form page reflects what a visitor typed: it is sent
    uncompressed anyway, as every response that sets the CSRF cookie (any that renders the
    token does). The other pages carry no secret.
    """

    TEXT_TYPES = {
        "text/html",
        "text/plain",
        "text/csv",
        "text/xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/json",
        "application/ld+json",
    }

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").partition(";")[0].strip().lower()
        if content_type not in self.TEXT_TYPES or settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)


def is_utf8(charset):
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


class FormDataMiddleware:
    """A request the site cannot read as UTF-8 form data is a bad request (400), answered
    before any view reads the form.

    Browsers send a form in the page's encoding, UTF-8, and name no charset. Django decodes a
    multipart body in whatever charset the Content-Type names: "utf-7" turns "+2D3-" into a
    lone surrogate that neither the database nor a page can hold (a 500), and "rot13" or
    "base64" are codecs that decode no text at all; Django itself refuses a urlencoded body
    in another charset. A Content-Type header Django could not parse at all is marked by
    core/patches/content_type_params.py (Django ticket #36991).
    """

    FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "content_type_unparsable", False):
            raise BadRequest("A Content-Type header that cannot be parsed")
        charset = request.content_params.get("charset")
        if request.content_type in self.FORM_CONTENT_TYPES and charset and not is_utf8(charset):
            raise BadRequest(f"Form data in {charset!r}: only UTF-8 is read")
        return self.get_response(request)
