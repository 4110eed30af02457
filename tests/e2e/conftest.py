"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

One browser for the e2e package; a fresh context and page per test. Each test gets a ``web`` object
(see :class:`Web`) with the page, the live server's URL and the checks every page must pass:
axe-core (WCAG 2.1 A/AA), no request to another origin, no horizontal scrolling at 375 px.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 375, "height": 740}
TIMEOUT_MS = 15_000


# The sweeps: files that walk many pages checking what every page must pass (markup, accessibility, layout).
# The other files are journeys: people doing their work, changing data on the way.
SWEEPS = {"test_every_page.py", "test_form_errors.py", "test_public_pages.py", "test_header.py",
          "test_error_outlines.py", "test_board_layout.py"}
# CAMPUS_E2E_SHARE (set by scripts/test.sh when both database passes run): "sweeps" or "journeys" keeps only
# those browser tests in this pass, so that each browser test runs once per `make test` — the journeys on
# PostgreSQL, the production database, the sweeps on SQLite — while every other test runs on both. Unset (one
# pass, or pytest run by hand): every browser test runs.
SHARES = {"sweeps": True, "journeys": False}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    share = os.environ.get("CAMPUS_E2E_SHARE", "")
    if share and share not in SHARES:
        raise pytest.UsageError(f"CAMPUS_E2E_SHARE must be one of {sorted(SHARES)}, not {share!r}")
    kept, left = [], []
    for item in items:
        path = Path(item.fspath)
        if here in path.parents:
            item.add_marker(pytest.mark.e2e)
            if share and (path.name in SWEEPS) != SHARES[share]:
                left.append(item)
                continue
        kept.append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(scope="package", autouse=True)
