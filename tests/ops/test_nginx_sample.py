"""The sample nginx site (deploy/nginx.conf) in front of `zhenggai serve` started with the sample
environment (deploy/zhenggai.env): plain HTTP is sent to HTTPS, and HTTPS reaches zhenggai,
whose answers carry HSTS and secure cookies. Debian's nginx and openssl, on loopback ports."""

import http.client
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ops.test_check_deploy import ROOT, sample_environment
from tests.ports import free_ports, wait_for

HOST = "zhenggai.zfw.lj.gov.cn"
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
pytestmark = pytest.mark.skipif(NGINX is None, reason="scripts/test installs Debian's nginx")


def site_config(folder: Path, http_port: int, https_port: int, app_port: int) -> Path:
    """deploy/nginx.conf on loopback ports, with a throwaway certificate, run in the foreground."""
    site = (
        (ROOT / "deploy" / "nginx.conf")
        .read_text()
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
        .replace("/etc/nginx/tls", str(folder))
        .replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
    )
    (folder / "site.conf").write_text(site)
    main = folder / "nginx.conf"
    main.write_text(
        f"daemon off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{ access_log off; client_body_temp_path {folder}/body; "
        f"proxy_temp_path {folder}/proxy; include {folder}/site.conf; }}\n"
    )
    return main


@pytest.fixture
def behind_nginx(tmp_path):
    http_port, https_port, app_port = free_ports(3)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(tmp_path / "zhenggai.key")]
        + ["-out", str(tmp_path / "zhenggai.crt")],
        check=True,
        capture_output=True,
    )
    env = sample_environment(tmp_path / "data")
    del env["ZHENGGAI_DATABASE_URL"]  # the embedded SQLite file in the data dir instead
    env["ZHENGGAI_SCHEDULER"] = "False"
    app = subprocess.Popen(
        [sys.executable, "-m", "zhenggai.cli", "serve", "--addr", f"127.0.0.1:{app_port}"]
        + ["--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    nginx = subprocess.Popen(
        [NGINX, "-c", str(site_config(tmp_path, http_port, https_port, app_port))]
    )
    try:
        wait_for(app_port, app)
        wait_for(http_port, nginx)
        wait_for(https_port, nginx)
        yield http_port, https_port
    finally:
        for process in (nginx, app):
            process.terminate()
            process.wait(timeout=30)


def throwaway_certificate_accepted() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def get(connection, path="/login/"):
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()
    response.read()
    return response


def test_the_sample_redirects_http_and_serves_https_with_hsts(behind_nginx):
    http_port, https_port = behind_nginx

    plain = get(http.client.HTTPConnection("127.0.0.1", http_port, timeout=60))
    secure = get(
        http.client.HTTPSConnection(
            "127.0.0.1", https_port, timeout=60, context=throwaway_certificate_accepted()
        )
    )

    assert plain.status == 301 and plain.headers["Location"] == f"https://{HOST}/login/"
    assert secure.status == 200
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Secure" in secure.headers["Set-Cookie"]
