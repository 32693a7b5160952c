"""Django settings for Sanctuary Tracker.

Everything that differs between machines comes from environment variables, read here and only here
(see ``.env.example`` for each one). Bad values stop start-up with a message naming the variable.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from tracker.env import Env

BASE_DIR = Path(__file__).resolve().parent.parent
env = Env()

# --- Core -------------------------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the site refuses to start without a secret key: "
            "set SECRET_KEY to a long random string (for example the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or set DEBUG=1 for "
            "local development."
        )
    # Development only: sessions signed with this key are worthless anywhere else.
    SECRET_KEY = "django-insecure-local-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.origins("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "csp",
    # The JSON API (events/api): DRF, staff tokens, the OpenAPI schema and its locally served docs assets.
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Every change to events, cases, policies and lists is kept, with who made it.
    "simple_history",
    # Login rate limiting.
    "axes",
    "tracker",
    "jurisdictions",
    "feeds",
    "events",
    # Benchmarks: only their management commands (generate_synthetic, remove_synthetic). Nothing imports it.
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below whitenoise (static files come precompressed), above everything that writes the body.
    "tracker.compression.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records the signed-in user on every history row written during the request.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.static",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------------
DATABASE_URL = env.str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
try:
    _database = dj_database_url.parse(DATABASE_URL, conn_max_age=env.int("DB_CONN_MAX_AGE", 60, minimum=0))
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL this site understands: {exc}") from None
if _database["ENGINE"] not in ("django.db.backends.postgresql", "django.db.backends.sqlite3"):
    raise ImproperlyConfigured(
        f"DATABASE_URL uses {_database['ENGINE']}; only postgres:// and sqlite:// are supported."
    )
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite holds a connection per thread; keeping it open across requests buys nothing.
    _database["CONN_MAX_AGE"] = 0
else:
    _database["CONN_HEALTH_CHECKS"] = True
    _database.setdefault("TEST", {})["NAME"] = env.str("TEST_DATABASE_NAME") or "test_sanctuary_tracker"
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USING_POSTGRES = _database["ENGINE"] == "django.db.backends.postgresql"

# --- Auth -------------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    # First: refuses the attempt while username + address is locked out (needs the request, which
    # the login views pass; tests sign in with Client.force_login).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# --- Login rate limiting (django-axes) ---------------------------------------------------------------
# After LOGIN_FAILURE_LIMIT failed attempts for one username from one address, that pair is locked
# out for LOGIN_LOCKOUT_MINUTES (each further failure restarts the wait). Keyed on the pair, so someone
# guessing an editor's password does not lock the editor out everywhere else; a success clears the count.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Failed attempts and sign-ins are listed in the admin ("Axes"); deleting an attempt lifts its lock.

# --- History (django-simple-history) ----------------------------------------------------------------
# History pages need the history model's own view permission (editors have it); reverting needs its
# change permission (admins only).
SIMPLE_HISTORY_ENFORCE_HISTORY_MODEL_PERMISSIONS = True

# --- Internationalisation ---------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE") or "America/New_York"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Plotly.js from the installed plotly package: no page loads script from anywhere else.
    "tracker.staticfinders.PlotlyFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files when collected (production): a .gz and, with Brotli installed (it is pinned
    # in requirements.txt), a .br copy of each, which whitenoise serves by Accept-Encoding. Plain finders
    # while DEBUG is on.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Security (safe by default; `manage.py check --deploy` is clean with DEBUG off) ------------------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
# The header alone commits to nothing; only submitting the domain to the preload list does.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Container health checks call this over plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: everything from this site only; no inline script or style (chart data
# travels in <script type="application/json"> blocks, which are not executed). Embeds relax
# frame-ancestors in their own views.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Plotly.js writes a few rules into a <style> element it creates; nothing else needs it.
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    # Only behind a proxy that sets this header itself (never pass a client's header through).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Celery -----------------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL") or ""
if CELERY_BROKER_URL and not CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(f"CELERY_BROKER_URL must be a redis:// URL, got {CELERY_BROKER_URL!r}.")
# Without a broker, tasks run in-process as they are called (the `make run` default).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND") or (CELERY_BROKER_URL or None)
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only once it has finished, so a worker killed mid-task hands it to another;
# every task is therefore written to be idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool child is replaced by a fresh one after this many tasks (0: never). A child forked from the main
# process shares its pages (Django, the task modules, the gazetteer index: tracker/celery.py), but its first
# fetch copies some 40 MB of them, because CPython writes to every object it touches (reference counts) and
# allocates into the shared pages' free slots; a fresh child per task gives those pages back after each task,
# so the worker's memory stays flat (bench/RESULTS.md, "The worker's memory, light and flat"). A replacement
# is a fork of a process that has everything loaded: a few milliseconds against a fetch's hundreds.
_max_tasks_per_child = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", 1, minimum=0)
CELERY_WORKER_MAX_TASKS_PER_CHILD = _max_tasks_per_child or None
# How often (seconds) a prefork worker's main process checks whether the gazetteer changed (one query) and
# rebuilds its index, so that the children it forks start with the current one (tracker/celery.py).
WORKER_GAZETTEER_CHECK_SECONDS = env.int("WORKER_GAZETTEER_CHECK_SECONDS", 60, minimum=1)
# A pool child whose resident memory passes this (KiB) after a task is replaced by a fresh one: a bound on a
# leak in a task, whatever CELERY_WORKER_MAX_TASKS_PER_CHILD says. A fetching child's resident set is about
# 105-125 MB, most of it shared with the main process (bench/RESULTS.md).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", 250_000, minimum=50_000)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", 180, minimum=1)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT * 4}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Lets the health page tell whether a worker and beat are alive.
    "record-worker-heartbeat": {"task": "feeds.tasks.record_heartbeat", "schedule": 60.0},
    "prune-old-heartbeats": {"task": "feeds.tasks.prune_heartbeats", "schedule": crontab(minute=17)},
}
if CELERY_TASK_SOFT_TIME_LIMIT >= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured("CELERY_TASK_SOFT_TIME_LIMIT must be below CELERY_TASK_TIME_LIMIT.")

# --- Feeds ------------------------------------------------------------------------------------------
# Limits on every outbound request; feeds/http.py applies them all.
FEED_MAX_BYTES = env.int("FEED_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
FEED_CONNECT_TIMEOUT = env.int("FEED_CONNECT_TIMEOUT", 10, minimum=1)
FEED_READ_TIMEOUT = env.int("FEED_READ_TIMEOUT", 30, minimum=1)
FEED_TOTAL_TIMEOUT = env.int("FEED_TOTAL_TIMEOUT", 60, minimum=1)
FEED_MAX_REDIRECTS = env.int("FEED_MAX_REDIRECTS", 5, minimum=0)
FEED_USER_AGENT = env.str("FEED_USER_AGENT") or "SanctuaryTracker/1.0 (news feed reader)"
# Private, loopback and link-local addresses are refused unless listed here (CIDRs, addresses or host names).
FEED_ALLOW_PRIVATE_ADDRESSES = env.networks_or_hosts("FEED_ALLOW_PRIVATE_ADDRESSES")
FEED_DISABLE_AFTER_FAILURES = env.int("FEED_DISABLE_AFTER_FAILURES", 5, minimum=1)
if FEED_TOTAL_TIMEOUT >= CELERY_TASK_SOFT_TIME_LIMIT:
    raise ImproperlyConfigured(
        "FEED_TOTAL_TIMEOUT must be below CELERY_TASK_SOFT_TIME_LIMIT: the fetch task also needs time to parse."
    )
# A fetch's claim on its feed is a lease a little past the hard time limit, renewed as the fetch goes: once it
# runs out, the worker holding it is dead and another fetch takes over.
FEED_CLAIM_MARGIN = env.int("FEED_CLAIM_MARGIN", 60, minimum=1)
FEED_CLAIM_EXPIRES = CELERY_TASK_TIME_LIMIT + FEED_CLAIM_MARGIN
CELERY_BEAT_SCHEDULE["schedule-due-feeds"] = {
    "task": "feeds.tasks.schedule_due_feeds",
    "schedule": 60.0,
    # A run that waited a minute in the queue is superseded by the next one.
    "options": {"expires": 55},
}

# --- API (events/api) --------------------------------------------------------------------------------
# Read-only for the public. Staff authenticate with a token (created in the admin under "Tokens", or
# `manage.py drf_create_token USERNAME`) or their signed-in session, and get the higher rate.
# Throttle counters live in the default cache; without CACHES configured that is Django's per-process
# local-memory cache, so each web process counts on its own (N processes allow N times the rate).
# Production with several processes should point CACHES at the compose file's Redis.
_RATE = r"^[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)$"


def _api_rate(name: str, default: str) -> str:
    import re

    rate = env.str(name) or default
    if not re.match(_RATE, rate):
        raise ImproperlyConfigured(f"{name}={rate!r} is not a rate; write it as NUMBER/PERIOD, e.g. 120/min or 5000/hour.")
    return rate


API_PUBLIC_RATE = _api_rate("API_PUBLIC_RATE", "120/min")
API_STAFF_RATE = _api_rate("API_STAFF_RATE", "2000/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["events.api.throttles.PublicRateThrottle", "events.api.throttles.StaffRateThrottle"],
    # JSON only: the docs page is the human view.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Proxies in front of the site that append to X-Forwarded-For; 0 means the client is REMOTE_ADDR.
    # (DRF's default, None, would key anonymous throttling on a header any client can forge.)
    "NUM_PROXIES": env.int("API_NUM_PROXIES", 0, minimum=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sanctuary Tracker API",
    "DESCRIPTION": (
        "Read-only access to the tracker's published events, jurisdictions, cases, policies and official lists. "
        "Lists are paginated by cursor: follow `next` until it is null. Anonymous requests are rate-limited; "
        "staff send `Authorization: Token <key>`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files from the installed sidecar package, served by this site (no CDN).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No validator badge: it would load an image from swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # Two different "kind" choice sets (events and jurisdictions) get names of their own.
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "events.choices.EventKind",
        "JurisdictionKindEnum": "jurisdictions.choices.JurisdictionKind",
    },
}

# --- Site -------------------------------------------------------------------------------------------
SITE_NAME = "Sanctuary Tracker"
HOME_LATEST_EVENTS = 20
# The dashboard's first load stays small at any size of the record: rows shown of each chart's table
# (the whole table is a link away) and circles drawn on its map (every state is shaded regardless).
HOME_TABLE_ROWS = 12
HOME_MAP_POINTS = 100
# The events list's map, likewise at any size of the record: circles drawn (the busiest places; a state
# filter alone can involve thousands) and rows of its table shown (the whole table is a link away).
LIST_MAP_POINTS = 1000
LIST_MAP_ROWS = 100
# How long a chart's aggregates may be served from the cache; any change to events invalidates them at
# once (events/charts/cache.py), this only bounds in-place edits the data version cannot see. 0 disables.
CHARTS_CACHE_SECONDS = env.int("CHARTS_CACHE_SECONDS", default=600, minimum=0)

# --- Logging ----------------------------------------------------------------------------------------
LOG_LEVEL = (env.str("LOG_LEVEL") or "INFO").upper()
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured(f"LOG_LEVEL={LOG_LEVEL!r} is not a logging level.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
