"""Personal data held by the accounts app and the account libraries it wires in (django-allauth).

Read by campus.privacy.registry; see docs/privacy.md.
"""

PERSONAL_DATA = {
    "accounts.User.email": (
        "Sign-in and mail about the person's application",
        "While the account exists; replaced by an anonymous placeholder on erasure",
        "contract",
    ),
    "accounts.User.given_name": (
        "Addressing the person in mails and letters (typed at sign-up or on the account's name page)",
        "While the account exists; cleared on erasure",
        "contract",
    ),
    "accounts.User.family_name": (
        "Addressing the person in mails and letters (typed at sign-up or on the account's name page)",
        "While the account exists; cleared on erasure",
        "contract",
    ),
    "accounts.User.full_name": (
        "Addressing the person; staff names on their decisions (the given and family name joined)",
        "While the account exists; cleared on erasure",
        "contract",
    ),
    "accounts.User.last_login": (
        "Security (spotting unused or misused accounts)",
        "While the account exists; cleared on erasure",
        "legitimate_interest",
    ),
    "account.EmailAddress.user": (
        "The addresses of an account (django-allauth)",
        "While the account exists; deleted on erasure",
        "contract",
    ),
    "account.EmailAddress.email": (
        "Sign-in, confirming the address, password reset",
        "While the account exists; deleted on erasure",
        "contract",
    ),
    "mfa.Authenticator.user": (
        "Two-factor sign-in (staff)",
        "While the second factor is set up; deleted on erasure",
        "legitimate_interest",
    ),
    "mfa.Authenticator.data": (
        "The secret of the authenticator app and the recovery codes",
        "While the second factor is set up; deleted on erasure",
        "legitimate_interest",
    ),
}

# How subject access and erasure treat each model (docs/privacy.md shows it; a test fails when a model with
# declared personal data has no text here). Done by the privacy app itself.
HANDLING = {
    "accounts.User": "Access: the account. Erasure: the address replaced by an anonymous placeholder, the name "
                     "cleared, the password made unusable, the account deactivated, roles removed; the row stays.",
    "account.EmailAddress": "Access: listed. Erasure: deleted.",
    "mfa.Authenticator": "Access: the kinds set up (never the secrets). Erasure: deleted.",
}
