"""Two admin views that answer 500 for the tree's root page answer 404 instead.

Wagtail's `set_page_position` reads the moved page's parent's permissions, and the page chooser's
`ChosenMultipleView` each chosen page's parent id: the root has no parent (None), so any admin user
(a partner included) could make the server fail with `/admin/pages/1/set_position/` or
`/admin/choose-page/chosen-multiple/?id=1`; the chooser failed on an id that is no number too. No
upstream issue found. The views keep Wagtail's addresses and names: lepsimesta/urls.py puts these
ahead of Wagtail's own (`url_patterns`), and they call Wagtail's views for every other request.
"""

from django.http import Http404
from django.urls import path
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages.ordering import set_page_position
from wagtail.models import Page

WRITTEN_FOR = {"wagtail": "7.4"}
RELIES_ON = {
    "wagtail.admin.views.pages.ordering.set_page_position": "d764d769c645548f",
    "wagtail.admin.views.chooser.ChosenMultipleView": "205ed552f9cb64db",
}

chosen_multiple = ChosenMultipleView.as_view()


def is_root(page_id):
    return not Page.objects.filter(pk=page_id, depth__gt=1).exists()


def set_position_below_the_root(request, page_to_move_id):
    if is_root(page_to_move_id):
        raise Http404
    return set_page_position(request, page_to_move_id)


def chosen_pages_below_the_root(request):
    ids = request.GET.getlist("id")
    if not all(pk.isascii() and pk.isdigit() for pk in ids) or any(is_root(pk) for pk in ids):
        raise Http404
    return chosen_multiple(request)


def url_patterns():
    """Ahead of Wagtail's admin URLs. The chooser's keeps Wagtail's name, which the partners'
    admin scope checks (partners/accounts/admin.py); reversing either name gives this address."""
    return [
        path("admin/pages/<int:page_to_move_id>/set_position/", set_position_below_the_root),
        path(
            "admin/choose-page/chosen-multiple/",
            chosen_pages_below_the_root,
            name="wagtailadmin_choose_page_chosen_multiple",
        ),
    ]


def apply():
    """Nothing to change at start-up: the URLs do it (lepsimesta/urls.py)."""
