"""Behind nginx a file goes out only after the app's check (X-Accel-Redirect to an internal
location); nginx serves no folder of uploads by itself. The content is made by conftest.py in
the stack's database: a public and a private (logged-in users) image, rendition and document.
"""

from tests.servers import request

PNG = b"\x89PNG"


def test_public_images_go_out_through_nginx_inline_and_sandboxed(proxy, media_urls):
    for what in ("image", "rendition"):
        answer = request(proxy, media_urls["public"][what])
        assert answer.status == 200, what
        assert answer.body.startswith(PNG), what
        assert answer.headers["Content-Type"] == "image/png"
        assert answer.headers["Content-Disposition"].startswith("inline;")
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert "X-Accel-Redirect" not in answer.headers


def test_public_documents_download_through_nginx(proxy, media_urls):
    answer = request(proxy, media_urls["public"]["document"])
    assert answer.status == 200
    assert answer.body == b"public text"
    assert answer.headers["Content-Disposition"] == 'attachment; filename="public.txt"'
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    # The file's /media/ address leads to the document view.
    moved = request(proxy, media_urls["public"]["document's file"])
    assert moved.status == 301
    assert moved.headers["Location"] == media_urls["public"]["document"]


def test_private_files_are_refused_through_nginx(proxy, media_urls):
    for what, url in media_urls["private"].items():
        answer = request(proxy, url)
        if answer.status == 301:  # the document's file, to the document view
            answer = request(proxy, answer.headers["Location"])
        assert answer.status in (302, 403), (what, answer.status)
        assert b"private text" not in answer.body and PNG not in answer.body, what
        if answer.status == 302:
            assert "/login/" in answer.headers["Location"], what


def test_nginx_serves_no_upload_by_itself(proxy, media_urls):
    for path in ("documents/public.txt", "original_images/public.png", "documents/private.txt"):
        answer = request(proxy, f"/internal-media/{path}")
        assert answer.status == 404, path
        assert b"text" not in answer.body and PNG not in answer.body, path
