from django.apps import AppConfig


class AuthorityConfig(AppConfig):
    name = "zhenggai.authority"
    label = "authority"
    verbose_name = "组织与角色"
