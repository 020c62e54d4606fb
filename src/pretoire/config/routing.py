from django.urls import path

from pretoire.deposition.consumers import DeposantConsumer, PosteDeLaCourConsumer
from pretoire.journal.consumers import JournalConsumer

websocket_urlpatterns = [
    path("ws/affaires/<int:affaire_id>/journal/", JournalConsumer.as_asgi()),
    path("ws/visio/deposant/<str:jeton>/", DeposantConsumer.as_asgi()),
    path("ws/visio/<int:deposition_id>/<str:poste>/", PosteDeLaCourConsumer.as_asgi()),
]
