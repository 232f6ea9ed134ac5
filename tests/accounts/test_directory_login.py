"""With ZHENGGAI_LDAP_URL set, people log in with their directory account, checked by a real
slapd (tests/directory_server.py): a first login makes a local login with no role, a wrong
password counts toward the lockout, a directory that does not answer is said in Chinese while
local accounts keep working, and the audit trail records each. Off by default."""

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

from tests.directory_server import BASE
from tests.factories import PASSWORD, UserFactory
from tests.ports import free_port
from zhenggai.accounts.models import PasswordChangeDue
from zhenggai.audit.models import AuditEntry, Kind
from zhenggai.authority.models import RoleAssignment

User = get_user_model()


def log_in(client, username, password, **extra):
    return client.post("/login/", {"username": username, "password": password}, **extra)


def logged_in_as(client) -> str:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).username if user_id else ""


def audited(kind: str) -> list[tuple[str, dict]]:
    return [(entry.object_text, entry.after) for entry in AuditEntry.objects.filter(kind=kind)]


def test_off_by_default_a_directory_account_cannot_log_in(client, directory, db):
    page = log_in(client, "zhangsan", directory.password_of("zhangsan")).content.decode()

    assert "用户名或密码不正确" in page and not logged_in_as(client)


def test_a_directory_account_logs_in_and_sees_nothing_until_given_a_role(client, ldap_on):
    response = log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))

    assert response.url == "/"
    assert "目前没有等您处理的事项" in client.get("/").content.decode()
    user = User.objects.get(username="zhangsan")
    assert (user.first_name, user.email) == ("张三", "zhangsan@lj.gov.cn")
    assert not user.has_usable_password() and not user.is_staff
    assert not RoleAssignment.objects.filter(user=user).exists()
    assert ("zhangsan", {}) in audited(Kind.LOGIN)


def test_the_service_account_finds_a_person_in_any_branch(client, ldap_on):
    log_in(client, "LiSi", ldap_on.password_of("lisi"))

    assert logged_in_as(client) == "lisi"


def test_a_person_may_be_bound_as_directly_without_a_service_account(client, ldap_on, settings):
    settings.ZHENGGAI_LDAP_BIND_DN = settings.ZHENGGAI_LDAP_BIND_PASSWORD = ""
    settings.ZHENGGAI_LDAP_BIND_TEMPLATE = f"uid={{username}},ou=people,{BASE}"

    log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))

    assert logged_in_as(client) == "zhangsan"


def test_the_user_filter_keeps_out_whom_it_does_not_admit(client, ldap_on, settings):
    settings.ZHENGGAI_LDAP_USER_FILTER = "(employeeType=整改系统)"

    log_in(client, "lisi", ldap_on.password_of("lisi"))
    assert not logged_in_as(client)
    log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))
    assert logged_in_as(client) == "zhangsan"


def test_a_wrong_password_fails_is_audited_and_counts_toward_the_lockout(client, ldap_on):
    statuses = [log_in(client, "zhangsan", "Wrong-password-1").status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 200, 429]
    locked = log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))
    assert locked.status_code == 429 and "登录失败次数过多" in locked.content.decode()
    assert not logged_in_as(client)
    # The five wrong passwords and the right one refused while locked.
    assert audited(Kind.LOGIN_FAILED) == [("zhangsan", {})] * 6


def test_an_unreachable_directory_is_said_in_chinese_and_local_logins_still_work(
    client, ldap_on, settings
):
    settings.ZHENGGAI_LDAP_URL = [f"ldap://127.0.0.1:{free_port()}"]
    UserFactory(username="root", is_staff=True, is_superuser=True)

    response = log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))
    admin_page = client.post("/admin/login/", {"username": "zhangsan", "password": "x"})
    log_in(client, "root", PASSWORD)

    assert response.status_code == 503 and admin_page.status_code == 503
    assert "暂时连不上单位的目录服务" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert logged_in_as(client) == "root"
    assert audited(Kind.LOGIN_FAILED) == [("zhangsan", {"原因": "目录服务无法连接"})] * 2
    assert audited(Kind.LOGIN) == [("root", {})]


def test_the_next_server_is_tried_when_the_first_does_not_answer(client, ldap_on, settings):
    settings.ZHENGGAI_LDAP_URL = [f"ldap://127.0.0.1:{free_port()}", ldap_on.url]

    log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))

    assert logged_in_as(client) == "zhangsan"


def test_a_local_account_is_never_checked_in_the_directory(client, ldap_on, court_reporter):
    log_in(client, "court", ldap_on.password_of("court"))
    assert not logged_in_as(client)

    log_in(client, "court", PASSWORD)
    assert logged_in_as(client) == "court"


def test_an_account_the_administrator_made_inactive_stays_out(client, ldap_on):
    UserFactory(username="zhangsan", password=None, is_active=False)

    log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))

    assert not logged_in_as(client)


def test_a_directory_account_changes_its_password_in_the_directory_only(client, ldap_on):
    # The administrator made the login beforehand, without a password, to give it roles.
    made = UserFactory(username="zhangsan", password=None)
    PasswordChangeDue.objects.create(user=made, reason=PasswordChangeDue.Reason.NEW)
    log_in(client, "zhangsan", ldap_on.password_of("zhangsan"))

    assert client.get("/").status_code == 200
    page = client.get("/password/").content.decode()
    assert "密码由目录服务管理" in page and "当前密码" not in page
    client.post(
        "/password/",
        {"old_password": "", "new_password1": "Quite-new-2026", "new_password2": "Quite-new-2026"},
    )
    made.refresh_from_db()
    assert not made.has_usable_password()
