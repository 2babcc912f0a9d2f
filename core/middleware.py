"""Middleware every response passes through: one log line per request, and HEAD without a body."""

import logging
import time

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
