"""Partner accounts: what an organisation gets to keep its own profile, and nothing more.

`give_access(page)` sets up the organisation of a profile page: a group of its own with access
to the admin, the right to edit (never publish, add, move or delete) its profile in every
language, and its own collection of images and documents that only it and SMO use.
`add_partner_user` puts a person into that group. Publication goes through the "Partner profile
review" workflow that the partner index carries (partners/site_content.py).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page
from wagtail.users.models import UserProfile

from partners.accounts.scope import GROUP_PREFIX, partner_groups
from partners.models import PartnerPage, StartupPage

# Editing a page includes submitting it to the workflow; publishing is the editors' right.
PAGE_PERMISSION = ("wagtailcore", "change_page")
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
REVIEW_WORKFLOW = "Partner profile review"
REVIEWERS_GROUP = "Moderators"


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def source_page(page):
    """The profile in the default language, which names the group and the collection."""
    page = page.specific
    return (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .first()
        or page
    )


@transaction.atomic
def give_access(page):
    """The organisation's group and collection for profile `page` (any language): created, or
    found and completed. Returns (group, collection)."""
    source = source_page(page)
    # The group is named by the page's id, which never changes, and the name for people to read.
    name = f"{GROUP_PREFIX}{source.title} (#{source.pk})"[:150]
    group = Group.objects.filter(name__endswith=f"(#{source.pk})", name__startswith=GROUP_PREFIX)
    group = group.first() or Group.objects.create(name=name)
    group.permissions.add(permission("wagtailadmin", "access_admin"))

    change_page = permission(*PAGE_PERMISSION)
    for translation in source.get_translations(inclusive=True):
        GroupPagePermission.objects.get_or_create(
            group=group, page=translation, permission=change_page
        )

    collection = organisation_collection(source)
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission(app_label, codename)
        )
    return group, collection


def organisation_collection(source):
    root = Collection.get_first_root_node()
    name = f"{source.title} (#{source.pk})"[:255]
    existing = root.get_children().filter(name__endswith=f"(#{source.pk})").first()
    return existing or root.add_child(name=name)


def add_partner_user(group, email, *, first_name="", last_name="", username=None, password=None):
    """The person with `email` in the organisation's group, created if new. Without a password
    the account has none usable until its owner sets one (the invitation link)."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(
            username=username or email.casefold(),
            email=email,
            first_name=first_name,
            last_name=last_name,
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    user.groups.add(group)
    # The site tells a partner of approvals and requested changes in its own words and language
    # (partners/accounts/moderation.py); Wagtail's generic notices would say it twice.
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])
    return user


def own_profiles(user):
    """The profile pages (every language) that the user's organisation may edit."""
    pages = Page.objects.filter(
        group_permissions__group__in=partner_groups(user),
        group_permissions__permission__codename="change_page",
        content_type__in=profile_content_types(),
    )
    return pages.select_related("locale").order_by("locale__language_code", "title").distinct()


def profile_content_types():
    return ContentType.objects.get_for_models(PartnerPage, StartupPage).values()
