"""The admin's list and export of application-form submissions."""

from wagtail.contrib.forms.views import SubmissionsListView

# A spreadsheet treats a cell starting with one of these as a formula; what a visitor typed
# must stay text (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def as_spreadsheet_text(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class ApplicationSubmissionsListView(SubmissionsListView):
    """Both languages' submissions with their delivery state; exports that keep text as text."""

    custom_value_preprocess = {
        **SubmissionsListView.custom_value_preprocess,
        # XLSX needs no prefix: Wagtail already stores formula-like cells as text there.
        str: {SubmissionsListView.FORMAT_CSV: as_spreadsheet_text},
    }

    def stream_csv(self, queryset):
        # A byte order mark makes spreadsheet programs read the UTF-8 (Czech diacritics) right.
        yield "\ufeff".encode()
        yield from super().stream_csv(queryset)
