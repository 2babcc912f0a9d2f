"""Load the site's own content from the TOML files in `site/` (see site/README.md).

Each file in `site/pages/` describes one page in both languages; apps load their own folders of
such files with the same `PageLoader`. Loading is idempotent: a page that already exists (by its
slug under its parent) is left as editors have it.
"""

import json
import tomllib
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.utils.file import hash_filelike

from core.images import make_renditions
from core.models import Publisher, SiteSettings
from core.translation import create_synced_translation

PAGE_REFERENCE_PREFIX = "page:"

# "prefix:code" strings that name something an app owns ("area:transport"), registered by the
# app with the function that turns the code into that object's id.
_reference_resolvers = {}


def register_reference(prefix, resolve):
    """`"prefix:code"` anywhere in a page's TOML becomes `resolve(code)`, an id."""
    _reference_resolvers[prefix] = resolve


# What each app adds after the pages and settings (press: the workflow and the founding
# release), registered from the app's own site_content module, which `load_site` imports the
# way Wagtail finds wagtail_hooks. They run by `order`, then in INSTALLED_APPS order.
_content_loaders = []


def register_content_loader(order=100):
    """Decorator: `loader(pages_by_key, stdout)` runs in `load_site` after the pages."""

    def register(loader):
        _content_loaders.append((order, len(_content_loaders), loader))
        return loader

    return register


def content_loaders():
    return [loader for _order, _index, loader in sorted(_content_loaders, key=lambda x: x[:2])]


class SiteContentError(Exception):
    pass


# Sample images are titled so in the image library, which has no "sample" flag of its own.
SAMPLE_IMAGE_TITLE = "{name} (ukázka / sample)"


def sample_image_id(path, *places):
    """The id of the Wagtail image made from `path` (a sample image in `site/`), created on first
    use and found again by its content; its renditions for `places` (core/images.py) are made
    now, so that no visitor waits for them."""
    path = content_dir() / path
    if not path.is_file():
        raise SiteContentError(f"there is no image {path}")
    image_model = get_image_model()
    with path.open("rb") as file:
        file_hash = hash_filelike(file)
        image = image_model.objects.filter(file_hash=file_hash).first()
        if image is None:
            image = image_model(
                title=SAMPLE_IMAGE_TITLE.format(name=path.stem),
                file=ImageFile(file, name=path.name),
                file_hash=file_hash,
                file_size=path.stat().st_size,
            )
            image.save()
    make_renditions(image, *places)
    return image.pk


def stream_json(blocks):
    """A StreamField's value as JSON text, each block stamped with a new id.

    Blocks need ids: wagtail-localize addresses translated strings by them.
    """
    return json.dumps([{"id": str(uuid.uuid4()), **block} for block in blocks])


def content_dir():
    return Path(settings.SITE_CONTENT_DIR)


def read_toml(path):
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise SiteContentError(f"{path}: {exc}") from exc


def ensure_locales():
    locales = {}
    for code, _name in settings.LANGUAGES:
        locales[code], _created = Locale.objects.get_or_create(language_code=code)
    return locales


