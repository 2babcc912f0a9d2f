"""The admin's list of press releases: both languages, filtered by language, year and status."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views.pages.choose_parent import ChooseParentView
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale, WorkflowState

from .models import PressReleasePage


def release_years():
    dates = PressReleasePage.objects.dates("release_date", "year", order="DESC")
    return [(str(date.year), str(date.year)) for date in dates]


def awaiting_approval(pages):
    """Pages in a workflow: submitted and not yet approved, or sent back for changes."""
    return pages.filter(
        _workflow_states__status__in=[
            WorkflowState.STATUS_IN_PROGRESS,
            WorkflowState.STATUS_NEEDS_CHANGES,
        ]
    ).distinct()


class PressReleaseFilterSet(PageFilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"), field_name="release_date__year", choices=release_years
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            ("live", _("Published")),
            ("awaiting_approval", _("Awaiting approval")),
            ("draft", _("Not published")),
        ],
        method="filter_status",
    )

    class Meta:
        model = PressReleasePage
        fields = []

    def filter_status(self, queryset, name, value):
        if value == "live":
            return queryset.filter(live=True)
        if value == "draft":
            return queryset.filter(live=False)
        return awaiting_approval(queryset)


class PressReleaseIndexView(IndexView):
    add_item_label = _("New release")
    default_ordering = "-release_date"
    # Wagtail's page columns, with the release date after the title.
    base_columns = [
        *IndexView.base_columns[:2],
        DateColumn("release_date", label=_("Release date"), sort_key="release_date"),
        *IndexView.base_columns[2:],
    ]


class NewReleaseView(ChooseParentView):
    """ "New release" starts in Czech: the choice of parent is among the press indexes of the
    default language, so with one Czech index Wagtail goes straight to its add view (English
    releases are translations of Czech ones, made with "Translate")."""

    def get_valid_parent_pages(self, user):
        return super().get_valid_parent_pages(user).filter(locale=Locale.get_default())


class PressReleaseListingViewSet(PageListingViewSet):
    model = PressReleasePage
    index_view_class = PressReleaseIndexView
    choose_parent_view_class = NewReleaseView
    filterset_class = PressReleaseFilterSet
    icon = "mail"
    menu_label = _("Press releases")
    menu_order = 290
    add_to_admin_menu = True
    name = "press_releases"
