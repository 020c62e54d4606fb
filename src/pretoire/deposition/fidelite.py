"""La fidélité de la transmission, mesurée : seuils, alertes N sur M, interruptions, résumés.

Art. R. 53-38 CPP : les moyens utilisés « doivent assurer une retransmission fidèle, loyale et
confidentielle à l'égard des tiers », et « tout incident technique ayant perturbé une
transmission doit être mentionné » au procès-verbal. Cass. crim. 20 févr. 2019 : une audition
exclusivement sonore n'est pas une audition audiovisuelle.

Chaque poste (la salle, le déposant) envoie chaque seconde un résumé de ses statistiques WebRTC
(``getStats``) sur ce qu'il *reçoit*. Ce module, sans Django ni réseau, en tire :

- une note par échantillon (bonne, dégradée, mauvaise) d'après des seuils fixes et publiés ;
- une alerte quand au moins ``ALERTE_N`` des ``ALERTE_M`` derniers échantillons sont mauvais
  (un échantillon isolé ne déclenche rien), levée quand les ``ALERTE_M`` derniers ne le sont plus ;
- les interruptions : une image ou un son qui n'avance plus depuis plus de ``SILENCE_MAXIMAL``
  ouvre une période (son seul, image sans son, rien du tout) datée de la dernière image ou du
  dernier paquet reçus, et la referme quand ils reprennent ;
- un résumé par minute.
"""

from __future__ import annotations

import enum
import statistics
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pretoire.law.debats import TypeEvenement

# Au-delà de 2 s sans image décodée ou sans son reçu, la transmission est interrompue.
SILENCE_MAXIMAL = timedelta(seconds=2)

# Seuils : (bonne jusqu'à, dégradée jusqu'à) ; au-delà, mauvaise.
# UIT-T G.114 : un délai de bouche à oreille de 150 ms au plus convient à la plupart des
# conversations ; 400 ms est la limite de planification des réseaux.
DELAI_MS = (150.0, 400.0)
# Pertes de paquets : au-delà de 2 % la parole et l'image se dégradent, au-delà de 10 % elles
# deviennent inintelligibles.
PERTE_PCT = (2.0, 10.0)
# Images par seconde et hauteur d'image : en dessous, mauvaise (seuils du bas).
IMAGES_PAR_SECONDE = (15.0, 5.0)
HAUTEUR_PIXELS = (360, 180)
# UIT-R BT.1359 : décalage son-image détectable au-delà de +45 ms (son en avance) ou
# de −125 ms (son en retard).
SYNCHRONISATION_MS = (-125.0, 45.0)

ALERTE_N, ALERTE_M = 3, 5
DUREE_RESUME = timedelta(minutes=1)


class Note(enum.IntEnum):
    BONNE = 0
    DEGRADEE = 1
    MAUVAISE = 2

    @property
    def code(self) -> str:
        return {Note.BONNE: "bonne", Note.DEGRADEE: "degradee", Note.MAUVAISE: "mauvaise"}[self]


@dataclass(frozen=True)
class Echantillon:
    """Un résumé ``getStats`` d'un poste, compteurs cumulés depuis l'ouverture de la connexion."""

    instant: datetime
    images_decodees: int = 0
    paquets_audio: int = 0
    octets_recus: int = 0
    paquets_recus: int = 0
    paquets_perdus: int = 0
    aller_retour_ms: float | None = None
    images_par_seconde: float | None = None
    largeur: int | None = None
    hauteur: int | None = None
    gels: int = 0
    synchronisation_ms: float | None = None
    images_dechiffrees: int = 0


@dataclass(frozen=True)
class Mesure:
    """Ce qu'un échantillon dit, comparé au précédent."""

    instant: datetime
    debit_kbps: float
    perte_pct: float
    delai_ms: float | None
    images_par_seconde: float
    hauteur: int | None
    largeur: int | None
    nouveaux_gels: int
    synchronisation_ms: float | None
    images_dechiffrees: int
    note: Note
    raisons: tuple[str, ...]
    paquets_recus: int = 0
    paquets_perdus: int = 0


