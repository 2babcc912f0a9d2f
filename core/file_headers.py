"""Headers of files that are not pages: uploads (core/media.py) and static files.

Nothing in them may run, nor be read as another type. No Django imports: the settings import
static_file_headers for WhiteNoise.
"""

FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"


def static_file_headers(headers, path, url):
    """WHITENOISE_ADD_HEADERS_FUNCTION: WhiteNoise answers static files before every middleware
    (settings.MIDDLEWARE), so they get their few headers here."""
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Content-Security-Policy"] = FILE_CONTENT_SECURITY_POLICY
