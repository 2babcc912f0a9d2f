"""Each patch in core/patches.py is applied, and still needed: Django's and Wagtail's own code
still raises on the input the patch turns into a 400. When an upgrade fixes that upstream, the
test of the upstream behaviour fails: remove the patch then."""

import json

import pytest
from django.core.exceptions import BadRequest
from django.http import HttpRequest
from django.test import RequestFactory
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.blocks import CharBlock, StreamBlock
from wagtail.blocks.base import BlockWidget

from core.patches import PATCHED_WIDGETS


def stream_widget():
    return BlockWidget(StreamBlock([("text", CharBlock())]))


@pytest.mark.parametrize("widget_class", PATCHED_WIDGETS)
def test_the_patch_wraps_wagtails_own_method(widget_class):
    assert widget_class.value_from_datadict.__wrapped__.__module__.startswith("wagtail.")


def test_wagtails_rich_text_widget_still_fails_on_text_that_is_no_json():
    """wagtail/wagtail#6728."""
    original = DraftailRichTextArea.value_from_datadict.__wrapped__
    with pytest.raises(json.JSONDecodeError):
        original(DraftailRichTextArea(), {"body": "not JSON"}, {}, "body")


def test_wagtails_stream_field_still_fails_without_its_count():
    """wagtail/wagtail#11920."""
    with pytest.raises(KeyError):
        StreamBlock([("text", CharBlock())]).value_from_datadict({}, {}, "body")


@pytest.mark.parametrize(
    ("widget", "data"),
    [
        (DraftailRichTextArea(), {"body": "not JSON"}),
        (stream_widget(), {}),
        (stream_widget(), {"body-count": "x"}),
    ],
)
def test_patched_widgets_call_such_data_a_bad_request(widget, data):
    with pytest.raises(BadRequest):
        widget.value_from_datadict(data, {}, "body")


def test_patched_widgets_still_read_good_data():
    data = {
        "body-count": "1",
        "body-0-deleted": "",
        "body-0-type": "text",
        "body-0-value": "Dobrý den",
        "body-0-order": "0",
        "body-0-id": "",
    }
    assert [block.value for block in stream_widget().value_from_datadict(data, {}, "body")] == [
        "Dobrý den"
    ]


UNPARSABLE_CONTENT_TYPE = "multipart/form-data; charset*=nosuch''x"


def test_djangos_request_still_fails_on_a_content_type_in_an_unknown_rfc2231_charset():
    """Django ticket #36991."""
    original = HttpRequest._set_content_type_params.__wrapped__
    with pytest.raises(ValueError):
        original(HttpRequest(), {"CONTENT_TYPE": UNPARSABLE_CONTENT_TYPE})


def test_a_request_with_such_a_content_type_is_built_and_marked():
    request = RequestFactory().post("/cs/", b"name=Jana", content_type=UNPARSABLE_CONTENT_TYPE)
    assert request.content_type_unparsable
    assert (request.content_type, request.content_params) == ("", {})
    request = RequestFactory().post("/cs/", b"name=Jana", content_type="text/plain; charset=utf-8")
    assert not request.content_type_unparsable
    assert request.content_params == {"charset": "utf-8"}
