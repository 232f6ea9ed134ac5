"""A backup that can be restored, and a restore that checks it.

A backup folder holds the database (SQLite through its online backup API, consistent while
zhenggai runs; PostgreSQL through pg_dump's custom format), the uploaded files as they are
under MEDIA_ROOT, and manifest.json with the SHA-256 of every one of them. The database is
copied first and the files after it, so every file the copied database names is there.

A restore checks the manifest before it touches anything, refuses a database or media
folder that already holds data unless forced, checks every restored file again, and then
applies the migrations this version has and the backup's did not (a backup made by an older
version comes back in this version's schema)."""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from zhenggai.env import private_dir, private_file

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}


class BackupError(Exception):
    """str() says in Chinese what is wrong and what to do."""


@dataclass(frozen=True)
class Summary:
    engine: str
    files: int
    size: int
    migrations: int = 0


def sha256_of(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def backup(folder: Path) -> Summary:
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"备份目录 {folder} 不是空的：请指定一个新目录（例如按日期命名）。")
    private_dir(folder)
    engine = connection.vendor
    dump = folder / DUMPS[engine]
    if engine == "sqlite":
        _dump_sqlite(dump)
    else:
        _dump_postgresql(dump)
    copied = _copy_tree(Path(settings.MEDIA_ROOT), folder / "media")
    digests = {DUMPS[engine]: sha256_of(dump)} | {
        f"media/{name}": digest for name, digest in copied.items()
    }
    manifest = {
        "format": FORMAT,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "database": DUMPS[engine],
        "files": digests,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    size = sum((folder / name).stat().st_size for name in digests)
    return Summary(engine, len(copied), size)


def restore(folder: Path, *, force: bool = False) -> Summary:
    manifest = read_manifest(folder)
    engine = connection.vendor
    if manifest["engine"] != engine:
        raise BackupError(
            f"这是 {manifest['engine']} 数据库的备份，而当前配置的是 {engine}，无法恢复。"
        )
    media = Path(settings.MEDIA_ROOT)
    if not force:
        if _database_holds_data():
            raise BackupError("当前数据库中已有数据，未恢复。确需覆盖时请加 --force。")
        if media.exists() and any(p.is_file() for p in media.rglob("*")):
            raise BackupError(f"文件目录 {media} 中已有文件，未恢复。确需覆盖时请加 --force。")
    dump = folder / manifest["database"]
    if engine == "sqlite":
        _load_sqlite(dump)
    else:
        _load_postgresql(dump, clean=force)
    if media.exists():
        shutil.rmtree(media)  # forced, or holding no file: the backup's files replace it
    copied = _copy_tree(folder / "media", media)
    expected = {
        name.removeprefix("media/"): digest
        for name, digest in manifest["files"].items()
        if name.startswith("media/")
    }
    if copied != expected:
        wrong = sorted(set(copied.items()) ^ set(expected.items()))
        raise BackupError(f"恢复后的文件与备份清单不符：{wrong[0][0]}。")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return Summary(engine, len(copied), size, _migrate())


def _migrate() -> int:
    """The migrations the restored database lacks, applied; how many."""
    executor = MigrationExecutor(connection)
    missing = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if missing:
        call_command("migrate", interactive=False, verbosity=0)
    return len(missing)


def read_manifest(folder: Path) -> dict:
    """The manifest, once every file it lists is in the folder with its digest."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(
            f"{folder} 中没有可读的备份清单 {MANIFEST}，不是 zhenggai 的备份。"
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"备份格式 {manifest.get('format')} 无法识别。")
    for name, digest in manifest["files"].items():
        path = folder / name
        if not path.is_file():
            raise BackupError(f"备份不完整：缺少 {name}，未恢复。")
        if sha256_of(path) != digest:
            raise BackupError(f"备份已损坏：{name} 的内容与清单中的摘要不符，未恢复。")
    return manifest


def _copy_tree(source: Path, target: Path) -> dict[str, str]:
    """Every file below source copied below target; their digests by relative name."""
    digests = {}
    for path in sorted(source.rglob("*")) if source.exists() else []:
        if not path.is_file() or path.is_symlink():
            continue
        name = path.relative_to(source).as_posix()
        destination = target / name
        private_dir(destination.parent)
        shutil.copyfile(path, destination)
        os.chmod(destination, 0o600)
        digests[name] = sha256_of(destination)
    return digests


def _dump_sqlite(dump: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(private_file(dump))
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def _load_sqlite(dump: Path) -> None:
    connection.close()
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    target = sqlite3.connect(private_file(Path(connection.settings_dict["NAME"])))
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    values = {
        "PGDATABASE": db["NAME"],
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGHOST": db.get("HOST"),
        "PGPORT": str(db.get("PORT") or ""),
    }
    return os.environ | {key: str(value) for key, value in values.items() if value}


def _pg(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"找不到 {command[0]}：请安装 PostgreSQL 客户端（Debian: postgresql-client）。"
        )
    result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} 失败：{result.stderr.strip()[:500]}")


def _dump_postgresql(dump: Path) -> None:
    _pg(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"])


def _load_postgresql(dump: Path, *, clean: bool) -> None:
    connection.close()
    options = ["--clean", "--if-exists"] if clean else []
    database = f"--dbname={connection.settings_dict['NAME']}"
    _pg(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *options,
            database,
            str(dump),
        ]
    )


def _database_holds_data() -> bool:
    """Any table at all: even an empty migrated database is replaced only when forced."""
    with connection.cursor() as cursor:
        return bool(connection.introspection.table_names(cursor))
