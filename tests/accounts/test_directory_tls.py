"""Passwords go to the directory encrypted when asked (ldaps://, or StartTLS on ldap://), and
only to a server whose certificate the configured CA signed for the name in the URL; any other
is treated as a directory that does not answer. `check --deploy` warns of passwords sent in
clear."""

import pytest

from tests.directory_server import make_ca
from zhenggai.accounts.checks import directory_passwords_in_clear


def log_in(client, directory):
    return client.post(
        "/login/", {"username": "zhangsan", "password": directory.password_of("zhangsan")}
    )


@pytest.mark.parametrize("start_tls", [True, False], ids=["starttls", "ldaps"])
def test_a_directory_login_over_tls(client, ldap_on, settings, start_tls):
    port = ldap_on.port if start_tls else ldap_on.ldaps_port
    settings.ZHENGGAI_LDAP_URL = [f"{'ldap' if start_tls else 'ldaps'}://localhost:{port}"]
    settings.ZHENGGAI_LDAP_START_TLS = start_tls
    settings.ZHENGGAI_LDAP_CA_FILE = ldap_on.ca_file

    log_in(client, ldap_on)

    assert "_auth_user_id" in client.session


@pytest.mark.parametrize("wrong", ["ca", "name"])
def test_a_certificate_that_does_not_check_out_is_refused(
    client, ldap_on, settings, tmp_path, wrong
):
    make_ca(tmp_path, "other")
    host = "127.0.0.1" if wrong == "name" else "localhost"
    settings.ZHENGGAI_LDAP_URL = [f"ldaps://{host}:{ldap_on.ldaps_port}"]
    settings.ZHENGGAI_LDAP_CA_FILE = (
        str(tmp_path / "other.pem") if wrong == "ca" else ldap_on.ca_file
    )

    response = log_in(client, ldap_on)

    assert response.status_code == 503 and "暂时连不上单位的目录服务" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_check_deploy_warns_of_passwords_sent_in_clear(settings):
    settings.ZHENGGAI_LDAP_URL = ["ldaps://dc1.lj.gov.cn", "ldap://dc2.lj.gov.cn"]
    warnings = directory_passwords_in_clear(None)
    assert [w.id for w in warnings] == ["zhenggai.W001"]
    assert "ldap://dc2.lj.gov.cn" in warnings[0].msg and "dc1" not in warnings[0].msg

    settings.ZHENGGAI_LDAP_START_TLS = True
    assert directory_passwords_in_clear(None) == []
