from django.urls import path

from zhenggai.documents.views import downloads, leader, office

app_name = "documents"
urlpatterns = [
    path("rounds/<int:pk>/ledger/export.xlsx", downloads.ledger_xlsx, name="ledger_xlsx"),
    path("rounds/<int:pk>/documents/", office.documents, name="documents"),
    path("rounds/<int:pk>/documents/settings/", office.settings_save, name="settings"),
    path("rounds/<int:pk>/documents/template/", office.template_upload, name="template"),
    path(
        "rounds/<int:pk>/documents/template/remove/",
        office.template_remove,
        name="template_remove",
    ),
    path("rounds/<int:pk>/documents/<slug:kind>/texts/", office.texts, name="texts"),
    path("rounds/<int:pk>/documents/<slug:kind>/", downloads.round_document, name="download"),
    path(
        "rounds/<int:pk>/persons/<int:person_pk>/materials/",
        leader.materials,
        name="materials",
    ),
    path(
        "rounds/<int:pk>/persons/<int:person_pk>/materials/<slug:kind>/add/",
        leader.item_add,
        name="item_add",
    ),
    path(
        "rounds/<int:pk>/persons/<int:person_pk>/materials/<slug:kind>/<int:item_pk>/",
        leader.item_change,
        name="item_change",
    ),
    path(
        "rounds/<int:pk>/persons/<int:person_pk>/materials/import/",
        leader.material_import,
        name="material_import",
    ),
    path(
        "rounds/<int:pk>/persons/<int:person_pk>/materials/pick/",
        leader.material_pick,
        name="material_pick",
    ),
    path(
        "rounds/<int:pk>/persons/<int:person_pk>/<slug:kind>/",
        downloads.leader_document,
        name="leader_download",
    ),
    path("notices/<int:pk>/document/", downloads.notice_document, name="notice_download"),
    path("problems/<int:pk>/withholding/", office.withholding, name="withholding"),
]
