"""Old binary Office files (.doc, .wps, .xls): converted by LibreOffice when it is installed,
otherwise refused with a message saying how to save them in the new format."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from zhenggai.reader.errors import ReaderError
from zhenggai.reader.limits import Limits

_TARGETS = {"doc": "docx", "xls": "xlsx"}
_ASK = {
    "doc": "这是旧版 Word（.doc）或 WPS（.wps）格式的文件，无法直接读取。"
    "请在 Word 或 WPS 中打开，“另存为” .docx 格式后再上传。",
    "xls": "这是旧版 Excel（.xls）或 WPS 表格（.et）格式的文件，无法直接读取。"
    "请在 Excel 或 WPS 中打开，“另存为” .xlsx 格式后再上传。",
}


def convert_legacy(data: bytes, kind: str, limits: Limits) -> tuple[bytes, str]:
    """The file converted to docx or xlsx, and that format."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReaderError(_ASK[kind])
    target = _TARGETS[kind]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"upload.{kind}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={Path(folder, 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            folder,
            str(source),
        ]
        try:
            subprocess.run(
                command, capture_output=True, timeout=limits.convert_timeout_seconds, check=True
            )
            return (Path(folder) / f"upload.{target}").read_bytes(), target
        except (subprocess.SubprocessError, OSError) as error:
            raise ReaderError(_ASK[kind] + "（自动转换也未成功。）") from error
