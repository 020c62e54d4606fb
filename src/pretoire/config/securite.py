"""Défenses du serveur qui ne relèvent d'aucun domaine du procès.

- La politique de sécurité du contenu (CSP) : les pages ne chargent que les scripts, styles,
  workers et médias servis par Prétoire lui-même ; aucun script en ligne, aucun CDN. Un texte
  hostile qui passerait dans une page (nom déclaré, User-Agent) ne peut donc rien y exécuter.
  Django 5.2 n'a pas encore la sienne (Django 6) : un intergiciel de quelques lignes.
- L'adresse du client, pour limiter les tentatives de connexion (django-axes) : celle du pair
  TCP, ou, derrière un mandataire inverse déclaré, la dernière adresse qu'il a ajoutée à
  X-Forwarded-For ; un en-tête écrit par le client lui-même n'est jamais cru.
- Les fichiers de la cour (base SQLite, documents signés) ne sont lisibles que par le compte du
  serveur : dossier de données 0700, fichiers 0600.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.deprecation import MiddlewareMixin

EN_TETE_CSP = "Content-Security-Policy"


def politique_en_texte(politique: Mapping[str, Sequence[str]]) -> str:
    """La politique telle que l'en-tête l'écrit.

    >>> politique_en_texte({"default-src": ["'self'"], "object-src": ["'none'"]})
    "default-src 'self'; object-src 'none'"
    """
    return "; ".join(" ".join([directive, *sources]) for directive, sources in politique.items())


class PolitiqueDeSecuriteDuContenu(MiddlewareMixin):
    """Pose ``settings.PRETOIRE_POLITIQUE_DE_CONTENU`` sur chaque réponse qui n'a pas la sienne."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        politique = getattr(settings, "PRETOIRE_POLITIQUE_DE_CONTENU", None)
        if politique and EN_TETE_CSP not in response.headers:
            response.headers[EN_TETE_CSP] = politique_en_texte(politique)
        return response


def restreindre_la_base_sqlite(sender: Any, connection: Any, **kwargs: Any) -> None:
    """À chaque connexion SQLite : la base et ses fichiers WAL en 0600 (SQLite les crée selon le
    masque du processus, 0644 d'ordinaire ; le dossier 0700 couvre l'instant entre les deux)."""
    if connection.vendor != "sqlite":
        return
    nom = str(connection.settings_dict["NAME"])
    if nom == ":memory:" or nom.startswith("file:"):
        return
    for suffixe in ("", "-wal", "-shm"):
        chemin = Path(nom + suffixe)
        if chemin.exists() and chemin.stat().st_mode & 0o077:
            os.chmod(chemin, 0o600)


def adresse_du_client(request: HttpRequest) -> str | None:
    """L'adresse du client ; celle qu'un mandataire de confiance a vue, s'il y en a un.

    >>> from django.test import RequestFactory
    >>> requete = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4")
    >>> adresse_du_client(requete)  # aucun mandataire déclaré : l'en-tête est ignoré
    '10.0.0.2'
    """
    pair = request.META.get("REMOTE_ADDR")
    mandataires = set(getattr(settings, "PRETOIRE_MANDATAIRES_DE_CONFIANCE", ()))
    if pair not in mandataires:
        return pair
    # De droite à gauche : la première adresse qui n'est pas un de nos mandataires est celle du
    # client tel que notre mandataire l'a vu ; ce qui est à sa gauche, le client l'a écrit.
    chaine = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    for adresse in reversed(chaine):
        if adresse not in mandataires:
            return adresse
    return pair