def noter(mesure_brute: dict[str, Any], image_attendue: bool = True) -> tuple[Note, tuple[str, ...]]:
    """La note d'un échantillon et, si elle n'est pas bonne, pourquoi.

    >>> noter({"perte_pct": 1.0, "delai_ms": 40, "images_par_seconde": 30, "hauteur": 480})
    (<Note.BONNE: 0>, ())
    >>> noter({"perte_pct": 12.0, "delai_ms": 40, "images_par_seconde": 30, "hauteur": 480})
    (<Note.MAUVAISE: 2>, ('pertes de paquets 12,0 % (> 10 %)',))
    """
    raisons: list[tuple[Note, str]] = []
    perte = mesure_brute.get("perte_pct", 0.0)
    if perte > PERTE_PCT[1]:
        raisons.append((Note.MAUVAISE, f"pertes de paquets {_nombre(perte)} % (> {PERTE_PCT[1]:g} %)"))
    elif perte > PERTE_PCT[0]:
        raisons.append((Note.DEGRADEE, f"pertes de paquets {_nombre(perte)} % (> {PERTE_PCT[0]:g} %)"))
    delai = mesure_brute.get("delai_ms")
    if delai is not None and delai > DELAI_MS[1]:
        raisons.append((Note.MAUVAISE, f"délai {delai:.0f} ms (> {DELAI_MS[1]:g} ms)"))
    elif delai is not None and delai > DELAI_MS[0]:
        raisons.append((Note.DEGRADEE, f"délai {delai:.0f} ms (> {DELAI_MS[0]:g} ms, UIT-T G.114)"))
    if image_attendue:
        ips = mesure_brute.get("images_par_seconde", 0.0)
        cadence = f"{_nombre(ips)} images par seconde"
        if ips < IMAGES_PAR_SECONDE[1]:
            raisons.append((Note.MAUVAISE, f"{cadence} (< {IMAGES_PAR_SECONDE[1]:g})"))
        elif ips < IMAGES_PAR_SECONDE[0]:
            raisons.append((Note.DEGRADEE, f"{cadence} (< {IMAGES_PAR_SECONDE[0]:g})"))
        hauteur = mesure_brute.get("hauteur")
        if hauteur is not None and hauteur < HAUTEUR_PIXELS[1]:
            raisons.append((Note.MAUVAISE, f"image de {hauteur} lignes (< {HAUTEUR_PIXELS[1]})"))
        elif hauteur is not None and hauteur < HAUTEUR_PIXELS[0]:
            raisons.append((Note.DEGRADEE, f"image de {hauteur} lignes (< {HAUTEUR_PIXELS[0]})"))
        if mesure_brute.get("nouveaux_gels", 0) > 0:
            raisons.append((Note.DEGRADEE, "image figée un instant"))
    synchro = mesure_brute.get("synchronisation_ms")
    if synchro is not None and not SYNCHRONISATION_MS[0] <= synchro <= SYNCHRONISATION_MS[1]:
        raisons.append((Note.DEGRADEE, f"décalage son-image {synchro:+.0f} ms (UIT-R BT.1359)"))
    if not raisons:
        return Note.BONNE, ()
    pire = max(n for n, _ in raisons)
    return pire, tuple(r for n, r in raisons if n == pire)


def _nombre(valeur: float) -> str:
    return f"{valeur:.1f}".replace(".", ",")


class Reception(enum.StrEnum):
    """Ce qui arrive au poste, par rapport à une transmission audiovisuelle complète."""

    ATTENTE = "attente"  # pas encore de première image
    NORMALE = "normale"
    SON_SEUL = "son_seul"
    IMAGE_SANS_SON = "image_sans_son"
    COUPEE = "coupee"


# Chaque état anormal ouvre une période, consignée par une paire d'événements.
PERIODES: dict[Reception, tuple[TypeEvenement, TypeEvenement, str | None]] = {
    Reception.SON_SEUL: (TypeEvenement.AUDIO_SEUL_DEBUT, TypeEvenement.AUDIO_SEUL_FIN, None),
    Reception.IMAGE_SANS_SON: (TypeEvenement.INTERRUPTION_DEBUT, TypeEvenement.INTERRUPTION_FIN, "son"),
    Reception.COUPEE: (TypeEvenement.INTERRUPTION_DEBUT, TypeEvenement.INTERRUPTION_FIN, "image_et_son"),
}


MANQUANTS: dict[Reception, frozenset[str]] = {
    Reception.ATTENTE: frozenset(),
    Reception.NORMALE: frozenset(),
    Reception.SON_SEUL: frozenset({"image"}),
    Reception.IMAGE_SANS_SON: frozenset({"son"}),
    Reception.COUPEE: frozenset({"image", "son"}),
}


@dataclass(frozen=True)
class Observation:
    """Un événement à consigner, dans les termes de ``journal.donnees``."""

    type: TypeEvenement
    donnees: dict[str, Any]


