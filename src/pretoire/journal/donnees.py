"""Ce que chaque type d'événement consigne, et sa validation.

Un modèle Pydantic par type : le formulaire du greffier et l'API valident avec les mêmes
règles, et le moteur des questions lit les mêmes clés (``accuse``, ``fait``…).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pretoire.law.debats import TypeEvenement
from pretoire.law.erreurs import ErreurDeSaisie, messages_en_francais
from pretoire.texte import normaliser_donnees

Texte = Field(min_length=1, max_length=2000)


class Donnees(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    observations: str = Field(default="", max_length=4000, title="observations")

    # Dernier rempart : quelle que soit la porte d'entrée, le journal ne reçoit ni caractère de
    # contrôle ni forçage de sens d'écriture (``pretoire.texte``).
    @model_validator(mode="before")
    @classmethod
    def _texte_normalise(cls, donnees: Any) -> Any:
        return normaliser_donnees(donnees)


class SansDonnees(Donnees):
    pass


class Audition(Donnees):
    deposant: str = Field(min_length=1, max_length=200, title="déposant")
    qualite: Literal["temoin", "expert", "interprete", "partie_civile"] = Field(title="qualité")
    modalite: Literal["presentiel", "visioconference"] = Field(title="modalité")


class InformationQuestion(Donnees):
    """Art. 351-1 CPP (futur L4324-9) : l'information préalable des parties."""

    nature: Literal["speciale", "subsidiaire"] = Field(title="nature de la question")
    accuse: str = Field(min_length=1, title="accusé")
    fait: str = Field(min_length=1, title="fait")
    circonstance: str = Field(default="", title="circonstance aggravante")
    qualification: str = Field(default="", title="qualification")
    enonce: str = Field(default="", max_length=2000, title="énoncé")

    @model_validator(mode="after")
    def _objet_selon_nature(self) -> InformationQuestion:
        if self.nature == "speciale" and not self.circonstance:
            raise ValueError(
                "une question spéciale porte sur une circonstance aggravante : indiquez-la (art. 350 CPP)"
            )
        if self.nature == "subsidiaire" and not self.qualification:
            raise ValueError(
                "une question subsidiaire porte sur une autre qualification : indiquez-la (art. 351 CPP)"
            )
        return self


class ContestationElementConstitutif(Donnees):
    accuse: str = Field(min_length=1, title="accusé")
    fait: str = Field(min_length=1, title="fait")
    element: Literal["violence", "contrainte", "menace", "surprise", "autre"] = Field(
        title="élément contesté"
    )


class ParAccuse(Donnees):
    accuse: str = Field(min_length=1, title="accusé")


class PriseDeParole(Donnees):
    orateur: str = Field(default="", max_length=200, title="orateur")


class Incident(Donnees):
    partie: str = Field(min_length=1, max_length=200, title="partie")
    objet: str = Field(min_length=1, max_length=4000, title="objet")
    # La déposition à distance que l'incident vise, s'il en vise une : le procès-verbal des
    # opérations de cette déposition le reprend (R. 53-38 ; Crim. 11 déc. 2024).
    deposition: int | None = Field(default=None, ge=1, title="déposition à distance visée")


class IncidentTechnique(Donnees):
    description: str = Field(min_length=1, max_length=4000, title="description")


class Correction(Donnees):
    evenement: int = Field(ge=1, title="événement corrigé (numéro)")
    motif: str = Field(min_length=1, max_length=4000, title="motif")


# --- Déposition par visioconférence -------------------------------------------------------------
# « poste » : le point de la liaison qui observe ou agit — la salle d'audience ou le déposant. Pour
# ce qui est reçu (images, son, qualité), c'est le poste qui reçoit.
Poste = Literal["salle", "deposant"]
Qualite = Literal["expert", "temoin", "interprete", "partie_civile"]
NatureInterruption = Literal["image", "son", "image_et_son"]


class DeLaDeposition(Donnees):
    deposition: int = Field(ge=1, title="déposition")


