from django.urls import path

from . import views

DELIBERATION = "affaires/<int:affaire_id>/deliberation/"

urlpatterns = [
    path(DELIBERATION, views.delibere, name="delibere"),
    path(f"{DELIBERATION}ouvrir/", views.ouvrir, name="ouvrir_delibere"),
    path(f"{DELIBERATION}enregistrer/", views.enregistrer, name="enregistrer_delibere"),
    path(f"{DELIBERATION}feuille.pdf", views.feuille_pdf, name="feuille_repondue_pdf"),
    path(f"{DELIBERATION}motivation.pdf", views.motivation_pdf, name="motivation_pdf"),
    path(f"{DELIBERATION}sceller/", views.sceller, name="sceller_delibere"),
    path(f"{DELIBERATION}assesseur/", views.designer_assesseur, name="designer_assesseur"),
]
