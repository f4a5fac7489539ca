"""Regions and bodies in the store (gongkai.org)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.org.model import BodyKind, BodyProfile, Region
from gongkai.store.base import StoreBase, now
from gongkai.store.errors import NotFound, StoreError
from gongkai.store.models import Body, DocNumberRow, RegionRow


class OrgStore(StoreBase):
    def add_region(self, region: Region, actor: str) -> None:
        with self.Session.begin() as s:
            if s.get(RegionRow, region.id) is not None:
                raise StoreError(f"地区{region.id}已存在")
            if region.parent_id and s.get(RegionRow, region.parent_id) is None:
                raise NotFound(f"上级地区{region.parent_id}不存在")
            s.add(
                RegionRow(
                    id=region.id,
                    name=region.name,
                    level=region.level.value,
                    parent_id=region.parent_id,
                    created_at=now(),
                    created_by=actor,
                )
            )
            self.audit(s, "regions", region.id, "create", actor, after={"name": region.name})

    def regions(self) -> list[Region]:
        with self.Session() as s:
            q = select(RegionRow).where(RegionRow.deleted_at.is_(None)).order_by(RegionRow.id)
            return [Region(r.id, r.name, r.level, r.parent_id) for r in s.scalars(q)]

    def region_tree(self, region_id: str) -> list[str]:
        """The region and every region under it (ids), for a supervisor's view."""
        regions = self.regions()
        if region_id not in {r.id for r in regions}:
            raise NotFound(f"地区{region_id}不存在")
        out, frontier = [region_id], [region_id]
        while frontier:
            frontier = [r.id for r in regions if r.parent_id in frontier]
            out.extend(frontier)
        return out

    def region_chain(self, region_id: str | None) -> list[str]:
        """The region and its ancestors, nearest first (who may supervise a body in it)."""
        parents = {r.id: r.parent_id for r in self.regions()}
        chain = []
        while region_id and region_id not in chain:
            chain.append(region_id)
            region_id = parents.get(region_id)
        return chain

    def add_body(
        self,
        body_id: str,
        name: str,
        actor: str,
        region: str | None = None,
        *,
        kind: BodyKind | str = BodyKind.DEPARTMENT,
        profile: BodyProfile | None = None,
    ) -> None:
        """A new body; `region` is the id of a region added before (or None)."""
        from gongkai.register.vocab import BODY_KINDS

        if not body_id.strip() or not name.strip():
            raise StoreError("机关编号和名称不能为空")
        kind = BodyKind(BODY_KINDS.parse(kind))
        with self.Session.begin() as s:
            if s.get(Body, body_id) is not None:
                raise StoreError(f"机关{body_id}已存在")
            if region is not None and s.get(RegionRow, region) is None:
                raise NotFound(f"地区{region}不存在，请先新增地区")
            s.add(
                Body(
                    id=body_id,
                    name=name,
                    kind=kind.value,
                    region_id=region,
                    created_at=now(),
                    created_by=actor,
                    **(profile or BodyProfile()).to_dict(),
                )
            )
            self.audit(s, "bodies", body_id, "create", actor, after={"name": name, "region": region})

    def bodies(self, region_ids: Iterable[str] | None = None) -> list[Body]:
        with self.Session() as s:
            q = select(Body).where(Body.deleted_at.is_(None)).order_by(Body.id)
            if region_ids is not None:
                q = q.where(Body.region_id.in_(list(region_ids)))
            return list(s.scalars(q))

    def body(self, body_id: str, s: Session | None = None) -> Body:
        with self._read(s) as s:
            b = s.get(Body, body_id)
            if b is None or b.deleted_at is not None:
                raise NotFound(f"机关{body_id}不存在")
            return b

    def set_profile(self, body_id: str, profile: BodyProfile, actor: str) -> None:
        """Replace the details a body's documents print; the old values go to the audit log."""
        with self.Session.begin() as s:
            b = self.body(body_id, s)
            before = profile_of(b).to_dict()
            after = profile.to_dict()
            if before == after:
                return
            for k, v in after.items():
                setattr(b, k, v)
            b.updated_at, b.updated_by = now(), actor
            self.audit(s, "bodies", body_id, "update", actor, before, after)

    def next_doc_number(self, body_id: str, year: int, *, session: Session | None = None) -> int:
        """The next number of the body's documents in a year (one sequence per body and year)."""
        with self._tx(session) as s:
            self.body(body_id, s)
            row = s.get(DocNumberRow, (body_id, year), with_for_update=True)
            if row is None:
                row = DocNumberRow(body_id=body_id, year=year, last=0)
                s.add(row)
            row.last += 1
            s.flush()
            return row.last


def profile_of(body: Body) -> BodyProfile:
    return BodyProfile(**{k: getattr(body, k) or "" for k in BodyProfile.field_names()})
