"""Consigner un événement au journal d'audience, et vérifier la chaîne.

Tout passe par ``do_consigner_evenement`` : le formulaire du greffier, l'API, la visio et les
commandes. L'écriture est atomique : ou l'événement est validé, ordonné, chaîné et écrit, ou
rien n'est écrit.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.documents.signature import certificat_pem_ou_der
from pretoire.law.debats import EvenementDebats, TypeEvenement, verifier_ordre
from pretoire.proces.models import Affaire, Participation
from pretoire.texte import normaliser

from . import ancrage, chaine
from .donnees import DonneesInvalides, ErreurChamp, valider_donnees
from .horodatage import HorodatageImpossible
from .models import Evenement

journal_serveur = logging.getLogger(__name__)


def groupe_affaire(affaire_id: int) -> str:
    return f"affaire-{affaire_id}"


@transaction.atomic
def do_consigner_evenement(
    affaire: Affaire,
    type_evenement: TypeEvenement,
    donnees: Mapping[str, Any],
    *,
    auteur: Utilisateur | None,
    auteur_libelle: str = "",
    par_la_visio: bool = False,
    par_l_administration: bool = False,
) -> Evenement:
    """Valide, ordonne, chaîne et écrit un événement ; lève ``OrdreDesDebatsViole`` ou
    ``DonneesInvalides`` (messages en français) sans rien écrire.

    Les événements de la visio ne viennent que du dispositif (``par_la_visio``) : saisis à la
    main, ils feraient dire au procès-verbal ce que personne n'a observé.
    """
    if type_evenement.de_la_visio and not par_la_visio:
        raise DonneesInvalides(
            [
                ErreurChamp(
                    "type",
                    f"« {type_evenement.libelle} » est consigné par le dispositif de visioconférence,"
                    " pas à la main",
                )
            ]
        )
    if type_evenement.de_l_administration and not par_l_administration:
        raise DonneesInvalides(
            [
                ErreurChamp(
                    "type",
                    f"« {type_evenement.libelle} » est consigné par l'administration des affaires"
                    " quand elle enregistre le changement, pas à la main",
                )
            ]
        )
    # La clé d'ancrage d'abord : sans elle, rien n'est écrit (un événement non ancré passerait
    # pour un ajout frauduleux).
    cle = ancrage.cle_d_ancrage(repertoire_d_ancrage())
    # Verrou sur l'affaire : deux greffiers qui consignent en même temps obtiennent deux
    # numéros successifs, jamais deux fois le même maillon. (SQLite : transaction IMMEDIATE.)
    Affaire.objects.select_for_update().get(pk=affaire.pk)
    precedents = list(
        Evenement.objects.filter(affaire=affaire)
        .order_by("numero")
        .values_list("numero", "type", "empreinte")
    )
    verifier_ordre([TypeEvenement(t) for _, t, _ in precedents], type_evenement)

    accuses = {a.identifiant: a.nom_complet for a in affaire.accuses.all()}
    decision = getattr(affaire, "decision_mise_en_accusation", None)
    valides = valider_donnees(
        type_evenement,
        donnees,
        accuses=set(accuses),
        faits=set(decision.faits.values_list("identifiant", flat=True) if decision else []),
        participations=set(
            Participation.objects.filter(fait__decision=decision).values_list(
                "accuse__identifiant", "fait__identifiant"
            )
            if decision
            else []
        ),
        noms_des_accuses=accuses,
        # Une saisie du greffe ne peut viser qu'une déposition de l'affaire ; le dispositif de
        # la visio, lui, n'écrit que pour la sienne.
        depositions=None if par_la_visio else set(affaire.depositions.values_list("pk", flat=True)),
    )
    corrige = None
    if type_evenement is TypeEvenement.CORRECTION:
        corrige = Evenement.objects.filter(affaire=affaire, numero=valides["evenement"]).first()
        if corrige is None:
            raise DonneesInvalides(
                [
                    ErreurChamp(
                        "événement corrigé",
                        f"aucun événement n° {valides['evenement']} dans ce journal",
                    )
                ]
            )

    numero = len(precedents) + 1
    empreinte_precedente = precedents[-1][2] if precedents else chaine.EMPREINTE_INITIALE
    libelle = normaliser(auteur_libelle or (auteur.nom_complet() if auteur else "Prétoire"))
    horodatage = timezone.now()
    evenement = Evenement(
        affaire=affaire,
        numero=numero,
        type=type_evenement.value,
        donnees=valides,
        auteur=auteur,
        auteur_libelle=libelle,
        horodatage=horodatage,
        corrige=corrige,
        empreinte_precedente=empreinte_precedente,
    )
    evenement.empreinte = chaine.empreinte(**evenement.champs_scelles())
    evenement.save(force_insert=True)
    _ancrer(cle, affaire.pk, numero, evenement.empreinte, f"événement n° {numero}")
    transaction.on_commit(lambda: _diffuser(affaire.pk, numero))
    return evenement


def repertoire_d_ancrage() -> Path:
    return Path(settings.ANCRAGE_DIR)


def ancrer_la_tete(affaire: Affaire, motif: str) -> None:
    """Ancre la tête actuelle du journal (à chaque document : ce qu'il a vu du journal)."""
    tete = Evenement.objects.filter(affaire=affaire).order_by("-numero").values_list("numero", "empreinte")
    if derniere := tete.first():
        numero, empreinte = derniere
        cle = ancrage.cle_d_ancrage(repertoire_d_ancrage())
        _ancrer(cle, affaire.pk, numero, empreinte, motif, horodater=True)


class AncrageRefuse(Exception):
    """L'ancrage initial n'a pas lieu d'être ; le message, en français, dit pourquoi."""


@transaction.atomic
def do_ancrer_journal_existant(affaire: Affaire) -> chaine.ResultatVerification:
    """Ancre pour la première fois un journal écrit avant l'ancrage (mise à jour de Prétoire).

    Refusé si la chaîne est rompue, ou si l'affaire a déjà des ancrages : ancrer de nouveau à la
    main couvrirait justement un retrait d'événements.
    """
    Affaire.objects.select_for_update().get(pk=affaire.pk)
    resultat = chaine.verifier(
        e.maillon()
        for e in Evenement.objects.filter(affaire=affaire).select_related("corrige").order_by("numero")
    )
    if not resultat.valide:
        raise AncrageRefuse(resultat.message)
    if resultat.nombre_evenements == 0:
        raise AncrageRefuse("le journal est vide : chaque événement s'ancrera lui-même.")
    repertoire = repertoire_d_ancrage()
    cle = ancrage.cle_d_ancrage(repertoire)
    if ancrage.ancrages_de(repertoire, cle, str(affaire.pk)) != ([], []):
        raise AncrageRefuse(
            "ce journal a déjà des ancrages : chaque événement s'ancre lui-même, et un nouvel ancrage"
            " initial couvrirait un retrait. Vérifiez-le par « pretoire log verify »."
        )
    _ancrer(
        cle,
        affaire.pk,
        resultat.nombre_evenements,
        resultat.derniere_empreinte,
        "ancrage initial",
        horodater=True,
    )
    return resultat


def _ancrer(
    cle: bytes, affaire_id: int, numero: int, empreinte: str, motif: str, *, horodater: bool = False
) -> None:
    """Ancre la tête ; ``horodater`` : la fait aussi dater par l'autorité RFC 3161 si elle est
    réglée (à chaque document, pas à chaque événement : une requête réseau par événement
    ralentirait l'audience)."""
    # Les numéros se suivent depuis 1 : la tête n° N atteste N événements.
    ligne = ancrage.sceller(
        cle,
        affaire=str(affaire_id),
        numero=numero,
        empreinte=empreinte,
        nombre=numero,
        motif=motif,
        horodatage=timezone.now(),
    )
    repertoire = repertoire_d_ancrage()
    autorite = settings.ANCRAGE_TSA_URL if horodater else ""
    if settings.ANCRAGE_APRES_VALIDATION:
        transaction.on_commit(lambda: _inscrire(repertoire, ligne, autorite))
    else:
        _inscrire(repertoire, ligne, autorite)


def _inscrire(repertoire: Path, ligne: ancrage.Ancrage, autorite: str) -> None:
    if autorite:
        try:
            ligne = ancrage.horodater(ligne, autorite)
        except HorodatageImpossible:
            # L'ancrage HMAC suffit à la vérification ; l'horodatage manquera pour cette tête.
            journal_serveur.exception("Horodatage RFC 3161 de l'ancrage impossible")
    try:
        ancrage.inscrire(repertoire, ligne)
    except OSError:
        # L'événement est écrit ; la vérification le signalera comme non ancré.
        journal_serveur.exception("Ancrage du journal impossible dans %s", repertoire)


def _diffuser(affaire_id: int, numero: int) -> None:
    """Prévient les pages ouvertes sur l'affaire (frise du greffe, feuille du président)."""
    couche = get_channel_layer()
    if couche is not None:
        async_to_sync(couche.group_send)(
            groupe_affaire(affaire_id), {"type": "journal.nouveau", "numero": numero}
        )


def verifier_journal(affaire: Affaire) -> chaine.ResultatVerification:
    """La chaîne recalculée, puis confrontée aux têtes ancrées hors de la base."""
    evenements = Evenement.objects.filter(affaire=affaire).select_related("corrige").order_by("numero")
    maillons = [e.maillon() for e in evenements]
    resultat = chaine.verifier(maillons)
    if not resultat.valide:
        return resultat
    repertoire = repertoire_d_ancrage()
    try:
        cle = ancrage.cle_d_ancrage(repertoire, creer=False)
    except ancrage.AncrageImpossible as erreur:
        if resultat.nombre_evenements == 0:
            return resultat  # ni événement ni clé : rien n'a jamais été consigné ici
        return chaine.ResultatVerification(False, resultat.nombre_evenements, raison=str(erreur))
    ancrages, anomalies = ancrage.ancrages_de(repertoire, cle, str(affaire.pk))
    autorites = [c for c in map(certificat_pem_ou_der, settings.ANCRAGE_TSA_CERTIFICATS) if c is not None]
    anomalies_horodatage, horodatage_atteste = ancrage.constater_les_horodatages(ancrages, autorites)
    resultat = ancrage.confronter(
        resultat, {m.numero: m.empreinte for m in maillons}, ancrages, anomalies + anomalies_horodatage
    )
    if resultat.valide and horodatage_atteste:
        resultat = replace(resultat, ancrage=f"{resultat.ancrage} {horodatage_atteste}")
    return resultat


def evenements_des_debats(affaire: Affaire) -> list[EvenementDebats]:
    """Le journal tel que le droit le lit (moteur des questions, procès-verbaux)."""
    return [
        EvenementDebats(numero=e.numero, type=e.type_evenement, horodatage=e.horodatage, donnees=e.donnees)
        for e in Evenement.objects.filter(affaire=affaire).order_by("numero")
    ]
