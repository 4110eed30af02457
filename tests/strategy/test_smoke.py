import pytest
from django.urls import reverse

from campus.strategy import pdf, selectors, svg, transfer

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_pages_render(client, strategy, people):
    client.force_login(people["alice"])
    for name, args in [("strategy:home", []), ("strategy:detail", [strategy.pk]), ("strategy:edit", [strategy.pk]),
                       ("strategy:sharing", [strategy.pk]), ("strategy:checkin", [strategy.pk]),
                       ("strategy:objective_add", [strategy.pk]), ("strategy:import", []),
                       ("strategy:export_json", [strategy.pk]), ("strategy:export_csv", [strategy.pk]),
                       ("strategy:pdf", [strategy.pk])]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
    o = strategy.objectives.first()
    for name, args in [("strategy:objective", [strategy.pk, o.pk]), ("strategy:action_add", [strategy.pk, o.pk]),
                       ("strategy:indicator_add", [strategy.pk, o.pk]),
                       ("strategy:action", [strategy.pk, o.actions.first().pk]),
                       ("strategy:indicator", [strategy.pk, o.indicators.first().pk])]:
        assert client.get(reverse(name, args=args)).status_code == 200, name
