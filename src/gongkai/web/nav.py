"""The navigation of each area (office, supervise, admin …): every route module adds its own items.

    from gongkai.web import nav
    nav.add("office", "年度报告", "/office/{body_id}/annual/", order=40)

Paths are format strings filled with the path parameters of the page (body_id, region_id). `visible`
may hide an item from a user (e.g. pages only a 负责人 uses): it receives the Actor and the parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gongkai.access import Actor


@dataclass(frozen=True)
class NavItem:
    area: str
    label: str
    path: str
    order: int = 50
    visible: Callable[[Actor, dict], bool] | None = None


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    active: bool


_ITEMS: dict[str, list[NavItem]] = {}


def add(area: str, label: str, path: str, *, order: int = 50, visible=None) -> None:
    items = _ITEMS.setdefault(area, [])
    if any(i.path == path for i in items):  # a module imported twice (tests) adds nothing new
        return
    items.append(NavItem(area, label, path, order, visible))
    items.sort(key=lambda i: (i.order, i.label))


def links(area: str, actor: Actor | None, current_path: str, **params) -> list[Link]:
    out = []
    for item in _ITEMS.get(area, []):
        if actor is None or (item.visible and not item.visible(actor, params)):
            continue
        try:
            url = item.path.format(**params)
        except KeyError:
            continue
        # the area's home is active on itself only; other items on their whole subtree
        home = url.rstrip("/").count("/") <= 2
        active = current_path == url or (not home and current_path.startswith(url))
        out.append(Link(item.label, url, active))
    return out