class InvitationCreee(DeLaDeposition):
    deposant: str = Field(min_length=1, max_length=200, title="déposant")
    qualite: Qualite = Field(title="qualité")
    jour: date = Field(title="jour d'audience")
    expiration: datetime = Field(title="expiration")


class AvecMotif(DeLaDeposition):
    motif: str = Field(default="", max_length=2000, title="motif")


class InvitationUtilisee(DeLaDeposition):
    navigateur: str = Field(default="", max_length=400, title="navigateur")
    systeme: str = Field(default="", max_length=200, title="système")


MotifDeRefus = Literal[
    "expiree", "revoquee", "deja_utilisee", "code_errone", "trop_de_tentatives", "terminee"
]


class AccesRefuse(DeLaDeposition):
    motif: MotifDeRefus = Field(title="motif")
    navigateur: str = Field(default="", max_length=400, title="navigateur")


class EssaiMateriel(DeLaDeposition):
    """Art. D. 47-12-6 : le procès-verbal mentionne « le test du matériel »."""

    resultat: Literal["concluant", "non_concluant"] = Field(title="résultat")
    camera: bool = Field(title="caméra")
    microphone: bool = Field(title="microphone")
    haut_parleur: bool = Field(title="haut-parleur")
    webrtc: bool = Field(title="WebRTC")
    chiffrement: bool = Field(title="chiffrement de bout en bout")
    navigateur: str = Field(default="", max_length=400, title="navigateur")
    systeme: str = Field(default="", max_length=200, title="système")
    details: str = Field(default="", max_length=2000, title="détails")


class IdentiteDeclaree(DeLaDeposition):
    nom: str = Field(min_length=1, max_length=200, title="nom")
    prenoms: str = Field(min_length=1, max_length=200, title="prénoms")
    qualite: Qualite = Field(title="qualité")
    # Facultatif depuis la loi n° 2023-22 (Crim. 11 déc. 2024), mais consigné s'il est donné.
    lieu: str = Field(default="", max_length=300, title="lieu")


class CodeVerification(DeLaDeposition):
    mots: str = Field(min_length=1, max_length=200, title="mots du code")


class Serment(DeLaDeposition):
    formule: str = Field(min_length=1, max_length=1000, title="formule")


class Connexion(DeLaDeposition):
    poste: Poste = Field(title="poste")
    chiffrement_bout_en_bout: bool = Field(title="chiffrement de bout en bout")


class ParPoste(DeLaDeposition):
    poste: Poste = Field(title="poste")


class DebutDePeriode(ParPoste):
    debut: datetime = Field(title="début")


class DebutInterruption(DebutDePeriode):
    nature: NatureInterruption = Field(title="nature")


class FinDePeriode(DebutDePeriode):
    fin: datetime = Field(title="fin")
    duree_s: float = Field(ge=0, title="durée (s)")


class FinInterruption(FinDePeriode):
    nature: NatureInterruption = Field(title="nature")


class DebutAlerte(DebutDePeriode):
    raisons: list[str] = Field(min_length=1, title="raisons")


class QualiteMinute(ParPoste):
    debut: datetime = Field(title="début")
    fin: datetime = Field(title="fin")
    echantillons: int = Field(ge=1, title="échantillons")
    debit_kbps: float = Field(ge=0, title="débit (kbit/s)")
    perte_pct: float = Field(ge=0, le=100, title="pertes (%)")
    delai_ms: float | None = Field(default=None, ge=0, title="délai estimé (ms)")
    images_par_seconde: float = Field(ge=0, title="images par seconde")
    resolution: str = Field(default="", max_length=20, title="résolution")
    gels: int = Field(ge=0, title="gels d'image")
    synchronisation_ms: float | None = Field(default=None, title="décalage son-image (ms)")
    images_dechiffrees: int = Field(ge=0, title="images déchiffrées")
    note: Literal["bonne", "degradee", "mauvaise"] = Field(title="note")


class AvecMotifParPoste(ParPoste):
    motif: str = Field(default="", max_length=2000, title="motif")


