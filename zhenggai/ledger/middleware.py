from django.http import HttpResponse


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
