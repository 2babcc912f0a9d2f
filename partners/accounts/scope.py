"""What a partner's admin shows it and lets it choose: its own profiles, its own collection and
the catalogue's public vocabulary (DESIGN.md, principle 3).

Wagtail narrows most of the admin to a user's permissions already. Where it does not, these rules
close the gap: in views without a hook (partners/accounts/admin.py), the page chooser's hook
(partners/wagtail_hooks.py) and what a profile's edit form accepts
(partners/profiles/admin_forms.py). This module imports no model of this app, so that the
profile models can use it.
"""

from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.models import Page

from catalogue.models import Area, Topic

GROUP_PREFIX = "Partner: "

# The working groups' areas and their topics: a profile picks its own among them, and they are
# published on the site anyway (the catalogue's filters, the home page's cards).
PUBLIC_VOCABULARY = (Area, Topic)


def partner_groups(user):
    return user.groups.filter(name__startswith=GROUP_PREFIX)


def is_partner(user):
    """A partner's account: in an organisation's group and nothing more powerful."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and partner_groups(user).exists()
        and not user.groups.exclude(name__startswith=GROUP_PREFIX).exists()
    )


def pages_in_view(user):
    """A partner's profiles (the pages its organisation's group holds rights on, which have no
    children) and the pages above them: the root, the home pages, the partner indexes. Wagtail
    leads a partner through those: its breadcrumbs name them on the profile's edit view, and
    after a submission it returns to the partner index. They are the site's live skeleton,
    which every visitor sees; their other children are not listed."""
    own = Page.objects.filter(group_permissions__group__in=partner_groups(user))
    paths = {
        path[:end]
        for path in own.values_list("path", flat=True)
        for end in range(Page.steplen, len(path) + 1, Page.steplen)
    }
    return Page.objects.filter(path__in=paths)


def media_permission_policy(model):
    """Wagtail's permission policy for images or documents, None for any other model."""
    if issubclass(model, get_image_model()):
        return image_permission_policy
    if issubclass(model, get_document_model()):
        return document_permission_policy
    return None


def choosable(user, model):
    """The objects of `model` that `user`'s choosers offer, and so all that its forms accept.

    Images and documents: those of the collections the user may choose from (Wagtail's "choose"
    permission: a partner its own collection, SMO's editors every collection). Pages and
    snippets: any for SMO; for a partner, its pages in view and the public vocabulary only.
    """
    policy = media_permission_policy(model)
    if policy is not None:
        return policy.instances_user_has_any_permission_for(user, ["choose"])
    if not is_partner(user):
        return model._default_manager.all()
    if issubclass(model, Page):
        return pages_in_view(user)
    if issubclass(model, PUBLIC_VOCABULARY):
        return model._default_manager.all()
    return model._default_manager.none()


def all_within(objects, ids):
    """True if every id in `ids` (strings, as a query string gives them) is one of `objects`."""
    if not all(pk.isascii() and pk.isdigit() for pk in ids):
        return False
    ids = {int(pk) for pk in ids}
    return objects.filter(pk__in=ids).count() == len(ids)
