"""Size limits that keep a hostile or broken upload from exhausting memory or time."""

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * MIB
    # A zip (docx, xlsx) is refused when its members would inflate past this in total ...
    max_unzipped_bytes: int = 300 * MIB
    # ... or when a large member compresses better than any real document does (zip bomb).
    max_compression_ratio: int = 200
    ratio_checked_from_bytes: int = 1 * MIB
    max_zip_members: int = 10_000
    max_pdf_pages: int = 1_000
    max_sheet_rows: int = 100_000
    max_sheet_columns: int = 60
    # Deeper outlines exist only in generated or malicious files.
    max_depth: int = 24
    # Warnings of one kind beyond this are summarized, so a file full of "XX" stays readable.
    max_warnings_per_code: int = 100
    convert_timeout_seconds: float = 120.0


DEFAULT_LIMITS = Limits()
