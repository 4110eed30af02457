"""Cluster Campus settings, read from the environment (12-factor).

Every knob that differs between a laptop, CI and production is an environment
variable; see docs/configuration.md for the list.
"""

import os
import sys
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent  # the repository root
SRC_DIR = BASE_DIR / "src"
VAR_DIR = Path(os.environ.get("CAMPUS_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # the SQLite file, development mail and media live here


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = "pytest" in sys.modules
# HTTPS=1 when the site is served behind TLS (production): secure cookies, HSTS, redirects.
HTTPS = env_bool("HTTPS", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if HTTPS:
        raise ImproperlyConfigured("SECRET_KEY must be set when HTTPS=1 (production).")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-" + "x" * 20
    if not DEBUG and not TESTING:
        warnings.warn("SECRET_KEY is not set: using an insecure development key.", stacklevel=1)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # our apps, ground floor first (an app imports only apps listed above it)
    "campus.core",
    "campus.accounts",
    "campus.programme",
    "campus.team",
    "campus.communications",
    "campus.applications",
    "campus.review",
    "campus.interviews",
    "campus.admissions",
    "campus.cohort",
    "campus.attendance",
    "campus.coursework",
    "campus.feedback",
    "campus.coaching",
    "campus.certificates",
    "campus.booklet",
    "campus.forum",
    "campus.news",
    "campus.radars",
    "campus.scanning",
    "campus.assessment",
    "campus.editions",
    "campus.canvases",
    "campus.strategy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Everything answered to someone signed in: Cache-Control: private, no-store (issue 9).
    "campus.core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "campus.core.middleware.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "campus.accounts.middleware.StaffMFAMiddleware",
]

ROOT_URLCONF = os.environ.get("CAMPUS_URLCONF", "campus.urls")
WSGI_APPLICATION = "campus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "campus" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "campus.programme.context_processors.site",
                "campus.core.staff_nav.staff_nav",
            ],
            # {% url %} with its answers kept per process (the same tag, the same output; issue 10)
            "builtins": ["campus.core.templatetags.fast_url"],
        },
    }
]

# Widgets of Django's own kinds are written in Python (the same HTML as their templates, much faster).
FORM_RENDERER = "campus.core.forms_render.FastRenderer"

# --- database -------------------------------------------------------------------------------
SQLITE_PATH = VAR_DIR / "db.sqlite3"
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": dict(SQLITE_OPTIONS),
            # Keep the connection between requests: opening one (PRAGMAs, schema) costs ~1 ms.
            "CONN_MAX_AGE": int(os.environ.get("CONN_MAX_AGE", "600")),
            "CONN_HEALTH_CHECKS": True,
            # Tests use a file too (not memory), so live-server threads get their own connections and
            # concurrency tests meet SQLite's real locking.
            "TEST": {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache ----------------------------------------------------------------------------------
# "default" holds the counters of the rate limits (allauth's, the contact form's): every process and machine
# must see the same ones, so without Redis it is the database (table campus_cache, made by a migration of
# campus.core). "pages" holds rendered public pages and API answers (campus.core.cache): per process without
# Redis (a copy per worker is correct, the content version invalidates it, and SQLite is spared the writes).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        # Django's Redis backend, keeping one client per connection pool (campus.core.redis_cache)
        "default": {"BACKEND": "campus.core.redis_cache.RedisCache", "LOCATION": REDIS_URL},
        "pages": {"BACKEND": "campus.core.redis_cache.RedisCache", "LOCATION": REDIS_URL},
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "campus_cache",
            # Culling drops counters: keep room for an attack's worth of keys (expired rows go first).
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "campus-pages"},
    }

# --- background tasks (django-tasks + django-tasks-db) --------------------------------------
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# --- accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    # team roles per edition answer has_perm("team.…") (campus.team.backends)
    "campus.team.backends.TeamRoleBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/apply/"
# django-allauth: email login, mandatory verification by link, rate limits (allauth's defaults).
ACCOUNT_ADAPTER = "campus.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "campus.accounts.forms.SignupNames"  # given and family name (accounts/forms.py)
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if HTTPS else "http"
ACCOUNT_PREVENT_ENUMERATION = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Cluster Campus"
# Staff must have a second factor (TOTP) before they can use the staff area.
CAMPUS_STAFF_REQUIRE_MFA = env_bool("CAMPUS_STAFF_REQUIRE_MFA", HTTPS)

# --- i18n / time ----------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")  # stored in UTC; meetups are shown in their own zone
USE_I18N = True
USE_TZ = True

# --- static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files from `collectstatic` in production; plain files in development and tests.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_MANIFEST_STRICT = False  # fall back to unhashed names before collectstatic has run
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_MAX_AGE = 3600

