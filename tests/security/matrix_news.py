"""The news app's URLs in the permission matrix (merged into matrix.py; see the notes there).

Staff pages: managers (of some edition) and superusers; everyone else signed in gets 404, visitors sign in first.
The hidden list's title and a subscriber's name carry the secret marker (world_news.py): only they see it (the
lists page and the export). The public pages are open to all; a token page (confirm, unsubscribe, manage) shows
only its own subscription (never the hidden list of another subscriber); a forged token gets 404.
"""

from .matrix import LOGIN, Case, E

STAFF_GET = E("404", anonymous=LOGIN, manager="200", superuser="200")
SECRET_GET = E("404", anonymous=LOGIN, manager="200+secret", superuser="200+secret")
GET_ONLY = E("405")

MATRIX = {
    "staff_news:home": [Case("/staff/news/", SECRET_GET, GET_ONLY)],
    "staff_news:write": [
        # an empty subject and text are refused on the form
        Case("/staff/news/lists/{news_list}/write/", STAFF_GET, STAFF_GET),
        Case("/staff/news/lists/999999/write/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN)),
    ],
    "staff_news:export": [
        Case("/staff/news/lists/{news_list}/export.csv", SECRET_GET, GET_ONLY),
        Case("/staff/news/lists/{news_hidden_list}/export.csv", SECRET_GET, GET_ONLY),
    ],
    "news:sign_up": [Case("/news/", E("200"), E("200"), note="an empty sign-up is refused on the form")],
    "news:training": [Case("/news/training/", E("302→{news_training}"), GET_ONLY)],
    "news:check_inbox": [Case("/news/check-your-inbox/", E("200"), GET_ONLY)],
    "news:confirm": [
        Case("/news/confirm/{news_confirm}/", E("200"), E("200"), note="the POST confirms"),
        Case("/news/confirm/not-a-token/", E("404"), E("404")),
    ],
    "news:unsubscribe": [
        Case("/news/unsubscribe/{news_unsubscribe}/", E("200"), E("200"), note="the POST unsubscribes (RFC 8058)"),
        Case("/news/unsubscribe/1-0000000000000000000000000000000000000000/", E("404"), E("404")),
    ],
    "news:manage": [
        Case("/news/manage/{news_manage}/", E("200"), E("200"), note="an empty POST leaves every list"),
        Case("/news/manage/999999999999-x/", E("404"), E("404")),
    ],
}

ADMIN_MODELS = {"news.newslist": {"manager": "", "superuser": "vacd"}}
