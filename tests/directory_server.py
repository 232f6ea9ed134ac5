"""A real LDAP directory for the tests: Debian's slapd, run unprivileged from a temporary folder
on a free port (never the system's slapd on 389), with a few people loaded by slapadd.

    dc=lj,dc=gov,dc=cn
      ou=people: zhangsan 张三 (employeeType 整改系统, so ZHENGGAI_LDAP_USER_FILTER admits him),
                 court (a name that is also a local login)
        ou=court: lisi 李四, one branch further down
      ou=services: the service account zhenggai, which may search

Anonymous clients may only bind; a bound one reads everything but passwords. It speaks
StartTLS on its ldap:// port and TLS on its ldaps:// port, with a certificate for localhost
signed by a CA made for the run (Directory.ca_file)."""

import base64
import contextlib
import datetime
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.ports import free_ports, wait_for

BASE = "dc=lj,dc=gov,dc=cn"
SERVICE_DN = f"cn=zhenggai,ou=services,{BASE}"
SERVICE_PASSWORD = "Service-account-2026"
PEOPLE = {
    # uid: (branch, cn, password, extra attributes)
    "zhangsan": ("ou=people", "张三", "Zhang-san-2026", {"employeeType": "整改系统"}),
    "lisi": ("ou=court,ou=people", "李四", "Li-si-2026", {}),
    "court": ("ou=people", "陈法官", "Directory-court-2026", {}),
}
SBIN = "/usr/sbin:/usr/bin"
SLAPD_CONF = """\
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {folder}/slapd.pid
TLSCACertificateFile {folder}/ca.pem
TLSCertificateFile {folder}/server.pem
TLSCertificateKeyFile {folder}/server.key
database mdb
maxsize 10485760
suffix "{base}"
directory {folder}/db
access to attrs=userPassword by self auth by anonymous auth by * none
access to * by users read by * none
"""


@dataclass(frozen=True)
class Directory:
    url: str
    folder: Path
    port: int
    ldaps_port: int

    @property
    def ca_file(self) -> str:
        """The CA that signed the directory's certificate, made for the name localhost."""
        return str(self.folder / "ca.pem")

    def password_of(self, uid: str) -> str:
        return PEOPLE[uid][2]


def slapd_missing() -> str:
    """Why the directory cannot run here, or ''."""
    if shutil.which("slapd", path=SBIN) and shutil.which("slapadd", path=SBIN):
        return ""
    return "没有安装 slapd（Debian 的 slapd 软件包，scripts/test 会安装）"


@contextlib.contextmanager
def running(folder: Path):
    """slapd serving the people above until the block ends, by ldap:// (StartTLS offered) and
    by ldaps://, with a certificate for localhost."""
    (folder / "db").mkdir(parents=True)
    _certificates(folder)
    conf = folder / "slapd.conf"
    conf.write_text(SLAPD_CONF.format(folder=folder, base=BASE))
    (folder / "people.ldif").write_text(_ldif())
    slapadd = shutil.which("slapadd", path=SBIN)
    subprocess.run([slapadd, "-f", conf, "-l", folder / "people.ldif"], check=True)
    port, ldaps_port = free_ports(2)
    listen = f"ldap://127.0.0.1:{port}/ ldaps://127.0.0.1:{ldaps_port}/"
    # -d 0: in the foreground, so this process owns it and ends it.
    slapd = subprocess.Popen(
        [shutil.which("slapd", path=SBIN), "-f", conf, "-h", listen, "-d", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port, slapd)
        wait_for(ldaps_port, slapd)
        yield Directory(f"ldap://127.0.0.1:{port}", folder, port, ldaps_port)
    finally:
        slapd.terminate()
        slapd.wait(10)


def make_ca(folder: Path, name: str):
    """A certificate authority: its key, and its certificate written to folder/name.pem."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    ca = (
        _certificate(subject, subject, key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .sign(key, hashes.SHA256())
    )
    (folder / f"{name}.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return key, ca


def _certificates(folder: Path) -> None:
    ca_key, ca = make_ca(folder, "ca")
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        _certificate(
            x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]),
            ca.subject,
            key.public_key(),
        )
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        # Python 3.13 checks strictly: the issuing CA must be named by its key.
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    (folder / "server.pem").write_bytes(server.public_bytes(serialization.Encoding.PEM))
    (folder / "server.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _certificate(subject, issuer, public_key) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
    )


def _ldif() -> str:
    entries = [
        {"dn": BASE, "objectClass": ["dcObject", "organization"], "o": "临江", "dc": "lj"},
        _unit("ou=people"),
        _unit("ou=court,ou=people"),
        _unit("ou=services"),
        {
            "dn": SERVICE_DN,
            "objectClass": ["person"],
            "cn": "zhenggai",
            "sn": "整改系统服务账号",
            "userPassword": SERVICE_PASSWORD,
        },
    ]
    for uid, (branch, name, password, extra) in PEOPLE.items():
        entries.append(
            {
                "dn": f"uid={uid},{branch},{BASE}",
                "objectClass": ["inetOrgPerson"],
                "uid": uid,
                "cn": name,
                "sn": name[0],
                "mail": f"{uid}@lj.gov.cn",
                "userPassword": password,
                **extra,
            }
        )
    return "\n".join(_entry(entry) for entry in entries)


def _unit(rdns: str) -> dict:
    name = rdns.split(",")[0].removeprefix("ou=")
    return {"dn": f"{rdns},{BASE}", "objectClass": ["organizationalUnit"], "ou": name}


def _entry(attributes: dict) -> str:
    """LDIF lines; values that are not plain ASCII are written in base64, as LDIF asks."""
    lines = []
    for name, values in attributes.items():
        for value in values if isinstance(values, list) else [values]:
            if value.isascii():
                lines.append(f"{name}: {value}")
            else:
                lines.append(f"{name}:: {base64.b64encode(value.encode()).decode()}")
    return "\n".join(lines) + "\n"