def _allow_orm_beside_playwright():
    """Playwright's sync API keeps an event loop running in this thread while the browser lives; Django's ORM
    refuses to run inside one unless told it is safe (it is: the loop only drives the browser). Set only while
    the browser tests run, so the variable never leaks into other tests (e.g. a `check --deploy` subprocess)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(_allow_orm_beside_playwright):
    """One Chromium for all browser tests; closed after them, so no event loop lingers for other tests."""
    missing = [str(p) for p in (Path(CHROMIUM), AXE_JS) if not p.exists()]
    if missing:
        pytest.fail(f"Browser-test prerequisites missing: {', '.join(missing)}. Run `make e2e-setup`.", pytrace=False)
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def site(transactional_db, live_server):
    """The live server with the seed edition loaded (tests/baseline.py); returns its base URL (no trailing slash)."""
    return live_server.url.rstrip("/")


class Web:
    """A page in a fresh browser context, plus what it saw and the checks every page must pass."""

    def __init__(self, browser, base_url: str, *, viewport: dict):
        self.base_url = base_url
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
        # The site sends a strict Content-Security-Policy (script-src 'self', style-src 'self'). Rather than
        # bypass_csp (which would hide inline scripts or styles the policy blocks for real visitors), axe-core is
        # injected as an init script, which CSP does not govern; blocked inline code shows up in csp_violations.
        self.context = browser.new_context(base_url=base_url, viewport=viewport, locale="en-GB")
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.add_init_script(path=str(AXE_JS))
        # Never let a test reach the internet: requests to another origin are recorded (below), then aborted.
        self.context.route(re.compile("^(?!" + re.escape(self.origin) + "/)https?://"), lambda route: route.abort())
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.page_errors: list[str] = []
        self.failed_responses: list[str] = []
        self.csp_violations: list[str] = []
        self.page.on(
            "console",
            lambda message: message.type == "error"
            and "Content Security Policy" in message.text
            and self.csp_violations.append(message.text),
        )
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on(
            "response",
            lambda response: response.status >= 400
            and response.request.resource_type != "document"
            and self.failed_responses.append(f"{response.status} {response.url}"),
        )

    def close(self):
        self.context.close()

    # --- navigation -------------------------------------------------------------------------
    def goto(self, path: str, *, status: int = 200):
        response = self.page.goto(self.base_url + path, wait_until="load")
        assert response is not None, f"no response for {path}"
        assert response.status == status, f"{path} answered {response.status}, expected {status}"
        return response

    def set_width(self, width: int, height: int = 740):
        self.page.set_viewport_size({"width": width, "height": height})

    def sign_in_as(self, user):
        """The browser gets the session of a Django test client's ``force_login`` (signing in itself is tested
        by the accounts journeys); cookies of an earlier person are dropped first."""
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        self.context.clear_cookies()
        self.context.add_cookies([{
            "name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": self.base_url, "httpOnly": True, "sameSite": "Lax",
        }])

    def check_page(self, label: str, *, narrow: bool = False):
        """What every page must pass: axe-core, nothing from another origin, a clean load (and, with ``narrow``,
        no horizontal scrolling at 375 px). With $CAMPUS_SCREENSHOTS set (a folder), a screenshot goes there."""
        self.check_axe(label=f"({label})")
        self.check_same_origin()
        self.check_clean_load()
        if narrow:
            self.check_narrow()
        folder = os.environ.get("CAMPUS_SCREENSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(folder) / f"{label}.png"), full_page=True)

    # --- checks -----------------------------------------------------------------------------
    def _evaluate_after_navigation(self, script: str, arg):
        """Evaluate ``script`` on the page the last click led to. A click that navigates returns before the next
        document exists; evaluating then meets the old document being torn down ("Execution context was
        destroyed", a null ``document.documentElement``). Wait for the load and try again (three times at most)."""
        from playwright.sync_api import Error as PlaywrightError

        for attempt in range(3):
            self.page.wait_for_load_state("load")
            try:
                assert self.page.evaluate("() => typeof window.axe === 'object'"), "axe-core was not injected"
                return self.page.evaluate(script, arg)
            except PlaywrightError as error:
                navigating = "context was destroyed" in str(error) or "documentElement" in str(error)
                if not navigating or attempt == 2:
                    raise
                self.page.wait_for_timeout(200)

    def check_axe(self, *, label: str = ""):
        """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current page; fail on any violation."""
        results = self._evaluate_after_navigation(
            """async (tags) => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                return r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary})),
                }));
            }""",
            AXE_TAGS,
        )
        if results:
            lines = [f"axe: {len(results)} violation(s) on {self.page.url} {label}".rstrip()]
            for v in results:
                lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  [{v['helpUrl']}]")
                for node in v["nodes"][:10]:
                    lines.append(f"    at {node['target']}: {node['html'][:200]}")
                    if node["summary"]:
                        lines.append("      " + node["summary"].replace("\n", "\n      "))
            pytest.fail("\n".join(lines), pytrace=False)

    def foreign_requests(self) -> list[str]:
        allowed_schemes = {"data", "blob", "about"}
        foreign = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in allowed_schemes:
                continue
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                foreign.append(url)
        return foreign

    def check_same_origin(self):
        """Nothing is loaded from another origin (fonts, scripts, trackers, maps...)."""
        foreign = self.foreign_requests()
        assert not foreign, "requests to another origin:\n" + "\n".join(foreign)

    def check_clean_load(self):
        """No script errors, nothing blocked by the CSP, no sub-resource (CSS, image, icon) that failed to load."""
        assert not self.csp_violations, "blocked by the Content-Security-Policy:\n" + "\n".join(self.csp_violations)
        assert not self.page_errors, "JavaScript errors:\n" + "\n".join(self.page_errors)
        assert not self.failed_responses, "sub-resources that failed:\n" + "\n".join(self.failed_responses)

    def check_narrow(self, width: int = NARROW["width"]):
        """At ``width`` px: no horizontal scrolling, and every link of the main navigation can be reached."""
        scroll_width = self.page.evaluate("() => document.documentElement.scrollWidth")
        if scroll_width > width:
            culprits = self.page.evaluate(
                """(width) => [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > width + 1)
                    .slice(0, 8)
                    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                         + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                         + ' right=' + Math.round(el.getBoundingClientRect().right))""",
                width,
            )
            pytest.fail(
                f"{self.page.url} scrolls sideways at {width} px (scrollWidth {scroll_width}); widest: {culprits}",
                pytrace=False,
            )
        nav = self.page.get_by_role("navigation", name="Main")
        assert nav.count() == 1, "no navigation landmark named 'Main'"
        links = nav.locator("a[href]")  # not get_by_role: a folded menu's links are hidden, and roles skip them
        if links.count() and not links.first.is_visible():
            # A collapsed menu: a button in the header must open it.
            toggle = self.page.locator("header button[aria-controls], header button[aria-expanded]").first
            assert toggle.is_visible(), "main navigation is hidden at narrow width and there is no menu button"
            toggle.click()
        assert links.count() >= 3, "main navigation has fewer than 3 links"
        for i in range(links.count()):
            link = links.nth(i)
            name = link.inner_text().strip()
            assert link.is_visible(), f"main navigation link {name!r} is not visible at {width} px"
            box = link.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (
                f"main navigation link {name!r} is outside the {width} px viewport: {box}"
            )


@pytest.fixture
def web(browser, site):
    w = Web(browser, site, viewport=DESKTOP)
    yield w
    w.close()
