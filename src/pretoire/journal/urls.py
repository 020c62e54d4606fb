from django.urls import path

from . import views

urlpatterns = [
    path("affaires/<int:affaire_id>/greffe/", views.greffe, name="greffe"),
    path("affaires/<int:affaire_id>/journal/", views.frise, name="frise"),
    path(
        "affaires/<int:affaire_id>/journal/verification/",
        views.verification,
        name="verification_journal",
    ),
]
