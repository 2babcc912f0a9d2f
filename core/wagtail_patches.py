"""Wagtail, patched, in one place (DESIGN.md, principle 7). Each patch says what it replaces and
why; tests/core/test_wagtail_patches.py fails when the code it replaces changes, so that an
upgrade looks at the patch again (and drops it once Wagtail does the same).
"""

from django.contrib.auth import get_user_model
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.models import PageLogEntry
from wagtail.permissions import page_permission_policy

# The permissions that open Wagtail's page listings (IndexView.any_permission_required).
PAGE_LISTING_PERMISSIONS = {"add", "change", "publish", "bulk_delete", "lock", "unlock"}


def pages_to_act_on(request):
    return page_permission_policy.instances_user_has_any_permission_for(
        request.user, PAGE_LISTING_PERMISSIONS
    )


def owners_of_pages_to_act_on(request):
    owners = pages_to_act_on(request).order_by().values("owner_id")
    return get_user_model().objects.filter(pk__in=owners)


def editors_of_pages_to_act_on(request):
    edits = PageLogEntry.objects.filter(action="wagtail.edit", page__in=pages_to_act_on(request))
    return get_user_model().objects.filter(pk__in=edits.order_by().values("user_id"))


def scope_page_listing_people():
    """The page listings (the explorer, the admin's page search, a page type's listing) offer as
    "Owner" and "Edited by" everyone who owns or edited any page of the site, though they list
    only the pages the user may explore: a partner read the names of the other partners' people
    and SMO's there. They offer the people of the pages the user may act on instead. No upstream
    issue found; wagtail#9116 was the same for the locked pages report's "Locked by".

    Every listing's filter set inherits these two filters (django-filter copies the declared
    filter objects, not their querysets) and builds each request's choices from them."""
    PageFilterSet.declared_filters["owner"].queryset = owners_of_pages_to_act_on
    PageFilterSet.declared_filters["edited_by"].queryset = editors_of_pages_to_act_on
