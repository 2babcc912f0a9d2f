"""Admin reports: untranslated pages; failed sign-in attempts (recorded by django-axes)."""

from axes.models import AccessFailureLog
from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permissions import ModelPermissionPolicy, page_permission_policy


class TranslationStatusColumn(TitleColumn):
    """The status, linked to where the editor acts on it: the translation editor of an
    outdated English page, or "Translate this page" for a missing one."""

    def __init__(self, name, **kwargs):
        super().__init__(name, get_url=self.action_url, **kwargs)

    @staticmethod
    def action_url(instance):
        if instance.translation_id is None:
            return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
        return reverse("wagtailadmin_pages:edit", args=[instance.translation_id])

    def get_value(self, instance):
        if instance.translation_id is None:
            return _("English translation missing – translate")
        return _("English translation older than the Czech page – edit the translation")


class UntranslatedPagesView(ReportView):
    page_title = _("Missing or outdated translations")
    header_icon = "globe"
    index_url_name = "untranslated_pages"
    index_results_url_name = "untranslated_pages_results"
    permission_policy = page_permission_policy
    any_permission_required = ["change", "publish"]
    list_export = ["title", "url_path", "latest_revision_created_at", "translated_at"]
    export_headings = {
        "latest_revision_created_at": _("Czech page updated"),
        "translated_at": _("English page updated"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Czech page"),
            url_name="wagtailadmin_pages:edit",
        ),
        TranslationStatusColumn("status", label=_("Status")),
        DateColumn("latest_revision_created_at", label=_("Czech page updated")),
        DateColumn("translated_at", label=_("English page updated")),
    ]

    def get_queryset(self):
        return untranslated_pages()

    def get_index_url(self):
        return reverse(self.index_url_name)


def untranslated_pages():
    """Czech pages whose English translation is missing or older than the Czech page."""
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    translations = Page.objects.filter(
        translation_key=OuterRef("translation_key"), alias_of__isnull=True
    ).exclude(locale=source)
    return (
        Page.objects.filter(locale=source, depth__gt=1)
        .annotate(
            translated=Exists(translations),
            translated_at=Subquery(
                translations.order_by("latest_revision_created_at").values(
                    "latest_revision_created_at"
                )[:1]
            ),
            translation_id=Subquery(
                translations.order_by("latest_revision_created_at").values("pk")[:1]
            ),
        )
        .filter(Q(translated=False) | Q(translated_at__lt=F("latest_revision_created_at")))
        .order_by("path")
    )


class LoginAttemptsView(ReportView):
    """Every failed sign-in, newest first: who tried which user name, from where, and whether
    it ended in a lockout. Only superusers and holders of axes' view permission may read it."""

    page_title = _("Login attempts")
    header_icon = "lock"
    index_url_name = "login_attempts"
    index_results_url_name = "login_attempts_results"
    permission_policy = ModelPermissionPolicy(AccessFailureLog)
    permission_required = "view"
    columns = [
        DateColumn("attempt_time", label=_("Time")),
        Column("username", label=_("User name")),
        Column("ip_address", label=_("IP address")),
        BooleanColumn("locked_out", label=_("Locked out")),
        Column("user_agent", label=_("Browser")),
    ]

    def get_queryset(self):
        return AccessFailureLog.objects.order_by("-attempt_time")

    def get_index_url(self):
        return reverse(self.index_url_name)
