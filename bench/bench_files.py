"""Times what the file checks cost (issue 11): opening an upload as its kind, and the digest
checked before a download. The files are made as the tests make them, the large ones in a
temporary file. (The memory bounds are asserted by tests/carryout/test_uploads_stream_to_disk.py.)

    .venv/bin/python bench/bench_files.py [--turns 5]"""

import argparse
import io
import statistics
import tempfile
import time

from bench_dashboard import setup_django

MIB = 1024 * 1024


def best_of(turns: int, action) -> float:
    """The median of `turns` runs, in milliseconds."""
    times = []
    for _ in range(turns):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def on_disk(handle, data: bytes, repeat: tuple[bytes, int], tail: bytes):
    """`data`, then `repeat`'s bytes repeated to its length, then `tail`, in `handle`."""
    handle.write(data)
    chunk, size = repeat
    for _ in range(size // len(chunk)):
        handle.write(chunk)
    handle.write(chunk[: size % len(chunk)])
    handle.write(tail)
    handle.seek(0)
    return handle


def refused(stream) -> None:
    from zhenggai.files.kinds import NotThatKind, confirm
    from zhenggai.reader.limits import Limits

    try:
        confirm(stream, "pdf", Limits())
    except NotThatKind:
        return
    raise AssertionError("a PDF without its table was accepted")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=5)
    turns = parser.parse_args().turns
    setup_django()
    import docx

    from tests.carryout.samples import JPG, PDF
    from tests.carryout.test_uploads_stream_to_disk import large_pdf
    from zhenggai.files.kinds import confirm
    from zhenggai.files.serving import digest
    from zhenggai.reader.limits import Limits

    start, (filler, length), end = large_pdf(45 * MIB)
    big_pdf = on_disk(tempfile.TemporaryFile(), start, (filler * MIB, length), end)  # noqa: SIM115
    # The same with its cross-reference table pointing nowhere: refused, not read line by line.
    broken_pdf = on_disk(tempfile.TemporaryFile(), start, (filler * MIB, length), b"\n%%EOF\n")  # noqa: SIM115
    word = io.BytesIO()
    document = docx.Document()
    for n in range(2000):
        document.add_paragraph(f"第{n}条 整改措施落实情况。" * 5)
    document.save(word)
    limits = Limits()
    rows = [
        ("PDF, one page, 1.5 KB", lambda: confirm(io.BytesIO(PDF), "pdf", limits)),
        ("PDF, 45 MB", lambda: confirm(big_pdf, "pdf", limits)),
        ("PDF, 45 MB, no cross-reference table (refused)", lambda: refused(broken_pdf)),
        (f"Word, {len(word.getvalue()) // 1024} KB", lambda: confirm(word, "docx", limits)),
        ("JPG photo, small", lambda: confirm(io.BytesIO(JPG), "jpg", limits)),
        ("digest before a download, 45 MB", lambda: digest(big_pdf)),
    ]
    print("| check | median ms |")
    print("| --- | ---: |")
    for label, action in rows:
        print(f"| {label} | {best_of(turns, action):.1f} |")


if __name__ == "__main__":
    main()
