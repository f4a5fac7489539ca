"""The statutory format: tables, rows, columns, labels and cell ids (see FORMAT.md)."""

from gongkai.format.spec import (
    APPEALS,
    FORMATS,
    OUTCOME_ROWS,
    SECTIONS,
    Column,
    Format,
    Kind,
    Row,
    Section,
    Table,
    Version,
    get,
)

__all__ = [
    "APPEALS",
    "FORMATS",
    "OUTCOME_ROWS",
    "SECTIONS",
    "Column",
    "Format",
    "Kind",
    "Row",
    "Section",
    "Table",
    "Version",
    "get",
]
