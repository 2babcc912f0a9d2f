"""The page listings' "Owner" and "Edited by" filters offer the people of the pages the user may
act on, not everyone who owns or edited any page of the site.

The listings (the explorer, the admin's page search, a page type's listing) list only the pages
the user may explore, but their filters offered every owner and editor of the site: a partner
read the names of the other partners' people and SMO's there. No upstream issue found;
wagtail#9116 was the same for the locked pages report's "Locked by". Every listing's filter set
inherits these two filters (django-filter copies the declared filter objects, not their
querysets) and builds each request's choices from them.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.models import PageLogEntry
from wagtail.permissions import page_permission_policy

WRITTEN_FOR = {"wagtail": "7.4"}
RELIES_ON = {"wagtail.admin.views.pages.listing.PageFilterSet": "539caab5f3da2d48"}

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


def apply():
    PageFilterSet.declared_filters["owner"].queryset = owners_of_pages_to_act_on
    PageFilterSet.declared_filters["edited_by"].queryset = editors_of_pages_to_act_on
