"""Mutation fuzzing of every reader (bounded for CI: a few seconds a case, shrinking off).

Harmless mutations (gongkai.samples.mutate.HARMLESS) must change no cell; damaging and byte-level
mutations must never crash a reader: a Report or a GongkaiError (one Chinese line), nothing else.
benchmarks/fuzz.py runs the same mutations many more times and counts silent changes.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from functools import cache
from pathlib import Path
from random import Random

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from gongkai.errors import GongkaiError
from gongkai.read import read_bytes
from gongkai.samples import SHAPES, consistent_report
from gongkai.samples.mutate import BYTES, DAMAGING, HARMLESS, changed_cells, docx_blank_paragraphs

sys.path.insert(0, str(Path(__file__).parent))

# the shapes written as text, with their encodings (run-together, whose reading costs ~1 s a file, is
# fuzzed by benchmarks/fuzz.py only)
TEXT_SHAPES = {
    "tab": "utf-8",
    "tab-gb18030": "gb18030",
    "traditional-big5": "big5",
    "pipe-traditional": "utf-8",
    "markdown": "utf-8",
    "html": "utf-8",
    "html-word": "utf-8",
    "html-page": "utf-8",
}

FUZZ = settings(
    max_examples=5,
    deadline=timedelta(seconds=60),  # a hang guard on a shared machine, not a speed target
    phases=(Phase.explicit, Phase.generate),  # no shrinking: a failing case is printed as drawn
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _case(shape: str, mutation: str):
    return pytest.param(shape, mutation, id=f"{shape}-{mutation}")


SEEDS = st.integers(1, 6)  # reports are built once per seed and shape; the mutations vary freely


@cache
def _sample(shape: str, seed: int) -> bytes:
    return SHAPES[shape][1](consistent_report(seed))


@cache
def _reading(shape: str, seed: int):
    return read_bytes(_sample(shape, seed), shape)


def _read(data: bytes, name: str):
    try:
        return read_bytes(data, name)
    except GongkaiError as e:
        assert "\n" not in str(e) and str(e)
        return None


@pytest.mark.parametrize(
    ("shape", "mutation"),
    [_case(s, m) for s in TEXT_SHAPES for m in HARMLESS if not (m == "bom" and TEXT_SHAPES[s] != "utf-8")],
)
@FUZZ
@given(seed=SEEDS, rng=st.integers(0, 2**32))
def test_harmless_mutation_changes_no_cell(shape, mutation, seed, rng):
    encoding = TEXT_SHAPES[shape]
    text = _sample(shape, seed).decode(encoding)
    mutated = HARMLESS[mutation](text, Random(rng)).encode(encoding)
    assert changed_cells(_reading(shape, seed), read_bytes(mutated, shape)) == set()


@FUZZ
@given(seed=SEEDS, rng=st.integers(0, 2**32))
def test_docx_blank_paragraphs_change_no_cell(seed, rng):
    mutated = docx_blank_paragraphs(_sample("docx", seed), Random(rng))
    assert changed_cells(_reading("docx", seed), read_bytes(mutated, "r.docx")) == set()


@pytest.mark.parametrize("shape", sorted(TEXT_SHAPES))
@pytest.mark.parametrize("mutation", sorted(DAMAGING))
@FUZZ
@given(seed=SEEDS, rng=st.integers(0, 2**32))
def test_damaging_mutation_never_crashes(shape, mutation, seed, rng):
    encoding = TEXT_SHAPES[shape]
    text = _sample(shape, seed).decode(encoding)
    _read(DAMAGING[mutation](text, Random(rng)).encode(encoding, errors="replace"), shape)


@pytest.fixture(scope="module")
def pdf_sample(tmp_path_factory) -> bytes:
    from _pdfdocx_build import report_docx, to_pdf, values

    from gongkai.format import get

    fmt = get("2021")
    return to_pdf(report_docx(fmt, values(fmt)), tmp_path_factory.mktemp("fuzz-pdf"))


@pytest.mark.parametrize("shape", ["tab", "html-page", "docx", "pdf"])
@pytest.mark.parametrize("mutation", sorted(BYTES))
@FUZZ
@given(seed=st.integers(1, 5_000), rng=st.integers(0, 2**32))
def test_byte_mutation_never_crashes(request, shape, mutation, seed, rng):
    data = (
        request.getfixturevalue("pdf_sample") if shape == "pdf" else SHAPES[shape][1](consistent_report(seed))
    )
    _read(BYTES[mutation](data, Random(rng)), shape)
