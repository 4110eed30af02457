"""The strategy's URLs in the permission matrix (merged into matrix.py; data in world_strategy.py).

/me/strategy/ is the participant area: visitors sign in, signed-in people who are not participants are told the
area is for participants (403). A strategy the participant may not see or edit answers 404 (another participant's
private strategy with the secret marker, group B's, one shared with the module leads only), and so does a part of
another strategy under the participant's own. /staff/strategy/ is for module leads and managers (and superusers):
strategies shared with the leads, a group or the cohort, and groups' own; never a private one (404). The public link
answers anyone; a revoked link answers 404. Empty POSTs get the form back (200) or a refusal.
"""

from .matrix import LOGIN, Case, E

MINE = E("403", anonymous=LOGIN, participant="200")  # the participant's own pages
NOT_MINE = E("403", anonymous=LOGIN, participant="404")  # someone else's strategy
GET_ONLY = E("405")
LEADS = dict(anonymous=LOGIN, lead="200", manager="200", superuser="200")
R = "/me/strategy/{strategy_mine}/"
S = "/me/strategy/{strategy_secret}/"
BACK = E("403", anonymous=LOGIN, participant="302→/me/strategy/{strategy_mine}/")


def _editing(name: str, mine: str, secret: str, *, crossed: str = "") -> list[Case]:
    cases = [Case(R + mine, MINE, MINE, note="an empty form is refused"), Case(S + secret, NOT_MINE, NOT_MINE)]
    if crossed:
        cases.append(Case(R + crossed, NOT_MINE, NOT_MINE, note="a part of another strategy"))
    return cases


def _removal(mine: str, secret: str) -> list[Case]:
    return [Case(R + mine, GET_ONLY, BACK), Case(S + secret, GET_ONLY, NOT_MINE),
            Case(R + secret, GET_ONLY, NOT_MINE, note="a part of another strategy")]


def _read(path: str) -> list[Case]:
    return [Case(R + path, MINE, GET_ONLY), Case(S + path, NOT_MINE, GET_ONLY),
            Case("/me/strategy/{strategy_group_b}/" + path, NOT_MINE, GET_ONLY, note="another group's strategy"),
            Case("/me/strategy/{strategy_leads}/" + path, NOT_MINE, GET_ONLY, note="shared with the leads only")]


MATRIX = {
    "strategy:home": [Case("/me/strategy/", MINE, MINE, note="an empty new strategy is refused on the form")],
    "strategy:import": [Case("/me/strategy/import/", MINE, MINE, note="an empty upload is refused on the form")],
    "strategy:detail": _read("") + [Case("/me/strategy/99999/", NOT_MINE, GET_ONLY, note="no such strategy")],
    "strategy:pdf": _read("strategy.pdf"),
    "strategy:export_json": _read("export.json"),
    "strategy:export_csv": _read("export.csv"),
    "strategy:edit": _editing("edit", "edit/", "edit/"),
    "strategy:sharing": _editing("sharing", "sharing/", "sharing/"),
    "strategy:checkin": _editing("checkin", "checkins/new/", "checkins/new/"),
    "strategy:objective_add": _editing("objective_add", "objectives/new/", "objectives/new/"),
    "strategy:delete": [Case(R + "delete/", GET_ONLY, E("403", anonymous=LOGIN, participant="302→/me/strategy/")),
                        Case(S + "delete/", GET_ONLY, NOT_MINE)],
    "strategy:comment": [Case(R + "comment/", GET_ONLY, MINE, note="an empty comment is refused on the page"),
                         Case(S + "comment/", GET_ONLY, NOT_MINE)],
    "strategy:objective": _editing("objective", "objectives/{strategy_mine_objective}/",
                                   "objectives/{strategy_secret_objective}/",
                                   crossed="objectives/{strategy_secret_objective}/"),
    "strategy:objective_remove": _removal("objectives/{strategy_mine_objective}/remove/",
                                          "objectives/{strategy_secret_objective}/remove/"),
    "strategy:objective_move": _removal("objectives/{strategy_mine_objective}/move/",
                                        "objectives/{strategy_secret_objective}/move/"),
    "strategy:action_add": _editing("action_add", "objectives/{strategy_mine_objective}/actions/new/",
                                    "objectives/{strategy_secret_objective}/actions/new/",
                                    crossed="objectives/{strategy_secret_objective}/actions/new/"),
    "strategy:action": _editing("action", "actions/{strategy_mine_action}/", "actions/{strategy_secret_action}/",
                                crossed="actions/{strategy_secret_action}/"),
    "strategy:action_remove": _removal("actions/{strategy_mine_action}/remove/",
                                       "actions/{strategy_secret_action}/remove/"),
    "strategy:indicator_add": _editing("indicator_add", "objectives/{strategy_mine_objective}/indicators/new/",
                                       "objectives/{strategy_secret_objective}/indicators/new/",
                                       crossed="objectives/{strategy_secret_objective}/indicators/new/"),
    "strategy:indicator": _editing("indicator", "indicators/{strategy_mine_indicator}/",
                                   "indicators/{strategy_secret_indicator}/",
                                   crossed="indicators/{strategy_secret_indicator}/"),
    "strategy:indicator_remove": _removal("indicators/{strategy_mine_indicator}/remove/",
                                          "indicators/{strategy_secret_indicator}/remove/"),
    "strategy:checkin_remove": _removal("checkins/{strategy_mine_checkin}/remove/",
                                        "checkins/{strategy_secret_checkin}/remove/"),
    "staff_strategy:home": [Case("/staff/strategy/", E("404", **LEADS), E("405"))],
    "staff_strategy:strategy": [
        Case("/staff/strategy/{strategy_group_b}/", E("404", **LEADS), E("404", **LEADS),
             note="an empty comment is refused on the page"),
        Case("/staff/strategy/{strategy_leads}/", E("404", **LEADS), E("404", **LEADS)),
        Case("/staff/strategy/{strategy_secret}/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN),
             note="a private strategy"),
        Case("/staff/strategy/{strategy_mine}/", E("404", anonymous=LOGIN), E("404", anonymous=LOGIN),
             note="a private strategy"),
    ],
    "strategy_public:strategy": [
        Case("/strategy/shared/{strategy_public_token}/", E("200"), E("405")),
        Case("/strategy/shared/{strategy_revoked_token}/", E("404"), E("405"), note="a revoked link"),
    ],
    "strategy_public:pdf": [
        Case("/strategy/shared/{strategy_public_token}/strategy.pdf", E("200"), E("405")),
        Case("/strategy/shared/{strategy_revoked_token}/strategy.pdf", E("404"), E("405"), note="a revoked link"),
    ],
}
