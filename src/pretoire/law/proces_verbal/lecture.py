"""La lecture des événements d'une déposition : chaque événement lu une fois, en un relevé figé.

Le journal consigne des données brutes ; ce module seul les lit. Il en tire les connexions de
chaque poste, les périodes d'interruption, de son seul, d'alerte et de déconnexion (avec le poste
qui les a relevées et, pour une déclaration du seul déposant, si les relevés de la salle la
corroborent), les résumés de qualité, l'identité, le serment, l'essai du matériel, le chiffrement
et les incidents soulevés par les parties. Ce que le procès-verbal en conclut est dans
``contenu`` ; la façon de l'écrire, dans ``phrases``.
"""

from __future__ import annotations

import enum
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, TypeAlias

from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.redaction import duree_en_francais
from pretoire.law.visio import QualiteDeposant


class Poste(enum.StrEnum):
    """Le point de la liaison qui observe ou reçoit (``journal.donnees.Poste``)."""

    SALLE = "salle"
    DEPOSANT = "deposant"

    @property
    def libelle(self) -> str:
        return {Poste.SALLE: "la salle d'audience", Poste.DEPOSANT: "le déposant"}[self]

    @property
    def poste(self) -> str:
        return {Poste.SALLE: "poste de la salle d'audience", Poste.DEPOSANT: "poste du déposant"}[self]

    @property
    def court(self) -> str:
        return {Poste.SALLE: "salle d'audience", Poste.DEPOSANT: "déposant"}[self]


class GenrePeriode(enum.StrEnum):
    INTERRUPTION = "interruption"
    AUDIO_SEUL = "audio_seul"
    ALERTE = "alerte"
    DECONNEXION = "deconnexion"

    @property
    def libelle(self) -> str:
        return {
            GenrePeriode.INTERRUPTION: "Interruption",
            GenrePeriode.AUDIO_SEUL: "Son seul, sans image",
            GenrePeriode.ALERTE: "Transmission dégradée",
            GenrePeriode.DECONNEXION: "Déconnexion",
        }[self]


def _instant(valeur: Any) -> datetime:
    return valeur if isinstance(valeur, datetime) else datetime.fromisoformat(str(valeur))


def _poste(valeur: Any) -> Poste | None:
    return Poste(valeur) if valeur in set(Poste) else None


# --- Ce que dit chaque événement ------------------------------------------------------------------


@dataclass(frozen=True)
class Invitation:
    deposant: str
    qualite: str
    jour: date
    expiration: datetime


@dataclass(frozen=True)
class Navigateur:
    """L'invitation utilisée : le navigateur et le système tels que le navigateur les déclare."""

    navigateur: str
    systeme: str


@dataclass(frozen=True)
class AccesRefuse:
    motif: str


@dataclass(frozen=True)
class Essai:
    concluant: bool
    camera: bool
    microphone: bool
    haut_parleur: bool
    webrtc: bool
    chiffrement: bool
    details: str
    navigateur: str
    systeme: str


@dataclass(frozen=True)
class Identite:
    nom: str
    prenoms: str
    qualite: str
    lieu: str


@dataclass(frozen=True)
class CodeDeVerification:
    mots: str


@dataclass(frozen=True)
class Serment:
    formule: str


@dataclass(frozen=True)
class Connexion:
    poste: Poste | None
    chiffrement_bout_en_bout: bool


@dataclass(frozen=True)
class PremiereImage:
    poste: Poste | None


@dataclass(frozen=True)
class BorneDePeriode:
    """Le début ou la fin d'une période, telle que le dispositif l'a mesurée (``fin`` pour une fin)."""

    genre: GenrePeriode
    poste: Poste
    debut: datetime
    nature: str
    raisons: tuple[str, ...] = ()
    fin: datetime | None = None
    duree_s: float | None = None


@dataclass(frozen=True)
class Deconnexion:
    poste: Poste | None
    motif: str


@dataclass(frozen=True)
class Reconnexion:
    poste: Poste | None
    absence_s: float | None


@dataclass(frozen=True)
class MinuteDeQualite:
    poste: Poste | None
    debut: datetime
    note: str
    debit_kbps: float
    perte_pct: float
    images_par_seconde: float
    delai_ms: float | None
    resolution: str
    gels: int
    images_dechiffrees: int


