from django.urls import path

from . import views

urlpatterns = [
    path("affaires/<int:affaire_id>/documents/", views.documents, name="documents"),
    path(
        "affaires/<int:affaire_id>/documents/generations/<int:generation_id>/",
        views.generation,
        name="generation_document",
    ),
    path(
        "affaires/<int:affaire_id>/documents/<int:document_id>/telecharger/",
        views.telecharger,
        name="telecharger_document",
    ),
    path(
        "affaires/<int:affaire_id>/documents/<int:document_id>/signer/",
        views.signer,
        name="signer_document",
    ),
    path("documents/verification/", views.verification, name="verification_document"),
]
