"""Every change this project makes to the behaviour of Wagtail and wagtail-localize, in one place.

Each module here changes one thing that Wagtail offers no setting or hook for, names the upstream
issue or the code it works around, and declares the package versions it was written for
(`WRITTEN_FOR`) and the symbols it relies on with a fingerprint of their source (`RELIES_ON`).
tests/core/test_patches.py fails when a fingerprint no longer matches or a package moves past its
version: then the patch is read again against the new code, kept, changed or dropped.
"""

from importlib import import_module

# By name: CoreConfig.ready applies them once the app registry is ready (translation_drafts
# needs wagtail-localize's views, which need its models).
PATCHES = [
    "core.patches.admin_language",
    "core.patches.content_type_params",
    "core.patches.page_listing_people",
    "core.patches.request_locales",
    "core.patches.root_page_views",
    "core.patches.time_ago",
    "core.patches.translation_drafts",
    "core.patches.unreadable_form_data",
    "core.patches.workflow_names",
]


def apply():
    for name in PATCHES:
        import_module(name).apply()
