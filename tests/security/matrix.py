"""The permission matrix: for every URL pattern of the project, what each role gets.

``tests/security/test_matrix.py`` walks Django's URL resolver and fails when a pattern is missing here
(naming it), when an entry here no longer matches a pattern, and when any cell differs from what the
site answers. Add a new URL by adding an entry: a concrete URL (placeholders in braces are filled
from ``World.values`` in ``world.py``: real objects of the applicant) and the answer of each role to a
GET and to a POST (an empty POST, no CSRF token checks here; ``test_csrf.py`` does those).

Roles (``world.py`` builds them): anonymous, applicant (owns a submitted application full of a secret
marker), other (another applicant, with a draft of their own), participant (a plain signed-in user),
lead (staff, no permission), reviewer (staff, may only view applications), manager (the "Programme
team" group), superuser. Whoever is not the applicant or a reader of applications (reviewer, manager,
superuser) must never see the marker, on any page, file, PDF or zip: the test checks every response.

Answers:

==============  =========================================================================================
``200``         (also 400, 403, 404, 405, 429): that status
``200+secret``  200 and the applicant's secret marker is in what was served (proves the leak check reads
                this kind of response: HTML, PDF text, the files in a zip, headers)
``302→login``   a redirect to the sign-in page (``/accounts/login/?next=…``)
``302→/path/``  a redirect to that path (the query string is not compared)
==============  =========================================================================================

Django admin's per-model URLs (changelist, add, change, history, delete, the object shortcut and the
user's password form) are covered per model, as a family: ``ADMIN_MODELS`` says which of view (v), add
(a), change (c) and delete (d) the manager and the superuser have; every other role is turned away (see
``admin_expectation``). A model registered in the admin without an entry there fails the suite too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .world import ROLES

USERS = ("applicant", "other", "participant")  # signed in, not staff
STAFF = ("lead", "reviewer", "manager", "superuser")
READERS = ("reviewer", "manager", "superuser")  # may read applications


def E(default: str, **cells: str) -> dict[str, str]:  # noqa: N802 - reads like a table
    """Expected answers of every role: ``default``, then groups (signed_in, users, staff, readers), then roles."""
    result = dict.fromkeys(ROLES, default)
    for group, members in (("signed_in", ROLES[1:]), ("users", USERS), ("staff", STAFF), ("readers", READERS)):
        if group in cells:
            result.update(dict.fromkeys(members, cells.pop(group)))
    unknown = set(cells) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    result.update(cells)
    return result


@dataclass(frozen=True)
class Case:
    url: str
    GET: dict[str, str]  # noqa: N815
    POST: dict[str, str]  # noqa: N815
    data: dict = field(default_factory=dict)  # the POST body (empty: the server must refuse it cleanly)
    note: str = ""
    camera: bool = False  # the page may use the camera of our own origin (Permissions-Policy camera=(self))

    def expected(self, method: str, role: str, values: dict) -> str:
        """What ``role`` gets for ``method``, with the world's values put in, as in the URL ("302→/…/{id}/")."""
        return getattr(self, method)[role].format(**values)


PUBLIC = E("200")
GET_ONLY = E("405")
LOGIN = "302→login"
# A signed-in person without an application of this call is sent to the call's page.
NO_APPLICATION = "302→/apply/"

# Applicant pages decorated @login_required @require_GET: visitors are sent to sign in, others get 405 on POST.
SIGNED_IN_GET_ONLY = E("405", anonymous=LOGIN)

