from django.urls import path

from . import views

urlpatterns = [
    path("affaires/<int:affaire_id>/visio/", views.depositions, name="depositions"),
    path("affaires/<int:affaire_id>/visio/<int:deposition_id>/", views.console, name="visio_console"),
    path(
        "affaires/<int:affaire_id>/visio/<int:deposition_id>/evenements/",
        views.evenements,
        name="visio_evenements",
    ),
    path("affaires/<int:affaire_id>/visio/<int:deposition_id>/salle/", views.salle, name="visio_salle"),
    path("visio/<str:jeton>/", views.accueil, name="visio_accueil"),
    path("visio/<str:jeton>/essai/", views.essai, name="visio_essai"),
    path("visio/<str:jeton>/identite/", views.identite, name="visio_identite"),
    path("visio/<str:jeton>/audience/", views.audience, name="visio_audience"),
]
