"""Create translations that wagtail-localize manages, from text we already have.

Content written in both languages (the site's own pages, imported press releases) should arrive
as a real wagtail-localize translation, so editors can later change the Czech source, press
"Sync translated pages" and keep the English text. We therefore feed the English strings into
wagtail-localize's string store instead of saving an unmanaged copy.
"""

import copy

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class TranslationMismatch(ValueError):
    """The translated fields do not have the same shape as the source."""


def _strings(instance):
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def create_synced_translation(source_instance, locale, translated_fields, publish=True):
    """Translate `source_instance` into `locale` with the given field values; return the target.

    `translated_fields` holds the target-language values of the translatable fields, in the
    same structure as the source (same blocks in the same order).
    """
    mirror = copy.copy(source_instance)
    # A shallow copy shares the source's in-memory child objects (InlinePanel rows): give the
    # mirror its own, or setting its children would replace the source's too.
    if hasattr(source_instance, "_cluster_related_objects"):
        mirror._cluster_related_objects = dict(source_instance._cluster_related_objects)
    for name, value in translated_fields.items():
        setattr(mirror, name, value)
    source_strings = _strings(source_instance)
    target_strings = _strings(mirror)
    if len(source_strings) != len(target_strings):
        raise TranslationMismatch(
            f"{source_instance!r}: the source has {len(source_strings)} translatable strings, "
            f"the {locale.language_code} text has {len(target_strings)}; "
            "give both languages the same fields and blocks."
        )
    by_source = {
        (src.path, src.string.data): dst.string.data
        for src, dst in zip(source_strings, target_strings, strict=True)
    }

    source, _created = TranslationSource.get_or_create_from_instance(source_instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = by_source.get((entry.msgctxt, entry.msgid), "")
    translation.import_po(po, tool_name="load_site")
    if not isinstance(source_instance, Page):
        translation.save_target(publish=publish)
        return translation.get_target_instance()

    # A page's address is not a translated string (BasePage makes it from the title): an
    # address given here ("press", "apply") is set on the new draft before it is published.
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    slug = translated_fields.get("slug")
    if slug and target.slug != slug:
        target.slug = slug
        target.save()
    revision = target.save_revision()
    if publish:
        revision.publish()
    return translation.get_target_instance()
