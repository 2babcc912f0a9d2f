"""One production-like stack for every test in this folder: gunicorn with 2 sync workers behind
Debian's nginx running the repository's deploy/nginx/nginx.conf, on free loopback ports.

Not in the default suite (the `stack` marker; `make test-stack`, which CI runs after the two
suites). Started once per session: migrating the stack's own SQLite database takes half a
minute. Where nginx is missing the tests skip with the reason; under CI=true they must run.
nginx's workers run as www-data (the configuration's `user`), so the stack's media folder is
readable by all, and the tests need root, as CI has.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.mail import free_port
from tests.servers import STARTUP_SECONDS, Gunicorn, request
from tests.stack.clients import open_request

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx"
APP_WORKERS = 2


def pytest_collection_modifyitems(config, items):
    stack_items = [item for item in items if "tests/stack/" in str(item.fspath)]
    for item in stack_items:
        item.add_marker(pytest.mark.stack)
    missing = None
    if not os.path.exists(NGINX):
        missing = f"no nginx at {NGINX} (apt-get install nginx-light)"
    elif os.geteuid() != 0:
        missing = "nginx's workers switch to www-data only when started as root"
    if missing is None:
        return
    if os.environ.get("CI") == "true" and stack_items:
        raise pytest.UsageError(f"CI=true but the stack tests cannot run: {missing}")
    for item in stack_items:
        item.add_marker(pytest.mark.skip(reason=missing))


# The content the media tests ask for: in the public root collection and in a collection
# private to logged-in users, an image with a rendition and a document each.
MAKE_CONTENT = """
import io, json
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as Pillow
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

root = Collection.get_first_root_node()
private = root.add_child(name="Interní")
CollectionViewRestriction.objects.create(
    collection=private, restriction_type=CollectionViewRestriction.LOGIN
)
urls = {}
for name, collection in (("public", root), ("private", private)):
    png = io.BytesIO()
    Pillow.new("RGB", (16, 16), (200, 30, 30)).save(png, "PNG")
    image = Image.objects.create(
        title=name, collection=collection, file=ImageFile(png, name=f"{name}.png")
    )
    document = Document.objects.create(
        title=name, collection=collection, file=ContentFile(f"{name} text", name=f"{name}.txt")
    )
    urls[name] = {
        "image": image.file.url,
        "rendition": image.get_rendition("width-8").url,
        "document": document.url,
        "document's file": document.file.url,
    }
print(json.dumps(urls))
"""


@pytest.fixture(scope="session")
def stack_dir():
    """The stack's database, media and nginx files; media readable by nginx's workers."""
    directory = Path(tempfile.mkdtemp(prefix="lepsimesta-stack-"))
    (directory / "media").mkdir()
    for path in (directory, directory / "media"):
        path.chmod(0o755)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def stack_env(stack_dir):
    return {
        "DATABASE_URL": f"sqlite:///{stack_dir / 'db.sqlite3'}",
        "TEST_MEDIA_ROOT": str(stack_dir / "media"),
        "MEDIA_INTERNAL_URL": "/internal-media/",
        "TRUSTED_PROXY_COUNT": "1",
        "REDIS_URL": "",
        # One process, one media folder, whatever pytest runs in.
        "PYTEST_XDIST_WORKER": "",
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "lepsimesta.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def media_urls(stack_env):
    """{"public"|"private": {what: url}} of the content made in the migrated stack database."""
    manage(stack_env, "migrate", "--no-input", "-v", "0")
    return json.loads(manage(stack_env, "shell", "-v", "0", "-c", MAKE_CONTENT))


@pytest.fixture(scope="session")
def app(stack_env, media_urls):
    """gunicorn with 2 sync workers, each warm (its first request imports the URLconf)."""
    gunicorn = Gunicorn(workers=APP_WORKERS, **stack_env)
    warm_every_worker(gunicorn.port)
    yield gunicorn
    gunicorn.stop()


def warm_every_worker(port):
    """A sync worker serves one connection at a time: while unfinished requests hold all workers
    but one, a complete request reaches that one; then each unfinished one is completed."""
    held = [open_request(port) for _ in range(APP_WORKERS - 1)]
    time.sleep(0.5)  # each held connection is taken by a worker
    assert request(port, "/healthz", timeout=STARTUP_SECONDS).status == 200
    for connection in held:
        connection.sendall(b"\r\n")
        assert connection.recv(12).startswith(b"HTTP/1.1 200"), "the held worker answered"
        connection.close()


@pytest.fixture(scope="session")
def proxy(app, stack_dir):
    """Debian's nginx with deploy/nginx/nginx.conf, and this stack's three deployment files."""
    config = stack_dir / "nginx"
    config.mkdir()
    shutil.copy(NGINX_CONFIG / "nginx.conf", config)
    port = free_port()
    (config / "listen.conf").write_text(f"listen 127.0.0.1:{port};\n")
    (config / "app.conf").write_text(f"server 127.0.0.1:{app.port};\n")
    (config / "media-root.conf").write_text(f"alias {stack_dir / 'media'}/;\n")
    nginx = subprocess.Popen(
        [NGINX, "-p", str(config), "-c", str(config / "nginx.conf"), "-e", "stderr"]
        + ["-g", f"daemon off; pid {config / 'nginx.pid'};"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            request(port, "/healthz", timeout=30)
            break
        except ConnectionRefusedError:
            if nginx.poll() is not None or time.monotonic() > deadline:
                nginx.kill()
                raise AssertionError("nginx did not start:\n" + nginx.communicate()[1]) from None
            time.sleep(0.1)
    yield port
    nginx.terminate()
    nginx.wait(timeout=30)