@dataclass(frozen=True)
class MessageRejete:
    poste: str  # « greffe » aussi
    motif: str


@dataclass(frozen=True)
class IncidentDesParties:
    partie: str
    objet: str


@dataclass(frozen=True)
class IncidentTechnique:
    description: str


@dataclass(frozen=True)
class Correction:
    evenement: int
    motif: str


@dataclass(frozen=True)
class Autre:
    """Un événement que le procès-verbal ne fait que dater : son motif ou ses observations."""

    motif: str
    observations: str


Fait: TypeAlias = (
    Invitation
    | Navigateur
    | AccesRefuse
    | Essai
    | Identite
    | CodeDeVerification
    | Serment
    | Connexion
    | PremiereImage
    | BorneDePeriode
    | Deconnexion
    | Reconnexion
    | MinuteDeQualite
    | MessageRejete
    | IncidentDesParties
    | IncidentTechnique
    | Correction
    | Autre
)

DEBUTS: Mapping[TypeEvenement, GenrePeriode] = {
    TypeEvenement.INTERRUPTION_DEBUT: GenrePeriode.INTERRUPTION,
    TypeEvenement.AUDIO_SEUL_DEBUT: GenrePeriode.AUDIO_SEUL,
    TypeEvenement.ALERTE_FIDELITE_DEBUT: GenrePeriode.ALERTE,
}
FINS: Mapping[TypeEvenement, GenrePeriode] = {
    TypeEvenement.INTERRUPTION_FIN: GenrePeriode.INTERRUPTION,
    TypeEvenement.AUDIO_SEUL_FIN: GenrePeriode.AUDIO_SEUL,
    TypeEvenement.ALERTE_FIDELITE_FIN: GenrePeriode.ALERTE,
}
TYPES_DES_PARTIES = frozenset({TypeEvenement.DEMANDE_DONNE_ACTE, TypeEvenement.CONCLUSIONS_INCIDENT})
FINS_SANS_AUDITION = frozenset({TypeEvenement.ECONDUITE, TypeEvenement.INVITATION_REVOQUEE})
FINS_DE_LA_DEPOSITION = frozenset({TypeEvenement.DEPOSITION_FIN, *FINS_SANS_AUDITION})


def _fait(t: TypeEvenement, d: Mapping[str, Any]) -> Fait:
    """Les données d'un événement, lues une fois (le journal les a validées à l'entrée)."""
    if t is TypeEvenement.INVITATION_CREEE:
        return Invitation(
            d["deposant"], d["qualite"], date.fromisoformat(str(d["jour"])), _instant(d["expiration"])
        )
    if t is TypeEvenement.INVITATION_UTILISEE:
        return Navigateur(d.get("navigateur", ""), d.get("systeme", ""))
    if t is TypeEvenement.ACCES_REFUSE:
        return AccesRefuse(d["motif"])
    if t is TypeEvenement.ESSAI_MATERIEL:
        return Essai(
            d["resultat"] == "concluant",
            bool(d["camera"]),
            bool(d["microphone"]),
            bool(d["haut_parleur"]),
            bool(d["webrtc"]),
            bool(d["chiffrement"]),
            d.get("details") or "",
            d.get("navigateur") or "",
            d.get("systeme") or "",
        )
    if t is TypeEvenement.IDENTITE_DECLAREE:
        return Identite(d["nom"], d["prenoms"], d.get("qualite", ""), d.get("lieu") or "")
    if t is TypeEvenement.CODE_VERIFICATION_CONCORDANT:
        return CodeDeVerification(d["mots"])
    if t is TypeEvenement.SERMENT:
        return Serment(d["formule"])
    if t is TypeEvenement.CONNEXION:
        return Connexion(_poste(d.get("poste")), bool(d["chiffrement_bout_en_bout"]))
    if t is TypeEvenement.PREMIERE_IMAGE:
        return PremiereImage(_poste(d.get("poste")))
    if t in DEBUTS:
        return BorneDePeriode(
            DEBUTS[t],
            Poste(d["poste"]),
            _instant(d["debut"]),
            d.get("nature", ""),
            tuple(d.get("raisons", [])),
        )
    if t in FINS:
        return BorneDePeriode(
            FINS[t],
            Poste(d["poste"]),
            _instant(d["debut"]),
            d.get("nature", ""),
            fin=_instant(d["fin"]),
            duree_s=float(d["duree_s"]),
        )
    if t is TypeEvenement.DECONNEXION:
        return Deconnexion(_poste(d.get("poste")), d.get("motif", ""))
    if t is TypeEvenement.RECONNEXION:
        absence = d.get("absence_s")
        return Reconnexion(_poste(d.get("poste")), float(absence) if absence is not None else None)
    if t is TypeEvenement.QUALITE_MINUTE:
        return MinuteDeQualite(
            _poste(d["poste"]),
            _instant(d["debut"]),
            d["note"],
            d["debit_kbps"],
            d["perte_pct"],
            d["images_par_seconde"],
            d.get("delai_ms"),
            d.get("resolution") or "",
            d.get("gels", 0),
            int(d.get("images_dechiffrees", 0)),
        )
    if t is TypeEvenement.MESSAGE_REJETE:
        return MessageRejete(d["poste"], d["motif"])
    if t in TYPES_DES_PARTIES:
        return IncidentDesParties(d["partie"], d["objet"])
    if t is TypeEvenement.INCIDENT_TECHNIQUE:
        return IncidentTechnique(str(d["description"]))
    if t is TypeEvenement.CORRECTION:
        return Correction(d["evenement"], d["motif"])
    return Autre(str(d.get("motif") or ""), str(d.get("observations", "")))


