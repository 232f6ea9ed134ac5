"""Django settings. Every variable is documented in docs/configuration.md."""

import datetime
from pathlib import Path

import dj_database_url

from zhenggai.env import (
    ConfigError,
    env_bool,
    env_int,
    env_list,
    env_str,
    private_dir,
    private_file,
    secret_key,
)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("ZHENGGAI_DATA_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("ZHENGGAI_DEBUG", False)
SECRET_KEY = secret_key(DATA_DIR)
ALLOWED_HOSTS = env_list("ZHENGGAI_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("ZHENGGAI_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "zhenggai.accounts",
    "zhenggai.ledger",
    "zhenggai.authority",
    "zhenggai.carryout",
    "zhenggai.supervision",
    "zhenggai.mechanisms",
    "zhenggai.requests",
    "zhenggai.dashboard",
    "zhenggai.api",
    "zhenggai.importer",
    "zhenggai.documents",
    "zhenggai.ops",
    "zhenggai.audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "zhenggai.audit.context.AuditSourceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "zhenggai.ledger.middleware.HtmxLoginRedirectMiddleware",
    "zhenggai.accounts.middleware.FirstStepMiddleware",
    "zhenggai.accounts.middleware.LoggedInAnswersMiddleware",
    "zhenggai.accounts.middleware.DirectoryUnavailableMiddleware",
    "zhenggai.ledger.middleware.MethodNotAllowedPageMiddleware",
    "zhenggai.ops.busy.DatabaseBusyMiddleware",
    "zhenggai.files.serving.FileAlteredMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zhenggai.urls"
WSGI_APPLICATION = "zhenggai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "zhenggai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "zhenggai.supervision.context_processors.unread_notifications",
                "zhenggai.audit.context_processors.audit_link",
                "zhenggai.authority.context_processors.menu",
            ],
        },
    },
]

