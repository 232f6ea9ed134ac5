from django.http import HttpResponse
from django.shortcuts import render


class HtmxLoginRedirectMiddleware:
    """An htmx request that lands on the login page reloads the whole page there instead of
    swapping a login form into a table cell."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "htmx", False) and response.status_code == 302:
            location = response.get("Location", "")
            if "/login/" in location:
                redirect = HttpResponse(status=204)
                redirect["HX-Redirect"] = location
                return redirect
        return response


class MethodNotAllowedPageMiddleware:
    """A page address opened the wrong way (a bookmark of a button's address, say) gets a page
    in Chinese, like the 403 and 404 ones, instead of Django's empty 405 that leaves the
    browser to show its own error. The API answers for itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content or request.path.startswith("/api/"):
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "")
        return page