@dataclass(frozen=True)
class EvenementLu:
    """Un événement du journal et ce qu'il dit, lu une fois."""

    numero: int
    type: TypeEvenement
    horodatage: datetime
    fait: Fait
    deposition: int | None  # la déposition que l'événement désigne, s'il en désigne une


def lire(evenement: EvenementDebats) -> EvenementLu:
    donnees = evenement.donnees
    return EvenementLu(
        evenement.numero,
        evenement.type,
        evenement.horodatage,
        _fait(evenement.type, donnees),
        donnees.get("deposition"),
    )


# --- Les périodes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Periode:
    """Une période où la transmission n'était pas normale, telle que le dispositif l'a datée."""

    genre: GenrePeriode
    poste: Poste
    debut: datetime
    fin: datetime | None
    duree_s: float | None
    precision: str = ""  # nature de l'interruption, raisons de l'alerte, motif de déconnexion
    pendant_audition: bool = False
    pendant_suspension: bool = False
    # Pour une période que seul le poste du déposant déclare : les relevés de la salle la
    # corroborent-ils ? (``None`` pour tout ce que la cour a relevé elle-même.)
    corroboree: bool | None = None

    @property
    def declaree_par_le_deposant(self) -> bool:
        """Tirée des statistiques que le navigateur du déposant envoie lui-même : un indice, non un
        constat — un porteur du cookie, sans aucun média, peut écrire les chiffres qu'il veut."""
        return self.poste is Poste.DEPOSANT and self.genre is not GenrePeriode.DECONNEXION

    @property
    def duree_mesuree(self) -> float | None:
        """La durée mesurée par le dispositif, qui fait foi ; à défaut, l'écart des bornes."""
        if self.fin is None:
            return None
        return self.duree_s if self.duree_s is not None else (self.fin - self.debut).total_seconds()

    @property
    def duree(self) -> str:
        """La durée en français, arrondie à la seconde ; « non close » sans fin consignée.

        >>> from datetime import UTC
        >>> debut = datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC)
        >>> fin = debut.replace(minute=44, second=3)
        >>> Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, fin, 171.0).duree
        '2 min 51 s'
        >>> Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, fin, None).duree
        '2 min 51 s'
        >>> Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, None, None).duree
        'non close'
        """
        duree = self.duree_mesuree
        return "non close" if duree is None else duree_en_francais(duree)


def _se_chevauchent(une: Periode, autre: Periode) -> bool:
    """Deux périodes ont-elles un instant commun ? (Une période non close court toujours.)"""
    return (une.fin is None or autre.debut <= une.fin) and (autre.fin is None or une.debut <= autre.fin)


def _suspensions(propres: Sequence[EvenementLu]) -> list[tuple[datetime, datetime | None]]:
    intervalles: list[tuple[datetime, datetime | None]] = []
    for e in propres:
        if e.type is TypeEvenement.DEPOSITION_SUSPENSION:
            intervalles.append((e.horodatage, None))
        elif e.type in (TypeEvenement.DEPOSITION_REPRISE, TypeEvenement.DEPOSITION_FIN) and intervalles:
            debut, fin = intervalles[-1]
            if fin is None:
                intervalles[-1] = (debut, e.horodatage)
    return intervalles


