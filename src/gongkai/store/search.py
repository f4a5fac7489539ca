"""Search of the public catalogue in Chinese, on each backend's own index.

Both backends index one document per publication: its name, summary, 文号 and text joined, with every
whitespace removed, so a word a line break split in the source ("生态\\n环境") is found whole. SQLite keeps
it in an FTS5 table with the trigram tokenizer (kept current by triggers); PostgreSQL in a pg_trgm GIN
index on the same expression. A query is split on spaces into terms that must all occur. Trigrams need
three characters: a term of one or two (most Chinese words: 环境, 预算) is looked for as a substring of the
indexed document instead (FTS5 answers `MATCH` only from three characters on, and SQLite 3.40 drops short
non-ASCII `LIKE` patterns on a trigram table, so `instr` is used there).
"""

from __future__ import annotations

from sqlalchemy import Float, Integer, text

#: The indexed document of a publication row, as SQL over its columns (whitespace removed).
_JOINED = "title || '|' || summary || '|' || doc_number || '|' || \"text\""
PG_DOCUMENT = f"regexp_replace({_JOINED}, E'[\\\\s\\\\u3000]+', '', 'g')"
_WHITESPACE = ("char(32)", "char(10)", "char(13)", "char(9)", "char(12288)")


def sqlite_document(prefix: str) -> str:
    expr = " || '|' || ".join(
        f"coalesce({prefix}.{c}, '')" for c in ("title", "summary", "doc_number", '"text"')
    )
    for ws in _WHITESPACE:
        expr = f"replace({expr}, {ws}, '')"
    return expr


SQLITE_DDL = [
    "CREATE VIRTUAL TABLE catalogue_fts USING fts5(doc, tokenize='trigram')",
    f"INSERT INTO catalogue_fts(rowid, doc) SELECT id, {sqlite_document('publications')} FROM publications",
    "CREATE TRIGGER catalogue_fts_insert AFTER INSERT ON publications BEGIN "
    f"INSERT INTO catalogue_fts(rowid, doc) VALUES (new.id, {sqlite_document('new')}); END",
    'CREATE TRIGGER catalogue_fts_update AFTER UPDATE OF title, summary, doc_number, "text" ON publications '
    "BEGIN DELETE FROM catalogue_fts WHERE rowid = old.id; "
    f"INSERT INTO catalogue_fts(rowid, doc) VALUES (new.id, {sqlite_document('new')}); END",
    "CREATE TRIGGER catalogue_fts_delete AFTER DELETE ON publications BEGIN "
    "DELETE FROM catalogue_fts WHERE rowid = old.id; END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS catalogue_fts_insert",
    "DROP TRIGGER IF EXISTS catalogue_fts_update",
    "DROP TRIGGER IF EXISTS catalogue_fts_delete",
    "DROP TABLE IF EXISTS catalogue_fts",
]
PG_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX ix_publications_search ON publications USING gin (({PG_DOCUMENT}) gin_trgm_ops)",
]
PG_DROP = ["DROP INDEX IF EXISTS ix_publications_search"]


def is_search_object(name: str | None, type_: str, *_args) -> bool:
    """The objects of the search index the migration creates outside the models (FTS5's table and its
    shadow tables, the pg_trgm index): autogenerate and the schema comparison leave them alone."""
    return bool(name) and (name.startswith("catalogue_fts") or name == "ix_publications_search")


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object hook: everything but the search index."""
    return not is_search_object(name, type_)


MAX_TERMS = 8
MAX_QUERY = 100


def terms(query: str) -> list[str]:
    """The terms of a query: split on whitespace, at most MAX_TERMS, duplicates dropped."""
    out: list[str] = []
    for t in str(query or "")[:MAX_QUERY].split():
        if t not in out:
            out.append(t)
    return out[:MAX_TERMS]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_ids(dialect: str, query: str):
    """A SELECT of (id, rank) of the publications whose document holds every term — a lower rank is a
    better match where the backend ranks (FTS5's bm25) — or None when the query has no terms. Parameters
    are bound, never spliced."""
    ts = terms(query)
    if not ts:
        return None
    params: dict[str, str] = {}
    if dialect == "sqlite":
        where, match = [], []
        for i, t in enumerate(ts):
            if len(t) >= 3:
                match.append('"' + t.replace('"', '""') + '"')
            else:
                params[f"t{i}"] = t.lower()
                where.append(f"instr(lower(doc), :t{i}) > 0")
        if match:
            params["match"] = " ".join(match)
            where.insert(0, "catalogue_fts MATCH :match")
        rank = "bm25(catalogue_fts)" if match else "0"
        sql = f"SELECT rowid AS id, {rank} AS rank FROM catalogue_fts WHERE {' AND '.join(where)}"
    else:
        where = []
        for i, t in enumerate(ts):
            params[f"t{i}"] = _like(t)
            where.append(f"{PG_DOCUMENT} ILIKE :t{i}")
        sql = f"SELECT id, 0.0 AS rank FROM publications WHERE {' AND '.join(where)}"
    return text(sql).bindparams(**params).columns(id=Integer, rank=Float)
