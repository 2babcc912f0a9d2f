"""The page editor's form that every page type of the site builds on."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

# The heading of the page editor's tab that holds the slug (core.models.edit_tabs).
SLUG_TAB = _("Promote")


class SlugErrorAtTheTop:
    """Wagtail shows a slug error only beside the field, on the Promote tab, while an editor who
    typed a title is on the Content tab and reads only "could not be saved". A slug error is
    also said at the top of the form with the field and its tab; a taken slug (often by an
    abandoned draft of the same title) names the page that holds it."""

    def clean(self):
        cleaned_data = super().clean()
        if self.has_error("slug"):
            self.add_error(None, self.slug_error_message())
        return cleaned_data

    def slug_error_message(self):
        where = {"field": self.fields["slug"].label, "tab": SLUG_TAB}
        slug = self.data.get("slug", "")
        holder = self.sibling_with_slug(slug) if slug else None
        if holder is None:
            return _("Check the field “%(field)s” on the “%(tab)s” tab: %(error)s") % {
                **where,
                "error": " ".join(self.errors["slug"]),
            }
        if holder.live:
            message = _(
                "The address “%(slug)s” is taken by the page “%(title)s” in the same section. "
                "Change the field “%(field)s” on the “%(tab)s” tab."
            )
        else:
            message = _(
                "The address “%(slug)s” is taken by the draft “%(title)s” in the same section. "
                "Change the field “%(field)s” on the “%(tab)s” tab, or delete the draft if "
                "nobody needs it."
            )
        return message % {**where, "slug": slug, "title": holder.title}

    def sibling_with_slug(self, slug):
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if parent is None:
            return None
        siblings = Page.objects.child_of(parent).filter(slug=slug)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return siblings.first()


class BasePageAdminForm(SlugErrorAtTheTop, WagtailAdminPageForm):
    """Wagtail's page form, with slug errors said where the editor is."""
