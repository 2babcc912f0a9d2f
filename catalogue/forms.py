"""The guide page's "for my city" form: a town's population, read from a plain GET parameter."""

from django import forms
from django.utils.translation import gettext_lazy as _

# Prague has 1.4 million inhabitants; a bound well above any city keeps the arithmetic sane.
MAX_POPULATION = 20_000_000

POPULATION_MESSAGE = _("Enter the number of inhabitants as a whole number from 1 to 20,000,000.")


class PopulationForm(forms.Form):
    population = forms.IntegerField(
        label=_("Inhabitants of your town"),
        min_value=1,
        max_value=MAX_POPULATION,
        # One message for every wrong input: it says what to type, not what went wrong.
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), POPULATION_MESSAGE
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
    )
