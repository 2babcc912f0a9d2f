"""Every string in code and templates has a Czech translation (English msgids are the English)."""

from pathlib import Path

import polib
from django.conf import settings


def test_czech_catalogue_is_complete_and_has_no_fuzzy_guesses():
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/cs/LC_MESSAGES/django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert len(catalogue.translated_entries()) > 100
