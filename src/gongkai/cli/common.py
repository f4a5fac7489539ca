"""What the register's commands share: the services, the acting user, options, and one-line errors.

Every command is a thin face over `gongkai.service`: it turns its options into library values, calls one
service operation and prints the result (a table, a line, or `--json`). Every error is one Chinese line
on stderr and exit status 1; nothing is half-written (each operation is one transaction).
"""

from __future__ import annotations

import errno
import getpass
import json
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from typer.exceptions import TyperException

from gongkai.access import Actor
from gongkai.dates import parse_date
from gongkai.errors import GongkaiError

# Piped output (a file, a test) gets wide tables instead of 80 folded columns; a terminal keeps its width.
# No markup: names of files, bodies and cases may hold "[…]", which must print as typed (styles are
# given as rich Text where wanted).
out = Console(highlight=False, markup=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, markup=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="GONGKAI_DATABASE_URL", help="数据库地址（默认当前目录的 gongkai.sqlite3）"),
]
ActorOption = Annotated[
    str | None, typer.Option("--actor", envvar="GONGKAI_USER", help="操作人（默认系统用户名）")
]
BodyOption = Annotated[str, typer.Option("--body", help="机关编号")]
JsonOption = Annotated[bool, typer.Option("--json", help="输出 JSON")]


def friendly(fn: Callable) -> Callable:
    """Turn every gongkai error, database and file error into one line on stderr and exit 1; anything
    else is a defect of gongkai, still one line (never a traceback), said to be one."""

    @wraps(fn)
    def run(*args, **kw):
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return fn(*args, **kw)
        except (typer.Exit, typer.Abort, TyperException):
            raise  # exit statuses and usage errors the command means
        except GongkaiError as e:
            say_error(str(e))
        except SQLAlchemyError as e:
            say_error(f"数据库操作失败（{type(e).__name__}: {str(e).splitlines()[0]}）")
        except OSError as e:
            say_error(os_error(e))
        except MemoryError:
            say_error("内存不足，无法完成（输入过大）")
        except Exception as e:  # a defect: one line naming it, not a traceback
            first = (str(e).splitlines() or [""])[0][:200]
            say_error(f"内部错误（{type(e).__name__}: {first}），请将此问题报告给维护人员")
        raise typer.Exit(1)

    run._friendly = True
    return run


#: What a file operation's failure means, in the words of an office (strerror is English).
OS_ERRORS = (
    (FileNotFoundError, "文件或目录不存在"),
    (FileExistsError, "已存在同名的文件"),
    (IsADirectoryError, "是一个目录，不是文件"),
    (NotADirectoryError, "路径中有一项不是目录"),
    (PermissionError, "没有读写权限"),
)


def os_error(e: OSError) -> str:
    where = e.filename or ""
    cause = next((text for kind, text in OS_ERRORS if isinstance(e, kind)), None)
    if cause is None:
        cause = "磁盘已满" if e.errno == errno.ENOSPC else f"无法读写（{e.strerror or e}）"
    return f"{where}：{cause}" if where else cause


def guard(app: typer.Typer) -> None:
    """Every command of the app and its groups under `friendly` (a command added later is covered too)."""
    for c in app.registered_commands:
        if c.callback is not None and not getattr(c.callback, "_friendly", False):
            c.callback = friendly(c.callback)
    for g in app.registered_groups:
        guard(g.typer_instance)


def say_error(message: str) -> None:
    err.print(f"错误：{message}", markup=False, soft_wrap=True)


def services(db: str | None):
    from gongkai.service import Services

    return Services.open(db)


def actor(name: str | None) -> Actor:
    """The operator at the command line: a local administrator, named by --actor or the system user."""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no user name in some containers
            name = "unknown"
    return Actor.operator(name)


def day(text: str | None, what: str) -> date | None:
    return parse_date(text, what) if text else None


def integer(text: str | None, what: str, low: int = 0, high: int = 10_000_000) -> int | None:
    """A whole number typed by a person: "1.9" and "20天" are refused, never truncated."""
    if text is None or str(text).strip() == "":
        return None
    t = str(text).strip()
    if not t.lstrip("+").isdigit() or not low <= int(t) <= high:
        raise GongkaiError(f"{what}“{t[:40]}”无效，应为{low}至{high}之间的整数", code="input.integer")
    return int(t)


def print_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))


def read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GongkaiError(f"{path}：文件不存在", code="input.file") from None
    except UnicodeDecodeError:
        raise GongkaiError(f"{path}：{what}请保存为UTF-8文本", code="input.file") from None
