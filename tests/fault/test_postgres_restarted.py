"""(c) PostgreSQL stops and starts again while visitors fill in the contact form.

While it is down, /healthz says 503 ("database": "error") and pages fail; once it is back, the site answers
again by itself within seconds: no process is restarted. Each gunicorn worker finds its persistent
connection broken (CONN_MAX_AGE=60), CONN_HEALTH_CHECKS notices at the next request and reconnects. The
task workers exit on the outage and are started again (systemd's Restart=always, here deploy/respawn.sh),
then send the mails of every accepted message. No message whose sender saw "thank you" is lost.

The server restarted is a private cluster of this test (see conftest.py), never the shared one.
"""

import time
from email import message_from_bytes, policy

import pytest
from django.conf import settings

from .support import ContactLoad, Databases, HealthWatch, report, sql, stored_emails, wait_for

pytestmark = pytest.mark.fault

DURATION = 8.0
STOP_AT = 2.0
DOWN_FOR = 1.5
RECOVERY_LIMIT = 5.0  # seconds from "PostgreSQL is up" to "the site answers 200"


def test_the_site_recovers_by_itself_when_postgresql_restarts(private_postgres, deployment):
    # What makes the recovery automatic: persistent connections, checked before use after an error.
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60

    database_url = Databases(private_postgres.url).create("campus_fault_restart")
    site = deployment(database_url)
    # The task workers must be polling when the database goes away (up.sh does not wait for them).
    wait_for(lambda: all("Starting worker" in site.log(name) for name in ("worker-1", "worker-2")), timeout=20,
             what="the task workers")
    time.sleep(1.0)  # their random start-up delay (at most 1 s)

    health = HealthWatch(site.base, interval=0.1).start()
    load = ContactLoad(site.base, prefix="fault-c", threads=2, duration=DURATION, max_posts=400, pause=0.05).start()
    time.sleep(STOP_AT)
    stop_started = time.monotonic()
    private_postgres.stop("fast")  # ends every connection, as a restart or a fail-over does
    time.sleep(DOWN_FOR)
    private_postgres.start()
    up_at = time.monotonic()
    attempts = load.join()
    samples = health.stop()

    accepted = [a for a in attempts if a.accepted]
    during = [status for t, status in samples if stop_started + 0.3 < t < up_at - 0.1]
    healthy_again = next((t for t, status in samples if t > up_at and status == 200), None)
    accepted_again = next((a.ended for a in accepted if a.started > up_at), None)
    stored = stored_emails(database_url, "fault-c")
    lost = {a.email for a in accepted} - stored
    figures = {
        "posts": len(attempts),
        "accepted": len(accepted),
        "failed": len(attempts) - len(accepted),
        "failed_statuses": sorted({a.status for a in attempts if not a.accepted}),
        "health_during_outage": sorted(set(during)),
        "healthy_again_after_s": round(healthy_again - up_at, 2) if healthy_again else None,
        "first_accepted_post_after_s": round(accepted_again - up_at, 2) if accepted_again else None,
        "accepted_after_restart": sum(1 for a in accepted if a.started > up_at),
        "lost": len(lost),
    }

    # The task workers came back by themselves and mailed every accepted message.
    emails = sorted(a.email for a in accepted)

    def all_notified():
        rows = sql(database_url, "SELECT count(*) FROM programme_contactmessage WHERE email = ANY(%s) "
                   "AND notified_at IS NOT NULL", (emails,))
        return rows[0][0] == len(emails)

    try:
        wait_for(all_notified, timeout=20, what="the mails of every accepted message")
        mailed = [message_from_bytes(p.read_bytes(), policy=policy.default)["Reply-To"]
                  for p in (site.var / "mail").glob("*.eml")]
        figures["mails"] = len(mailed)
        figures["mails_twice"] = len(mailed) - len(set(mailed))
    finally:
        report("PostgreSQL restarted", figures)

    assert during and 200 not in during, f"the outage was not seen by /healthz: {figures}"
    assert healthy_again is not None and healthy_again - up_at < RECOVERY_LIMIT, figures
    assert figures["accepted_after_restart"] >= 10, figures
    assert not lost, f"accepted messages missing: {sorted(lost)[:5]}"
    assert set(emails) <= set(mailed)
    # Mail sent while the database went away can be sent again (the COMMIT window): never more than a few.
    assert figures["mails_twice"] <= 2, figures
    assert "starting it again" in site.log("worker-1") + site.log("worker-2"), site.logs_tail(30)