class PageLoader:
    """Creates the pages described in `site/pages/*.toml`, Czech first, then English."""

    def __init__(self, stdout=None, pages_by_key=None):
        self.locales = ensure_locales()
        self.default_locale = self.locales[settings.LANGUAGE_CODE]
        # Shared with the loaders that run later, so their pages can name these as parents.
        self.pages_by_key = {} if pages_by_key is None else pages_by_key
        self.stdout = stdout

    def log(self, message):
        if self.stdout:
            self.stdout.write(message)

    def resolve(self, value, missing):
        """Replace "page:KEY" (and registered "prefix:code") strings in a value with ids.

        A page that is not loaded yet (a link forward in file order) resolves to None and is
        noted in `missing`, so that it can be filled in once every page exists.
        """
        if isinstance(value, str) and value.startswith(PAGE_REFERENCE_PREFIX):
            key = value.removeprefix(PAGE_REFERENCE_PREFIX)
            if key not in self.pages_by_key:
                missing.add(key)
                return None
            return self.pages_by_key[key].pk
        if isinstance(value, str):
            prefix, colon, code = value.partition(":")
            if colon and prefix in _reference_resolvers:
                return _reference_resolvers[prefix](code)
        if isinstance(value, list):
            return [self.resolve(v, missing) for v in value]
        if isinstance(value, dict):
            return {k: self.resolve(v, missing) for k, v in value.items()}
        return value

    def field_values(self, model, data, missing=None):
        missing = set() if missing is None else missing
        values = {}
        for name, value in data.items():
            field = model._meta.get_field(name)
            value = self.resolve(value, missing)
            if isinstance(field, StreamField):
                value = stream_json(value)
            elif field.is_relation and field.many_to_one:
                name = field.attname
            elif field.many_to_many:
                # Set on the page before its first publish: the revision carries it, and
                # translations copy it.
                value = list(field.related_model.objects.filter(pk__in=value))
            elif field.one_to_many:
                # InlinePanel rows (a form page's fields): one child object per TOML table.
                value = [
                    field.related_model(**{"sort_order": order, **row})
                    for order, row in enumerate(value)
                ]
            values[name] = value
        return values

    # Not one transaction: wagtail-localize publishes translations on commit, and a publish
    # delayed past the children's creation would overwrite the parent's child count.
    def load_all(self):
        self.load_directory(content_dir() / "pages")

    def load_directory(self, directory):
        """Load every `*.toml` page in `directory`, in file-name order."""
        specs = [read_page_spec(path) for path in sorted(Path(directory).glob("*.toml"))]
        created = []
        for spec in specs:
            with naming_the_file(spec):
                if page := self.create_page(spec):
                    created.append((page, spec))
        for page, spec in created:
            with naming_the_file(spec):
                self.complete_and_translate(page, spec)

    def create_page(self, spec):
        """Create and publish the page in Czech unless it exists; return it if created."""
        model = apps.get_model(spec["type"])
        cs_data = page_data(spec, settings.LANGUAGE_CODE)
        parent = self.parent_for(spec)
        siblings = (
            parent.get_children()
            if parent
            else Page.objects.filter(depth=2, locale=self.default_locale)
        )
        existing = siblings.filter(slug=cs_data["slug"]).first()
        if existing is not None:
            self.pages_by_key[spec["key"]] = existing.specific
            return None
        spec["_forward_links"] = missing = set()
        page = model(
            locale=self.default_locale,
            show_in_menus=spec.get("show_in_menus", False),
            **self.field_values(model, cs_data, missing),
        )
        if parent is None:
            if spec.get("site_root"):
                remove_wagtail_welcome_page()
            tree_root().add_child(instance=page)
        else:
            parent.add_child(instance=page)
        page.save_revision().publish()
        self.pages_by_key[spec["key"]] = page
        if spec.get("site_root"):
            self.make_site_root(page)
        return page

    def complete_and_translate(self, page, spec):
        model = page.__class__
        if spec["_forward_links"]:
            # Every page exists now: fill in the links that pointed forward.
            cs_data = page_data(spec, settings.LANGUAGE_CODE)
            for name, value in self.field_values(model, cs_data).items():
                setattr(page, name, value)
            page.save_revision().publish()
        for code, locale in self.locales.items():
            if code != settings.LANGUAGE_CODE and code in spec:
                fields = self.field_values(model, page_data(spec, code))
                create_synced_translation(page, locale, fields)
        self.log(f"Created {model.__name__} “{page.title}” with its translations.")

    def parent_for(self, spec):
        parent_key = spec.get("parent")
        if parent_key is None:
            return None
        if parent_key not in self.pages_by_key:
            raise SiteContentError(f"{spec['key']}: parent {parent_key!r} is not loaded yet")
        return self.pages_by_key[parent_key]

    def make_site_root(self, page):
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base_url.hostname,
                "port": base_url.port or (443 if base_url.scheme == "https" else 80),
                "root_page": page,
                "site_name": "Lepší města",
            },
        )


