"""Sample reports the project ships: consistent values, distinct and non-zero, in every published shape.

Used by `gongkai demo` (the main job), the tests and the benchmarks, so none of them needs outside
files. All-zero reports (like most real ones) hide alignment bugs; these never do.
"""

from gongkai.samples.make import consistent_report
from gongkai.samples.shapes import SHAPES, write_samples

__all__ = ["SHAPES", "consistent_report", "write_samples"]