DATABASE_URL = env_str("ZHENGGAI_DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    private_dir(DATA_DIR)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": private_file(DATA_DIR / "zhenggai.sqlite3"),
            "OPTIONS": {
                # WAL lets readers go on while one writer writes; IMMEDIATE avoids
                # the upgrade deadlock of two deferred transactions.
                # busy_timeout bounds how long a write waits for another writer before
                # the person is told to try again (zhenggai/ops/busy.py).
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    f"PRAGMA busy_timeout={env_int('ZHENGGAI_SQLITE_BUSY_MS', 10000)};"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# A test that empties the database and puts back what migrations made (serialized_rollback)
# writes that back through the audited saves, which append a fresh chain: restoring the old
# chain as well would leave two entries under each number.
TEST_NON_SERIALIZED_APPS = ["zhenggai.audit"]

# The password rules (zhenggai/accounts/passwords.py), applied on the change page, in the admin
# and by createadmin.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "zhenggai.accounts.passwords.MinimumLength",
        "OPTIONS": {"min_length": env_int("ZHENGGAI_PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "zhenggai.accounts.passwords.CharacterKinds", "OPTIONS": {"min_kinds": 3}},
    {"NAME": "zhenggai.accounts.passwords.NotTheLoginName"},
    {"NAME": "zhenggai.accounts.passwords.NotCommon"},
    {
        "NAME": "zhenggai.accounts.passwords.NotRecentlyUsed",
        "OPTIONS": {"count": env_int("ZHENGGAI_PASSWORD_HISTORY", 5)},
    },
]
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out login name or address before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Names without a local password, when ZHENGGAI_LDAP_URL is set (below).
    "zhenggai.accounts.directory.DirectoryBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "ledger:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = env_str("ZHENGGAI_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "zhenggai" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/echarts", BASE_DIR / "node_modules" / "echarts" / "dist"),
    ("vendor/tom-select", BASE_DIR / "node_modules" / "tom-select" / "dist"),
]
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "media"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("ZHENGGAI_MAX_FORM_BYTES", 5 * 1024 * 1024)
# Every upload goes to a temporary file under the data directory as it arrives (not /tmp,
# which may be memory), and is cut off at ZHENGGAI_MAX_UPLOAD_BYTES: see zhenggai/files/uploads.py.
FILE_UPLOAD_HANDLERS = ["zhenggai.files.uploads.LimitedUploadHandler"]
FILE_UPLOAD_TEMP_DIR = str(private_dir(DATA_DIR / "tmp"))
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
ZHENGGAI_MAX_UPLOAD_BYTES = env_int("ZHENGGAI_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)

SECURE_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}
SESSION_COOKIE_HTTPONLY = True
# Idle timeout: a session ends this long after its last use (zhenggai/accounts/middleware.py
# moves its expiry forward while it is used).
SESSION_COOKIE_AGE = env_int("ZHENGGAI_IDLE_MINUTES", 30) * 60
if SESSION_COOKIE_AGE < 120:
    raise ConfigError("ZHENGGAI_IDLE_MINUTES 必须至少为 2")

# HTTPS through nginx (docs/deployment.md, deploy/): nginx says so in X-Forwarded-Proto; a
# request that came by plain HTTP anyway is redirected, and browsers are told to use HTTPS
# only (HSTS). Preload only matters for a name submitted to the browsers' list, which an
# intranet name never is; it is set so that `check --deploy` has nothing to say.
ZHENGGAI_HTTPS = env_bool("ZHENGGAI_HTTPS", False)
if ZHENGGAI_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("ZHENGGAI_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = env_bool("ZHENGGAI_SECURE_COOKIES", ZHENGGAI_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

# A second factor for administrators (zhenggai/accounts/second_factor.py): off by default.
ZHENGGAI_ADMIN_TOTP = env_bool("ZHENGGAI_ADMIN_TOTP", False)
OTP_TOTP_ISSUER = "整改系统"
# The admin never shows an authenticator's key or QR code again once it is made: whoever
# reads the admin could otherwise copy another administrator's second factor.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Login with a directory account, LDAP or Active Directory (zhenggai/accounts/directory.py):
# off while ZHENGGAI_LDAP_URL is empty. Several servers, comma-separated, are tried in turn.
ZHENGGAI_LDAP_URL = env_list("ZHENGGAI_LDAP_URL", [])
ZHENGGAI_LDAP_START_TLS = env_bool("ZHENGGAI_LDAP_START_TLS", False)
ZHENGGAI_LDAP_CA_FILE = env_str("ZHENGGAI_LDAP_CA_FILE")
ZHENGGAI_LDAP_SEARCH_BASE = env_str("ZHENGGAI_LDAP_SEARCH_BASE")
ZHENGGAI_LDAP_USER_ATTRIBUTE = env_str("ZHENGGAI_LDAP_USER_ATTRIBUTE", "uid")
ZHENGGAI_LDAP_USER_FILTER = env_str("ZHENGGAI_LDAP_USER_FILTER")
ZHENGGAI_LDAP_BIND_TEMPLATE = env_str("ZHENGGAI_LDAP_BIND_TEMPLATE")
ZHENGGAI_LDAP_BIND_DN = env_str("ZHENGGAI_LDAP_BIND_DN")
ZHENGGAI_LDAP_BIND_PASSWORD = env_str("ZHENGGAI_LDAP_BIND_PASSWORD")
ZHENGGAI_LDAP_TIMEOUT = env_int("ZHENGGAI_LDAP_TIMEOUT", 5)
if ZHENGGAI_LDAP_URL and not ZHENGGAI_LDAP_SEARCH_BASE:
    raise ConfigError("开启目录账号登录（ZHENGGAI_LDAP_URL）时须设置 ZHENGGAI_LDAP_SEARCH_BASE")
for _url in ZHENGGAI_LDAP_URL:
    if not _url.startswith(("ldap://", "ldaps://")):
        raise ConfigError(f"ZHENGGAI_LDAP_URL 须以 ldap:// 或 ldaps:// 开头，而不是 {_url!r}")
_template = ZHENGGAI_LDAP_BIND_TEMPLATE.replace("{username}", "")
if ZHENGGAI_LDAP_BIND_TEMPLATE and (
    _template == ZHENGGAI_LDAP_BIND_TEMPLATE or {"{", "}"} & set(_template)
):
    raise ConfigError(
        "ZHENGGAI_LDAP_BIND_TEMPLATE 须含 {username}，且不含别的花括号，如 {username}@lj.gov.cn"
    )
if ZHENGGAI_LDAP_USER_FILTER and not ZHENGGAI_LDAP_USER_FILTER.startswith("("):
    raise ConfigError("ZHENGGAI_LDAP_USER_FILTER 须是带括号的过滤条件，如 (objectClass=person)")

# Lockout after failed logins (django-axes, zhenggai/accounts/lockout.py): failures counted per
# login name and per client address within the cool-off; either one at the limit is locked.
AXES_FAILURE_LIMIT = env_int("ZHENGGAI_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("ZHENGGAI_LOCKOUT_MINUTES", 15))
if AXES_FAILURE_LIMIT < 1 or AXES_COOLOFF_TIME.total_seconds() < 60:
    raise ConfigError("ZHENGGAI_LOCKOUT_FAILURES 和 ZHENGGAI_LOCKOUT_MINUTES 必须至少为 1")
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Tries made while locked do not push the end of the lock further, so the time shown holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "zhenggai.accounts.lockout.lockout_response"
# Behind nginx, the address from ZHENGGAI_CLIENT_ADDRESS_HEADER (below), as the audit trail has it.
AXES_CLIENT_IP_CALLABLE = "zhenggai.audit.context.client_address"
AXES_VERBOSE = False

LEDGER_PAGE_SIZE = 50

# Email for reminders and supervision notices, through Django's default mailer. Without a host
# MAILERS stays undefined (an empty one fails a system check) and zhenggai sends no email.
_email_host = env_str("ZHENGGAI_EMAIL_HOST")
_email_tls = env_bool("ZHENGGAI_EMAIL_USE_TLS", False)
_email_ssl = env_bool("ZHENGGAI_EMAIL_USE_SSL", False)
if _email_tls and _email_ssl:
    raise ConfigError("ZHENGGAI_EMAIL_USE_TLS 和 ZHENGGAI_EMAIL_USE_SSL 只能开启一个")
if _email_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("ZHENGGAI_EMAIL_PORT", 25),
                "username": env_str("ZHENGGAI_EMAIL_USER"),
                "password": env_str("ZHENGGAI_EMAIL_PASSWORD"),
                "use_tls": _email_tls,
                "use_ssl": _email_ssl,
                "timeout": 10,
            },
        }
    }
DEFAULT_FROM_EMAIL = env_str("ZHENGGAI_EMAIL_FROM", "zhenggai@localhost")
# Where links in emails point, e.g. https://zhenggai.zfw.lj.gov.cn
ZHENGGAI_SITE_URL = env_str("ZHENGGAI_SITE_URL")

# The daily tick (lights, reminders, overdue notices) run by `zhenggai serve`.
ZHENGGAI_SCHEDULER = env_bool("ZHENGGAI_SCHEDULER", True)
ZHENGGAI_TICK_HOUR = env_int("ZHENGGAI_TICK_HOUR", 2)
if not 0 <= ZHENGGAI_TICK_HOUR <= 23:
    raise ConfigError(f"ZHENGGAI_TICK_HOUR 必须在 0 到 23 之间，而不是 {ZHENGGAI_TICK_HOUR}")

# The audit trail's digest (zhenggai.audit.chain): SM3 (国密) or SHA-256; each entry records
# its own, so a change applies to the entries after it.
ZHENGGAI_AUDIT_DIGEST = env_str("ZHENGGAI_AUDIT_DIGEST", "sm3")
if ZHENGGAI_AUDIT_DIGEST not in ("sm3", "sha256"):
    raise ConfigError(
        f"ZHENGGAI_AUDIT_DIGEST 只能是 sm3 或 sha256，而不是 {ZHENGGAI_AUDIT_DIGEST!r}"
    )
# Behind nginx every request comes from 127.0.0.1: the header that carries the client's
# address instead (e.g. X-Real-IP), recorded in the audit trail. Empty: the peer's address.
ZHENGGAI_CLIENT_ADDRESS_HEADER = env_str("ZHENGGAI_CLIENT_ADDRESS_HEADER")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("ZHENGGAI_LOG_LEVEL", "WARNING")},
}
