"""Ce que la feuille de questions lit dans le journal d'audience.

Les événements (``pretoire.law.debats``) qui comptent ici : l'information des parties d'une
question spéciale ou subsidiaire, la contestation d'un élément constitutif, l'accord des parties
sur une question unique d'irresponsabilité, la renonciation à la lecture et le réquisitoire
(borne de l'art. 351-1 CPP). Leurs données sont validées ici, avec des erreurs en français.
"""

from __future__ import annotations

import enum
import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from pretoire.law.debats import EvenementDebats, TypeEvenement
from pretoire.law.erreurs import ErreurDeSaisie, messages_en_francais
from pretoire.law.lecture_yaml import DocumentIllisible, lire_document
from pretoire.law.mise_en_accusation import Dossier
from pretoire.law.redaction import nom_usuel


class _Donnees(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NatureQuestionAnnoncee(enum.StrEnum):
    SPECIALE = "speciale"
    SUBSIDIAIRE = "subsidiaire"


class InformationQuestion(_Donnees):
    nature: NatureQuestionAnnoncee = Field(description="« speciale » ou « subsidiaire ».")
    accuse: str
    fait: str
    circonstance: str | None = Field(default=None, description="Pour une question spéciale.")
    qualification: str | None = Field(default=None, description="Pour une question subsidiaire.")
    enonce: str | None = Field(default=None, description="Libellé propre, à la place du modèle.")

    @model_validator(mode="after")
    def _un_objet(self) -> InformationQuestion:
        if (self.circonstance is None) == (self.qualification is None):
            raise ValueError(
                "indiquez soit « circonstance » (question spéciale), soit « qualification »"
                " (question subsidiaire)."
            )
        if self.nature is NatureQuestionAnnoncee.SUBSIDIAIRE and self.qualification is None:
            raise ValueError("une question subsidiaire porte sur une « qualification ».")
        return self


class ContestationElementConstitutif(_Donnees):
    accuse: str
    fait: str
    element: str = Field(description="Par exemple « contrainte ».")


class ParAccuse(_Donnees):
    accuse: str


MODELES_DE_DONNEES: Mapping[TypeEvenement, type[_Donnees]] = {
    TypeEvenement.INFORMATION_QUESTION: InformationQuestion,
    TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF: ContestationElementConstitutif,
    TypeEvenement.ACCORD_QUESTION_UNIQUE_IRRESPONSABILITE: ParAccuse,
    TypeEvenement.RENONCIATION_LECTURE_QUESTIONS: ParAccuse,
}


@dataclass(frozen=True)
class Information:
    numero_evenement: int
    donnees: InformationQuestion


@dataclass(frozen=True)
class JournalDesQuestions:
    informations: tuple[Information, ...]
    contestations: frozenset[tuple[str, str]]
    accords_question_unique: frozenset[str]
    renonciations_lecture: frozenset[str]
    premier_requisitoire: int | None

    def information_prealable(self, information: Information) -> bool:
        """Art. 351-1 CPP : l'information précède le réquisitoire (comparaison des numéros)."""
        borne = self.premier_requisitoire
        return borne is None or information.numero_evenement < borne

    @cached_property
    def _informations_par_accuse_et_fait(self) -> dict[tuple[str, str], list[Information]]:
        # Chaque fait de chaque accusé cherche ses annonces : un index évite de relire tout le
        # journal pour chacun (une affaire de 300 victimes compte des centaines de faits).
        index: dict[tuple[str, str], list[Information]] = defaultdict(list)
        for information in self.informations:
            index[(information.donnees.accuse, information.donnees.fait)].append(information)
        return dict(index)

    def informations_sur(self, accuse: str, fait: str) -> list[Information]:
        """Les annonces qui visent ce fait pour cet accusé, dans l'ordre du journal."""
        return self._informations_par_accuse_et_fait.get((accuse, fait), [])


def lire_journal(evenements: Sequence[EvenementDebats]) -> JournalDesQuestions:
    """Le journal réduit à ce qui règle les questions ; les données invalides lèvent ValueError."""
    informations = []
    contestations: set[tuple[str, str]] = set()
    accords: set[str] = set()
    renonciations: set[str] = set()
    requisitoires = []
    for evenement in sorted(evenements, key=lambda e: e.numero):
        modele = MODELES_DE_DONNEES.get(evenement.type)
        donnees = modele.model_validate(dict(evenement.donnees)) if modele else None
        if isinstance(donnees, InformationQuestion):
            informations.append(Information(evenement.numero, donnees))
        elif isinstance(donnees, ContestationElementConstitutif):
            contestations.add((donnees.accuse, donnees.fait))
        elif isinstance(donnees, ParAccuse):
            cible = (
                accords
                if evenement.type is TypeEvenement.ACCORD_QUESTION_UNIQUE_IRRESPONSABILITE
                else renonciations
            )
            cible.add(donnees.accuse)
        elif evenement.type is TypeEvenement.REQUISITOIRE:
            requisitoires.append(evenement.numero)
    return JournalDesQuestions(
        tuple(informations),
        frozenset(contestations),
        frozenset(accords),
        frozenset(renonciations),
        min(requisitoires, default=None),
    )


def renvois_inconnus(dossier: Dossier, evenements: Sequence[EvenementDebats]) -> list[str]:
    """Les événements qui désignent un accusé ou un fait absent du dossier, ou un accusé qui
    n'est pas poursuivi pour ce fait : la question qu'ils annoncent ne pourrait être posée, et
    la taire ferait disparaître une question obligatoire. Ils sont refusés à l'entrée.

    >>> from datetime import UTC, datetime
    >>> dossier = Dossier.model_validate({"version": 1,
    ...     "juridiction": {"type": "cour_assises", "nom": "Cour d'assises du Rhône", "siege": "Lyon"},
    ...     "affaire": {"numero": "1", "date_proces": "2026-11-23"},
    ...     "decision": {"nature": "arret", "date": "2026-01-05", "auteur": "Chambre de l'instruction"},
    ...     "accuses": [{"id": "A1", "nom": "DURAND", "prenoms": "Marc", "sexe": "M",
    ...                  "date_naissance": "1978-03-14"}],
    ...     "faits": [{"id": "F1", "participants": [{"accuse": "A1", "qualite": "auteur"}],
    ...                "qualification": "meurtre", "date": "2025-04-03", "lieu": "à Lyon",
    ...                "enonce": "volontairement donné la mort à Paul RIVIÈRE"}]})
    >>> quand = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    >>> [erreur] = renvois_inconnus(dossier, [EvenementDebats(1,
    ...     TypeEvenement.CONTESTATION_ELEMENT_CONSTITUTIF, quand,
    ...     {"accuse": "A1", "fait": "F9", "element": "contrainte"})])
    >>> erreur.split(" : ", 1)[1]
    "le fait « F9 » n'est pas un fait du dossier ; faits du dossier : F1."
    """
    accuses, _, faits = dossier.identifiants
    erreurs = []
    for evenement in evenements:
        if evenement.type not in MODELES_DE_DONNEES:
            continue
        donnees = evenement.donnees
        accuse, fait = donnees.get("accuse"), donnees.get("fait")
        debut = f"événement n° {evenement.numero} ({evenement.type.libelle})"
        if accuse is not None and accuse not in accuses:
            erreurs.append(
                f"{debut} : l'accusé « {accuse} » n'est pas un accusé du dossier ;"
                f" accusés du dossier : {', '.join(sorted(accuses))}."
            )
            continue
        if fait is None:
            continue
        if fait not in faits:
            erreurs.append(
                f"{debut} : le fait « {fait} » n'est pas un fait du dossier ;"
                f" faits du dossier : {', '.join(sorted(faits))}."
            )
        elif accuse is not None and all(p.accuse != accuse for p in faits[fait].participants):
            personne = accuses[accuse]
            titre = "l'accusée" if personne.sexe.value == "F" else "l'accusé"
            poursuivi = "poursuivie" if personne.sexe.value == "F" else "poursuivi"
            erreurs.append(
                f"{debut} : {titre} {nom_usuel(personne.prenoms, personne.nom)} n'est pas"
                f" {poursuivi} pour le fait {fait}."
            )
    return erreurs


def horodatages_desordonnes(evenements: Sequence[EvenementDebats]) -> list[int]:
    """Les numéros des événements datés avant l'événement qui les précède dans le journal.

    Le journal est ordonné par numéro ; une heure qui recule signale une horloge déréglée ou un
    fichier retouché. L'art. 351-1 se juge sur l'ordre des numéros, qui seul fait foi ici.

    >>> from datetime import UTC, datetime
    >>> a = EvenementDebats(1, TypeEvenement.REQUISITOIRE, datetime(2026, 1, 5, 10, tzinfo=UTC), {})
    >>> b = EvenementDebats(2, TypeEvenement.CLOTURE_DEBATS, datetime(2026, 1, 5, 9, tzinfo=UTC), {})
    >>> horodatages_desordonnes([a, b])
    [2]
    """
    ordonnes = sorted(evenements, key=lambda e: e.numero)
    return [
        suivant.numero
        for precedent, suivant in itertools.pairwise(ordonnes)
        if suivant.horodatage < precedent.horodatage
    ]


class _EvenementFichier(BaseModel):
    model_config = ConfigDict(extra="forbid")

    numero: int = Field(description="Rang de l'événement dans le journal.")
    type: TypeEvenement
    horodatage: datetime
    donnees: dict[str, Any] = Field(default_factory=dict)


class JournalInvalide(ValueError):
    def __init__(self, erreurs: list[ErreurDeSaisie]) -> None:
        super().__init__("\n".join(str(e) for e in erreurs))
        self.erreurs = erreurs


def charger_journal(texte: str, nom_fichier: str) -> list[EvenementDebats]:
    """Les événements d'un fichier JSON ``[{numero, type, horodatage, donnees}, …]``.

    >>> texte = '[{"numero": 1, "type": "requisitoire", "horodatage": "2026-11-25T10:00:00Z"}]'
    >>> charger_journal(texte, "j.json")[0].type
    <TypeEvenement.REQUISITOIRE: 'requisitoire'>
    """
    try:
        document = lire_document(texte, nom_fichier)
    except DocumentIllisible as illisible:
        raise JournalInvalide([illisible.erreur]) from illisible
    try:
        lus = TypeAdapter(list[_EvenementFichier]).validate_python(document.donnees)
    except ValidationError as invalide:
        raise JournalInvalide(
            [document.situer(e.chemin, e.message) for e in messages_en_francais(invalide.errors())]
        ) from invalide
    erreurs = []
    for rang, lu in enumerate(lus):
        modele = MODELES_DE_DONNEES.get(lu.type)
        if modele is None:
            continue
        try:
            modele.model_validate(lu.donnees)
        except ValidationError as invalide:
            situees = [{**e, "loc": (rang, "donnees", *e["loc"])} for e in invalide.errors()]
            erreurs += [document.situer(e.chemin, e.message) for e in messages_en_francais(situees)]
    numeros = [lu.numero for lu in lus]
    if len(set(numeros)) != len(numeros):
        erreurs.append(document.situer((), "deux événements portent le même « numero »."))
    if erreurs:
        raise JournalInvalide(erreurs)
    return [EvenementDebats(lu.numero, lu.type, lu.horodatage, lu.donnees) for lu in lus]
