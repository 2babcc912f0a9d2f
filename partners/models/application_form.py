"""The application and contact form: one bilingual page built on Wagtail's form builder.

The application type is a fixed first field defined in code (not an editable form field), so that
it has the same stored value in both languages and selects the confirmation text for the
applicant. Editors change every other field in the admin; translated fields keep the Czech
field's name, type and required flag, so both languages' submissions line up in one export.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage, OutgoingEmail
from partners.application import mail as application_mail
from partners.application.admin_forms import ApplicationFormPageAdminForm
from partners.application.forms import ApplicationFormBuilder
from partners.application.names import WORKING_GROUP_FIELD_TYPE
from partners.application.submission import handle_post
from partners.application.types import ApplicationType
from partners.application.views import ApplicationSubmissionsListView
from partners.models.form_tokens import UsedFormToken

# The thank-you address under the form page, in the visitor's language.
THANK_YOU_SLUGS = {"cs": "dekujeme", "en": "thank-you"}
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ApplicationFormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey(
        "partners.ApplicationFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    # Wagtail's types, and a list of the working groups read from the catalogue's areas, so
    # that renaming a group is one edit of its area.
    field_type = models.CharField(
        verbose_name=_("field type"),
        max_length=16,
        choices=[
            *FORM_FIELD_CHOICES,
            (WORKING_GROUP_FIELD_TYPE, _("Working group (the list of areas)")),
        ],
    )
    field_type.required_on_save = True

    # Labels, help texts and choices are translated; the field's name, type and required flag
    # stay the Czech field's, so a submission in either language has the same keys.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("Form field")
        verbose_name_plural = _("Form fields")


class ApplicationSubmission(AbstractFormSubmission):
    """One sent form; `language` is the language the visitor used."""

    language = models.CharField(_("Language"), max_length=8, choices=settings.LANGUAGES)
    # Its e-mails in the outbox; deleted with it (purge_submissions keeps that promise).
    outgoing_emails = GenericRelation(OutgoingEmail, related_query_name="application_submission")

    class Meta:
        verbose_name = _("Form submission")
        verbose_name_plural = _("Form submissions")

    @property
    def application_type(self):
        return self.form_data.get("application_type", "")

    def application_type_label(self):
        value = self.application_type
        return ApplicationType(value).label if value in ApplicationType.values else value

    def delivery_state(self):
        """Where this submission's e-mails are, for the submissions list and the export."""
        messages = list(self.outgoing_emails.all())
        if not messages:
            return "—"
        order = {kind: index for index, kind in enumerate(application_mail.KINDS)}
        return "; ".join(
            f"{message.kind_label}: {message.get_status_display()}"
            for message in sorted(messages, key=lambda m: order.get(m.kind, len(order)))
        )

    def get_data(self):
        return {
            **super().get_data(),
            "application_type": self.application_type_label(),
            "language": self.get_language_display(),
            "delivery_state": self.delivery_state(),
        }