def _periodes(
    propres: Sequence[EvenementLu], admission: datetime | None, fin_deposition: datetime | None
) -> tuple[Periode, ...]:
    """Apparie débuts et fins. Une fin porte elle-même ses bornes, telles que le dispositif les a
    mesurées, et fait foi ; un début sans fin reste une période ouverte."""
    ouvertes: dict[tuple[GenrePeriode, str, str], EvenementLu] = {}
    trouvees: list[tuple[int, Periode]] = []  # (numéro de l'événement qui l'ouvre, période)
    for e in propres:
        match e.fait:
            case BorneDePeriode(genre=genre, poste=poste, nature=nature, fin=None):
                ouvertes[(genre, poste, nature)] = e
            case BorneDePeriode(genre=genre, poste=poste, nature=nature) as borne:
                ouverture = ouvertes.pop((genre, poste, nature), None)
                precision = nature
                if genre is GenrePeriode.ALERTE and ouverture is not None:
                    precision = "; ".join(_raisons(ouverture))
                periode = Periode(genre, poste, borne.debut, borne.fin, borne.duree_s, precision)
                trouvees.append((ouverture.numero if ouverture else e.numero, periode))
            case Deconnexion(poste=Poste() as poste):
                ouvertes[(GenrePeriode.DECONNEXION, poste, "")] = e
            case Reconnexion(poste=Poste() as poste) | Connexion(poste=Poste() as poste):
                ouverture = ouvertes.pop((GenrePeriode.DECONNEXION, poste, ""), None)
                if ouverture is not None and isinstance(ouverture.fait, Deconnexion):
                    absence = e.fait.absence_s if isinstance(e.fait, Reconnexion) else None
                    periode = Periode(
                        GenrePeriode.DECONNEXION,
                        poste,
                        ouverture.horodatage,
                        e.horodatage,
                        absence,
                        ouverture.fait.motif,
                    )
                    trouvees.append((ouverture.numero, periode))
    for (genre, code_du_poste, nature), e in ouvertes.items():
        match e.fait:
            case Deconnexion(motif=motif):
                # Une déconnexion après la fin de la déposition est la fin normale de la liaison.
                if fin_deposition is not None and e.horodatage >= fin_deposition:
                    continue
                periode = Periode(genre, Poste(code_du_poste), e.horodatage, None, None, motif)
            case BorneDePeriode(debut=debut, raisons=raisons):
                precision = "; ".join(raisons) if genre is GenrePeriode.ALERTE else nature
                periode = Periode(genre, Poste(code_du_poste), debut, None, None, precision)
            case _:
                continue
        trouvees.append((e.numero, periode))
    suspensions = _suspensions(propres)
    en_salle = [p for _, p in trouvees if p.poste is Poste.SALLE]
    return tuple(
        replace(
            periode,
            pendant_audition=_pendant_audition(periode, admission, fin_deposition),
            pendant_suspension=periode.fin is not None
            and any(s <= periode.debut and (r is None or periode.fin <= r) for s, r in suspensions),
            # Ce que « la cour » a reçu, ce sont les relevés de la salle qui le disent : une période
            # que seul le déposant déclare n'est corroborée que si la salle a relevé, au même moment,
            # un défaut de sa propre réception (ou perdu la liaison).
            corroboree=(
                any(_se_chevauchent(periode, p) for p in en_salle)
                if periode.declaree_par_le_deposant
                else None
            ),
        )
        for _, periode in sorted(trouvees, key=lambda trouvee: (trouvee[1].debut, trouvee[0]))
    )


def _raisons(ouverture: EvenementLu) -> tuple[str, ...]:
    return ouverture.fait.raisons if isinstance(ouverture.fait, BorneDePeriode) else ()


def _pendant_audition(periode: Periode, admission: datetime | None, fin_deposition: datetime | None) -> bool:
    """La période chevauche-t-elle le temps où la personne était devant la cour ?"""
    if admission is None:
        return False
    apres_admission = periode.fin is None or periode.fin > admission
    avant_la_fin = fin_deposition is None or periode.debut < fin_deposition
    return apres_admission and avant_la_fin


