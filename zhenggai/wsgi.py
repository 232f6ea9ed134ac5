import os

from django.core.wsgi import get_wsgi_application

# Files written while serving are the service user's alone, however gunicorn was started.
os.umask(0o077)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhenggai.settings")
application = get_wsgi_application()