MATRIX: dict[str, list[Case]] = {
    # --- public programme site -----------------------------------------------------------------
    "programme:home": [Case("/", PUBLIC, GET_ONLY)],
    "programme:modules": [Case("/modules/", PUBLIC, GET_ONLY)],
    "programme:module": [
        Case("/modules/{module}/", PUBLIC, GET_ONLY),
        Case("/modules/99/", E("404"), GET_ONLY, note="no such module"),
    ],
    "programme:module_ics": [Case("/modules/{module}/schedule.ics", PUBLIC, GET_ONLY)],
    "programme:schedule": [Case("/schedule/", PUBLIC, GET_ONLY)],
    "programme:schedule_ics": [Case("/schedule.ics", PUBLIC, GET_ONLY)],
    "programme:admission": [Case("/admission/", PUBLIC, GET_ONLY)],
    "programme:benefits": [Case("/convince-your-boss/", PUBLIC, GET_ONLY)],
    "programme:about": [Case("/about/", PUBLIC, GET_ONLY)],
    "programme:contact": [Case("/contact/", PUBLIC, E("200"), note="an empty message is refused on the form")],
    "programme:contact_thanks": [Case("/contact/thanks/", PUBLIC, GET_ONLY)],
    "programme:page": [
        Case("/{page}/", PUBLIC, GET_ONLY),
        Case("/no-such-page/", E("404"), GET_ONLY),
    ],
    # --- the application (/apply/) ---------------------------------------------------------------
    "apply:start": [Case("/apply/", PUBLIC, GET_ONLY)],
    "apply:begin": [
        Case("/apply/begin/", E("405", anonymous=LOGIN),
             # anyone signed in may start an application; a draft continues at its first unfinished step, the
             # applicant's submitted application goes to its status page
             E("302→/apply/step/about/", anonymous=LOGIN, applicant="302→/apply/status/")),
    ],
    "apply:step": [
        # the applicant's application is submitted: its steps are closed; the other applicant edits a draft
        Case("/apply/step/about/",
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="200"),
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="200")),
        Case("/apply/step/cv/",
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="200"),
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="200")),
        Case("/apply/step/no-such-step/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "apply:review": [
        Case("/apply/review/", E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="200"),
             SIGNED_IN_GET_ONLY),
    ],
    "apply:submit": [
        Case("/apply/submit/", SIGNED_IN_GET_ONLY,
             # the applicant's is submitted already (a second submit changes nothing); the other's draft is incomplete
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="302→/apply/review/")),
    ],
    "apply:status": [
        Case("/apply/status/", E(NO_APPLICATION, anonymous=LOGIN, applicant="200+secret", other="200"),
             SIGNED_IN_GET_ONLY),
    ],
    "apply:withdraw": [
        # the applicant's application has a decision (the status page no longer offers to withdraw it)
        Case("/apply/withdraw/", E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="200"),
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="302→/apply/status/")),
    ],
    "apply:document": [
        # the applicant's CV and letter: the owner and readers of applications only; everyone else 404
        Case("/apply/documents/{document}/", E("404", anonymous=LOGIN, applicant="200+secret", readers="200+secret"),
             SIGNED_IN_GET_ONLY),
        Case("/apply/documents/{letter}/", E("404", anonymous=LOGIN, applicant="200+secret", readers="200+secret"),
             SIGNED_IN_GET_ONLY),
        Case("/apply/documents/00000000-0000-4000-8000-000000000000/", E("404", anonymous=LOGIN),
             SIGNED_IN_GET_ONLY),
    ],
    "apply:remove_document": [
        # acts on one's own application only (there is no id in the URL)
        Case("/apply/documents/cv/remove/", E("405", anonymous=LOGIN),
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="302→/apply/step/cv/")),
        Case("/apply/documents/bogus/remove/", E("405", anonymous=LOGIN),
             E(NO_APPLICATION, anonymous=LOGIN, applicant="302→/apply/status/", other="404")),
    ],
    "apply:receipt": [
        # a PDF of one's own submitted application; nobody else has one
        Case("/apply/receipt.pdf", E("404", anonymous=LOGIN, applicant="200+secret"), SIGNED_IN_GET_ONLY),
    ],
    "apply:boss_letter": [
        # public: a form (prefilled from one's own application), then a PDF; an empty POST is refused on the form
        Case("/apply/boss-letter/", E("200", applicant="200+secret"), E("200")),
    ],
    "apply:my_data": [
        # the old address of one's own data: now exported by the privacy app (below)
        Case("/apply/my-data.zip", E("302→/my-data/download.zip", anonymous=LOGIN),
             E("302→/my-data/download.zip", anonymous=LOGIN)),
    ],
    # --- one's own data (/my-data/): the account decides whose, no view takes an id ------------------
    "privacy:home": [Case("/my-data/", E("200", anonymous=LOGIN, applicant="200+secret"), SIGNED_IN_GET_ONLY)],
    "privacy:download": [
        # everything held about oneself, a zip; for people with nothing but an account, just that
        Case("/my-data/download.zip", E("200", anonymous=LOGIN, applicant="200+secret"), SIGNED_IN_GET_ONLY),
    ],
    "privacy:erase": [
        # the applicant has asked already (world.py): sent back to the overview; an empty request is refused
        Case("/my-data/erase/", E("200", anonymous=LOGIN, applicant="302→/my-data/"),
             E("200", anonymous=LOGIN, applicant="302→/my-data/")),
    ],
    "privacy:cancel": [Case("/my-data/erase/cancel/", E("405", anonymous=LOGIN),
                            E("302→/my-data/", anonymous=LOGIN))],
    # handling privacy requests needs privacy.handle_requests (only the superuser has it so far); else 404
    "staff_privacy:home": [Case("/staff/privacy/", E("404", anonymous=LOGIN, superuser="200+secret"),
                           E("405", anonymous=LOGIN, signed_in="404", superuser="405"))],
    "staff_privacy:export": [Case("/staff/privacy/export/", E("404", anonymous=LOGIN, superuser="405"),
                                  E("404", anonymous=LOGIN, superuser="200"))],
    "staff_privacy:erasure": [
        Case("/staff/privacy/erasure/{erasure}/", E("404", anonymous=LOGIN, superuser="200+secret"),
             E("404", anonymous=LOGIN, superuser="200")),
        Case("/staff/privacy/erasure/999999/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    # --- operations ------------------------------------------------------------------------------------
    "healthz": [Case("/healthz", PUBLIC, GET_ONLY, note="database and cache status, nothing else")],
    # --- the staff back office (/staff/applications/) ----------------------------------------------
    "staff": [Case("/staff/", E("404", anonymous=LOGIN, staff="200"), E("405"), note="the staff area's front page")],
    "staff_applications:list": [
        Case("/staff/applications/", E("404", anonymous=LOGIN, readers="200+secret"), E("405")),
        Case(f"/staff/applications/?call=999999", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_applications:export": [
        Case("/staff/applications/export.csv", E("404", anonymous=LOGIN, readers="200+secret"), E("405")),
        Case("/staff/applications/export.xlsx", E("404", anonymous=LOGIN, readers="200+secret"), E("405")),
        Case("/staff/applications/export.html", E("404", anonymous=LOGIN), E("405")),
    ],
    "staff_applications:detail": [
        Case("/staff/applications/{application}/", E("404", anonymous=LOGIN, readers="200+secret"), E("405")),
        Case("/staff/applications/{other_application}/", E("404", anonymous=LOGIN, readers="200"), E("405")),
        Case("/staff/applications/999999/", E("404", anonymous=LOGIN), E("405")),
    ],
    # managing actions: readers without the change permission get 403; an empty form is refused on the page (200)
    "staff_applications:override": [
        Case("/staff/applications/{application}/eligibility/", E("405"),
             E("404", anonymous=LOGIN, reviewer="403", manager="200", superuser="200")),
    ],
    "staff_applications:extend": [
        Case("/staff/applications/{application}/deadline/", E("405"),
             E("404", anonymous=LOGIN, reviewer="403", manager="200", superuser="200")),
    ],
    "staff_applications:request_information": [
        Case("/staff/applications/{application}/more-information/", E("405"),
             E("404", anonymous=LOGIN, reviewer="403", manager="200", superuser="200")),
    ],
    # --- accounts (django-allauth, /accounts/) ------------------------------------------------------
    # Signed-in people asking for the sign-in or sign-up page are sent on to LOGIN_REDIRECT_URL (/apply/).
    "account_login": [Case("/accounts/login/", E("302→/apply/", anonymous="200"),
                           E("302→/apply/", anonymous="200"))],
    "account_signup": [Case("/accounts/signup/", E("302→/apply/", anonymous="200"),
                            E("302→/apply/", anonymous="200"))],
    "account_logout": [Case("/accounts/logout/", E("200", anonymous="302→/"), E("302→/"))],
    "account_inactive": [Case("/accounts/inactive/", PUBLIC, GET_ONLY)],
    # steps of a sign-in in progress: without one, back to its start (or on, when signed in already)
    "account_confirm_login_code": [Case("/accounts/login/code/confirm/",
                                        E("302→/apply/", anonymous="302→/accounts/login/"),
                                        E("302→/apply/", anonymous="302→/accounts/login/"))],
    "account_reauthenticate": [Case("/accounts/reauthenticate/", E("200", anonymous=LOGIN),
                                    E("200", anonymous=LOGIN))],
    "account_request_reauthentication_code": [
        Case("/accounts/reauthenticate/code/", E("200", anonymous=LOGIN), E("200", anonymous=LOGIN)),
    ],
    "account_confirm_reauthentication_code": [
        # no code was asked for: back to asking for one
        Case("/accounts/reauthenticate/code/confirm/", E("302→/accounts/reauthenticate/code/", anonymous=LOGIN),
             E("302→/accounts/reauthenticate/code/", anonymous=LOGIN)),
    ],
    # the account's name page (campus.accounts): a POST without names is refused with the message at the field
    "account_names": [Case("/accounts/name/", E("200", anonymous=LOGIN), E("200", anonymous=LOGIN))],
    "account_email": [Case("/accounts/email/", E("200", anonymous=LOGIN),
                           E("302→/accounts/email/", anonymous=LOGIN))],
    "account_email_verification_sent": [Case("/accounts/confirm-email/", PUBLIC, GET_ONLY)],
    "account_confirm_email": [
        Case("/accounts/confirm-email/not-a-real-key/", PUBLIC, E("404"), note="an invalid key says so"),
    ],
    # the form asks for the current password (an empty one is refused on the form: 200 with errors)
    "account_change_password": [Case("/accounts/password/change/", E("200", anonymous=LOGIN),
                                     E("200", anonymous=LOGIN))],
    "account_set_password": [
        # only for accounts without a password; everyone here has one
        Case("/accounts/password/set/", E("302→/accounts/password/change/", anonymous=LOGIN),
             E("302→/accounts/password/change/", anonymous=LOGIN)),
    ],
    "account_reset_password": [Case("/accounts/password/reset/", PUBLIC, E("200"))],
    "account_reset_password_done": [Case("/accounts/password/reset/done/", PUBLIC, GET_ONLY)],
    "account_reset_password_from_key": [
        Case("/accounts/password/reset/key/1-not-a-real-key/", PUBLIC, E("200"), note="an invalid link says so"),
    ],
    "account_reset_password_from_key_done": [Case("/accounts/password/reset/key/done/", PUBLIC, GET_ONLY)],
    # --- two-factor authentication (allauth.mfa, /accounts/2fa/) ------------------------------------
    "mfa_index": [Case("/accounts/2fa/", E("200", anonymous=LOGIN), E("405", anonymous=LOGIN))],
    # only during a sign-in that asks for the second factor; otherwise back to LOGIN_REDIRECT_URL
    "mfa_authenticate": [Case("/accounts/2fa/authenticate/", E("302→/apply/", anonymous="302→/accounts/login/"),
                              E("302→/apply/", anonymous="302→/accounts/login/"))],
    "mfa_reauthenticate": [Case("/accounts/2fa/reauthenticate/", E("302→/accounts/reauthenticate/", anonymous=LOGIN),
                                E("302→/accounts/reauthenticate/", anonymous=LOGIN))],
    # setting up or changing a second factor needs a recent sign-in
    "mfa_activate_totp": [Case("/accounts/2fa/totp/activate/", E("302→/accounts/reauthenticate/", anonymous=LOGIN),
                               E("302→/accounts/reauthenticate/", anonymous=LOGIN))],
    "mfa_generate_recovery_codes": [
        Case("/accounts/2fa/recovery-codes/generate/", E("302→/accounts/reauthenticate/", anonymous=LOGIN),
             E("302→/accounts/reauthenticate/", anonymous=LOGIN)),
    ],
    # nobody in the world has a second factor: nothing to deactivate or show
    "mfa_deactivate_totp": [Case("/accounts/2fa/totp/deactivate/", E("404", anonymous=LOGIN),
                                 E("404", anonymous=LOGIN))],
    "mfa_view_recovery_codes": [Case("/accounts/2fa/recovery-codes/", E("404", anonymous=LOGIN),
                                     E("405", anonymous=LOGIN))],
    "mfa_download_recovery_codes": [Case("/accounts/2fa/recovery-codes/download/", E("404", anonymous=LOGIN),
                                         E("404", anonymous=LOGIN))],
    # --- Django admin: the staff content editor (/staff/content/), site-wide pages ------------------
    # Anyone not staff is sent to the admin's sign-in, which hands over to the account sign-in.
    "admin:index": [Case("/staff/content/", E("302→/staff/content/login/", staff="200"),
                         E("302→/staff/content/login/", staff="200"))],
    "admin:login": [
        # visitors go to the one sign-in page (allauth, which knows the second factor); signed-in people who
        # are not staff are refused; staff are sent in
        Case("/staff/content/login/", E("403", anonymous=LOGIN, staff="302→/staff/content/"),
             E("403", anonymous=LOGIN, staff="200")),
    ],
    "admin:logout": [Case("/staff/content/logout/", E("302→/staff/content/", staff="405"),
                          E("302→/staff/content/", staff="200"))],
    "admin:password_change": [Case("/staff/content/password_change/", E("302→/staff/content/login/", staff="200"),
                                   E("302→/staff/content/login/", staff="200"))],
    "admin:password_change_done": [
        Case("/staff/content/password_change/done/", E("302→/staff/content/login/", staff="200"),
             E("302→/staff/content/login/", staff="405")),
    ],
    "admin:autocomplete": [
        # without the field parameters the admin refuses (403) before looking anything up
        Case("/staff/content/autocomplete/", E("302→/staff/content/login/", staff="403"),
             E("302→/staff/content/login/", staff="405")),
    ],
    "admin:jsi18n": [Case("/staff/content/jsi18n/", E("302→/staff/content/login/", staff="200"),
                          E("302→/staff/content/login/", staff="405"))],
    "admin:view_on_site": [
        # users have no public page
        Case("/staff/content/r/{user_ct}/{applicant_user}/", E("302→/staff/content/login/", staff="404"),
             E("302→/staff/content/login/", staff="404")),
    ],
    "admin:app_list": [
        Case("/staff/content/programme/", E("302→/staff/content/login/", staff="404", manager="200", superuser="200"),
             E("302→/staff/content/login/", staff="404", manager="200", superuser="200")),
        Case("/staff/content/accounts/", E("302→/staff/content/login/", staff="404", superuser="200"),
             E("302→/staff/content/login/", staff="404", superuser="200")),
    ],
    "staff/content/(?P<url>.*)$": [
        Case("/staff/content/no-such-page/", E("302→/staff/content/login/", staff="404"),
             E("302→/staff/content/login/", staff="404")),
    ],
    # --- the read-only public API (/api/, django-ninja): public data only, GET only --------------------
    # (ninja's views are exempt from CSRF: safe only while they accept no POST, which these cells pin)
    "api:index": [Case("/api/", PUBLIC, GET_ONLY)],
    "api:api-root": [Case("/api/", PUBLIC, GET_ONLY, note="same route as api:index, which answers")],
    # ninja's schema view answers any method (it changes nothing; noted in docs/security.md)
    "api:openapi-json": [Case("/api/openapi.json", PUBLIC, PUBLIC)],
    "api:programme": [Case("/api/programme", PUBLIC, GET_ONLY)],
    "api:editions": [Case("/api/editions", PUBLIC, GET_ONLY)],
    "api:edition": [
        Case("/api/editions/{edition}", PUBLIC, GET_ONLY),
        Case("/api/editions/no-such-edition", E("404"), GET_ONLY),
    ],
    "api:modules": [Case("/api/editions/{edition}/modules", PUBLIC, GET_ONLY)],
    "api:module": [
        Case("/api/editions/{edition}/modules/{module}", PUBLIC, GET_ONLY),
        Case("/api/editions/{edition}/modules/99", E("404"), GET_ONLY),
    ],
    "api:meetups": [Case("/api/editions/{edition}/meetups", PUBLIC, GET_ONLY)],
    "api:partners": [Case("/api/partners", PUBLIC, GET_ONLY)],
    "api:faq": [Case("/api/faq", PUBLIC, GET_ONLY)],
}

# --- Django admin, per model ---------------------------------------------------------------------
# What the manager ("Programme team") and the superuser may do with each model registered in the admin:
# v(iew) a(dd) c(hange) d(elete). The Programme team edits public content and reads contact messages; the
# accounts, second factors, tasks and the activity log are for superusers only (raw data repair).
ADMIN_MODELS: dict[str, dict[str, str]] = {
    "auth.group": {"manager": "", "superuser": "vacd"},
    "accounts.user": {"manager": "", "superuser": "vacd"},
    "account.emailaddress": {"manager": "", "superuser": "vacd"},
    "mfa.authenticator": {"manager": "", "superuser": "vacd"},
    "django_tasks_database.dbtaskresult": {"manager": "", "superuser": "vc"},
    "core.activitylog": {"manager": "", "superuser": "vd"},  # written by the code only, never edited
    "programme.programme": {"manager": "vacd", "superuser": "vacd"},
    "programme.edition": {"manager": "vacd", "superuser": "vacd"},
    "programme.module": {"manager": "vacd", "superuser": "vacd"},
    "programme.meetup": {"manager": "vacd", "superuser": "vacd"},
    "programme.partner": {"manager": "vacd", "superuser": "vacd"},
    "programme.benefit": {"manager": "vacd", "superuser": "vacd"},
    "programme.faq": {"manager": "vacd", "superuser": "vacd"},
    "programme.page": {"manager": "vacd", "superuser": "vacd"},
    "programme.contactmessage": {"manager": "vc", "superuser": "vcd"},  # messages come from the site only
    "applications.call": {"manager": "", "superuser": "vacd"},
    "privacy.retentionpolicy": {"manager": "", "superuser": "vacd"},
}

ADMIN_PAGES = ("changelist", "add", "change", "history", "delete", "shortcut", "password")
NEEDS = {"changelist": "vc", "change": "vc", "history": "vc", "shortcut": "vc", "add": "a", "delete": "d",
         "password": "c"}


def admin_expectation(model: str, page: str, role: str, *, has_object: bool) -> str:
    """What ``role`` gets for one of ``model``'s admin pages (GET)."""
    if role in ("anonymous", *USERS):
        return "302→/staff/content/login/"
    if page == "shortcut":  # .../<id>/ is a redirect to .../<id>/change/ for staff, whatever their rights
        return "302→change"
    if page == "history" and not has_object:
        return "302→/staff/content/"  # the admin looks the object up before it checks the rights here
    rights = ADMIN_MODELS[model].get(role, "")
    allowed = any(letter in rights for letter in NEEDS[page])
    if not allowed:
        return "403"
    if page in ("change", "history", "delete", "password") and not has_object:
        return "302→/staff/content/"  # the admin says the object does not exist
    return "200"


# --- the apps above add their own URLs (tests/security/matrix_<app>.py) -------------------------------------
# Each such module has MATRIX (and, when it registers models in the admin, ADMIN_MODELS) in the form above;
# the objects its URLs need are made by ``extend(world)`` in tests/security/world_<app>.py.
def _campus_apps() -> tuple[str, ...]:
    """Every installed app of ours, in the order of INSTALLED_APPS (floors from the ground up): a new app adds its
    matrix_<label>.py and world_<label>.py here without editing this file."""
    from django.apps import apps

    return tuple(config.label for config in apps.get_app_configs() if config.name.startswith("campus."))


EXTRA_APPS = _campus_apps()


def app_modules(kind: str, app: str) -> list[str]:
    """The modules ``<kind>_<app>.py`` and ``<kind>_<app>_<part>.py`` of this folder (an app's parts built by
    different people, e.g. matrix_forum.py and matrix_forum_staff.py), as module names, the plain one first."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent
    names = [f"{kind}_{app}"] if (folder / f"{kind}_{app}.py").exists() else []
    names += sorted(path.stem for path in folder.glob(f"{kind}_{app}_*.py"))
    return [f"tests.security.{name}" for name in names]


def _merge_extra_apps():
    from importlib import import_module

    for app in EXTRA_APPS:
        for name in app_modules("matrix", app):
            _merge(import_module(name), name)


def _merge(module, name):
    # an entry already merged through another module of the app (matrix_booklet.py imports matrix_booklet_pdf.py's
    # entries itself) is the same object: only a different entry under a taken name is refused
    duplicated = {key for key in set(module.MATRIX) & set(MATRIX) if module.MATRIX[key] is not MATRIX[key]}
    if duplicated:
        raise ValueError(f"{name} repeats {sorted(duplicated)}")
    MATRIX.update(module.MATRIX)
    ADMIN_MODELS.update(getattr(module, "ADMIN_MODELS", {}))


_merge_extra_apps()