class Reconnexion(ParPoste):
    absence_s: float | None = Field(default=None, ge=0, title="absence (s)")


class MessageRejete(Donnees):
    deposition: int | None = Field(default=None, ge=1, title="déposition")
    poste: Literal["salle", "deposant", "greffe"] = Field(title="poste")
    motif: str = Field(min_length=1, max_length=500, title="motif")


class Affectation(Donnees):
    """Un changement de qui siège ou plaide : la personne, son rôle, et ce qui a changé."""

    operation: Literal["ajout", "modification", "retrait"] = Field(title="opération")
    identifiant: str = Field(min_length=1, max_length=150, title="identifiant")
    personne: str = Field(min_length=1, max_length=300, title="personne")
    role: str = Field(min_length=1, max_length=100, title="rôle")
    partie: str = Field(default="", max_length=300, title="partie représentée")
    avant: str = Field(default="", max_length=1000, title="avant la modification")


MODELES: Mapping[TypeEvenement, type[Donnees]] = {
    TypeEvenement.OUVERTURE_DEBATS: SansDonnees,
    TypeEvenement.AUDITION: Audition,
    TypeEvenement.INFORMATION_QUESTION: InformationQuestion,
    TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF: ContestationElementConstitutif,
    TypeEvenement.ACCORD_QUESTION_UNIQUE_IRRESPONSABILITE: ParAccuse,
    TypeEvenement.PLAIDOIRIE_PARTIE_CIVILE: PriseDeParole,
    TypeEvenement.REQUISITOIRE: PriseDeParole,
    TypeEvenement.PLAIDOIRIE_DEFENSE: PriseDeParole,
    TypeEvenement.DERNIERE_PAROLE_ACCUSE: ParAccuse,
    TypeEvenement.CLOTURE_DEBATS: SansDonnees,
    TypeEvenement.LECTURE_QUESTIONS: SansDonnees,
    TypeEvenement.RENONCIATION_LECTURE_QUESTIONS: ParAccuse,
    TypeEvenement.DEMANDE_DONNE_ACTE: Incident,
    TypeEvenement.CONCLUSIONS_INCIDENT: Incident,
    TypeEvenement.INCIDENT_TECHNIQUE: IncidentTechnique,
    TypeEvenement.CORRECTION: Correction,
    TypeEvenement.INVITATION_CREEE: InvitationCreee,
    TypeEvenement.INVITATION_REVOQUEE: AvecMotif,
    TypeEvenement.INVITATION_UTILISEE: InvitationUtilisee,
    TypeEvenement.ACCES_REFUSE: AccesRefuse,
    TypeEvenement.ESSAI_MATERIEL: EssaiMateriel,
    TypeEvenement.IDENTITE_DECLAREE: IdentiteDeclaree,
    TypeEvenement.ENTREE_SALLE_ATTENTE: DeLaDeposition,
    TypeEvenement.ADMISSION: DeLaDeposition,
    TypeEvenement.ECONDUITE: AvecMotif,
    TypeEvenement.VERIFICATION_IDENTITE: DeLaDeposition,
    TypeEvenement.CODE_VERIFICATION_CONCORDANT: CodeVerification,
    TypeEvenement.SERMENT: Serment,
    TypeEvenement.DEPOSITION_DEBUT: DeLaDeposition,
    TypeEvenement.DEPOSITION_SUSPENSION: AvecMotif,
    TypeEvenement.DEPOSITION_REPRISE: DeLaDeposition,
    TypeEvenement.DEPOSITION_FIN: DeLaDeposition,
    TypeEvenement.DEMANDE_MICRO: DeLaDeposition,
    TypeEvenement.CONNEXION: Connexion,
    TypeEvenement.PREMIERE_IMAGE: ParPoste,
    TypeEvenement.INTERRUPTION_DEBUT: DebutInterruption,
    TypeEvenement.INTERRUPTION_FIN: FinInterruption,
    TypeEvenement.AUDIO_SEUL_DEBUT: DebutDePeriode,
    TypeEvenement.AUDIO_SEUL_FIN: FinDePeriode,
    TypeEvenement.ALERTE_FIDELITE_DEBUT: DebutAlerte,
    TypeEvenement.ALERTE_FIDELITE_FIN: FinDePeriode,
    TypeEvenement.QUALITE_MINUTE: QualiteMinute,
    TypeEvenement.DECONNEXION: AvecMotifParPoste,
    TypeEvenement.RECONNEXION: Reconnexion,
    TypeEvenement.MESSAGE_REJETE: MessageRejete,
    TypeEvenement.AFFECTATION: Affectation,
}