def read_page_spec(path):
    spec = read_toml(path)
    spec.setdefault("key", path.stem)
    spec["_path"] = path
    return spec


def page_data(spec, language_code):
    """The fields of a page in one language.

    The Czech page takes `[shared]` too (numbers, codes, names: the same in every language), which
    its translations copy. `demo_fields` (invented people, say) load only with LOAD_DEMO_CONTENT.
    """
    data = dict(spec[language_code])
    if language_code == settings.LANGUAGE_CODE:
        data = {**spec.get("shared", {}), **data}
    if not settings.LOAD_DEMO_CONTENT:
        for name in spec.get("demo_fields", ()):
            data.pop(name, None)
    return data


@contextmanager
def naming_the_file(spec):
    """A content error says which file it comes from."""
    try:
        yield
    except SiteContentError as exc:
        raise SiteContentError(f"{spec['_path']}: {exc}") from exc


def tree_root():
    """The tree's root node, which Wagtail's migrations create."""
    return Page.get_first_root_node()


def remove_wagtail_welcome_page():
    """Wagtail's migrations create a "Welcome" page and a site for it; our home replaces both."""
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()


def load_snippets(model, entries, key="slug"):
    """Create each translatable snippet in the default language unless one with the same `key`
    field exists, then any missing translation (through wagtail-localize, as pages get theirs).
    Returns the default-language snippets.

    An entry holds its language-neutral fields (a code, an order, a website) and a table per
    language.
    """
    locales = ensure_locales()
    default = locales[settings.LANGUAGE_CODE]
    sources = []
    for entry in entries:
        neutral = {
            # A relation is given by the related object's id.
            model._meta.get_field(name).attname: value
            for name, value in entry.items()
            if name not in locales
        }
        source = model.objects.filter(**{key: entry[key]}, locale=default).first()
        if source is None:
            source = model.objects.create(
                locale=default, **neutral, **entry[settings.LANGUAGE_CODE]
            )
        for code, locale in locales.items():
            if code != settings.LANGUAGE_CODE and not source.has_translation(locale):
                create_synced_translation(source, locale, entry[code])
        sources.append(source)
    return sources


def load_site_settings(pages_by_key):
    """A new site takes every value of settings.toml; on an existing one, only empty fields are
    filled, so an editor's choices are never overwritten."""
    spec = read_toml(content_dir() / "settings.toml")
    site = Site.objects.get(is_default_site=True)
    is_new = not SiteSettings.objects.filter(site=site).exists()
    # for_site() creates the row with the model's defaults (e.g. the contact e-mail), which
    # would otherwise count as an editor's choice and hide the file's value.
    site_settings = SiteSettings.for_site(site)
    changed = False
    for field, value in spec.get("site_settings", {}).items():
        if isinstance(value, str) and value.startswith(PAGE_REFERENCE_PREFIX):
            field, value = f"{field}_id", pages_by_key[value.removeprefix(PAGE_REFERENCE_PREFIX)].pk
        if is_new or not getattr(site_settings, field):
            setattr(site_settings, field, value)
            changed = True
    if site_settings.publisher is None:
        # The publisher of that website if it exists (an editor's names are kept), else the file's.
        [site_settings.publisher] = load_snippets(Publisher, [spec["publisher"]], key="url")
        changed = True
    complete_publisher(site_settings.publisher, spec["publisher"])
    if changed:
        site_settings.save()


def complete_publisher(publisher, entry):
    """Fill the publisher's empty fields, in every language, from settings.toml: a site loaded
    before the file gave its address and numbers gets them; what an editor wrote is kept."""
    languages = {code for code, _name in settings.LANGUAGES}
    neutral = {name: value for name, value in entry.items() if name not in languages}
    for translation in publisher.get_translations(inclusive=True).select_related("locale"):
        values = {
            **neutral,
            **entry.get(translation.locale.language_code, {}),
        }
        empty = [name for name, value in values.items() if not getattr(translation, name)]
        for name in empty:
            setattr(translation, name, values[name])
        if empty:
            translation.save(update_fields=empty)
