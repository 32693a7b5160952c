# One image for web, worker and beat (docker-compose.yml picks the command).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# The analyser's hot modules compiled with mypyc (feeds/analysis/native.py); the compiler is removed after.
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
    && python -c 'from feeds.analysis import native; native.build()' \
    && apt-get purge -y gcc libc6-dev && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
# Static files are collected at build time; the key only satisfies settings during the build.
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && useradd --system --uid 10001 tracker && chown -R tracker /app
USER tracker

EXPOSE 8000
CMD ["gunicorn", "tracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
