"""Nareis settings.

Every setting a deployment changes comes from the environment (see README.md).
With no environment at all the project runs embedded: SQLite, media on the
local disk, Redis on localhost.
"""

from datetime import date
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_date, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("NAREIS_VAR_DIR", str(BASE_DIR / "var")))

# NAREIS_PRODUCTION=true turns on everything a public deployment needs
# (secure cookies, HSTS, HTTPS redirect) and refuses to start without a secret key.
PRODUCTION = env_bool("NAREIS_PRODUCTION")
DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY in production.")
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
if not PRODUCTION and not set(ALLOWED_HOSTS) <= {"127.0.0.1", "localhost", "testserver", "[::1]"}:
    # The development key and DEBUG must never face the internet.
    raise ImproperlyConfigured("Serving other hosts than localhost needs NAREIS_PRODUCTION=true.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "accounts",
    "cases",
    "tracker",
    "documents",
    "audit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, also with DEBUG off (make serve, production)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second factor was given
    "accounts.middleware.TwoFactorMiddleware",  # staff without it go to set it up or give it
    "accounts.middleware.PreferredLanguageMiddleware",
    "config.digits.LocalDigitsMiddleware",  # Farsi pages: numbers in Persian digits (static and filled-in alike)
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.form_addresses.FormAddressOpenedMiddleware",  # a form's address opened as a page: home, with a sentence
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    "config.private_pages.PrivatePagesMiddleware",  # Cache-Control: private, no-store for signed-in users
    "config.interruptions.DatabaseInterruptionMiddleware",  # a connection lost mid-request: 503, not 500
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database: SQLite by default, PostgreSQL (or any dj-database-url URL) with DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
# A kept connection is checked before a request uses it: after a failover or a restart of the database
# (every backend terminated) the next request reconnects instead of failing.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,  # seconds a writer waits for another (busy timeout)
        # WAL: readers never wait for the writer. IMMEDIATE: a transaction takes the write lock when it
        # begins, so two that read then write wait their turn instead of failing with "database is locked".
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # A file, not memory, so a Celery worker in another process sees the test data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Refuses a username locked out from that address (django-axes), then authenticates like ModelBackend.
AUTHENTICATION_BACKENDS = ["accounts.backends.ThrottledModelBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "tracker:case_list"
LOGOUT_REDIRECT_URL = "login"
# Invitation codes with which a sponsor sets a (new) password; a counsellor hands them out.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
# The filing day from which the rules of the two-status law apply (CONTRACTS.md section 4;
# tracker/rules/policy.py). A case filed (or to be filed) before it keeps the earlier rules.
TWO_STATUS_RULES_FROM = env_date("NAREIS_TWO_STATUS_FROM", date(2027, 1, 1))

# --- Languages of the interface. Right-to-left: Arabic and Farsi.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("nl", "Nederlands"),
    ("ar", "العربية"),
    ("ti", "ትግርኛ"),
    ("fa", "فارسی"),
    ("so", "Soomaali"),
    ("tr", "Türkçe"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]  # one date format per language (config/formats/shared.py)
# Django ships no metadata for Tigrinya.
LANG_INFO.setdefault("ti", {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"})
LANG_INFO.setdefault("so", {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"})
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static files (CSS, JS). Media (uploads) are never served as static.
STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks there; `collectstatic` fills it
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGE_BACKEND = env_str("STORAGE_BACKEND", "local")
if STORAGE_BACKEND == "s3":
    _document_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            "region_name": env_str("S3_REGION") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": env_int("S3_SIGNED_URL_SECONDS", 300),
            "signature_version": "s3v4",  # signed URLs carry their expiry (X-Amz-Expires)
            "file_overwrite": False,
        },
    }
else:
    # No URL pattern serves MEDIA_ROOT: the download view checks permission and sends the file.
    _document_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    }
STORAGES = {
    "default": _document_storage,
    # In production `collectstatic` writes compressed copies with hashed names (cached for ever by browsers).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage" if PRODUCTION
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Uploads.
DOCUMENT_MAX_UPLOAD_BYTES = env_int("DOCUMENT_MAX_UPLOAD_MB", 25) * 1024 * 1024
DOCUMENT_MAX_FILES_PER_UPLOAD = env_int("DOCUMENT_MAX_FILES_PER_UPLOAD", 20)
# Above the form's own limit, so too many files get the form's clear message, not a bare 400.
DATA_UPLOAD_MAX_NUMBER_FILES = DOCUMENT_MAX_FILES_PER_UPLOAD * 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DOCUMENT_MAX_PIXELS = env_int("DOCUMENT_MAX_PIXELS", 60_000_000)
DOCUMENT_MAX_PDF_PAGES = env_int("DOCUMENT_MAX_PDF_PAGES", 20)
# Decoded pixels of all pages of one document, and of all files of one upload request, together.
DOCUMENT_MAX_TOTAL_PIXELS = env_int("DOCUMENT_MAX_TOTAL_PIXELS", 400_000_000)
# Nothing lost: the sweeper queues again what stayed "received" (Redis was down) this long, and what
# stayed "queued" or "processing" (message lost, worker died) longer than a task may run.
DOCUMENT_REQUEUE_RECEIVED_AFTER_SECONDS = env_int("DOCUMENT_REQUEUE_RECEIVED_AFTER_SECONDS", 60)
DOCUMENT_STUCK_AFTER_SECONDS = env_int("DOCUMENT_STUCK_AFTER_SECONDS", 900)
# Faster, for what the sweeper can tell is lost: "queued" this long with no task in Redis (it lost its
# queue), or "processing" with no heartbeat (sent every DOCUMENT_HEARTBEAT_SECONDS) this long: the worker died.
DOCUMENT_REQUEUE_QUEUED_AFTER_SECONDS = env_int("DOCUMENT_REQUEUE_QUEUED_AFTER_SECONDS", 60)
DOCUMENT_HEARTBEAT_SECONDS = env_int("DOCUMENT_HEARTBEAT_SECONDS", 20)
DOCUMENT_WORKER_LOST_AFTER_SECONDS = env_int("DOCUMENT_WORKER_LOST_AFTER_SECONDS", 90)
DOCUMENT_BIN_DAYS = env_int("DOCUMENT_BIN_DAYS", 30)  # a removed document is kept this long, then deleted for good
DOCUMENT_MAX_ATTEMPTS = env_int("DOCUMENT_MAX_ATTEMPTS", 3)  # then "failed": a file that kills workers stops there

# --- Celery through Redis.
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
# The staff dashboards' and reports' content, kept until what it shows changes (tracker/page_cache.py). Keys start
# with PAGE_CACHE_PREFIX: the tests give each session its own.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("PAGE_CACHE_URL", REDIS_URL),
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    },
}
PAGE_CACHE_PREFIX = env_str("NAREIS_PAGE_CACHE_PREFIX", "nareis-pages")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A task not acknowledged within this time is delivered again (worker died).
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 900),
    # How often a worker looks for such messages: every interval × throttle seconds.
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 10),
    "socket_connect_timeout": 3,
    "socket_timeout": 5,
    "max_retries": 1,
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("DOCUMENT_TASK_SOFT_TIME_LIMIT", 240)
CELERY_TASK_TIME_LIMIT = env_int("DOCUMENT_TASK_TIME_LIMIT", 300)
CELERY_WORKER_CONCURRENCY = env_int("CELERY_WORKER_CONCURRENCY", 0) or None  # None: one process per CPU
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "nareis")
CELERY_BEAT_SCHEDULE = {
    "sweep-stuck-documents": {"task": "documents.sweep_stuck_documents", "schedule": 60.0},
    # Deadline and IND reminders (30, 14, 7 days before), each sent once: running often costs nothing.
    "send-reminders": {"task": "tracker.send_reminders", "schedule": 3600.0},
    # Sponsor e-mails and text messages a down broker, a lost task or a failing gateway left unsent.
    "send-pending-notifications": {"task": "tracker.send_pending_notifications", "schedule": 300.0},
    # Documents removed DOCUMENT_BIN_DAYS ago are deleted for good (documents.bin), each deletion audited.
    "empty-bin": {"task": "documents.empty_bin", "schedule": 3600.0},
    # The same for the replaced scans of IND letters (tracker.correspondence).
    "empty-letter-scan-bin": {"task": "tracker.empty_replaced_scans", "schedule": 3600.0},
    # Each case's stored checklist summary for the new day (days left, deadline states); the dashboards also
    # refresh a stale one before reading it, so this only spares the first views of the day the work.
    "refresh-case-summaries": {"task": "tracker.refresh_case_summaries", "schedule": crontab(hour=0, minute=5)},
    # Closed cases: coordinators warned a month before the purge; purged after CASE_RETENTION_DAYS (tracker.retention).
    "retention": {"task": "tracker.run_retention", "schedule": crontab(hour=2, minute=15)},
}
# Days a closed case is kept before it is purged (its anonymous figures stay for the reports).
CASE_RETENTION_DAYS = env_int("CASE_RETENTION_DAYS", 365)

