"""The load_site step for press: the approval workflow and the founding release in both languages.

The release comes through the importer from `site/press/*.txt`; its English text (the .en.toml
beside it) becomes a synced wagtail-localize translation of the page and of its snippets.
Idempotent: what exists (by slug, or by translation) is left as editors have it.
"""

from django.conf import settings
from wagtail.models import Locale

from core.site_content import (
    SiteContentError,
    content_dir,
    read_toml,
    register_content_loader,
    stream_json,
)
from core.translation import create_synced_translation
from core.workflows import assign_approval_workflow

from .importer import (
    PressReleaseFormatError,
    create_press_release,
    link_addresses,
    parse_press_release,
)


@register_content_loader()
def load_press(pages_by_key, stdout=None):
    index = pages_by_key["press"]
    # On the indexes in every language, so on every release.
    assign_approval_workflow(index.get_translations(inclusive=True))
    for path in sorted((content_dir() / "press").glob("*.txt")):
        release = load_release(path, index)
        if stdout:
            stdout.write(f"Press release “{release.title}” is published with its translations.")


def load_release(path, index):
    try:
        parsed = parse_press_release(path.read_text(encoding="utf-8"))
    except PressReleaseFormatError as exc:
        raise SiteContentError(f"{path}, {exc}") from exc
    release = index.get_children().filter(slug=parsed.slug).specific().first()
    if release is None:
        release = create_press_release(parsed, index)
        release.get_latest_revision().publish()
        release.refresh_from_db()
    english = path.with_suffix(".en.toml")
    if english.exists():
        translate_release(release, read_toml(english))
    return release


def translate_release(release, spec):
    """Translate the about boxes and contacts first, then the page itself."""
    locales = {
        code: Locale.objects.get(language_code=code)
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    }
    for locale in locales.values():
        for item in release.boilerplate_items.select_related("boilerplate"):
            fields = spec.get("boilerplates", {}).get(item.boilerplate.title)
            if fields:
                # The importer linked the Czech text's addresses: the English needs the same
                # links, or its strings would not match the Czech ones.
                fields = {**fields, "body": link_addresses(fields.get("body", ""))}
                translate_once(item.boilerplate, locale, fields)
        for item in release.contact_items.select_related("contact"):
            fields = spec.get("contacts", {}).get(item.contact.name)
            if fields:
                translate_once(item.contact, locale, fields)
        fields = dict(spec["release"])
        fields["body"] = stream_json(
            {**block, "value": linked(block)} for block in fields.get("body", [])
        )
        translate_once(release, locale, fields)


def linked(block):
    return link_addresses(block["value"]) if block["type"] == "paragraph" else block["value"]


def translate_once(instance, locale, fields):
    if not instance.has_translation(locale):
        create_synced_translation(instance, locale, fields)