# --- mail -----------------------------------------------------------------------------------
MAIL_DIR = VAR_DIR / "mail"
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "campus.core.mail.EmlFileBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Cluster Campus <noreply@cluster-campus.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# --- logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- the campus itself ----------------------------------------------------------------------
# Contact-form messages are mailed to these addresses (besides the programme's contact address).
CAMPUS_CONTACT_RECIPIENTS = env_list("CAMPUS_CONTACT_RECIPIENTS")
# How many contact messages one address (IP) may send per hour.
CAMPUS_CONTACT_RATE = int(os.environ.get("CAMPUS_CONTACT_RATE", "5"))
CAMPUS_NEWS_RATE = int(os.environ.get("CAMPUS_NEWS_RATE", "20"))  # news sign-ups per client address an hour
# Seconds a rendered public page is kept in the cache (it is also dropped whenever content changes).
CAMPUS_PAGE_CACHE_SECONDS = int(os.environ.get("CAMPUS_PAGE_CACHE_SECONDS", "300"))

# --- public API (campus.api, django-ninja; see docs/api.md) ---------------------------------
INSTALLED_APPS += ["campus.api"]

# --- privacy (campus.privacy: record of processing, subject access, erasure, retention; docs/privacy.md) ---
INSTALLED_APPS += ["campus.privacy"]

# --- deployment past one process (issue 5; docs/deployment.md) ------------------------------
# Request ids and one access record per request (campus.core.logging); outermost, so it times everything.
MIDDLEWARE.insert(0, "campus.core.logging.RequestIdMiddleware")
if env_bool("BEHIND_PROXY", False):
    # Behind nginx every REMOTE_ADDR is the proxy's: take the client from the last X-Forwarded-For entry.
    MIDDLEWARE.insert(1, "campus.core.middleware.ForwardedClientMiddleware")
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Logs: LOG_FORMAT=json writes one JSON object per record on stdout (production); text otherwise.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING.setdefault("filters", {})["request_id"] = {"()": "campus.core.logging.RequestIdFilter"}
LOGGING["handlers"]["console"].setdefault("filters", []).append("request_id")
if LOG_FORMAT == "json":
    LOGGING.setdefault("formatters", {})["json"] = {"()": "campus.core.logging.JsonFormatter"}
    LOGGING["handlers"]["console"].update(formatter="json", stream="ext://sys.stdout")
    # The access records (INFO) are wanted even when LOG_LEVEL keeps the rest at WARNING.
    LOGGING.setdefault("loggers", {})["campus.request"] = {"level": os.environ.get("ACCESS_LOG_LEVEL", "INFO")}
elif LOG_FORMAT != "text":
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'text' or 'json', not {LOG_FORMAT!r}.")

# PostgreSQL: give up on an unreachable server after a few seconds instead of hanging a worker.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5")))

if REDIS_URL:
    # Shared by every process and machine; short timeouts so a Redis outage fails fast (and shows in /healthz).
    for _alias in ("default", "pages"):
        CACHES[_alias].setdefault("OPTIONS", {}).update(socket_connect_timeout=2, socket_timeout=2)
        CACHES[_alias]["KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "") + ("pages" if _alias == "pages" else "")
    # Sessions read from the cache, written through to the database: a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Tasks a dead worker left RUNNING are given back after this many seconds (manage.py recover_tasks);
# a worker on this machine that is known dead (host:pid worker id) is recovered at once.
CAMPUS_TASK_LEASE_SECONDS = int(os.environ.get("CAMPUS_TASK_LEASE_SECONDS", "900"))

# Media (the default storage) on S3-compatible storage when S3_BUCKET is set (django-storages).
# Private files (CVs, letters: campus.core.files.PrivateStorage) stay on the local disk under
# MEDIA_ROOT/private: with several app machines that folder must be shared (see docs/deployment.md).
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    _s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
        "location": os.environ.get("S3_PREFIX", "media"),
        "default_acl": None,  # the bucket's policy decides, not each object
        "querystring_auth": env_bool("S3_QUERYSTRING_AUTH", True),  # signed URLs: works with a private bucket
        "file_overwrite": False,
    }
    if os.environ.get("S3_ACCESS_KEY_ID"):  # else boto3's own chain (AWS_* variables, instance role)
        _s3_options.update(access_key=os.environ["S3_ACCESS_KEY_ID"], secret_key=os.environ.get("S3_SECRET_ACCESS_KEY", ""))
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}

# --- review and admission (issue 4) -----------------------------------------------------------
# The address mails link to (the outbox fills {site_url} with it), e.g. https://campus.example.org.
# Without it: the first ALLOWED_HOSTS entry (http:// in development).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
