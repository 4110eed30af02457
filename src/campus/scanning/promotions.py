"""Where a signal can be promoted besides a radar item: apps above scanning (e.g. assessment) register a target
from their plugin.py, so scanning never imports them::

    from campus.scanning import promotions
    promotions.register("Assessment card", "assessment:from_signal")   # a URL taking the signal's pk

The signal page renders one link (GET, the target app's own form) per entry.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class PromotionTarget:
    label: str
    url_name: str

    def url_for(self, signal) -> str:
        try:
            return reverse(self.url_name, args=[signal.pk])
        except NoReverseMatch:
            return ""


_targets: dict[str, PromotionTarget] = {}


def register(label: str, url_name: str) -> PromotionTarget:
    target = PromotionTarget(label, url_name)
    _targets[url_name] = target
    return target


def unregister(url_name: str) -> None:
    _targets.pop(url_name, None)


def targets() -> list[PromotionTarget]:
    return sorted(_targets.values(), key=lambda t: t.label)


def links_for(signal) -> list[tuple[str, str]]:
    """(label, url) of every registered target that resolves for ``signal``."""
    return [(t.label, url) for t in targets() if (url := t.url_for(signal))]