@dataclass(frozen=True)
class ErreurChamp:
    champ: str
    message: str

    def __str__(self) -> str:
        return f"{self.champ} : {self.message}" if self.champ else self.message


class DonneesInvalides(ValueError):
    def __init__(self, erreurs: list[ErreurChamp]) -> None:
        self.erreurs = erreurs
        super().__init__(" ; ".join(str(e) for e in erreurs))


def valider_donnees(
    type_evenement: TypeEvenement,
    donnees: Mapping[str, Any],
    *,
    accuses: Collection[str],
    faits: Collection[str],
    participations: Collection[tuple[str, str]] = (),
    noms_des_accuses: Mapping[str, str] | None = None,
    depositions: Collection[int] | None = None,
) -> dict[str, Any]:
    """Les données validées et normalisées, ou ``DonneesInvalides`` avec un message par champ.

    ``accuses`` et ``faits`` sont les identifiants de l'affaire : un événement ne peut désigner
    qu'un accusé ou un fait qui y figure ; ``participations`` (accusé, fait) dit qui est poursuivi
    pour quel fait : une annonce qui viserait un accusé pour un fait qui ne lui est pas reproché
    ne produirait aucune question, et le journal est définitif.
    """
    modele = MODELES[type_evenement]
    try:
        valide = modele.model_validate(donnees)
    except ValidationError as erreur:
        raise DonneesInvalides(
            [_en_erreur_champ(modele, m) for m in messages_en_francais(erreur.errors())]
        ) from None
    resultat = valide.model_dump(mode="json", exclude_defaults=True)
    noms_des_accuses = noms_des_accuses or {}
    erreurs = []
    if "accuse" in resultat and resultat["accuse"] not in accuses:
        erreurs.append(
            ErreurChamp("accusé", f"« {resultat['accuse']} » n'est pas un accusé de cette affaire")
        )
    if "fait" in resultat and resultat["fait"] not in faits:
        erreurs.append(ErreurChamp("fait", f"« {resultat['fait']} » n'est pas un fait de cette affaire"))
    elif (
        not erreurs
        and "accuse" in resultat
        and "fait" in resultat
        and (resultat["accuse"], resultat["fait"]) not in participations
    ):
        nom = noms_des_accuses.get(resultat["accuse"], resultat["accuse"])
        erreurs.append(
            ErreurChamp(
                "fait",
                f"la décision de mise en accusation ne reproche pas le fait « {resultat['fait']} »"
                f" à {nom} : choisissez un fait qui lui est reproché",
            )
        )
    if depositions is not None and "deposition" in resultat and resultat["deposition"] not in depositions:
        erreurs.append(
            ErreurChamp(
                "déposition à distance visée",
                f"aucune déposition à distance n° {resultat['deposition']} dans cette affaire",
            )
        )
    if erreurs:
        raise DonneesInvalides(erreurs)
    return resultat


def _en_erreur_champ(modele: type[Donnees], erreur: ErreurDeSaisie) -> ErreurChamp:
    """Nomme le champ par son libellé (« accusé ») plutôt que par sa clé (« accuse »)."""
    cle = str(erreur.chemin[0]) if erreur.chemin else ""
    info = modele.model_fields.get(cle)
    titre = info.title if info and info.title else cle
    return ErreurChamp(titre, erreur.message.replace(f"« {cle} »", f"« {titre} »"))
