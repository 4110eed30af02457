"""Who may handle privacy requests: the one place this rule lives (tested with data that could leak).

A person sees and erases only their own data (their account decides: views never take an id from them).
Exports for someone else and decisions on erasure need a staff account with the permission
``privacy.handle_requests`` (superusers have every permission).
"""


def can_handle_requests(user) -> bool:
    return bool(
        user.is_authenticated and user.is_active and user.is_staff and user.has_perm("privacy.handle_requests")
    )
