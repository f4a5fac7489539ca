"""The 台账 (register spreadsheet) of a body: export and import, with permissions and one transaction."""

from __future__ import annotations

from pathlib import Path

from gongkai.access import Actor
from gongkai.access import permissions as can
from gongkai.service.base import Service
from gongkai.store.ledger import import_ledger, ledger_rows, write_ledger


class LedgerService(Service):
    def export(self, actor: Actor, body_id: str, path: Path, *, private: bool = False) -> list[Path]:
        """The body's 台账 as XLSX (one workbook) or CSV (a file per sheet); personal data only when asked
        by its own staff."""
        self.require_read(actor, body_id)
        if private:
            self.require(can.can_see_personal_data(actor, body_id), actor, "导出申请人个人信息")
        return write_ledger(ledger_rows(self.store, body_id, private=private), Path(path), private=private)

    def import_(self, actor: Actor, body_id: str, path: Path) -> dict[str, int]:
        """Import a 台账 into the body's register: all of it, or nothing with the first bad line named."""
        self.require_write(actor, body_id)
        return import_ledger(self.store, body_id, Path(path), actor.name)

    def import_records(self, actor: Actor, body_id: str, kind: str, path: Path) -> int:
        """One sheet of section 二 or 四 records (documents, counts or appeals) from a CSV or XLSX file."""
        from gongkai.errors import InputError
        from gongkai.store.ledger import SHEETS, import_records

        if kind not in ("documents", "counts", "appeals"):
            valid = "、".join(f"{SHEETS[k]}（{k}）" for k in ("documents", "counts", "appeals"))
            raise InputError(f"记录类型“{kind}”无效，应为：{valid}", code="input.choice")
        self.require_write(actor, body_id)
        return import_records(self.store, body_id, kind, Path(path), actor.name)