# --- Security. Secure cookies and HSTS whenever not in local development.
SESSION_COOKIE_HTTPONLY = True
# NAREIS_HTTPS=false only for `make serve`: the production stack on this machine, over plain HTTP.
SESSION_COOKIE_SECURE = env_bool("NAREIS_HTTPS", default=PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if SESSION_COOKIE_SECURE:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Login throttling (django-axes): a username is locked from one address after so many failures.
# Locking the pair, not the username alone, keeps an attacker from locking a sponsor out.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_LOCKOUT_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Wrong invitation codes: LOGIN_FAILURE_LIMIT per code and address; this many of any code per address.
INVITATION_ADDRESS_FAILURE_LIMIT = env_int("INVITATION_ADDRESS_FAILURE_LIMIT", 30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout_response"  # that template, told whether staff were locked out
AXES_VERBOSE = False
# Behind a reverse proxy: how many proxies append to X-Forwarded-For (config/client_ip.py); 0 = none.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"

# Two-factor login (TOTP with recovery codes, django-otp) for counsellors, coordinators and admins: set up on
# their first login, asked at every login. Always on with NAREIS_PRODUCTION=true; TWO_FACTOR_REQUIRED=true turns
# it on for development. Sponsors log in with their password only.
TWO_FACTOR_REQUIRED = PRODUCTION or env_bool("TWO_FACTOR_REQUIRED", False)
TWO_FACTOR_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = env_str("TWO_FACTOR_ISSUER", "Nareis")

# Content Security Policy (config/csp.py): pages load scripts, styles and images from this site only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 12) * 3600

# E-mail (reminders): printed to the console unless EMAIL_HOST names an SMTP server.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Nareis <noreply@localhost>")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
# Where links in e-mails point.
NAREIS_BASE_URL = env_str("NAREIS_BASE_URL", "http://127.0.0.1:8000")
# Text messages to sponsors (tracker.sms): printed to the console unless a gateway is configured.
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL", "")
SMS_GATEWAY_TOKEN = env_str("SMS_GATEWAY_TOKEN", "")
SMS_SENDER = env_str("SMS_SENDER", "Nareis")
SMS_GATEWAY_TIMEOUT = env_int("SMS_GATEWAY_TIMEOUT", 10)
SMS_BACKEND = env_str(
    "SMS_BACKEND", "tracker.sms.HttpGatewaySmsBackend" if SMS_GATEWAY_URL else "tracker.sms.ConsoleSmsBackend")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