@dataclass
class Surveillance:
    """Suit ce que reçoit un poste ; chaque échantillon donne les événements à consigner."""

    poste: str
    reception: Reception = Reception.ATTENTE
    precedent: Echantillon | None = None
    derniere_image: datetime | None = None
    dernier_son: datetime | None = None
    debut_periode: datetime | None = None
    notes: deque[Note] = field(default_factory=lambda: deque(maxlen=ALERTE_M))
    alerte_depuis: datetime | None = None
    minute: list[Mesure] = field(default_factory=list)
    debut_minute: datetime | None = None
    derniere_mesure: Mesure | None = None

    def observer(self, echantillon: Echantillon) -> list[Observation]:
        observations: list[Observation] = []
        precedent = self.precedent
        self.precedent = echantillon
        if precedent is None or _compteurs_remis_a_zero(precedent, echantillon):
            # Nouvelle connexion (rechargement, redémarrage ICE) : les compteurs repartent de zéro.
            if echantillon.images_decodees > 0 and self.reception is Reception.ATTENTE:
                self.derniere_image = self.dernier_son = echantillon.instant
            return observations
        t = echantillon.instant
        if echantillon.images_decodees > precedent.images_decodees:
            if self.reception is Reception.ATTENTE:
                observations.append(Observation(TypeEvenement.PREMIERE_IMAGE, {"poste": self.poste}))
                self.reception = Reception.NORMALE
                self.dernier_son = t
            self.derniere_image = t
        if echantillon.paquets_audio > precedent.paquets_audio:
            self.dernier_son = t
        if self.reception is Reception.ATTENTE:
            return observations
        observations.extend(self._suivre_reception(t))
        mesure = self._mesurer(precedent, echantillon)
        self.derniere_mesure = mesure
        observations.extend(self._suivre_alerte(mesure))
        observations.extend(self._resumer(mesure))
        return observations

    def _suivre_reception(self, t: datetime) -> list[Observation]:
        assert self.derniere_image is not None and self.dernier_son is not None
        image = t - self.derniere_image <= SILENCE_MAXIMAL
        son = t - self.dernier_son <= SILENCE_MAXIMAL
        nouvelle = {
            (True, True): Reception.NORMALE,
            (False, True): Reception.SON_SEUL,
            (True, False): Reception.IMAGE_SANS_SON,
            (False, False): Reception.COUPEE,
        }[(image, son)]
        if nouvelle is self.reception:
            return []
        observations = []
        # Un média qui vient de manquer date le changement de son dernier instant reçu ; un
        # média qui revient, de l'échantillon qui le constate. La période précédente se ferme et
        # la suivante s'ouvre à ce même instant : c'est ce que le procès-verbal date à la seconde.
        nouveaux_manquants = MANQUANTS[nouvelle] - MANQUANTS[self.reception]
        derniers = {"image": self.derniere_image, "son": self.dernier_son}
        pivot = min(derniers[m] for m in nouveaux_manquants) if nouveaux_manquants else t
        if self.debut_periode is not None:
            pivot = max(pivot, self.debut_periode)
        if self.reception in PERIODES and self.debut_periode is not None:
            _, type_fin, nature = PERIODES[self.reception]
            donnees = {
                "poste": self.poste,
                "debut": self.debut_periode.isoformat(),
                "fin": pivot.isoformat(),
                "duree_s": round((pivot - self.debut_periode).total_seconds(), 1),
            }
            if nature:
                donnees["nature"] = nature
            observations.append(Observation(type_fin, donnees))
        if nouvelle in PERIODES:
            type_debut, _, nature = PERIODES[nouvelle]
            donnees = {"poste": self.poste, "debut": pivot.isoformat()}
            if nature:
                donnees["nature"] = nature
            observations.append(Observation(type_debut, donnees))
            self.debut_periode = pivot
        else:
            self.debut_periode = None
        self.reception = nouvelle
        return observations

    def _mesurer(self, avant: Echantillon, apres: Echantillon) -> Mesure:
        duree = max((apres.instant - avant.instant).total_seconds(), 0.001)
        recus = max(apres.paquets_recus - avant.paquets_recus, 0)
        perdus = max(apres.paquets_perdus - avant.paquets_perdus, 0)
        brute: dict[str, Any] = {
            "debit_kbps": max(apres.octets_recus - avant.octets_recus, 0) * 8 / duree / 1000,
            "perte_pct": 100 * perdus / (recus + perdus) if recus + perdus else 0.0,
            "delai_ms": apres.aller_retour_ms / 2 if apres.aller_retour_ms is not None else None,
            "images_par_seconde": (
                apres.images_par_seconde
                if apres.images_par_seconde is not None
                else max(apres.images_decodees - avant.images_decodees, 0) / duree
            ),
            "hauteur": apres.hauteur,
            "nouveaux_gels": max(apres.gels - avant.gels, 0),
            "synchronisation_ms": apres.synchronisation_ms,
        }
        note, raisons = noter(brute)
        if self.reception is not Reception.NORMALE:
            note, raisons = Note.MAUVAISE, (f"réception : {self.reception.value.replace('_', ' ')}",)
        return Mesure(
            instant=apres.instant,
            debit_kbps=brute["debit_kbps"],
            perte_pct=brute["perte_pct"],
            delai_ms=brute["delai_ms"],
            images_par_seconde=brute["images_par_seconde"],
            hauteur=apres.hauteur,
            largeur=apres.largeur,
            nouveaux_gels=brute["nouveaux_gels"],
            synchronisation_ms=apres.synchronisation_ms,
            images_dechiffrees=max(apres.images_dechiffrees - avant.images_dechiffrees, 0),
            note=note,
            raisons=raisons,
            paquets_recus=recus,
            paquets_perdus=perdus,
        )

    def _suivre_alerte(self, mesure: Mesure) -> list[Observation]:
        self.notes.append(mesure.note)
        mauvaises = sum(1 for n in self.notes if n is Note.MAUVAISE)
        if self.alerte_depuis is None and mauvaises >= ALERTE_N:
            self.alerte_depuis = mesure.instant
            return [
                Observation(
                    TypeEvenement.ALERTE_FIDELITE_DEBUT,
                    {
                        "poste": self.poste,
                        "debut": mesure.instant.isoformat(),
                        "raisons": list(mesure.raisons),
                    },
                )
            ]
        if self.alerte_depuis is not None and mauvaises == 0 and len(self.notes) == ALERTE_M:
            debut, self.alerte_depuis = self.alerte_depuis, None
            return [
                Observation(
                    TypeEvenement.ALERTE_FIDELITE_FIN,
                    {
                        "poste": self.poste,
                        "debut": debut.isoformat(),
                        "fin": mesure.instant.isoformat(),
                        "duree_s": round((mesure.instant - debut).total_seconds(), 1),
                    },
                )
            ]
        return []

    def _resumer(self, mesure: Mesure) -> list[Observation]:
        if self.debut_minute is None:
            self.debut_minute = mesure.instant
        self.minute.append(mesure)
        if mesure.instant - self.debut_minute < DUREE_RESUME:
            return []
        resume = resumer_minute(self.poste, self.debut_minute, self.minute)
        self.minute, self.debut_minute = [], None
        return [resume]

    @property
    def en_alerte(self) -> bool:
        return self.alerte_depuis is not None


