"""Each patch of Django, Wagtail or wagtail-localize (core/patches/) still fits the code it was
written for, and is still needed.

A patch names the package versions it was written for and fingerprints the source of every symbol
it relies on: when an upgrade moves on, these tests fail until someone has read the patch against
the new code and recorded the new fingerprint (or dropped the patch). Where a patch works around
a bug, a test shows the bug is still there upstream; when it is fixed there, remove the patch.
What the patches do for a person is tested where it matters (the 400 pages in
tests/core/test_no_server_errors.py, partners' isolation in tests/partners/).
"""

import hashlib
import inspect
import json
from importlib import import_module
from importlib.metadata import version

import pytest
from django.core.exceptions import BadRequest
from django.http import HttpRequest
from django.test import RequestFactory
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.admin.views.pages.ordering import set_page_position
from wagtail.blocks import CharBlock, StreamBlock
from wagtail.blocks.base import BlockWidget
from wagtail.models import Page

from core.patches import PATCHES
from core.patches.page_listing_people import editors_of_pages_to_act_on, owners_of_pages_to_act_on
from core.patches.unreadable_form_data import PATCHED_WIDGETS
from press.views import PressReleaseFilterSet

FIXED = "To accept the new code, put this fingerprint in RELIES_ON once the patch is checked"


def symbol(dotted):
    """The object a dotted name points to: a module attribute, or a class's attribute."""
    module_name, _, rest = dotted.partition(".")
    obj = import_module(module_name)
    for part in rest.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            obj = import_module(f"{obj.__name__}.{part}")
    return getattr(obj, "fn", obj)  # Wagtail's cached_classmethod keeps the function as .fn


def fingerprint(dotted):
    return hashlib.sha256(inspect.getsource(symbol(dotted)).encode()).hexdigest()[:16]


def relied_on():
    for name in PATCHES:
        patch = import_module(name)
        for dotted, recorded in patch.RELIES_ON.items():
            yield pytest.param(name, dotted, recorded, id=f"{name.rsplit('.', 1)[1]}:{dotted}")


@pytest.mark.parametrize(("patch", "dotted", "recorded"), list(relied_on()))
def test_the_code_a_patch_relies_on_has_not_changed(patch, dotted, recorded):
    assert fingerprint(dotted) == recorded, f"{patch}: {dotted} changed. {FIXED}."


@pytest.mark.parametrize("name", PATCHES)
def test_a_patch_is_for_the_installed_versions(name):
    for package, written_for in import_module(name).WRITTEN_FOR.items():
        installed = version(package)
        assert installed == written_for or installed.startswith(written_for + "."), (
            f"{name} was written for {package} {written_for}; {installed} is installed"
        )


def test_a_changed_symbol_changes_its_fingerprint():
    assert fingerprint("core.patches.apply") != fingerprint("core.patches.admin_language.apply")


# unreadable_form_data and content_type_params -----------------------------------------------


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


# page_listing_people --------------------------------------------------------------------------


def test_every_page_listing_offers_the_patched_people():
    # The explorer's filter set and this project's listing of releases inherit the patched
    # filter objects.
    for filter_set in (PageFilterSet, GenericPageFilterSet, PressReleaseFilterSet):
        assert filter_set.base_filters["owner"].queryset is owners_of_pages_to_act_on
        assert filter_set.base_filters["edited_by"].queryset is editors_of_pages_to_act_on


# root_page_views ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_wagtails_views_still_fail_on_the_root_page(rf, admin_user, site):
    request = rf.post("/admin/pages/1/set_position/")
    request.user = admin_user
    with pytest.raises(AttributeError):
        set_page_position(request, Page.get_first_root_node().pk)
