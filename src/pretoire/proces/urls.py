from django.urls import path

from . import views

urlpatterns = [
    path("", views.accueil, name="accueil"),
    path("affaires/<int:affaire_id>/", views.affaire, name="affaire"),
    path("affaires/<int:affaire_id>/presidence/", views.presidence, name="presidence"),
    path("affaires/<int:affaire_id>/dossier/importer/", views.importer_dossier, name="importer_dossier"),
]
