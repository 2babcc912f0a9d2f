"""The admin in each editor's own language, whoever opened a form first.

Wagtail builds a model's edit handler once and keeps it for the life of the process
(`cached_classmethod` in wagtail/admin/panels/page_utils.py). The panels then remember what they
worked out from their translated headings, in the language of the first editor who opened the
form: the HTML ids of panels and tabs (`PanelGroup.child_identifiers`, a cached_property over
`safe_snake_case(heading)`), so an English editor got Czech ids ("tab-obsah") and links to a
tab or panel worked in one language only. A snippet chooser's button texts ("Choose About box")
are made once too, when the snippet is registered (`SnippetChooserViewSet.widget_class` and
`AdminSnippetChooser.__init__`, wagtail/snippets/views/chooser.py and wagtail/snippets/widgets.py),
in whichever language was active then, and every chooser's "Search" tab and "Create" button
(`ChooserViewSet.search_tab_label`, `create_action_label`: plain `gettext` at import in
wagtail/admin/viewsets/chooser.py) in the language active when Wagtail was imported, so English
editors met "Hledat" beside "Upload"; the choosers' language filter has no label at all
(LocaleFilterMixin, wagtail/admin/forms/choosers.py), so Django shows its field name, "Locale",
in Czech too. Here each admin language gets its own edit handler, and these texts are
translated when they are shown.

Upstream: wagtail/wagtail#6165 (ids made from translated tab headings); no setting or hook lets a
project build the edit handler per language or give ChooserViewSet lazy labels.
"""

import functools

from django.utils.functional import cached_property, keep_lazy_text
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import LocaleFilterMixin
from wagtail.admin.panels.page_utils import _get_page_edit_handler
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


class per_language_classmethod:
    """Like Wagtail's `cached_classmethod`: the result of a no-argument class method, kept per
    class and per active language. `cache_clear()` forgets them all (Wagtail calls it when
    WAGTAILADMIN_COMMENTS_ENABLED changes)."""

    def __init__(self, build):
        self.build = build
        self.values = {}

    def __get__(self, instance, owner):
        def get():
            key = (owner, get_language())
            if key not in self.values:
                self.values[key] = self.build(owner)
            return self.values[key]

        get.cache_clear = self.values.clear
        return get


# The versions this was written for, and the code it relies on (tests/core/test_patches.py).
WRITTEN_FOR = {"wagtail": "7.4"}
RELIES_ON = {
    "wagtail.admin.panels.page_utils._get_page_edit_handler": "3acbb514eb21d9fc",
    "wagtail.admin.viewsets.chooser.ChooserViewSet": "437adf995c8c8990",
    "wagtail.snippets.views.chooser.SnippetChooserViewSet": "fba56f9984525216",
    "wagtail.snippets.widgets.AdminSnippetChooser.__init__": "64419c86f50fb878",
    "wagtail.admin.forms.choosers.LocaleFilterMixin.__init__": "fbdf5401c29dce24",
}

# Wagtail's own page edit handler (content, promote and settings tabs), built per language:
# core.models.BasePage.get_edit_handler.
page_edit_handler = per_language_classmethod(_get_page_edit_handler.fn)


def apply():
    """Every chooser's "Search" tab and "Create" button in the editor's language (called once at
    start-up, before any chooser's views are made)."""
    ChooserViewSet.search_tab_label = _("Search")
    ChooserViewSet.create_action_label = _("Create")
    LocaleFilterMixin.__init__ = labelled_locale_filter(LocaleFilterMixin.__init__)


def labelled_locale_filter(init):
    """Choosers' language filter: Wagtail gives the field no label, so Django makes "Locale" of
    its name, in every admin language."""

    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        if "locale" in self.fields:
            self.fields["locale"].label = _("Locale")

    return __init__


@keep_lazy_text
def _naming(text, verbose_name):
    # The model's name goes mid-sentence: "Choose about box", "Zvolit rámeček „O …“".
    return text % {"object": verbose_name[:1].lower() + verbose_name[1:]}


class LocalizedSnippetChooserViewSet(SnippetChooserViewSet):
    @cached_property
    def widget_class(self):
        # One widget serves every form (Wagtail copies it); lazy texts keep it in the language
        # of each request.
        name = self.model._meta.verbose_name
        return AdminSnippetChooser(
            model=self.model,
            icon=self.icon,
            choose_one_text=_naming(_("Choose %(object)s"), name),
            choose_another_text=_naming(_("Choose another %(object)s"), name),
            link_to_chosen_text=_naming(_("Edit this %(object)s"), name),
        )


class LocalizedSnippetViewSet(SnippetViewSet):
    """Every snippet the project registers: its chooser speaks the editor's language.

    A snippet's own edit handler is still built once (ModelViewSet._edit_handler); its panel ids
    stay in one language only if its panels have headings (FieldPanels take the field's name).
    """

    chooser_viewset_class = LocalizedSnippetChooserViewSet
