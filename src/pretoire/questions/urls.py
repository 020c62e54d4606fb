from django.urls import path

from . import views

urlpatterns = [
    path("affaires/<int:affaire_id>/questions/", views.feuille, name="feuille"),
    path("affaires/<int:affaire_id>/questions/feuille.pdf", views.feuille_pdf, name="feuille_pdf"),
    path("affaires/<int:affaire_id>/dossier.yaml", views.exporter_dossier, name="exporter_dossier"),
]