# --- La qualité -----------------------------------------------------------------------------------

NOTES_DE_QUALITE = ("bonne", "degradee", "mauvaise")


@dataclass(frozen=True)
class ResumeQualite:
    """La qualité reçue par un poste, d'après les résumés minute par minute du dispositif."""

    poste: Poste
    minutes: int
    notes: Mapping[str, int]  # par note (« bonne », « degradee », « mauvaise »)
    debit_kbps: float
    perte_max_pct: float
    images_par_seconde: float
    delai_ms: float | None
    gels: int
    resolutions: tuple[str, ...]


def _resumes_qualite(minutes_lues: Sequence[MinuteDeQualite]) -> tuple[ResumeQualite, ...]:
    resumes = []
    for poste in Poste:
        minutes = [m for m in minutes_lues if m.poste is poste]
        if not minutes:
            continue
        notes = Counter(m.note for m in minutes)
        delais = [m.delai_ms for m in minutes if m.delai_ms is not None]
        resolutions = Counter(m.resolution for m in minutes if m.resolution)
        resumes.append(
            ResumeQualite(
                poste=poste,
                minutes=len(minutes),
                notes={note: notes[note] for note in NOTES_DE_QUALITE},
                debit_kbps=statistics.median(m.debit_kbps for m in minutes),
                perte_max_pct=max(m.perte_pct for m in minutes),
                images_par_seconde=statistics.median(m.images_par_seconde for m in minutes),
                delai_ms=statistics.median(delais) if delais else None,
                gels=sum(m.gels for m in minutes),
                resolutions=tuple(r for r, _ in resolutions.most_common()),
            )
        )
    return tuple(resumes)


# --- La déposition lue ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ChiffrementDeConnexion:
    poste: Poste
    instant: datetime
    actif: bool


@dataclass(frozen=True)
class Lecture:
    """Tout ce que le journal dit d'une déposition, lu une fois ; rien n'y est ajouté ensuite."""

    deposition: int
    terminee: bool
    premier_numero: int
    dernier_numero: int
    invitation: Invitation | None
    navigateur: str
    systeme: str
    acces_refuses: tuple[EvenementLu, ...]
    essais: tuple[tuple[datetime, Essai], ...]
    identite_declaree: Identite | None
    identite_declaree_le: datetime | None
    identite_verifiee_le: datetime | None
    admission: datetime | None
    debut_deposition: datetime | None
    fin_deposition: datetime | None
    fin_sans_audition: EvenementLu | None  # éconduite, invitation révoquée
    serment: EvenementLu | None
    code_verification: EvenementLu | None
    connexions: tuple[EvenementLu, ...]  # connexions et reconnexions
    deconnexions: tuple[EvenementLu, ...]
    chiffrement_par_connexion: tuple[ChiffrementDeConnexion, ...]
    # (début de la minute, images déchiffrées) d'après les résumés du poste de la salle : une
    # image du déposant que la salle déchiffre a été chiffrée de bout en bout par le déposant.
    dechiffrees_en_salle: tuple[tuple[datetime, int], ...]
    premiere_image_en_salle: bool
    periodes: tuple[Periode, ...]
    qualite: tuple[ResumeQualite, ...]
    incidents_des_parties: tuple[EvenementLu, ...]
    chronologie: tuple[EvenementLu, ...]

    @property
    def qualite_invitee(self) -> str:
        return self.invitation.qualite if self.invitation else ""

    @property
    def qualite_deposant(self) -> QualiteDeposant | None:
        declaree = self.identite_declaree.qualite if self.identite_declaree else ""
        qualite = declaree or self.qualite_invitee
        return QualiteDeposant(qualite) if qualite in set(QualiteDeposant) else None

    @property
    def audition_a_eu_lieu(self) -> bool:
        return self.admission is not None

    def dechiffrees_en_salle_depuis(self, instant: datetime) -> int:
        """Les images du déposant que la salle a déchiffrées dans les minutes commencées à
        ``instant`` ou après."""
        return sum(nombre for debut, nombre in self.dechiffrees_en_salle if debut >= instant)

    def sans_chiffrement_dementi(self, poste: Poste, instant: datetime) -> bool:
        """Le poste du déposant se dit sans chiffrement à ``instant``, mais la salle a ensuite
        déchiffré ses images : sa déclaration est démentie par les relevés de la cour."""
        return poste is Poste.DEPOSANT and self.dechiffrees_en_salle_depuis(instant) > 0


