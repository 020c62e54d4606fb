"""Diffusion en direct du journal : chaque page ouverte sur une affaire est prévenue d'un nouvel
événement et recharge sa frise. Le contenu ne passe pas par le WebSocket ; seule la page,
avec ses propres droits, le relit."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied

from pretoire.proces.access import access_affaire_by_id

from .actions import groupe_affaire


class JournalConsumer(AsyncJsonWebsocketConsumer):
    groupe: str | None = None

    async def connect(self) -> None:
        affaire_id = int(self.scope["url_route"]["kwargs"]["affaire_id"])
        try:
            await database_sync_to_async(access_affaire_by_id)(self.scope["user"], affaire_id)
        except PermissionDenied:
            await self.close(code=4403)
            return
        self.groupe = groupe_affaire(affaire_id)
        await self.channel_layer.group_add(self.groupe, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.groupe:
            await self.channel_layer.group_discard(self.groupe, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        # Canal en lecture seule : on consigne par l'API ou le formulaire, jamais par ici.
        await self.send_json({"erreur": "Ce canal est en lecture seule."})

    async def journal_nouveau(self, message: dict[str, Any]) -> None:
        await self.send_json({"nouveau": message["numero"]})
