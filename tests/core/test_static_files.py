"""With DEBUG off, collected and hashed static files are what the pages link to and serve."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

MANIFEST_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_pages_render_with_collected_compressed_manifest_static_files(site, tmp_path):
    with override_settings(DEBUG=False, STATIC_ROOT=tmp_path, STORAGES=MANIFEST_STORAGE):
        call_command("collectstatic", interactive=False, verbosity=0, stdout=StringIO())
        assert (tmp_path / "staticfiles.json").exists()
        client = Client()  # a new client: whitenoise indexes STATIC_ROOT when it starts
        for path in ["/cs/", "/en/about/"]:
            response = client.get(path)
            assert response.status_code == 200
            stylesheet = re.search(
                r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', response.content.decode()
            )
            assert stylesheet, "the page links the hashed stylesheet"
        css = client.get(stylesheet.group(1), headers={"accept-encoding": "gzip"})
        assert css.status_code == 200
        assert css["Content-Encoding"] == "gzip"
        assert "max-age=315360000" in css["Cache-Control"]
