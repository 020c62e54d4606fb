"""Une invitation dans l'affaire de démonstration, et les pas qui mènent à la salle d'attente."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.models import Deposition
from pretoire.journal.models import Evenement
from pretoire.law.visio import QualiteDeposant
from pretoire.proces.models import Affaire, JourAudience

NAVIGATEUR = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"
ESSAI_CONCLUANT: dict[str, Any] = {
    "resultat": "concluant",
    "camera": True,
    "microphone": True,
    "haut_parleur": True,
    "webrtc": True,
    "chiffrement": True,
}
IDENTITE: dict[str, Any] = {"nom": "FONTAINE", "prenoms": "Claire", "qualite": "expert", "lieu": "Lyon"}


@pytest.fixture
def jour(affaire_demo: Affaire) -> JourAudience:
    """Un jour d'audience à venir : l'invitation n'est pas expirée."""
    return JourAudience.objects.get_or_create(
        affaire=affaire_demo, date=timezone.localdate() + timedelta(days=1)
    )[0]


@pytest.fixture
def invitation(affaire_demo: Affaire, jour: JourAudience, greffiere: Utilisateur) -> actions.InvitationEmise:
    return actions.do_inviter(
        affaire_demo, jour, "Dr Claire FONTAINE", QualiteDeposant.EXPERT, auteur=greffiere
    )


def raccorder(invitation: actions.InvitationEmise) -> tuple[Deposition, str]:
    return actions.do_utiliser_invitation(invitation.jeton, invitation.code, navigateur=NAVIGATEUR)


def en_salle_d_attente(invitation: actions.InvitationEmise) -> tuple[Deposition, str]:
    deposition, secret = raccorder(invitation)
    deposition = actions.do_consigner_essai_materiel(deposition, ESSAI_CONCLUANT)
    return actions.do_declarer_identite(deposition, IDENTITE), secret


def de_la_deposition(deposition: Deposition, *types: str) -> list[Evenement]:
    """Les événements du journal qui portent sur cette déposition, dans l'ordre."""
    evenements = Evenement.objects.filter(affaire_id=deposition.affaire_id, donnees__deposition=deposition.pk)
    if types:
        evenements = evenements.filter(type__in=types)
    return list(evenements.order_by("numero"))


# --- Une base où chaque transaction est réellement validée -----------------------------------------
# Le journal est immuable : la base refuse d'en supprimer une ligne (journal/migrations/0002). Pour
# que pytest-django puisse la vider après un test sans transaction englobante, on retire les
# déclencheurs juste avant le nettoyage et on les repose juste après, avec le SQL de la migration.
IMMUABLE = importlib.import_module("pretoire.journal.migrations.0002_journal_immuable")


def _executer(ordres: list[str]) -> None:
    with connection.cursor() as curseur:
        for ordre in ordres:
            curseur.execute(ordre)


@pytest.fixture
def _declencheurs_reposes(django_db_blocker: Any) -> Iterator[None]:
    yield
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            _executer(IMMUABLE.SQLITE)
        else:
            _executer(IMMUABLE.POSTGRESQL[1:])  # la fonction, elle, n'a pas été retirée


@pytest.fixture
def base_validee(_declencheurs_reposes: None, transactional_db: None) -> Iterator[None]:
    """À demander avant toute autre fixture de base de données (premier argument du test)."""
    yield
    if connection.vendor == "sqlite":
        _executer(IMMUABLE.SQLITE_INVERSE)
    else:
        _executer(IMMUABLE.POSTGRESQL_INVERSE[:2])
