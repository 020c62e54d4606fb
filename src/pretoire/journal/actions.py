"""Consigner un événement au journal d'audience, et vérifier la chaîne.

Tout passe par ``do_consigner_evenement`` : le formulaire du greffier, l'API, la visio et les
commandes. L'écriture est atomique : ou l'événement est validé, ordonné, chaîné et écrit, ou
rien n'est écrit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.law.debats import EvenementDebats, TypeEvenement, verifier_ordre
from pretoire.proces.models import Affaire
from pretoire.texte import normaliser

from . import chaine
from .donnees import DonneesInvalides, ErreurChamp, valider_donnees
from .models import Evenement


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
    # Verrou sur l'affaire : deux greffiers qui consignent en même temps obtiennent deux
    # numéros successifs, jamais deux fois le même maillon. (SQLite : transaction IMMEDIATE.)
    Affaire.objects.select_for_update().get(pk=affaire.pk)
    precedents = list(
        Evenement.objects.filter(affaire=affaire)
        .order_by("numero")
        .values_list("numero", "type", "empreinte")
    )
    verifier_ordre([TypeEvenement(t) for _, t, _ in precedents], type_evenement)

    valides = valider_donnees(
        type_evenement,
        donnees,
        accuses=set(affaire.accuses.values_list("identifiant", flat=True)),
        faits=set(
            affaire.decision_mise_en_accusation.faits.values_list("identifiant", flat=True)
            if hasattr(affaire, "decision_mise_en_accusation")
            else []
        ),
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
    transaction.on_commit(lambda: _diffuser(affaire.pk, numero))
    return evenement


def _diffuser(affaire_id: int, numero: int) -> None:
    """Prévient les pages ouvertes sur l'affaire (frise du greffe, feuille du président)."""
    couche = get_channel_layer()
    if couche is not None:
        async_to_sync(couche.group_send)(
            groupe_affaire(affaire_id), {"type": "journal.nouveau", "numero": numero}
        )


def verifier_journal(affaire: Affaire) -> chaine.ResultatVerification:
    evenements = Evenement.objects.filter(affaire=affaire).select_related("corrige").order_by("numero")
    return chaine.verifier(e.maillon() for e in evenements)


def evenements_des_debats(affaire: Affaire) -> list[EvenementDebats]:
    """Le journal tel que le droit le lit (moteur des questions, procès-verbaux)."""
    return [
        EvenementDebats(numero=e.numero, type=e.type_evenement, horodatage=e.horodatage, donnees=e.donnees)
        for e in Evenement.objects.filter(affaire=affaire).order_by("numero")
    ]
