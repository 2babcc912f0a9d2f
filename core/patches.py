"""Patches to Django 5.2 and Wagtail 7.4, in one place, each naming the upstream issue.
tests/core/test_patches.py fails when the patched code is fixed or changed upstream, so that each
patch is reviewed (or removed) on an upgrade. `apply()` runs once, from CoreConfig.ready.

1. Admin form data that no editor's browser produced is a bad request, not a server error.
   Wagtail's admin widgets read their part of a POST without checking it: the rich-text
   editor's JSON (`json.loads` in DraftailRichTextArea.value_from_datadict, wagtail/wagtail#6728)
   and a StreamField's item count and keys (`int(data["experts-count"])` in StreamBlock and
   ListBlock, wagtail/wagtail#11920). A crafted or truncated POST (non-JSON in a Draftail field,
   a revision revert sent without `experts-count`, an image id that is no number) raised
   KeyError, ValueError or TypeError out of the edit view: a 500. Here they raise BadRequest,
   answered by core.views.bad_request (400, in the editor's language); nothing is saved.

2. A Content-Type header Django cannot parse is a bad request, not a server error. Django reads
   the header while it builds the request, before any middleware, and raises ValueError for an
   RFC 2231 parameter in an unknown charset (`multipart/form-data; charset*=nosuch''x`) or a
   charset name with a NUL in it: an unhandled 500 from the WSGI server, on any address
   (Django ticket #36991, fixed after 5.2). Here the request is built without the header's
   parameters and marked, and core.middleware.FormDataMiddleware answers it with a 400.
"""

import functools

from django.core.exceptions import BadRequest
from django.http import HttpRequest
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.blocks.base import BlockWidget

# What reading malformed form data raises: a missing key (MultiValueDictKeyError), text that is
# no number or no JSON (ValueError, JSONDecodeError), JSON of the wrong shape (TypeError,
# AttributeError, IndexError) or nested too deep (RecursionError).
UNREADABLE = (KeyError, ValueError, TypeError, AttributeError, IndexError, RecursionError)

PATCHED_WIDGETS = (DraftailRichTextArea, BlockWidget)


def refusing_unreadable_data(value_from_datadict):
    @functools.wraps(value_from_datadict)
    def read(widget, data, files, name):
        try:
            return value_from_datadict(widget, data, files, name)
        except UNREADABLE as error:
            raise BadRequest(f"Unreadable form data for {name!r}: {error!r}") from error

    return read


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
    for widget_class in PATCHED_WIDGETS:
        widget_class.value_from_datadict = refusing_unreadable_data(
            widget_class.value_from_datadict
        )
    HttpRequest._set_content_type_params = tolerating_unparsable_content_type(
        HttpRequest._set_content_type_params
    )