def evenements_de_la_deposition(
    evenements: Sequence[EvenementDebats], deposition: int
) -> list[EvenementDebats]:
    """Les événements de la déposition que son procès-verbal couvre.

    Tous jusqu'à sa fin (fin de la déposition, éconduite, invitation révoquée) ; après elle,
    seulement la fin de la liaison de chaque poste (D. 47-12-6 : « l'heure de fin de
    connexion ») et les incidents que les parties rattachent à la déposition. Un visiteur qui
    rouvre le lien une fois tout fini n'entre donc pas dans un procès-verbal déjà dressé.

    >>> from datetime import UTC, datetime
    >>> def ev(numero, type_evenement, **donnees):
    ...     quand = datetime(2026, 11, 23, 10, numero, tzinfo=UTC)
    ...     return EvenementDebats(numero, type_evenement, quand, {"deposition": 1, **donnees})
    >>> journal = [
    ...     ev(1, TypeEvenement.DEPOSITION_DEBUT),
    ...     ev(2, TypeEvenement.DEPOSITION_FIN),
    ...     ev(3, TypeEvenement.DECONNEXION, poste="salle"),
    ...     ev(4, TypeEvenement.ACCES_REFUSE, motif="terminee"),
    ...     ev(5, TypeEvenement.DECONNEXION, poste="salle"),
    ...     ev(6, TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense", objet="…"),
    ... ]
    >>> [e.numero for e in evenements_de_la_deposition(journal, 1)]
    [1, 2, 3, 6]
    """
    propres = [e for e in evenements if e.donnees.get("deposition") == deposition]
    fin = next((rang for rang, e in enumerate(propres) if e.type in FINS_DE_LA_DEPOSITION), None)
    if fin is None:
        return propres
    retenus = propres[: fin + 1]
    postes_fermes: set[str] = set()
    for evenement in propres[fin + 1 :]:
        poste = str(evenement.donnees.get("poste", ""))
        if evenement.type in TYPES_DES_PARTIES:
            retenus.append(evenement)
        elif evenement.type is TypeEvenement.DECONNEXION and poste not in postes_fermes:
            postes_fermes.add(poste)
            retenus.append(evenement)
    return retenus


