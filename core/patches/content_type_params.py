"""A Content-Type header Django cannot parse is a bad request, not a server error.

Django reads the header while it builds the request, before any middleware, and raises ValueError
for an RFC 2231 parameter in an unknown charset (`multipart/form-data; charset*=nosuch''x`) or a
charset name with a NUL in it: an unhandled 500 from the WSGI server, on any address (Django
ticket #36991, fixed after 5.2). Here the request is built without the header's parameters and
marked, and core.middleware.FormDataMiddleware answers it with a 400.
"""

import functools

from django.http import HttpRequest

WRITTEN_FOR = {"django": "5.2"}
RELIES_ON = {"django.http.request.HttpRequest._set_content_type_params": "c4ef0b4724e124c5"}


def tolerating_unparsable_content_type(set_content_type_params):
    @functools.wraps(set_content_type_params)
    def set_params(request, meta):
        request.content_type_unparsable = False
        try:
            set_content_type_params(request, meta)
        except ValueError:
            request.content_type, request.content_params = "", {}
            request.content_type_unparsable = True

    return set_params


def apply():
    HttpRequest._set_content_type_params = tolerating_unparsable_content_type(
        HttpRequest._set_content_type_params
    )
