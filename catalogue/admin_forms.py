"""The admin's editing form for project pages."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from catalogue.templatetags.catalogue_tags import number
from core.admin_forms import BasePageAdminForm

FULL_SHARE = Decimal(100)


class ProjectPageAdminForm(BasePageAdminForm):
    """Wagtail's checks, and: the funding sources' shares, where given, add up to 100 %."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("funding_sources")
        # A row with its own error is reported there; the total is checked once all are valid.
        if formset is None or not formset.is_valid():
            return cleaned_data
        shares = [
            form.cleaned_data["share"]
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if shares and sum(shares) != FULL_SHARE:
            # Shown above the funding sources, where the editor fixes it.
            formset._non_form_errors.append(
                _("The shares of the funding sources add up to %(total)s %%, not 100 %%.")
                % {"total": number(sum(shares))}
            )
        return cleaned_data
