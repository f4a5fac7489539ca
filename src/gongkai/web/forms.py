"""Forms without JavaScript: the values typed, and the Chinese error beside the field it concerns.

A route reads the posted fields (`await request.form()` or the `posted` dependency), calls one service
operation, and on a `GongkaiError` re-renders the page with `Form.failed(e)`: the error goes beside the
field named by `e.context["field"]` when the form has that field, else above the form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends
from starlette.requests import Request

from gongkai.errors import GongkaiError


@dataclass
class Form:
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    message: str = ""  # an error that concerns no single field
    fields: tuple[str, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)  # error field (domain name) -> form field

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)

    def error(self, name: str) -> str:
        return self.errors.get(name, "")

    @property
    def ok(self) -> bool:
        return not (self.errors or self.message)

    def failed(self, e: GongkaiError) -> Form:
        """Put the error beside its field (or above the form); returns the form itself."""
        name = str(e.context.get("field", "") or "")
        name = self.aliases.get(name, name)
        if name and name in self.fields:
            self.errors[name] = e.message
        else:
            self.message = e.message
        return self

    def require(self, *names: str, labels: dict[str, str] | None = None) -> bool:
        """Mark empty required fields; True when all are filled."""
        for n in names:
            if not self.values.get(n, "").strip():
                self.errors[n] = f"请填写{(labels or {}).get(n, '此项')}"
        return self.ok


async def posted(request: Request) -> dict[str, str]:
    """The posted form as plain strings (a dependency: sync routes get it without awaiting)."""
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str) and k != "csrftoken"}


def form_of(values: dict[str, str], fields: Iterable[str], **aliases: str) -> Form:
    return Form(dict(values), fields=tuple(fields), aliases=aliases)


Posted = Annotated[dict, Depends(posted)]
