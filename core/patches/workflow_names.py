"""Workflows and their tasks named in the admin's language.

Wagtail shows a workflow's and a task's `name` as stored ("Potvrdit Partner profile review" in a
Czech admin, "Moderators approval" in its status panel and reports): a name is one text in one
language. The names the site's loaders and Wagtail's migrations give are English msgids that the
project's catalogue translates; reading `name` gives it in the active language, the database
and the edit forms keep the stored text, and a name an editor typed that no catalogue knows
reads as typed.

Upstream: no issue found for translatable workflow names (the nearest is the roadmap's
"Multilingual content lifecycle", wagtail/roadmap#122); no setting or hook names them per
language.
"""

from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext
from wagtail.models import Task, Workflow

WRITTEN_FOR = {"wagtail": "7.4"}
RELIES_ON = {
    "wagtail.models.Workflow": "7eae63b734bb0d0b",
    "wagtail.models.Task": "972d59615efc97ed",
}


class TranslatedName(DeferredAttribute):
    """`name` read in the active language. A data descriptor (Django's own reads a loaded
    value straight from the instance's __dict__), so that every read comes through here."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or not value:
            return value
        return gettext(value)

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value


def stored_name(field):
    # Saving and the edit form read the text as stored, never its translation.
    def pre_save(model_instance, add):
        return model_instance.__dict__.get(field.attname)

    def value_from_object(obj):
        return obj.__dict__.get(field.attname)

    field.pre_save = pre_save
    field.value_from_object = value_from_object


def apply():
    for model in (Workflow, Task):
        field = model._meta.get_field("name")
        setattr(model, field.attname, TranslatedName(field))
        stored_name(field)
