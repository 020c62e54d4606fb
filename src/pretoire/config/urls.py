from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from pretoire.api import api

admin.site.site_header = "Prétoire — administration du greffe"
admin.site.site_title = "Prétoire"
admin.site.index_title = "Greffe"

urlpatterns = [
    path("", include("pretoire.proces.urls")),
    path("", include("pretoire.journal.urls")),
    path("", include("pretoire.questions.urls")),
    path("", include("pretoire.deposition.urls")),
    path("", include("pretoire.documents.urls")),
    path("", include("pretoire.deliberation.urls")),
    path(
        "connexion/",
        auth_views.LoginView.as_view(
            template_name="comptes/connexion.html", redirect_authenticated_user=True
        ),
        name="connexion",
    ),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="deconnexion"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

handler403 = "pretoire.proces.views.acces_refuse"
handler404 = "pretoire.proces.views.introuvable"
handler500 = "pretoire.proces.views.erreur_serveur"
