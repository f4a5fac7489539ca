"""Chinese help screens and usage errors for the `gongkai` command.

Typer (with its vendored Click) writes its own words — "Usage:", "Options", "Show this message and exit.",
"Missing option '--body'." — in English. A disclosure office reads Chinese, so `install()` sets Typer's
panel titles and help option text, and usage errors are printed as one Chinese line with the usage and a
pointer to `--help` (exit status 2, as before). The patches touch names Typer looks up when it prints,
for the pinned version in pyproject.toml; tests/cli/test_chinese_cli.py fails if an English word returns.
"""

from __future__ import annotations

import re
import sys

_PANELS = {
    "ARGUMENTS_PANEL_TITLE": "参数",
    "OPTIONS_PANEL_TITLE": "选项",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "ABORTED_TEXT": "已中止。",
    "DEFAULT_STRING": "[默认：{}]",
    "ENVVAR_STRING": "[环境变量：{}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "DEPRECATED_STRING": "（已弃用）",
    "RICH_HELP": "用 [blue]{command_path} {help_option}[/] 查看帮助。",
}

_ERRORS = (
    (re.compile(r"Missing option '?([^'.]+)'?\.?(?: .*)?$"), "缺少必填选项 {0}"),
    (re.compile(r"Missing argument '?([^'.]+)'?\.?$"), "缺少参数 {0}"),
    (re.compile(r"No such option: (\S+)(?:\s+Did you mean (\S+)\?)?"), "没有选项 {0}"),
    (re.compile(r"No such command '?([^'.]+)'?\.?"), "没有命令 {0}"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), "多余的参数：{0}"),
    (re.compile(r"Option '?([^']+)'? requires an argument\.?"), "选项 {0} 需要一个值"),
    (re.compile(r"Invalid value for '?([^':]+)'?: (.*)", re.S), "选项 {0} 的值无效：{1}"),
    (re.compile(r"Missing command\.?"), "缺少命令"),
)


def install() -> None:
    """Chinese words in Typer's help screens and errors (idempotent)."""
    import typer.rich_utils as ru
    from typer._click import decorators, formatting

    for name, text in _PANELS.items():
        if hasattr(ru, name):
            setattr(ru, name, text)
    if not getattr(decorators.help_option, "_gongkai", False):
        original = decorators.help_option

        def help_option(param_decls):
            add = original(param_decls)

            def decorator(command):
                command = add(command)
                command.params[-1].help = "显示本帮助并退出。"
                return command

            return decorator

        help_option._gongkai = True
        decorators.help_option = help_option
    if not getattr(formatting.HelpFormatter.write_usage, "_gongkai", False):
        write_usage = formatting.HelpFormatter.write_usage

        def chinese_usage(self, prog, args="", prefix=None):
            return write_usage(self, prog, args, prefix="用法：" if prefix is None else prefix)

        chinese_usage._gongkai = True
        formatting.HelpFormatter.write_usage = chinese_usage
    ru.rich_format_error = _format_error


def translate(message: str) -> str:
    for pattern, text in _ERRORS:
        m = pattern.search(message)
        if m:
            return text.format(*(g or "" for g in m.groups()))
    return f"命令行用法有误：{message}"


def _format_error(e) -> None:
    """One Chinese line for a usage error, then how to get help (replaces Typer's English error panel)."""
    ctx = getattr(e, "ctx", None)
    message = e.format_message() if hasattr(e, "format_message") else str(e)
    print(f"错误：{translate(message)}", file=sys.stderr)
    if ctx is not None:
        print(f"{ctx.get_usage()}\n用 {ctx.command_path} --help 查看帮助。", file=sys.stderr)


def run(app) -> None:
    app()
