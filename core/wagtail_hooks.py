from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet

from core.admin_api import register_choosable_media_endpoints
from core.dashboard import Shortcut, welcome_panel
from core.models import Publisher
from core.patches.admin_language import LocalizedSnippetViewSet
from core.reports import LoginAttemptsView, UntranslatedPagesView, untranslated_pages


class PublisherViewSet(LocalizedSnippetViewSet):
    """Settings → Publisher, beside the site settings that choose it."""

    model = Publisher
    icon = "site"
    add_to_settings_menu = True
    list_display = ["name", "url"]


register_snippet(PublisherViewSet)


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path("reports/untranslated/", UntranslatedPagesView.as_view(), name="untranslated_pages"),
        path(
            "reports/untranslated/results/",
            UntranslatedPagesView.as_view(results_only=True),
            name="untranslated_pages_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Missing translations"),
        reverse("untranslated_pages"),
        icon_name="globe",
        order=700,
    )


@hooks.register("construct_homepage_panels")
def add_welcome_panel(request, panels):
    panels.append(welcome_panel(request))


@hooks.register("dashboard_shortcuts")
def missing_translations_shortcut(request):
    if not page_permission_policy.user_has_any_permission(request.user, ["change", "publish"]):
        return []
    return [
        Shortcut(
            _("Missing translations"),
            reverse("untranslated_pages"),
            icon="globe",
            count=untranslated_pages().count(),
        )
    ]


@hooks.register("construct_reports_menu")
def translations_report_in_the_editors_language(request, menu_items):
    """wagtail-localize names its report with a plain gettext when the menu is first built, in
    the language of whoever asked first; the label is put back to one read per request."""
    report_url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == report_url:
            item.label = _("Translations")


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_urls")
def register_login_attempts_urls():
    return [
        path("reports/login-attempts/", LoginAttemptsView.as_view(), name="login_attempts"),
        path(
            "reports/login-attempts/results/",
            LoginAttemptsView.as_view(results_only=True),
            name="login_attempts_results",
        ),
    ]


class LoginAttemptsMenuItem(MenuItem):
    def is_shown(self, request):
        return LoginAttemptsView.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_login_attempts_menu_item():
    return LoginAttemptsMenuItem(
        _("Login attempts"), reverse("login_attempts"), icon_name="lock", order=800
    )


@hooks.register("register_permissions")
def register_login_attempts_permission():
    # Settings → Groups can then let a group read the report without making anyone superuser.
    return Permission.objects.filter(
        content_type__app_label="axes", codename="view_accessfailurelog"
    )


# After Wagtail's own images and documents endpoints (order 0), which these replace.
hooks.register("construct_admin_api", register_choosable_media_endpoints, order=10)
