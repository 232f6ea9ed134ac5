from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zhenggai.accounts"
    label = "accounts"
    verbose_name = "账号与登录"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from zhenggai.accounts import checks, names, services  # noqa: F401 (checks registers)

        names.apply()

        user_logged_in.connect(
            lambda sender, request, user, **kwargs: services.note_login(request, user),
            dispatch_uid="zhenggai.accounts.note_login",
            weak=False,
        )