def resumer_minute(poste: str, debut: datetime, mesures: list[Mesure]) -> Observation:
    """Le résumé d'une minute : médianes, pertes cumulées, gels, et la note médiane."""

    def mediane(valeurs: list[float]) -> float | None:
        return round(statistics.median(valeurs), 1) if valeurs else None

    derniere = mesures[-1]
    delais = [m.delai_ms for m in mesures if m.delai_ms is not None]
    synchros = [m.synchronisation_ms for m in mesures if m.synchronisation_ms is not None]
    donnees: dict[str, Any] = {
        "poste": poste,
        "debut": debut.isoformat(),
        "fin": derniere.instant.isoformat(),
        "echantillons": len(mesures),
        "debit_kbps": mediane([m.debit_kbps for m in mesures]) or 0.0,
        "perte_pct": round(_pertes_cumulees(mesures), 1),
        "images_par_seconde": mediane([m.images_par_seconde for m in mesures]) or 0.0,
        "resolution": f"{derniere.largeur}×{derniere.hauteur}"
        if derniere.largeur and derniere.hauteur
        else "",
        "gels": sum(m.nouveaux_gels for m in mesures),
        "images_dechiffrees": sum(m.images_dechiffrees for m in mesures),
        "note": Note(int(statistics.median_low([int(m.note) for m in mesures]))).code,
    }
    if delais:
        donnees["delai_ms"] = mediane(delais)
    if synchros:
        donnees["synchronisation_ms"] = mediane(synchros)
    return Observation(TypeEvenement.QUALITE_MINUTE, donnees)


def resolution(largeur: int | None, hauteur: int | None) -> str:
    """« 1280×720 », ou rien si le poste n'a pas donné les deux dimensions."""
    return f"{largeur}×{hauteur}" if largeur and hauteur else ""


def _pertes_cumulees(mesures: list[Mesure]) -> float:
    recus = sum(m.paquets_recus for m in mesures)
    perdus = sum(m.paquets_perdus for m in mesures)
    return 100 * perdus / (recus + perdus) if recus + perdus else 0.0


def _compteurs_remis_a_zero(avant: Echantillon, apres: Echantillon) -> bool:
    return apres.images_decodees < avant.images_decodees or apres.paquets_audio < avant.paquets_audio
