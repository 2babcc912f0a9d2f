"""What every app shares: the abstract BasePage (SEO and social fields), site settings and the
attempt counter behind rate limits (core/throttle.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


class BasePage(Page):
    """Every public page: social-sharing fields and the hreflang/canonical logic live here."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Social sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200 × 630 px)."),
    )
    social_text = models.CharField(
        _("Social sharing text"),
        max_length=300,
        blank=True,
        help_text=_("Falls back to the search description."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Social sharing"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def sharing_text(self):
        return self.social_text or self.search_description

    def subpage_path_in(self, request, language_code):
        """The sub-page the request shows (a year archive, a thank-you page), as its path reads
        under this page's translation in `language_code`; "" for the page itself."""
        match = getattr(request, "routable_resolver_match", None)
        if match is None or not hasattr(self, "reverse_subpage"):
            return ""
        return self.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("Contact e-mail"),
        default="info@lepsimesta.cz",
        help_text=_("Shown in the footer; applications are routed here."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    # The footer of every page links both pages: fetch them with the settings.
    select_related = ["privacy_page", "accessibility_page"]

    panels = [
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Footer pages"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("linkedin_url")],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("Site settings")


class ThrottleHit(models.Model):
    """One attempt counted by a rate limit (core/throttle.py); `key` hashes scope and client."""

    scope = models.CharField(max_length=50)
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["key", "created_at"]),
            models.Index(fields=["scope", "created_at"]),
        ]
