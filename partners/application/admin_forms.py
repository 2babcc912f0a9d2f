"""The admin's editing form for application form pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from core.admin_forms import SlugErrorAtTheTop
from partners.application.names import RESERVED_FIELD_NAMES


class ApplicationFormPageAdminForm(SlugErrorAtTheTop, WagtailAdminFormPageForm):
    """Wagtail's checks, and: no field may take the name of one the form always has."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset else []:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            clean_name = form.instance.clean_name or form.instance.get_field_clean_name()
            if clean_name in RESERVED_FIELD_NAMES:
                form.add_error(
                    "label",
                    _("This label is reserved for a field the form always has; choose another."),
                )
        return cleaned_data
