# Lepší města — production image: gunicorn behind any reverse proxy.
# Build: podman build -t lepsimesta .   (or docker build)
# Migrations are a separate step:  <run the image> python manage.py migrate --no-input

FROM debian:bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt constraints.txt ./
RUN python3 -m venv /venv \
 && /venv/bin/pip install --no-cache-dir --upgrade pip \
 && /venv/bin/pip install --no-cache-dir -r requirements.txt -c constraints.txt
COPY . .
# Translations compiled and static files collected at build time, with production settings.
RUN SECRET_KEY=build-only DJANGO_SETTINGS_MODULE=lepsimesta.settings.production \
    /venv/bin/python manage.py compilemessages --ignore '.venv/*' -v 0 \
 && SECRET_KEY=build-only DJANGO_SETTINGS_MODULE=lepsimesta.settings.production \
    /venv/bin/python manage.py collectstatic --no-input -v 0

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 libpq5 curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 app
COPY --from=build /venv /venv
COPY --from=build --chown=app:app /app /app
WORKDIR /app
USER app
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=lepsimesta.settings.production \
    MEDIA_ROOT=/app/media
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS -H "X-Forwarded-Proto: https" http://127.0.0.1:8000/healthz || exit 1
# No gunicorn access log: the app logs one line per request (lepsimesta.request) with its
# duration and without the query string, which can carry what a visitor typed.
# Each worker is replaced after 1000 requests (give or take 100, so that they do not all restart
# at once): a safety net against memory that grows with the requests a worker has served.
# GUNICORN_CMD_ARGS can change any of these when the container starts.
CMD ["gunicorn", "lepsimesta.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--max-requests", "1000", "--max-requests-jitter", "100"]
