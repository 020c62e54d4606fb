"""L'audience de démonstration rejouée : l'expert entendu à distance depuis son cabinet.

Chaque événement passe par les actions réelles (invitation et code d'accès, essai du matériel,
identité, commandes du greffe, observations du dispositif), à l'heure d'une audience simulée le
jour d'audience de l'affaire : la démonstration montre un procès-verbal complet sans attendre
trois quarts d'heure. La transmission y connaît une interruption de sept secondes et près de
trois minutes de son seul, que la défense fait constater par une demande de donné acte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.deposition import actions
from pretoire.deposition.models import Deposition
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.redaction import FUSEAU_DE_LA_COUR
from pretoire.law.visio import SERMENT_EXPERT, QualiteDeposant
from pretoire.proces.models import Affaire

PARIS = FUSEAU_DE_LA_COUR
NAVIGATEUR = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0"


@contextmanager
def a_l_heure(instant: datetime) -> Iterator[None]:
    """L'horloge du serveur arrêtée sur ``instant`` le temps d'une action (démonstration seulement)."""
    reelle = timezone.now
    timezone.now = lambda: instant
    try:
        yield
    finally:
        timezone.now = reelle


def _qualite(poste: str, debut: datetime, note: str = "bonne", gels: int = 0) -> dict[str, Any]:
    return {
        "poste": poste,
        "debut": debut.isoformat(),
        "fin": (debut + timedelta(minutes=1)).isoformat(),
        "echantillons": 60,
        "debit_kbps": 1850.0 if poste == "salle" else 2300.0,
        "perte_pct": 0.4 if note == "bonne" else 6.5,
        "delai_ms": 38.0,
        "images_par_seconde": 29.5 if note == "bonne" else 11.0,
        "resolution": "1280×720",
        "gels": gels,
        "images_dechiffrees": 1770,
        "note": note,
    }


def rejouer_l_audience(
    affaire: Affaire,
    greffiere: Utilisateur,
    ouverture_et_audition: Sequence[tuple[TypeEvenement, Mapping[str, Any]]],
) -> Deposition:
    jour = affaire.jours_audience.order_by("date").first()
    assert jour is not None, "l'affaire de démonstration a un jour d'audience"

    def h(heures: int, minutes: int, secondes: int = 0, dixiemes: int = 0) -> datetime:
        return datetime.combine(jour.date, time(heures, minutes, secondes, dixiemes * 100_000), PARIS)

    etapes: list[tuple[datetime, Callable[[], object]]] = []

    def plus_tard(instant: datetime, action: Callable[[], object]) -> None:
        etapes.append((instant, action))

    def consigner(type_evenement: TypeEvenement, donnees: Mapping[str, Any]) -> Callable[[], object]:
        return lambda: do_consigner_evenement(affaire, type_evenement, donnees, auteur=greffiere)

    (ouverture, donnees_ouverture), (audition, donnees_audition) = ouverture_et_audition
    with a_l_heure(h(9, 30)):
        consigner(ouverture, donnees_ouverture)()
    with a_l_heure(h(9, 52, 10)):
        invitation = actions.do_inviter(
            affaire, jour, "Dr Camille Lefort", QualiteDeposant.EXPERT, auteur=greffiere
        )
    deposition = invitation.deposition

    def observer(type_evenement: TypeEvenement, **donnees: Any) -> Callable[[], object]:
        return lambda: actions.do_consigner_observation(deposition, type_evenement, donnees)

    def commande(nom: str, **donnees: Any) -> Callable[[], object]:
        return lambda: actions.do_commande_du_greffe(deposition, nom, donnees, auteur=greffiere)

    plus_tard(
        h(9, 58, 3),
        lambda: actions.do_utiliser_invitation(
            invitation.jeton, invitation.code, navigateur=NAVIGATEUR, systeme="Windows 11"
        ),
    )
    essai = {
        "resultat": "concluant",
        "camera": True,
        "microphone": True,
        "haut_parleur": True,
        "webrtc": True,
        "chiffrement": True,
        "navigateur": "Firefox 132",
        "systeme": "Windows 11",
    }
    plus_tard(h(9, 58, 40), lambda: actions.do_consigner_essai_materiel(deposition, essai))
    identite = {
        "nom": "LEFORT",
        "prenoms": "Camille Marie",
        "qualite": "expert",
        "lieu": "cabinet médical, Marseille (Bouches-du-Rhône)",
    }
    plus_tard(h(9, 59, 15), lambda: actions.do_declarer_identite(deposition, identite))
    plus_tard(h(10, 0), consigner(audition, donnees_audition))
    plus_tard(h(10, 0, 20), commande("admettre"))
    for poste in ("salle", "deposant"):
        plus_tard(h(10, 0, 22), observer(TypeEvenement.CONNEXION, poste=poste, chiffrement_bout_en_bout=True))
        plus_tard(h(10, 0, 24), observer(TypeEvenement.PREMIERE_IMAGE, poste=poste))
    plus_tard(h(10, 1, 5), commande("verifier_identite"))
    plus_tard(h(10, 1, 40), commande("code_concordant", mots="tilleul ardoise comète violon"))
    plus_tard(h(10, 2, 10), commande("serment", formule=SERMENT_EXPERT))
    plus_tard(h(10, 2, 30), commande("commencer"))
    for minute in range(3, 53):
        debut = h(10, minute - 1, 30)
        degradee = minute in (22, 42, 43, 44)
        for poste in ("salle", "deposant"):
            note = "degradee" if degradee and poste == "salle" else "bonne"
            plus_tard(
                debut + timedelta(minutes=1, milliseconds=200),
                observer(
                    TypeEvenement.QUALITE_MINUTE, **_qualite(poste, debut, note, gels=int(note != "bonne"))
                ),
            )
    # Une coupure de sept secondes, image et son, reçue par la salle.
    plus_tard(
        h(10, 21, 14, 1),
        observer(
            TypeEvenement.INTERRUPTION_DEBUT,
            poste="salle",
            nature="image_et_son",
            debut=h(10, 21, 12).isoformat(),
        ),
    )
    plus_tard(
        h(10, 21, 19, 4),
        observer(
            TypeEvenement.INTERRUPTION_FIN,
            poste="salle",
            nature="image_et_son",
            debut=h(10, 21, 12).isoformat(),
            fin=h(10, 21, 19).isoformat(),
            duree_s=7.0,
        ),
    )
    # Près de trois minutes pendant lesquelles la salle n'a plus reçu que le son.
    plus_tard(
        h(10, 41, 14, 2),
        observer(TypeEvenement.AUDIO_SEUL_DEBUT, poste="salle", debut=h(10, 41, 12).isoformat()),
    )
    plus_tard(
        h(10, 44, 3, 3),
        observer(
            TypeEvenement.AUDIO_SEUL_FIN,
            poste="salle",
            debut=h(10, 41, 12).isoformat(),
            fin=h(10, 44, 3).isoformat(),
            duree_s=171.0,
        ),
    )
    plus_tard(
        h(10, 44, 30),
        consigner(
            TypeEvenement.DEMANDE_DONNE_ACTE,
            {
                "partie": "Défense de M. Thierry VASSEUR",
                "objet": "Donner acte que l'image de l'expert n'est plus parvenue à la cour"
                " de 10 h 41 à 10 h 44, seul le son étant transmis.",
            },
        ),
    )
    plus_tard(h(10, 52, 40), commande("terminer"))
    for poste in ("deposant", "salle"):
        plus_tard(
            h(10, 52, 45), observer(TypeEvenement.DECONNEXION, poste=poste, motif="fin de la déposition")
        )
    for instant, action in sorted(etapes, key=lambda etape: etape[0]):
        with a_l_heure(instant):
            action()
    deposition.refresh_from_db()
    return deposition
