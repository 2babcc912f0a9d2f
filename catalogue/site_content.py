"""The load_site step for the catalogue: areas, topics, working groups and the demo catalogue.

From `site/catalogue/` (see site/README.md): the areas and topics become translatable snippets
in Czech with wagtail-localize translations, then the working-group pages, and, with
LOAD_DEMO_CONTENT, the sample projects and guides. Pages name an area or topic by its code
("area:transport", "topic:parking"), which resolves to the Czech snippet every page points at.
Idempotent: what exists (by code, or by slug under its parent) is left as editors have it.
"""

from django.conf import settings

from core.site_content import (
    PageLoader,
    SiteContentError,
    content_dir,
    load_snippets,
    read_toml,
    register_content_loader,
    register_reference,
    sample_image_id,
)
from core.workflows import assign_approval_workflow

from .models import Area, Topic


def catalogue_dir():
    return content_dir() / "catalogue"


def source_snippet_id(model):
    """Resolve a code to the id of the model's snippet in the default language."""

    def resolve(slug):
        snippet = model.objects.in_source_language().filter(slug=slug)
        pk = snippet.values_list("pk", flat=True).first()
        if pk is None:
            raise SiteContentError(f"there is no {model._meta.model_name} with the code {slug!r}")
        return pk

    return resolve


register_reference("area", source_snippet_id(Area))
register_reference("topic", source_snippet_id(Topic))
# "illustration:parking.png" in a project's TOML: the topic's sample illustration
# (site/draw_sample_images.py), shown on the catalogue's cards and at the head of the project.
register_reference(
    "illustration",
    lambda name: sample_image_id(f"catalogue/illustrations/{name}", "card", "lead"),
)


# Before every loader of the default order: what other apps load may name an area.
@register_content_loader(order=10)
def load_catalogue(pages_by_key, stdout=None):
    areas = read_toml(catalogue_dir() / "areas.toml")["areas"]
    load_snippets(Area, areas)
    resolve_area = source_snippet_id(Area)
    topics = [
        {**topic, "area": resolve_area(topic["area"])}
        for topic in read_toml(catalogue_dir() / "topics.toml")["topics"]
    ]
    load_snippets(Topic, topics)

    # Working groups, projects and guides go live only through approval, in every language.
    for key in ("working-groups", "catalogue", "guides"):
        assign_approval_workflow(pages_by_key[key].get_translations(inclusive=True))

    pages = PageLoader(stdout=stdout, pages_by_key=pages_by_key)
    pages.load_directory(catalogue_dir() / "working-groups")
    if settings.LOAD_DEMO_CONTENT:
        pages.load_directory(catalogue_dir() / "projects")
        pages.load_directory(catalogue_dir() / "guides")
