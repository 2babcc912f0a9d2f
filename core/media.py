"""Uploaded files, each served only to those its content is public to.

Every /media/ address comes here, behind nginx too: nginx sends a file only after this view has
answered with X-Accel-Redirect to its internal location (MEDIA_INTERNAL_URL, deploy/nginx/), so
no folder of uploads is public. What decides is the record a file belongs to:
- a document is served only by Wagtail's document view, which applies its collection's privacy
  and the before_serve_document hooks; its /media/ address redirects there;
- an original image or a rendition is refused when a view restriction on the image's collection
  (or one above it) does not accept the request, or a `before_serve_image` hook refuses, as apps
  refuse documents (partners: a partner's login is no SMO login);
- an avatar is for people who use the admin;
- a file no record points to is not served at all.
Only raster images are shown inline; everything else is downloaded. Nothing may run script or be
sniffed into another type.
"""

import posixpath

from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django_sendfile import sendfile
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.wagtail_hooks import check_view_restrictions
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from core.file_headers import FILE_CONTENT_SECURITY_POLICY

# The folders Wagtail stores uploads in (their models' upload_to).
ORIGINAL_IMAGES, RENDITIONS, DOCUMENTS, AVATARS = (
    "original_images",
    "images",
    "documents",
    "avatar_images",
)
RASTER_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")


def is_raster_image(name):
    folder = name.split("/", 1)[0]
    return folder in (ORIGINAL_IMAGES, RENDITIONS, AVATARS) and name.lower().endswith(
        RASTER_EXTENSIONS
    )


def serve_media(request, path):
    folder = path.split("/", 1)[0]
    if folder == DOCUMENTS:
        document = get_object_or_404(get_document_model(), file=path)
        return redirect(
            reverse("wagtaildocs_serve", args=[document.pk, document.filename]), permanent=True
        )
    if folder == AVATARS:
        if not (
            request.user.has_perm("wagtailadmin.access_admin")
            and UserProfile.objects.filter(avatar=path).exists()
        ):
            raise Http404
        return send_media_file(request, path, private=True)
    if folder == ORIGINAL_IMAGES:
        image = get_object_or_404(get_image_model().objects.select_related("collection"), file=path)
    elif folder == RENDITIONS:
        renditions = get_image_model().get_rendition_model().objects
        image = get_object_or_404(renditions.select_related("image__collection"), file=path).image
    else:
        raise Http404
    refusal = image_refusal(image, request)
    if refusal is not None:
        return refusal
    return send_media_file(request, path, private=image.collection.get_view_restrictions().exists())


def image_refusal(image, request):
    """The answer that refuses `image` to this request, or None if it may have it."""
    # Wagtail's check for documents: it reads only the collection's view restrictions (login
    # page, password form), so images follow the same rules.
    response = check_view_restrictions(image, request)
    if response is not None:
        return response
    for hook in hooks.get_hooks("before_serve_image"):
        result = hook(image, request)
        if isinstance(result, HttpResponse):
            return result
    return None


def send_media_file(request, name, private):
    """The file, from Django or (behind nginx) by X-Accel-Redirect, with the file headers."""
    response = sendfile(
        request,
        default_storage.path(name),
        attachment=not is_raster_image(name),
        attachment_filename=posixpath.basename(name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CONTENT_SECURITY_POLICY
    if private:
        # Never kept by a shared cache (a CDN) for the next visitor.
        patch_cache_control(response, private=True)
    return response
