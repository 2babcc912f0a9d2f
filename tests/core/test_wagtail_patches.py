"""The patches in core/wagtail_patches.py still patch what they were written for. When an upgrade
changes the code a patch replaces, a test here fails, so that someone looks at the patch again
(and drops it once Wagtail does the same). What the patches do for a user is tested where it
matters (tests/partners/test_partner_isolation.py)."""

import hashlib
import inspect

from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet

from core.wagtail_patches import editors_of_pages_to_act_on, owners_of_pages_to_act_on
from press.views import PressReleaseFilterSet

# PageFilterSet as Wagtail 7.4.4 has it: its "owner" and "edited_by" filters offer every user who
# owns or edited any page.
PAGE_FILTER_SET_SHA256 = "539caab5f3da2d485af55dc00c48d5035516f048b4306c547a95a0423b38f9f9"


def test_wagtails_page_filters_are_those_the_patch_was_written_for():
    source = inspect.getsource(PageFilterSet)
    assert hashlib.sha256(source.encode()).hexdigest() == PAGE_FILTER_SET_SHA256


def test_every_page_listing_offers_the_patched_people():
    # The explorer's filter set and this project's listing of releases inherit the patched
    # filter objects.
    for filter_set in (PageFilterSet, GenericPageFilterSet, PressReleaseFilterSet):
        assert filter_set.base_filters["owner"].queryset is owners_of_pages_to_act_on
        assert filter_set.base_filters["edited_by"].queryset is editors_of_pages_to_act_on
