"""The load_site step for the partners: with LOAD_DEMO_CONTENT, the sample partner and start-up
profiles from `site/partners/` (see site/README.md) under the partner index (page key
`partners`). Idempotent: a profile whose slug exists under the index is left as it is."""

from django.conf import settings

from core.site_content import (
    PageLoader,
    content_dir,
    register_content_loader,
    register_reference,
    sample_image_id,
)
from core.workflows import approval_workflow, assign_approval_workflow
from partners.accounts.access import REVIEW_WORKFLOW, REVIEWERS_GROUP

# "logo:parksense.png" in a profile's TOML: the logo drawn for that sample organisation
# (site/draw_sample_images.py), shown at the logo's place on cards and profiles.
register_reference("logo", lambda name: sample_image_id(f"partners/logos/{name}", "logo"))


@register_content_loader()
def load_partners(pages_by_key, stdout=None):
    index = pages_by_key["partners"]
    # Profiles go live only when SMO approves them, in every language. The reviewers' rights
    # (edit and publish everywhere, sync translations, verify profiles) come from Wagtail's,
    # wagtail-localize's and this app's migrations.
    assign_approval_workflow(
        index.get_translations(inclusive=True),
        approval_workflow(REVIEW_WORKFLOW, REVIEWERS_GROUP),
    )
    if settings.LOAD_DEMO_CONTENT:
        PageLoader(stdout=stdout, pages_by_key=pages_by_key).load_directory(
            content_dir() / "partners"
        )
