"""Admin form data that no editor's browser produced is a bad request, not a server error.

Wagtail's admin widgets read their part of a POST without checking it: the rich-text editor's JSON
(`json.loads` in DraftailRichTextArea.value_from_datadict, wagtail/wagtail#6728) and a
StreamField's item count and keys (`int(data["experts-count"])` in StreamBlock and ListBlock,
wagtail/wagtail#11920). A crafted or truncated POST (non-JSON in a Draftail field, a revision
revert sent without `experts-count`, an image id that is no number) raised KeyError, ValueError
or TypeError out of the edit view: a 500. Here they raise BadRequest, answered by
core.views.bad_request (400, in the editor's language); nothing is saved.
"""

import functools

from django.core.exceptions import BadRequest
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.blocks.base import BlockWidget

WRITTEN_FOR = {"wagtail": "7.4"}
DRAFTAIL = "wagtail.admin.rich_text.editors.draftail.DraftailRichTextArea"
RELIES_ON = {
    f"{DRAFTAIL}.value_from_datadict": "18d59c6fd4029e09",
    "wagtail.blocks.base.BlockWidget.value_from_datadict": "b5a38061dba05aa7",
}

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


def apply():
    for widget_class in PATCHED_WIDGETS:
        widget_class.value_from_datadict = refusing_unreadable_data(
            widget_class.value_from_datadict
        )
