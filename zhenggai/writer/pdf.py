"""A .docx as PDF through LibreOffice (`soffice --headless --convert-to pdf`), when it is
installed. Each conversion runs in a private temporary profile, so conversions never share
or lock a profile, under a timeout that ends LibreOffice's whole process group.

The official fonts are seldom on a server; a fontconfig file given to LibreOffice maps each
to a free CJK font of the same kind (Noto Serif CJK for 宋体/仿宋/小标宋, Noto Sans CJK for
黑体, AR PL UKai for 楷体 where installed), so that no character comes out as an empty box."""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 120
_CANDIDATES = ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice")
# (official name, free fonts in order of preference, bold)
_SUBSTITUTES = (
    ("方正小标宋简体", ("Noto Serif CJK SC",), True),
    ("小标宋", ("Noto Serif CJK SC",), True),
    ("仿宋_GB2312", ("FangSong", "仿宋", "Noto Serif CJK SC"), False),
    ("仿宋", ("FangSong", "Noto Serif CJK SC"), False),
    ("楷体_GB2312", ("KaiTi", "楷体", "AR PL UKai CN", "Noto Serif CJK SC"), False),
    ("楷体", ("KaiTi", "AR PL UKai CN", "Noto Serif CJK SC"), False),
    ("黑体", ("SimHei", "Noto Sans CJK SC"), False),
    ("SimHei", ("Noto Sans CJK SC",), False),
    ("宋体", ("SimSun", "Noto Serif CJK SC"), False),
    ("SimSun", ("Noto Serif CJK SC",), False),
)


class PdfUnavailable(RuntimeError):
    """No PDF could be made; the message says why in Chinese."""


def soffice() -> str | None:
    for candidate in _CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def available() -> bool:
    return soffice() is not None


NOT_INSTALLED = (
    "本机没有安装 LibreOffice（soffice），无法生成 PDF。请下载 Word 版本，"
    "或请管理员安装 LibreOffice（Debian：apt-get install libreoffice-writer-nogui）。"
)


def to_pdf(docx: bytes, timeout: float = TIMEOUT_S) -> bytes:
    return to_pdfs([docx], timeout)[0]


def to_pdfs(documents: list[bytes], timeout: float = TIMEOUT_S) -> list[bytes]:
    """Several documents in one start of LibreOffice, which takes longer than converting."""
    program = soffice()
    if program is None:
        raise PdfUnavailable(NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="zhenggai-pdf-") as folder:
        work = Path(folder)
        sources = [work / f"document{number}.docx" for number in range(len(documents))]
        for source, docx in zip(sources, documents, strict=True):
            source.write_bytes(docx)
        env = {**os.environ, "HOME": str(work), "FONTCONFIG_FILE": str(_fonts_conf(work))}
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            *map(str, sources),
        ]
        _run(command, env, timeout)
        results = [source.with_suffix(".pdf") for source in sources]
        if not all(result.is_file() and result.stat().st_size for result in results):
            raise PdfUnavailable("LibreOffice 未能把文书转换为 PDF，请下载 Word 版本。")
        return [result.read_bytes() for result in results]


def _run(command: list[str], env: dict[str, str], timeout: float) -> None:
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        # soffice starts soffice.bin as its child: the whole group must go.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise PdfUnavailable(
            f"生成 PDF 超过 {timeout:g} 秒未完成，已停止。请下载 Word 版本。"
        ) from error


def _fonts_conf(folder: Path) -> Path:
    rules = []
    for family, substitutes, bold in _SUBSTITUTES:
        prefer = "".join(f"<string>{name}</string>" for name in substitutes)
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if bold else ""
        rules.append(
            f'<match target="pattern"><test name="family"><string>{family}</string></test>'
            f'<edit name="family" mode="prepend" binding="strong">{prefer}</edit>{weight}</match>'
        )
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        + "".join(rules)
        + "</fontconfig>",
        encoding="utf-8",
    )
    return conf
