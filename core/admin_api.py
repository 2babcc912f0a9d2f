"""The admin's API (/admin/api/main/) answers with the images and documents a user may choose,
as the choosers do. Wagtail's own endpoints list every one that is not in a collection private
to logged-in users, whoever asks: a partner read the titles and file names of every other
collection there."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.permissions import permission_policy as image_permission_policy


class ChoosableImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        choosable = image_permission_policy.collections_user_has_any_permission_for(
            self.request.user, ["choose"]
        )
        return super().get_queryset().filter(collection__in=choosable)


class ChoosableDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        choosable = document_permission_policy.collections_user_has_any_permission_for(
            self.request.user, ["choose"]
        )
        return super().get_queryset().filter(collection__in=choosable)


def register_choosable_media_endpoints(router):
    """In place of Wagtail's endpoints of the same names (a construct_admin_api hook that runs
    after theirs)."""
    router.register_endpoint("images", ChoosableImagesAdminAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAdminAPIViewSet)
