"""Writers: reports (and files that could not be read) as CSV or XLSX, one row per report.

Columns: source, format, body, year, error, then one per cell id — see `COLUMNS`.
"""

from gongkai.export.csv_file import write_csv
from gongkai.export.table import CELL_IDS, COLUMNS, LABELS, ExportError, Failed
from gongkai.export.xlsx_file import write_xlsx

__all__ = ["CELL_IDS", "COLUMNS", "LABELS", "ExportError", "Failed", "write_csv", "write_xlsx"]
