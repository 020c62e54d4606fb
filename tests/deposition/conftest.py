"""Une invitation dans l'affaire de démonstration, et les pas qui mènent à la salle d'attente."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from pytest_django.plugin import blocking_manager_key

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
# que pytest-django puisse la vider après un test sans transaction englobante, ``base_validee``
# retire les déclencheurs juste avant ce nettoyage, et le crochet ci-dessous les repose juste
# après, avec le SQL de la migration.
IMMUABLE = importlib.import_module("pretoire.journal.migrations.0002_journal_immuable")
DECLENCHEURS_RETIRES = pytest.StashKey[bool]()


def _executer(ordres: list[str]) -> None:
    with connection.cursor() as curseur:
        for ordre in ordres:
            curseur.execute(ordre)


def declencheurs_du_journal() -> set[str]:
    with connection.cursor() as curseur:
        if connection.vendor == "sqlite":
            curseur.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal_evenement'"
            )
        else:
            curseur.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'journal_evenement'::regclass AND NOT tgisinternal"
            )
        return {nom for (nom,) in curseur.fetchall()}


@pytest.fixture
def base_validee(request: pytest.FixtureRequest, transactional_db: None) -> Iterator[None]:
    # Le test précédent a bien reposé les déclencheurs : le journal reste immuable pour la suite.
    assert "journal_evenement_sans_modification" in declencheurs_du_journal()
    yield
    if connection.vendor == "sqlite":
        _executer(IMMUABLE.SQLITE_INVERSE)
    else:
        _executer(IMMUABLE.POSTGRESQL_INVERSE[:2])  # la fonction reste en place
    request.node.stash[DECLENCHEURS_RETIRES] = True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    try:
        return (yield)
    finally:
        # Dernier test de la session : la base de test vient d'être détruite avec lui, il n'y a
        # plus de déclencheurs à reposer.
        if item.stash.get(DECLENCHEURS_RETIRES, False) and nextitem is not None:
            with item.config.stash[blocking_manager_key].unblock():
                _executer(IMMUABLE.SQLITE if connection.vendor == "sqlite" else IMMUABLE.POSTGRESQL[1:])
