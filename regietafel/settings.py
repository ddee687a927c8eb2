"""Settings for regietafel, read from the environment only.

Development is the default: DEBUG stays off unless ``DEBUG=true`` (``make run`` runs without
it, so a user sees the Dutch error pages; whitenoise serves the static files from the finders),
the SQLite file and uploads live in the git-ignored ``var/`` folder and a secret key is
generated there on first use. ``REGIETAFEL_ENV=production`` requires SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL from the environment.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from regietafel.env import envbool, envint, envlist, envstr, require
from regietafel.oidc import oidc_instellingen

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(envstr("REGIETAFEL_VAR_DIR") or BASE_DIR / "var")

ENVIRONMENT = envstr("REGIETAFEL_ENV", "development") or "development"
if ENVIRONMENT not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"REGIETAFEL_ENV moet development of production zijn, niet {ENVIRONMENT!r}"
    )
PRODUCTION = ENVIRONMENT == "production"


def _development_secret_key() -> str:
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


if PRODUCTION:
    SECRET_KEY = require("SECRET_KEY")
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS ontbreekt: in productie is deze instelling verplicht."
        )
    DATABASE_URL = require("DATABASE_URL")
    DEBUG = False
else:
    SECRET_KEY = envstr("SECRET_KEY") or _development_secret_key()
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
    DATABASE_URL = envstr("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'regietafel.sqlite3'}"
    DEBUG = envbool("DEBUG", False)

# Demo mode: lists the demo accounts on the login page. Only `make run` switches it on.
DEMO_MODE = envbool("REGIETAFEL_DEMO", False) and not PRODUCTION

DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("CONN_MAX_AGE", 60))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails a request (and the readiness check) in seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", envint("DATABASE_CONNECT_TIMEOUT", 5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "regietafel.core.beheer.BeheerConfig",  # django.contrib.admin with the product's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "regietafel.core",
    "regietafel.accounts",
    "regietafel.audit",
    "regietafel.gemeenten",
    "regietafel.opgaven",
    "regietafel.taken",
    "regietafel.berichten",
    "regietafel.monitoring",
    "regietafel.herinneringen",
    "regietafel.locaties",
    "regietafel.aanlevering",
    "regietafel.verdeling",
    "regietafel.cyclus",
    "regietafel.rapportage",
    "regietafel.verzoeken",
    "regietafel.toezicht",
    "regietafel.overleg",
    "regietafel.woo",
    "regietafel.landelijk",
    "regietafel.kaart",
    "regietafel.historie",
    "regietafel.demo",
    "regietafel.api",
]

MIDDLEWARE = [
    # One log line per request with its id (X-Request-ID); then the health checks, answered
    # before the session, the login and the host check (regietafel/core/gezondheid.py).
    "regietafel.core.logboek.VerzoekLogMiddleware",
    "regietafel.core.gezondheid.GezondheidMiddleware",
    "regietafel.core.klok.KlokMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Under /api/: the API-Version header on every response (redirects and errors too).
    "regietafel.api.middleware.ApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A NUL character in the path or query: 400 before any view (PostgreSQL refuses it).
    "regietafel.core.fouten.GeenNultekenMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regietafel.urls"
WSGI_APPLICATION = "regietafel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regietafel.core.context_processors.regietafel",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.Gebruiker"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
# django-axes checks every login (it needs the request: tests log in with force_login).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["regietafel.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "uploads"
MEDIA_URL = "/uploads/"
# Uploads and the documents jobs make: one storage every app server and worker shares
# (regietafel/core/opslag.py; nothing reads MEDIA_ROOT directly). By default the folder
# MEDIA_ROOT (with several servers: a folder they all mount); with S3_BUCKET S3-compatible
# object storage (django-storages), e.g. MinIO, Ceph or a cloud provider's.
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "regietafel.core.opslag.LokaleOpslag"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
S3_BUCKET = envstr("S3_BUCKET") or ""
if S3_BUCKET:
    from botocore.config import Config as _S3Config

    _s3_sleutel, _s3_geheim = envstr("S3_ACCESS_KEY_ID"), envstr("S3_SECRET_ACCESS_KEY")
    if bool(_s3_sleutel) != bool(_s3_geheim):
        raise ImproperlyConfigured(
            "S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY horen bij elkaar: zet ze allebei (of "
            "allebei niet, dan zoekt boto3 de sleutels zelf, bijvoorbeeld een rol van de machine)."
        )
    _s3_adressering = envstr("S3_ADDRESSING_STYLE") or None
    if _s3_adressering not in (None, "path", "virtual", "auto"):
        raise ImproperlyConfigured(
            f"S3_ADDRESSING_STYLE moet path, virtual of auto zijn, niet {_s3_adressering!r}"
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": envstr("S3_ENDPOINT_URL") or None,
            "access_key": _s3_sleutel or None,
            "secret_key": _s3_geheim or None,
            "region_name": envstr("S3_REGION") or None,
            "location": (envstr("S3_PREFIX") or "").strip("/"),
            "addressing_style": _s3_adressering,
            "signature_version": "s3v4",
            "default_acl": None,
            "file_overwrite": True,  # names are checksums: the same name is the same content
            "querystring_auth": True,
            "client_config": _S3Config(
                connect_timeout=envint("S3_TIMEOUT", 10),
                read_timeout=envint("S3_TIMEOUT", 10) * 3,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        },
    }
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves from the finders here

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 3600)
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "regietafel.core.fouten.csrf_mislukt"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
    # Preloading is a commitment beyond this application (every subdomain, for months):
    # a deliberate choice, so its absence is not a deploy-check warning.
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

# Lockout after repeated failed logins (django-axes): per username and IP address together.
AXES_ENABLED = envbool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "regietafel.accounts.views.geblokkeerd"
# Behind a reverse proxy: the number of proxies that append to X-Forwarded-For (0: none).
AXES_IPWARE_PROXY_COUNT = envint("AXES_IPWARE_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Optional OpenID Connect (mozilla-django-oidc): only when OIDC_RP_CLIENT_ID is set.
_OIDC = oidc_instellingen()
OIDC_ENABLED = bool(_OIDC)
OIDC_PROVIDER_NAAM = _OIDC.pop("OIDC_PROVIDER_NAAM", "")
if OIDC_ENABLED:
    globals().update(_OIDC)
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("regietafel.accounts.oidc.RegietafelOIDCBackend")

# Content-Security-Policy (django-csp 4), in development too: no inline script or style;
# an inline <style> (the pygal charts) carries the per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
    },
}

# The REST API (/api/v1/) by the NL API Design Rules: a token (header "Authorization: Token …")
# or the session; nothing for an anonymous client. Errors as problem details in Dutch
# (regietafel/api/problemen.py). The OpenAPI document: /api/v1/openapi.json, public, checked by
# `make apilint`; readable at /api/schema/bekijk/. JSON only: DRF's browsable API uses inline
# styles, which our CSP refuses.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "regietafel.api.paginering.Paginering",
    "PAGE_SIZE": 100,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "regietafel.api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "regietafel.api.problemen.probleem_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "regietafel API",
    "DESCRIPTION": (
        "De gegevens van de provinciale regietafel asiel: provincies, gemeenten, cycli, "
        "opgaven, realisatie, standen van COA en Nidos en opvanglocaties. Lezen mag elke "
        "ingelogde gebruiker voor de eigen provincie; een gemeente zendt haar eigen "
        "realisatie in, een aanleverancier importeert bestanden. Authenticatie met de "
        "header `Authorization: Token <sleutel>`. Elk antwoord draagt de kop `API-Version`; "
        "fouten komen als problem details (RFC 9457, `application/problem+json`) met een "
        "Nederlandse `title` en `detail`, bij ongeldige invoer met `invalidParams`."
    ),
    # The API's version (semver): info.version and the API-Version header of every response.
    # The major version is in the path (/api/v1).
    "VERSION": "1.0.0",
    "CONTACT": {
        "name": envstr("REGIETAFEL_API_CONTACT_NAAM", "Beheer regietafel"),
        "email": envstr("REGIETAFEL_API_CONTACT_EMAIL", "regietafel@provincie.example"),
        "url": envstr("REGIETAFEL_API_CONTACT_URL", "https://regietafel.provincie.example/"),
    },
    "SERVERS": [{"url": "/api/v1", "description": "Deze server, API-versie 1"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SoortEnum": "regietafel.opgaven.models.Soort.choices",
        "CyclusSoortEnum": "regietafel.opgaven.models.CyclusSoort.choices",
        "StadiumEnum": "regietafel.opgaven.models.Stadium.choices",
        "LocatieTypeEnum": "regietafel.locaties.models.LocatieType.choices",
        "LocatieStatusEnum": "regietafel.locaties.models.LocatieStatus.choices",
    },
}

# E-mail (regietafel.berichten): reminders, a returned submission's remark, summaries; sent by
# the worker. Production: SMTP (EMAIL_HOST …). Development and the demo: files in var/mail/
# (EMAIL_BACKEND=bestand), or console. Links in mail start with REGIETAFEL_BASIS_URL.
_MAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "bestand": "django.core.mail.backends.filebased.EmailBackend",
}
_mail = envstr("EMAIL_BACKEND") or ("smtp" if PRODUCTION else "bestand")
EMAIL_BACKEND = _MAIL_BACKENDS.get(_mail, _mail)
if "." not in EMAIL_BACKEND:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND moet smtp, console of bestand zijn (of een Python-pad), niet {_mail!r}"
    )
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = envstr("EMAIL_HOST") or "localhost"
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS en EMAIL_USE_SSL sluiten elkaar uit: kies er één.")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL") or "regietafel <regietafel@provincie.example>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
REGIETAFEL_BASIS_URL = (
    envstr("REGIETAFEL_BASIS_URL")
    or (f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION else "http://127.0.0.1:8000")
).rstrip("/")
REGIETAFEL_BERICHT_MAX_POGINGEN = envint("REGIETAFEL_BERICHT_MAX_POGINGEN", 3)
REGIETAFEL_BERICHT_WACHTRIJ_MINUTEN = envint("REGIETAFEL_BERICHT_WACHTRIJ_MINUTEN", 30)
REGIETAFEL_BERICHT_BEZIG_MINUTEN = envint("REGIETAFEL_BERICHT_BEZIG_MINUTEN", 30)
# Sent and failed messages are deleted after this many days (at least 180: berichten.services).
REGIETAFEL_BERICHT_BEWAAR_DAGEN = envint("REGIETAFEL_BERICHT_BEWAAR_DAGEN", 365)

# The province a user without a province of his own sees first (the demo: Drenthe).
REGIETAFEL_PROVINCIE = envstr("REGIETAFEL_PROVINCIE", "Drenthe")
# Months ahead of a location contract's end that the dashboard warns (issue 8).
REGIETAFEL_WAARSCHUWING_MAANDEN = envint("REGIETAFEL_WAARSCHUWING_MAANDEN", 6)
# Retention of personal data in meeting notes and uploads, in days (`regietafel opschonen`).
REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN = envint("REGIETAFEL_BEWAARTERMIJN_OVERLEG_DAGEN", 730)

# The reports (rapportage): the organisation named in their heading and an optional logo
# (a path to a PNG, JPEG or SVG file). Default: "Provincie <naam>" and no logo.
REGIETAFEL_ORGANISATIE = envstr("REGIETAFEL_ORGANISATIE") or None
REGIETAFEL_LOGO = envstr("REGIETAFEL_LOGO") or None
if REGIETAFEL_LOGO and not Path(REGIETAFEL_LOGO).is_file():
    raise ImproperlyConfigured(f"REGIETAFEL_LOGO wijst niet naar een bestand: {REGIETAFEL_LOGO!r}")

# Background jobs (regietafel.taken): Celery. With Redis (CELERY_BROKER_URL=redis://…) workers
# run on any number of machines; without it, kombu's filesystem transport in var/wachtrij/
# (no server needed: `make run` starts one worker with its scheduler beside runserver).
# A message is acknowledged after the job, and given back when its worker process is lost:
# a worker killed mid-job gets its job redelivered (Redis: after the visibility timeout,
# which must exceed the longest job). The sweep marks a job without a sign of life mislukt.
CELERY_BROKER_URL = envstr("CELERY_BROKER_URL") or "filesystem://"
CELERY_VISIBILITY_TIMEOUT = envint("CELERY_VISIBILITY_TIMEOUT", 900)
if CELERY_BROKER_URL.startswith("filesystem://"):
    _WACHTRIJ = VAR_DIR / "wachtrij"
    for _map in ("berichten", "controle"):
        (_WACHTRIJ / _map).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "data_folder_in": str(_WACHTRIJ / "berichten"),
        "data_folder_out": str(_WACHTRIJ / "berichten"),
        "control_folder": str(_WACHTRIJ / "controle"),
        # kombu polls the folder; its default (1 s) also limits it to one job a second.
        "polling_interval": 0.2,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
        # Look for messages of lost workers every 10 s (kombu's default throttle is 60 s).
        "unacked_restore_throttle": 1,
    }
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", 540)
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 600)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_SEND_TASK_EVENTS = False
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "taken-opruimen": {"task": "regietafel.taken.ruim_op", "schedule": 300.0},
    # Reminders and the daily summary (regietafel/herinneringen/tasks.py): every quarter of an
    # hour from REGIETAFEL_HERINNERINGEN_VANAF_UUR on; a planned reason is never sent twice.
    "herinneringen": {"task": "regietafel.herinneringen.herinner", "schedule": 900.0},
}
REGIETAFEL_HERINNERINGEN_VANAF_UUR = envint("REGIETAFEL_HERINNERINGEN_VANAF_UUR", 7)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# The sweep (regietafel.taken.services.ruim_op): a job bezig without progress for this long is
# mislukt (longer than the visibility timeout, so a redelivery gets its chance first); a job
# nobody took on is mislukt; finished jobs and their files are kept this many days.
REGIETAFEL_TAAK_VASTGELOPEN_MINUTEN = envint("REGIETAFEL_TAAK_VASTGELOPEN_MINUTEN", 30)
REGIETAFEL_TAAK_WACHTRIJ_MINUTEN = envint("REGIETAFEL_TAAK_WACHTRIJ_MINUTEN", 120)
REGIETAFEL_TAAK_BEWAAR_DAGEN = envint("REGIETAFEL_TAAK_BEWAAR_DAGEN", 14)
REGIETAFEL_GRAFIEK_BEWAAR_DAGEN = envint("REGIETAFEL_GRAFIEK_BEWAAR_DAGEN", 30)
REGIETAFEL_TAAK_MAX_POGINGEN = envint("REGIETAFEL_TAAK_MAX_POGINGEN", 3)
# Stored projections (monitoring.projectie): the Stand van zaken and the national overview
# computed once per change of the figures by a job, read per request. False: every page
# computes (the tests' default).
REGIETAFEL_PROJECTIES = envbool("REGIETAFEL_PROJECTIES", True)

# The log on stderr: JSON lines in production (python-json-logger; LOG_FORMAT=json|tekst), one
# line per request on "regietafel.verzoek" (request id, user id, method, path, status,
# duration; LOG_VERZOEKEN, on in production), every line through the filter that masks
# passwords, tokens, sessions, cookies and personal notes (regietafel/core/logboek.py).
LOG_FORMAT = envstr("LOG_FORMAT") or ("json" if PRODUCTION else "tekst")
if LOG_FORMAT not in {"json", "tekst"}:
    raise ImproperlyConfigured(f"LOG_FORMAT moet json of tekst zijn, niet {LOG_FORMAT!r}")
LOG_LEVEL = (envstr("LOG_LEVEL") or "WARNING").upper()
LOG_VERZOEKEN = envbool("LOG_VERZOEKEN", PRODUCTION)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "geheimen": {"()": "regietafel.core.logboek.GeheimFilter"},
        "verzoek_id": {"()": "regietafel.core.logboek.VerzoekIdFilter"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "json_ensure_ascii": False,
        },
        "tekst": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["verzoek_id", "geheimen"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "regietafel.verzoek": {"level": "INFO" if LOG_VERZOEKEN else "WARNING"},
    },
}
