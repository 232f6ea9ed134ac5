"""Logins that the operations commands create: shared by createadmin and the demo."""

from django.contrib.auth import get_user_model


def save_user(username: str, password: str, *, superuser: bool = False, name: str = ""):
    """Create the login or bring an existing one to the given password and rights.
    Returns (user, created)."""
    user, created = get_user_model().objects.get_or_create(username=username)
    user.is_active = True
    user.is_staff = user.is_superuser = superuser
    if name:
        user.first_name = name
    user.set_password(password)
    user.save()
    return user, created
