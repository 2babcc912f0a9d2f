"""The admin's editing form for partner and start-up profiles."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, Model
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from core.admin_forms import BasePageAdminForm
from partners.accounts.scope import choosable

IMAGE_REFUSED = _("This image is not in a collection you may use. Choose one of your own images.")
DOCUMENT_REFUSED = _(
    "This document is not in a collection you may use. Choose one of your own documents."
)
PAGE_REFUSED = _(
    "This links to a page you may not link to. Use its public address as an external link."
)
OTHER_REFUSED = _("This field holds an item you may not choose.")


def chosen_objects(model_field, value):
    """{(model, id)} of what a field's value chooses: a foreign key's object, and the images,
    documents, pages and snippets that its rich text or blocks link to or embed."""
    if isinstance(model_field, ForeignKey):
        pk = value.pk if isinstance(value, Model) else value
        return set() if pk is None else {(model_field.related_model, str(pk))}
    if hasattr(model_field, "extract_references"):
        references = model_field.extract_references(value)
        return {(model, str(pk)) for model, pk, _path, _content_path in references}
    return set()


def refusal(model):
    if issubclass(model, get_image_model()):
        return IMAGE_REFUSED
    if issubclass(model, get_document_model()):
        return DOCUMENT_REFUSED
    return PAGE_REFUSED if issubclass(model, Page) else OTHER_REFUSED


class ProfileAdminForm(BasePageAdminForm):
    """Wagtail's checks, and: what the profile's choosers hold is what the editor's choosers offer.

    Wagtail's choosers show a partner only its own collection (and partners/wagtail_hooks.py only
    its own pages), but the form took any id: `logo=6` put an image of a private collection on a
    profile, public after approval. A newly chosen object must be one the editor may choose
    (partners/accounts/scope.py; SMO's editors choose from everything). What the page holds
    already stays, so a logo that a moderator chose does not stop its partner from saving.
    """

    def clean(self):
        cleaned_data = super().clean()
        for name, value in list(cleaned_data.items()):
            try:
                model_field = self.instance._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            before = chosen_objects(model_field, model_field.value_from_object(self.instance))
            for model, pk in chosen_objects(model_field, value) - before:
                if not choosable(self.for_user, model).filter(pk=pk).exists():
                    self.add_error(name, refusal(model))
                    break
        return cleaned_data