def lire_la_deposition(evenements: Sequence[EvenementDebats], deposition: int) -> Lecture | None:
    """La déposition ``deposition`` lue dans le segment ``evenements`` ; ``None`` si le segment
    n'en contient aucun événement.

    Les événements d'autres objets y figurent et sont ignorés, sauf les incidents soulevés par les
    parties, les incidents techniques consignés pendant l'audition et les corrections de ce que le
    procès-verbal retient.
    """
    propres = [lire(e) for e in evenements_de_la_deposition(evenements, deposition)]
    if not propres:
        return None
    invitation: Invitation | None = None
    navigateur = systeme = ""
    identite: Identite | None = None
    identite_le = verifiee_le = admission = debut = fin = None
    fin_sans_audition = serment = code = None
    acces_refuses: list[EvenementLu] = []
    essais: list[tuple[datetime, Essai]] = []
    connexions: list[EvenementLu] = []
    deconnexions: list[EvenementLu] = []
    chiffrement: list[ChiffrementDeConnexion] = []
    minutes: list[MinuteDeQualite] = []
    premiere_image_en_salle = False
    for e in propres:
        t, quand = e.type, e.horodatage
        match e.fait:
            case Invitation() as lue:
                invitation = lue
            case Navigateur() as lu:
                navigateur, systeme = lu.navigateur, lu.systeme
            case AccesRefuse():
                acces_refuses.append(e)
            case Essai() as essai:
                essais.append((quand, essai))
                navigateur = essai.navigateur or navigateur
                systeme = essai.systeme or systeme
            case Identite() as declaree:
                identite, identite_le = declaree, quand
            case CodeDeVerification():
                code = e
            case Serment():
                serment = e
            case Connexion(poste=poste, chiffrement_bout_en_bout=actif):
                connexions.append(e)
                if poste is not None:
                    chiffrement.append(ChiffrementDeConnexion(poste, quand, actif))
            case Reconnexion():
                connexions.append(e)
            case Deconnexion():
                deconnexions.append(e)
            case PremiereImage(poste=Poste.SALLE):
                premiere_image_en_salle = True
            case MinuteDeQualite() as minute:
                minutes.append(minute)
        if t is TypeEvenement.VERIFICATION_IDENTITE:
            verifiee_le = quand
        elif t is TypeEvenement.ADMISSION and admission is None:
            admission = quand
        elif t is TypeEvenement.DEPOSITION_DEBUT:
            debut = quand
        elif t is TypeEvenement.DEPOSITION_FIN:
            fin = quand
        elif t in FINS_SANS_AUDITION:
            fin_sans_audition = e
            fin = fin or (quand if admission else None)
    incidents, chronologie = _incidents_et_chronologie(evenements, propres, deposition, admission)
    return Lecture(
        deposition=deposition,
        terminee=any(e.type in FINS_DE_LA_DEPOSITION for e in propres),
        premier_numero=propres[0].numero,
        dernier_numero=propres[-1].numero,
        invitation=invitation,
        navigateur=navigateur,
        systeme=systeme,
        acces_refuses=tuple(acces_refuses),
        essais=tuple(essais),
        identite_declaree=identite,
        identite_declaree_le=identite_le,
        identite_verifiee_le=verifiee_le,
        admission=admission,
        debut_deposition=debut,
        fin_deposition=fin,
        fin_sans_audition=fin_sans_audition,
        serment=serment,
        code_verification=code,
        connexions=tuple(connexions),
        deconnexions=tuple(deconnexions),
        chiffrement_par_connexion=tuple(chiffrement),
        dechiffrees_en_salle=tuple(
            (m.debut, m.images_dechiffrees) for m in minutes if m.poste is Poste.SALLE
        ),
        premiere_image_en_salle=premiere_image_en_salle,
        periodes=_periodes(propres, admission, fin),
        qualite=_resumes_qualite(minutes),
        incidents_des_parties=incidents,
        chronologie=chronologie,
    )


_D_AUTRES_OBJETS = frozenset({*TYPES_DES_PARTIES, TypeEvenement.INCIDENT_TECHNIQUE, TypeEvenement.CORRECTION})


# AMBIGUÏTÉ : une demande de donné acte ou des conclusions d'incident qui ne désignent pas la
# déposition qu'elles visent (le greffier peut la désigner) — lecture retenue : celles consignées
# entre l'admission et le dernier événement de la déposition la concernent (la personne est
# alors devant la cour).
def _incidents_et_chronologie(
    evenements: Sequence[EvenementDebats],
    propres: Sequence[EvenementLu],
    deposition: int,
    admission: datetime | None,
) -> tuple[tuple[EvenementLu, ...], tuple[EvenementLu, ...]]:
    """Les incidents des parties qui visent la déposition, et la chronologie du procès-verbal."""
    # De l'admission au dernier événement de la déposition : la personne est devant la cour.
    fenetre = (admission, propres[-1].horodatage) if admission is not None else None
    lus = {e.numero: e for e in propres}
    retenus = {e.numero for e in propres if e.type is not TypeEvenement.QUALITE_MINUTE}
    incidents: list[EvenementLu] = []
    segment: list[EvenementLu] = []
    for evenement in evenements:
        lu = lus.get(evenement.numero)
        if lu is None:
            # Des autres objets du segment, seuls ceux-ci peuvent entrer au procès-verbal.
            if evenement.type not in _D_AUTRES_OBJETS:
                continue
            lu = lire(evenement)
        segment.append(lu)
        dans_la_fenetre = fenetre is not None and fenetre[0] <= lu.horodatage <= fenetre[1]
        if lu.type in TYPES_DES_PARTIES:
            # L'incident qui désigne sa déposition la concerne ; sans désignation, la fenêtre.
            if lu.deposition == deposition or (lu.deposition is None and dans_la_fenetre):
                incidents.append(lu)
                retenus.add(lu.numero)
        elif lu.type is TypeEvenement.INCIDENT_TECHNIQUE and dans_la_fenetre:
            retenus.add(lu.numero)
    for lu in segment:
        if isinstance(lu.fait, Correction) and lu.fait.evenement in retenus:
            retenus.add(lu.numero)
    return tuple(incidents), tuple(lu for lu in segment if lu.numero in retenus)
