"""Uploaded files served by Django (SERVE_MEDIA=true) with the headers a reverse proxy would add.

Only raster images in Wagtail's image folders are shown inline; anything else under /media/
(documents, and any file stored before the upload rules existed, such as an SVG) is downloaded.
No media file may run script or be sniffed into another type. The README gives the same rules
as nginx lines for operators who serve /media/ from the proxy.
"""

import posixpath

from django.conf import settings
from django.utils.http import content_disposition_header
from django.views.static import serve

# Original images, their renditions, and the admin's avatars.
IMAGE_FOLDERS = ("original_images", "images", "avatar_images")
RASTER_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"


def is_raster_image(path):
    folder = posixpath.normpath(path).split("/", 1)[0]
    return folder in IMAGE_FOLDERS and path.lower().endswith(RASTER_EXTENSIONS)


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CONTENT_SECURITY_POLICY
    if not is_raster_image(path):
        filename = posixpath.basename(path)
        response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
