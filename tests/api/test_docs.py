"""The OpenAPI schema and the interactive docs, which must work without internet access."""

import json
from collections import Counter
from html.parser import HTMLParser

from ninja import Schema

EXPECTED_PATHS = {
    "/api/me",
    "/api/rounds",
    "/api/rounds/{round_id}",
    "/api/rounds/{round_id}/categories",
    "/api/rounds/{round_id}/problems",
    "/api/problems",
    "/api/problems/{problem_id}",
    "/api/problems/{problem_id}/claim",
    "/api/problems/{problem_id}/measures",
    "/api/measures",
    "/api/measures/{measure_id}",
    "/api/units",
    "/api/units/{unit_id}",
    "/api/persons",
    "/api/persons/{person_id}",
}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def test_the_openapi_schema_lists_every_path(client):
    response = client.get("/api/openapi.json")
    schema = json.loads(response.content)
    assert schema["info"]["title"] == "整改系统接口"
    assert set(schema["paths"]) >= EXPECTED_PATHS
    assert {"BearerToken", "Session"} <= set(schema["components"]["securitySchemes"])


def test_every_operation_is_summarized_in_chinese(client):
    schema = client.get("/api/openapi.json").json()
    summaries = [op["summary"] for path in schema["paths"].values() for op in path.values()]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in summary) for summary in summaries)


def test_the_schema_states_the_model_limits(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert schemas["MeasureIn"]["properties"]["text"]["maxLength"] == 5000
    assert schemas["MeasurePatch"]["properties"]["text"]["maxLength"] == 5000
    assert "text" not in schemas["MeasurePatch"].get("required", [])


def test_the_docs_page_loads_only_local_static_files(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    links = Links()
    links.feed(html)
    assert links.urls and all(url.startswith("/static/") for url in links.urls), links.urls
    assert "http://" not in html and "https://" not in html
    for url in links.urls:
        assert client.get(url).status_code == 200, url


def test_an_unknown_endpoint_answers_json_in_chinese(client):
    response = client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "没有这个接口" in response.json()["detail"]


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_each_schema_name_stands_for_one_schema(client):
    """django-ninja keys the documented schemas by class name: two classes of one name would
    leave the docs describing one with the other's fields."""
    schema = json.loads(client.get("/api/openapi.json").content)
    # Nested classes are ninja's own hooks (a paginator's Input), named as ninja requires.
    ours = {
        c
        for c in _subclasses(Schema)
        if c.__module__.startswith("zhenggai.") and c.__qualname__ == c.__name__
    }
    names = Counter(c.__name__ for c in ours)
    documented = schema["components"]["schemas"]
    assert [name for name, n in names.items() if n > 1 and name in documented] == []
    assert "rhythm_days" in schema["components"]["schemas"]["RoundOut"]["properties"]
