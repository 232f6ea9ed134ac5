from django.urls import path

from zhenggai.importer import views

app_name = "importer"
urlpatterns = [
    path("rounds/<int:round_pk>/import/", views.upload, name="upload"),
    path("imports/<int:pk>/", views.batch_page, name="batch"),
    path("imports/<int:pk>/items/<slug:key>/", views.item_save, name="item"),
    path("imports/<int:pk>/apply/", views.apply, name="apply"),
    path("imports/<int:pk>/discard/", views.discard, name="discard"),
]