class ApplicationFormPage(RoutablePageMixin, AbstractEmailForm, BasePage):
    """How organisations and people join or ask: the form routed to the site's contact e-mail."""

    intro = RichTextField(_("Introduction"), blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        _("Thank-you text"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after the form is sent."),
    )
    open_from = models.DateField(
        _("Open from"), null=True, blank=True, help_text=_("Leave empty if always open.")
    )
    open_until = models.DateField(
        _("Open until"),
        null=True,
        blank=True,
        help_text=_("The last day on which the form accepts submissions."),
    )
    confirmation_sponsorship = models.TextField(
        _("Confirmation: sponsorship programme"), blank=True
    )
    confirmation_startup = models.TextField(_("Confirmation: start-up or small firm"), blank=True)
    confirmation_expert = models.TextField(_("Confirmation: expert nomination"), blank=True)
    confirmation_question = models.TextField(_("Confirmation: general question"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("form field")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("open_from"), FieldPanel("open_until")])],
            heading=_("When the form is open"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("confirmation_sponsorship"),
                FieldPanel("confirmation_startup"),
                FieldPanel("confirmation_expert"),
                FieldPanel("confirmation_question"),
            ],
            heading=_("Confirmation e-mail to the applicant, by application type"),
        ),
        FieldPanel("to_address"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        SynchronizedField("subject"),
    ]

    base_form_class = ApplicationFormPageAdminForm
    form_builder = ApplicationFormBuilder
    submissions_list_view_class = ApplicationSubmissionsListView
    template = "pages/application_form_page.html"
    landing_page_template = "pages/application_form_page_landing.html"
    description_field = "intro"
    parent_page_types = ["home.HomePage"]
    # Its sub-addresses (the thank-you page) are routes: a child page would hide behind them.
    subpage_types = []

    class Meta:
        verbose_name = _("Application form page")
        verbose_name_plural = _("Application form pages")

    # The form builder

    def get_submission_class(self):
        return ApplicationSubmission

    def get_submissions(self):
        # Both languages' submissions, in one list and one export.
        return ApplicationSubmission.objects.filter(
            page__translation_key=self.translation_key
        ).prefetch_related("outgoing_emails")

    def get_data_fields(self):
        # Column headings from the page in the default language: the same in every export.
        default = self.get_translation_or_none(Locale.get_default()) or self
        submit_time, *fields = super(ApplicationFormPage, default.specific).get_data_fields()
        return [
            submit_time,
            ("language", _("Language")),
            ("application_type", _("Application type")),
            *fields,
            ("delivery_state", _("E-mail delivery")),
        ]

    def confirmation_text(self, application_type):
        return getattr(self, f"confirmation_{application_type}", "")

    # Opening dates

    def opening_state(self, today=None):
        """ "open", "not_yet" (before open_from) or "closed" (after open_until)."""
        today = today or timezone.localdate()
        if self.open_from and today < self.open_from:
            return "not_yet"
        if self.open_until and today > self.open_until:
            return "closed"
        return "open"

    # Serving

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["retention_months"] = settings.FORM_SUBMISSION_RETENTION_MONTHS
        return context

    def serve(self, request, *args, **kwargs):
        # The form carries a CSRF token and the visitor's answers: never cache it anywhere.
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def serve_preview(self, request, mode_name):
        # RoutablePageMixin comes first in the MRO and would preview every mode as the form.
        if mode_name == "landing":
            return self.render_landing_page(request)
        return super().serve_preview(request, mode_name)

    def subpage_path_in(self, request, language_code):
        # The thank-you page's address is worded in each language.
        match = getattr(request, "routable_resolver_match", None)
        if match is not None and match.url_name == "thank_you":
            slug = THANK_YOU_SLUGS.get(language_code, THANK_YOU_SLUGS["en"])
            return self.reverse_subpage("thank_you", kwargs={"slug": slug})
        return super().subpage_path_in(request, language_code)

    def thank_you_url(self, request, application_type=None):
        slug = THANK_YOU_SLUGS.get(self.locale.language_code, THANK_YOU_SLUGS["en"])
        url = self.get_url(request) + self.reverse_subpage("thank_you", kwargs={"slug": slug})
        return f"{url}?type={application_type}" if application_type else url

    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.method == "POST":
            return handle_post(self, request)
        state = self.opening_state()
        form = None
        if state == "open":
            # Links may open the form with answers chosen (?type=expert&group=transport).
            form = self.get_form(page=self, user=request.user, prefill=request.GET)
        return self.render_form(request, form)

    @re_path(rf"^(?P<slug>{'|'.join(THANK_YOU_SLUGS.values())})/$", name="thank_you")
    def thank_you(self, request, slug):
        application_type = request.GET.get("type", "")
        if application_type not in ApplicationType.values:
            application_type = ""
        return self.render_landing_page(request, application_type=application_type)

    def render_form(self, request, form, status=200, notice=None):
        context = self.get_context(request)
        context.update(
            form=form,
            opening_state=self.opening_state(),
            notice=notice,
            language=translation.get_language(),
        )
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(self, request, form_submission=None, application_type="", **kwargs):
        context = self.get_context(request)
        context.update(
            form_submission=form_submission,
            application_type=application_type,
            confirmation_text=self.confirmation_text(application_type) if application_type else "",
        )
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def accept_submission(self, form, language, nonce):
        """Store the submission, its e-mails and its form token as used, in one transaction.

        Raises FormTokenUsed (and stores nothing) if the token was used already. The e-mails are
        sent by the mail worker (`send_pending_mail --loop`), never while the visitor waits;
        with MAIL_DELIVERY = "immediate" (development) the outbox sends them right after the
        commit, and whatever sending raises, the stored submission still gets its thank-you page.
        """
        with transaction.atomic():
            UsedFormToken.claim(nonce)
            submission = ApplicationSubmission.objects.create(
                page=self, form_data=form.submission_data(), language=language
            )
            application_mail.queue_submission_emails(self, submission, form)
        return submission

    def redirect_to_thank_you(self, request, application_type=None):
        return redirect(self.thank_you_url(request, application_type))
