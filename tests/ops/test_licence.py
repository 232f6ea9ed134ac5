"""zhenggai is released under the Mulan Permissive Software License v2, named where a reader or
a packager looks: LICENSE, the README and pyproject.toml."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_licence_is_mulan_psl_2_and_named_in_readme_and_pyproject():
    assert "木兰宽松许可证，第2版" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MulanPSL-2.0" and project["license-files"] == ["LICENSE"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "MulanPSL-2.0" in readme and "(LICENSE)" in readme
