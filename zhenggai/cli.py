"""The `zhenggai` command: every Django management command, plus zhenggai's own verbs
(demo, serve, createadmin, gen, parse, import ...), which are management commands too."""

import os
import sys


def main() -> None:
    # Whatever zhenggai writes (database, uploads, exports, logs) is its owner's alone;
    # gunicorn, started by `zhenggai serve`, inherits this.
    os.umask(0o077)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
    from django.core.management import execute_from_command_line

    from zhenggai.audit.context import from_command_line

    from_command_line()
    execute_from_command_line(["zhenggai", *sys.argv[1:]])


if __name__ == "__main__":
    main()
