from django.urls import path

from pretoire.journal.consumers import JournalConsumer

websocket_urlpatterns = [
    path("ws/affaires/<int:affaire_id>/journal/", JournalConsumer.as_asgi()),
]
