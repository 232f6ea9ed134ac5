"""Who is calling: a program sends `Authorization: Bearer <token>`; a person trying the docs
page in a logged-in browser uses the session. A session write must carry the CSRF token,
as in the web interface, or another site could write through the person's browser."""

from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from zhenggai.api.models import ApiToken


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.objects.user_for(token)
        if user is None:
            # Refused outright instead of falling back to the session, so a program
            # learns that its token is the problem.
            raise HttpError(401, "令牌无效、已过期或已被吊销。")
        return user


class Session(SessionAuth):
    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        if check_csrf(request):
            raise HttpError(403, "CSRF 校验失败：请刷新页面后重试，或改用令牌认证。")
        return request.user
