"""Sanxiang settings: one module, every environment-dependent value from the environment.

There are no production-only settings files; integrations are switched on with ``USE_*`` flags
and ``SANXIANG_*`` variables (see README).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from sanxiang.lib import env

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent

try:
    VAR_DIR = Path(env.env_str("SANXIANG_VAR_DIR", str(PROJECT_DIR / "var"))).resolve()
    DEBUG = env.env_bool("DEBUG", False)
    SECURE_DEPLOYMENT = env.env_bool("SANXIANG_SECURE", False)
    ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
    CSRF_TRUSTED_ORIGINS = env.env_list("CSRF_TRUSTED_ORIGINS", [])
    DATABASE_URL = env.env_str("DATABASE_URL", "")
    EMAIL_URL_HOST = env.env_str("EMAIL_HOST", "")
    EMAIL_PORT = env.env_int("EMAIL_PORT", 25)
    EMAIL_USE_TLS = env.env_bool("EMAIL_USE_TLS", False)
    LOGIN_FAILURE_LIMIT = env.env_int("SANXIANG_LOGIN_FAILURE_LIMIT", 5)
    SECRET_KEY_FROM_ENV = env.env_secret("SECRET_KEY")
    EMAIL_HOST_PASSWORD = env.env_secret("EMAIL_HOST_PASSWORD") or ""
except (ValueError, OSError) as exc:
    raise ImproperlyConfigured(str(exc)) from exc

VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "static").mkdir(exist_ok=True)


def _secret_key() -> str:
    """Use SECRET_KEY(_FILE) when given, else a key generated once into var/ (0600)."""
    if SECRET_KEY_FROM_ENV:
        return SECRET_KEY_FROM_ENV
    path = VAR_DIR / "secret_key"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        tmp.chmod(0o600)
        tmp.replace(path)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "treebeard",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "captcha",
    "sanxiang.kernel",
    "sanxiang.org",
    "sanxiang.audit",
    "sanxiang.holidays",
    "sanxiang.files",
    "sanxiang.enforcement",
    "sanxiang.notifications",
    "sanxiang.jobs",
    "sanxiang.publicity",
    "sanxiang.supervision",
    "sanxiang.review",
    "sanxiang.evaluation",
    "sanxiang.records",
    "sanxiang.information_requests",
    "sanxiang.disclosure",
    "sanxiang.portal",
    "sanxiang.inspections",
    "sanxiang.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body: an oversized upload is refused unread (sanxiang.files.uploads).
    "sanxiang.files.middleware.UploadLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "sanxiang.portal.pagecache.PrivateByDefaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "sanxiang.kernel.middleware.RequestContextMiddleware",
    "sanxiang.audit.middleware.ScopeRefusalMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Form widgets render through TEMPLATES, so templates/django/forms/ can reword Django's defaults
# (the empty choice "---------" reads 请选择).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "sanxiang.urls"
WSGI_APPLICATION = "sanxiang.wsgi.application"

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
                "csp.context_processors.nonce",
                "sanxiang.org.context_processors.shell",
                "sanxiang.notifications.context_processors.shell_inbox",
            ],
        },
    },
]

# Database: SQLite file under var/ unless DATABASE_URL says otherwise.
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "sanxiang.sqlite3"),
            "OPTIONS": {
                # IMMEDIATE serialises writers at BEGIN, so two writers never deadlock on lock
                # upgrade; WAL lets readers continue while one writes.
                "transaction_mode": "IMMEDIATE",
                "timeout": env.env_int("SANXIANG_SQLITE_TIMEOUT", 60),
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DATABASES["default"].setdefault("TEST", {})
if env.env_str("SANXIANG_TEST_DB_NAME"):
    # Lets parallel test runs on one PostgreSQL server use separate test databases.
    DATABASES["default"]["TEST"]["NAME"] = env.env_str("SANXIANG_TEST_DB_NAME")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sanxiang.org.backends.AdminSiteBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Login throttling (django-axes): lock a username+address pair after repeated failures.
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# File store: content-addressed, never overwritten (sanxiang.files).
SANXIANG_FILE_ROOT = Path(env.env_str("SANXIANG_FILE_ROOT", str(VAR_DIR / "files")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_TEMP_DIR = None

# Keys that live outside the database (audit checkpoint signatures, publication log).
SANXIANG_KEY_DIR = Path(env.env_str("SANXIANG_KEY_DIR", str(VAR_DIR / "keys")))

# Background work: Django's Tasks API through the django-tasks backport.
TASKS = {
    "default": {
        "BACKEND": env.env_str("SANXIANG_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# E-mail notifications are sent only when EMAIL_HOST is set.
if EMAIL_URL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = EMAIL_URL_HOST
    EMAIL_HOST_USER = env.env_str("EMAIL_HOST_USER", "")
    DEFAULT_FROM_EMAIL = env.env_str("DEFAULT_FROM_EMAIL", "sanxiang@localhost")
else:
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
USE_EMAIL_NOTIFICATIONS = bool(EMAIL_URL_HOST)
# Absolute base for links in e-mails (e.g. https://sanxiang.example.gov.cn); relative links when empty.
SANXIANG_BASE_URL = env.env_str("SANXIANG_BASE_URL", "")

# Module settings: each declared once here, read from the environment, read by the code as
# ``settings.SANXIANG_…`` at call time (a misspelt name is an AttributeError, a misspelt
# environment variable a warning of the check ``sanxiang.W002``). Documented in the README.
try:
    # Supervision: 到期提醒 this many working days ahead; 督办单 and 报领导 after this many overdue.
    SANXIANG_SUPERVISION_REMIND_DAYS = env.env_int("SANXIANG_SUPERVISION_REMIND_DAYS", 3)
    SANXIANG_SUPERVISION_ORDER_AFTER_DAYS = env.env_int("SANXIANG_SUPERVISION_ORDER_AFTER_DAYS", 3)
    SANXIANG_SUPERVISION_LEADER_AFTER_DAYS = env.env_int("SANXIANG_SUPERVISION_LEADER_AFTER_DAYS", 5)
    # Fuzzy department-name matching of imported task tables (0..1).
    SANXIANG_SUPERVISION_MATCH_THRESHOLD = env.env_float("SANXIANG_SUPERVISION_MATCH_THRESHOLD", 0.85)
    # Review stage limits overriding review.rules.DEFAULT_STAGE_LIMITS, as JSON:
    # {"review": {"unit": "working_days", "n": 5, "extension": 5}, …}
    SANXIANG_REVIEW_STAGE_LIMITS = env.env_json("SANXIANG_REVIEW_STAGE_LIMITS", {})
    # Portal: progress lookups and exports per client address and minute.
    SANXIANG_PORTAL_LOOKUP_LIMIT = env.env_int("SANXIANG_PORTAL_LOOKUP_LIMIT", 10)
    SANXIANG_PORTAL_EXPORT_LIMIT = env.env_int("SANXIANG_PORTAL_EXPORT_LIMIT", 10)
    # Staff home: to-dos due within this many days are listed with the overdue ones, first.
    SANXIANG_TODO_DUE_SOON_DAYS = env.env_int("SANXIANG_TODO_DUE_SOON_DAYS", 7)
    # Portal: the public log's name (first line of its checkpoints, name of its key). Empty: the host
    # of SANXIANG_BASE_URL, else the top authority's name + 执法公示日志. No spaces or "+".
    SANXIANG_PUBLOG_ORIGIN = env.env_str("SANXIANG_PUBLOG_ORIGIN", "")
    # Background jobs: a running job with no progress for this many minutes is marked failed (its
    # worker died); longer than any write phase of an import, which reports no progress inside.
    SANXIANG_JOB_STALE_MINUTES = env.env_int("SANXIANG_JOB_STALE_MINUTES", 15)
    # Background jobs: an export's result file (a multi-GB records archive, an overdue list) is
    # deleted this many days after its job ended; the job's row, report and audit stay.
    SANXIANG_JOB_RESULT_DAYS = env.env_int("SANXIANG_JOB_RESULT_DAYS", 7)
    # File store: bytes re-read by one daily fixity sweep (20 GiB).
    SANXIANG_FIXITY_SWEEP_BYTES = env.env_int("SANXIANG_FIXITY_SWEEP_BYTES", 20 * 1024**3)
except ValueError as exc:
    raise ImproperlyConfigured(str(exc)) from exc
# Variables read above that are not settings of their own (for the check sanxiang.W002).
SANXIANG_ENVIRONMENT_ONLY = (
    "SANXIANG_VAR_DIR",
    "SANXIANG_SECURE",
    "SANXIANG_LOGIN_FAILURE_LIMIT",
    "SANXIANG_TEST_DB_NAME",
    "SANXIANG_TASK_BACKEND",
)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "sanxiang.api.authentication.SourceTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "sanxiang.api.pagination.DefaultPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "sanxiang.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "600/min", "lookup": "10/min"},
}
SPECTACULAR_SETTINGS: dict[str, Any] = {
    "TITLE": "Sanxiang API",
    "DESCRIPTION": "三项制度平台接口：供金税三期等源系统推送执法行为、决定与记录。",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

# Security headers. Plain HTTP on loopback by default; SANXIANG_SECURE=1 behind HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "sanxiang.kernel.errors.csrf_failure"  # Chinese page with a way back
SESSION_COOKIE_SECURE = SECURE_DEPLOYMENT
CSRF_COOKIE_SECURE = SECURE_DEPLOYMENT
SECURE_SSL_REDIRECT = SECURE_DEPLOYMENT
SECURE_HSTS_SECONDS = 31536000 if SECURE_DEPLOYMENT else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_DEPLOYMENT
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_DEPLOYMENT else None

# Content security policy: everything self-hosted, no inline script without a nonce.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.env_str("LOG_LEVEL", "WARNING")},
}

# Masking: whether an individual business's place of business (经营地点) is published. 欠税公告办法
# 第五条 lists it for individual businesses (RULES.md §2A, 🟡 recalled, not read in the primary text);
# a natural person's address is hidden either way (RULES.md §1.5).
SANXIANG_MASK_PUBLISH_INDIVIDUAL_BUSINESS_ADDRESS = env.env_bool(
    "SANXIANG_MASK_PUBLISH_INDIVIDUAL_BUSINESS_ADDRESS", True
)
# Evaluation: pages read unit and department figures computed in the background (cron below) and
# serve them for up to SANXIANG_EVALUATION_CACHE_SECONDS (0: every page computes its own). Closed
# months are read from their frozen snapshots.
SANXIANG_EVALUATION_CACHE_SECONDS = env.env_int("SANXIANG_EVALUATION_CACHE_SECONDS", 1800)
SANXIANG_EVALUATION_REFRESH_CRON = env.env_str("SANXIANG_EVALUATION_REFRESH_CRON", "*/10 * * * *")
# Whole-process records (sanxiang.records) and the file store's storage backend.
# SANXIANG_FILE_STORAGE: "local" (SANXIANG_FILE_ROOT) or "s3" (S3-compatible object storage).
SANXIANG_FILE_STORAGE = env.env_str("SANXIANG_FILE_STORAGE", "local")
SANXIANG_S3_BUCKET = env.env_str("SANXIANG_S3_BUCKET", "sanxiang")
SANXIANG_S3_ENDPOINT_URL = env.env_str("SANXIANG_S3_ENDPOINT_URL", "")
SANXIANG_S3_ACCESS_KEY = env.env_str("SANXIANG_S3_ACCESS_KEY", "")
SANXIANG_S3_SECRET_KEY = env.env_str("SANXIANG_S3_SECRET_KEY", "")
SANXIANG_S3_REGION = env.env_str("SANXIANG_S3_REGION", "us-east-1")
SANXIANG_S3_PART_BYTES = env.env_int("SANXIANG_S3_PART_BYTES", 16 * 1024 * 1024)
# Where unfinished tus uploads are spooled (same file system as SANXIANG_FILE_ROOT for local storage).
SANXIANG_RECORDS_TUS_DIR = env.env_str("SANXIANG_RECORDS_TUS_DIR", "")
# An abandoned upload expires this many hours after its last byte arrived.
SANXIANG_RECORDS_UPLOAD_EXPIRY_HOURS = env.env_int("SANXIANG_RECORDS_UPLOAD_EXPIRY_HOURS", 24)
# Size limit per record kind in bytes (JSON object: kind -> bytes, "default" for the rest).
SANXIANG_RECORDS_SIZE_LIMITS = env.env_json(
    "SANXIANG_RECORDS_SIZE_LIMITS",
    {
        "default": 200 * 1024**2,
        "body_camera": 16 * 1024**3,
        "interview_room": 16 * 1024**3,
        "audio": 2 * 1024**3,
        "site_photo": 50 * 1024**2,
    },
)
# Working days after an act starts before a missing required recording counts as 应录未录.
SANXIANG_RECORDS_GRACE_WORKING_DAYS = env.env_int("SANXIANG_RECORDS_GRACE_WORKING_DAYS", 3)
# Retention of raw audio/video in months (公安机关现场执法视音频记录工作规定 §13: ≥ 6 months) ❓
SANXIANG_RECORDS_DEFAULT_RETENTION_MONTHS = env.env_int("SANXIANG_RECORDS_DEFAULT_RETENTION_MONTHS", 6)
# Retention of a case file, which evidence in a case follows (months after the case concludes; 0 = permanent) ❓
SANXIANG_RECORDS_CASE_FILE_RETENTION_MONTHS = env.env_int(
    "SANXIANG_RECORDS_CASE_FILE_RETENTION_MONTHS", 30 * 12
)
# Chunk size of browser uploads (one tus PATCH per chunk).
SANXIANG_RECORDS_BROWSER_CHUNK_BYTES = env.env_int("SANXIANG_RECORDS_BROWSER_CHUNK_BYTES", 8 * 1024 * 1024)
# Disclosure requests (依申请公开). The 🟡/❓ periods of RULES.md §6.3/§6.5, in working days.
SANXIANG_INFOREQ_CORRECTION_PERIOD_DAYS = env.env_int("SANXIANG_INFOREQ_CORRECTION_PERIOD_DAYS", 15)
SANXIANG_INFOREQ_FEE_PAYMENT_DAYS = env.env_int("SANXIANG_INFOREQ_FEE_PAYMENT_DAYS", 20)
SANXIANG_INFOREQ_FEE_PAUSES_CLOCK = env.env_bool("SANXIANG_INFOREQ_FEE_PAUSES_CLOCK", True)
SANXIANG_INFOREQ_REMIND_DAYS = env.env_int("SANXIANG_INFOREQ_REMIND_DAYS", 5)
# Portal filings per client address per hour.
SANXIANG_INFOREQ_SUBMIT_LIMIT = env.env_int("SANXIANG_INFOREQ_SUBMIT_LIMIT", 5)
# Proactive disclosure 主动公开 (sanxiang.disclosure). Statutory values marked 🟡/❓ in RULES.md §7.
# Working days after publication before a document without an interpretation is flagged (三同步; seed 001 #45).
SANXIANG_DISCLOSURE_INTERPRETATION_GRACE_DAYS = env.env_int(
    "SANXIANG_DISCLOSURE_INTERPRETATION_GRACE_DAYS", 5
)
# Minimum public-comment period in days (优化营商环境条例第六十二条).
SANXIANG_DISCLOSURE_CONSULTATION_MIN_DAYS = env.env_int("SANXIANG_DISCLOSURE_CONSULTATION_MIN_DAYS", 30)
# Comments accepted per client and hour on the portal.
SANXIANG_DISCLOSURE_COMMENT_RATE_LIMIT = env.env_int("SANXIANG_DISCLOSURE_COMMENT_RATE_LIMIT", 5)
# A rating at or below this score is a bad rating 差评 (reason required, rectification).
SANXIANG_DISCLOSURE_RATING_LOW_SCORE = env.env_int("SANXIANG_DISCLOSURE_RATING_LOW_SCORE", 2)
# Working days to answer the rectification of a bad rating.
SANXIANG_DISCLOSURE_RECTIFICATION_DAYS = env.env_int("SANXIANG_DISCLOSURE_RECTIFICATION_DAYS", 5)
# Public-opinion timers in clock hours (seed 001 #60) and the alert lead time.
SANXIANG_DISCLOSURE_OPINION_INFO_HOURS = env.env_int("SANXIANG_DISCLOSURE_OPINION_INFO_HOURS", 5)
SANXIANG_DISCLOSURE_OPINION_PRESS_HOURS = env.env_int("SANXIANG_DISCLOSURE_OPINION_PRESS_HOURS", 24)
SANXIANG_DISCLOSURE_OPINION_ALERT_MINUTES = env.env_int("SANXIANG_DISCLOSURE_OPINION_ALERT_MINUTES", 60)
# Days to publish a case-specific ruling 个案批复 (seed 001 #10; ❓ in RULES.md §7).
SANXIANG_DISCLOSURE_RULING_PUBLISH_DAYS = env.env_int("SANXIANG_DISCLOSURE_RULING_PUBLISH_DAYS", 30)
# django-simple-captcha (disclosure requests, public comments and ratings): arithmetic challenges,
# drawn with its bundled font; the image is served by the app itself.
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
# Random inspections 双随机、一公开 (RULES.md §8; 🟡/❓ values, hence settings).
SANXIANG_INSPECTIONS_PUBLISH_WORKING_DAYS = env.env_int("SANXIANG_INSPECTIONS_PUBLISH_WORKING_DAYS", 20)
SANXIANG_INSPECTIONS_MAX_CASES_IN_HAND = env.env_int("SANXIANG_INSPECTIONS_MAX_CASES_IN_HAND", 3)
SANXIANG_INSPECTIONS_EXCLUSION_YEARS = env.env_int("SANXIANG_INSPECTIONS_EXCLUSION_YEARS", 3)
SANXIANG_INSPECTIONS_TASK_WORKING_DAYS = env.env_int("SANXIANG_INSPECTIONS_TASK_WORKING_DAYS", 60)
# JSON object overriding default annual ratios, e.g. {"other_enterprise": "0.02"}.
SANXIANG_INSPECTIONS_RATIOS = env.env_str("SANXIANG_INSPECTIONS_RATIOS", "")
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {})["InspectionDrawModeEnum"] = (
    "sanxiang.inspections.choices.DrawMode"
)
# --- Reliability (issue 16): the safe reader, upload limits, spool, integrity schedule ---------
# The one safe reader of uploads (sanxiang.lib.safefiles), applied by sanxiang.files.uploads.
SANXIANG_SAFEFILE_MAX_MEMBERS = env.env_int("SANXIANG_SAFEFILE_MAX_MEMBERS", 5000)
SANXIANG_SAFEFILE_MAX_UNPACKED_MB = env.env_int("SANXIANG_SAFEFILE_MAX_UNPACKED_MB", 300)
SANXIANG_SAFEFILE_MAX_RATIO = env.env_int("SANXIANG_SAFEFILE_MAX_RATIO", 100)
SANXIANG_SAFEFILE_MAX_ROWS = env.env_int("SANXIANG_SAFEFILE_MAX_ROWS", 200_000)
SANXIANG_SAFEFILE_SECONDS = env.env_int("SANXIANG_SAFEFILE_SECONDS", 30)
# Size limit per upload kind, in MB ("import" = a file read by an importer, "attachment" = a stored
# file, "evidence" = supervision evidence); "default" for any other kind.
SANXIANG_UPLOAD_LIMITS_MB = {
    "default": env.env_int("SANXIANG_UPLOAD_MAX_MB", 100),
    "import": env.env_int("SANXIANG_IMPORT_MAX_MB", 50),
    "attachment": env.env_int("SANXIANG_ATTACHMENT_MAX_MB", 100),
    "evidence": env.env_int("SANXIANG_EVIDENCE_MAX_MB", 50),
}
# An upload is refused when the free space of the data directory would fall under this floor.
SANXIANG_DISK_FLOOR_MB = env.env_int("SANXIANG_DISK_FLOOR_MB", 1024)
# Uploads larger than FILE_UPLOAD_MAX_MEMORY_SIZE spool here (not /tmp); emptied at server/worker start.
SANXIANG_SPOOL_DIR = Path(env.env_str("SANXIANG_SPOOL_DIR", str(VAR_DIR / "spool")))
SANXIANG_SPOOL_DIR.mkdir(parents=True, exist_ok=True)
FILE_UPLOAD_TEMP_DIR = str(SANXIANG_SPOOL_DIR)
FILE_UPLOAD_HANDLERS = [
    "sanxiang.files.uploads.LimitUploadHandler",  # stops a body past the limit while streaming
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "sanxiang.files.uploads.SpoolUploadHandler",
]
# Fixity cycle (sanxiang.files.integrity): every stored file is re-hashed at least once per cycle;
# the sweep runs on SANXIANG_FIXITY_CRON, every SANXIANG_FIXITY_RUN_EVERY_HOURS hours.
SANXIANG_FIXITY_CYCLE_HOURS = env.env_int("SANXIANG_FIXITY_CYCLE_HOURS", 7 * 24)
SANXIANG_FIXITY_RUN_EVERY_HOURS = env.env_int("SANXIANG_FIXITY_RUN_EVERY_HOURS", 1)
SANXIANG_FIXITY_CRON = env.env_str("SANXIANG_FIXITY_CRON", "15 * * * *")
SANXIANG_FIXITY_MIN_RUN_MB = env.env_int("SANXIANG_FIXITY_MIN_RUN_MB", 64)
# Audit checkpoints: signed on this schedule when events were written since the last one (and at a
# clean worker shutdown); key ids trusted to sign them (empty: any key whose public half is kept).
SANXIANG_AUDIT_CHECKPOINT_CRON = env.env_str("SANXIANG_AUDIT_CHECKPOINT_CRON", "*/5 * * * *")
SANXIANG_AUDIT_TRUSTED_KEYS = env.env_list("SANXIANG_AUDIT_TRUSTED_KEYS", [])
# API contract: error responses in the schema, OPTIONS that never fail, JSON bodies only (bodies with
# nested fields cannot be sent as forms); views that take files declare their own parsers.
REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "sanxiang.api.schema.AutoSchema"
REST_FRAMEWORK["DEFAULT_METADATA_CLASS"] = "sanxiang.api.metadata.SafeMetadata"
REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"] = ["rest_framework.parsers.JSONParser"]
REST_FRAMEWORK["TEST_REQUEST_DEFAULT_FORMAT"] = "json"
# Caches: "default" is a file cache under var/ that every server process shares and that needs no
# cache server (reads 4-7x faster than the database cache: bench/bench_cache_backends.py); "shared"
# names the same store (the portal's statistics, computed once in the background for all workers).
# "local" is a small per-process memory layer in front of it for public page bodies (their keys
# hold the publication generation, read from the shared cache on every request).
_SHARED_CACHE = {
    "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
    "LOCATION": env.env_str("SANXIANG_SHARED_CACHE_DIR", str(VAR_DIR / "cache")),
    "OPTIONS": {"MAX_ENTRIES": env.env_int("SANXIANG_SHARED_CACHE_ENTRIES", 20000)},
}
CACHES = {
    "default": _SHARED_CACHE,
    "shared": _SHARED_CACHE,
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 500}},
}
# Anonymous public pages (sanxiang.portal.pagecache): the cache holding the publication generation
# and page bodies, the per-process front layer, how long a rendered page is kept at most (seconds;
# a publication, correction or withdrawal replaces it at once), and the max-age a browser or reverse
# proxy is told (seconds it may show a page without asking again).
SANXIANG_PUBLIC_CACHE = "default"
SANXIANG_PUBLIC_CACHE_LOCAL = "local"
SANXIANG_PUBLIC_PAGE_SECONDS = env.env_int("SANXIANG_PUBLIC_PAGE_SECONDS", 600)
SANXIANG_PUBLIC_MAX_AGE = env.env_int("SANXIANG_PUBLIC_MAX_AGE", 60)
