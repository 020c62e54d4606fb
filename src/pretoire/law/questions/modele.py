"""La feuille de questions comme objet pur : questions numérotées, lecture, diagnostics.

Art. 364 CPP : « Mention des décisions prises est faite sur la feuille de questions » ; ce module
ne décrit que la feuille avant le délibéré. Chaque question et chaque diagnostic porte ses
citations ; leur forme écrite dépend de la date du procès (``citations.formater``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pretoire.law.citations import ENTREE_EN_VIGUEUR_NOUVEAU_CODE, Reference, formater


class NatureQuestion(enum.StrEnum):
    PRINCIPALE = "principale"
    CIRCONSTANCE_AGGRAVANTE = "circonstance_aggravante"
    CAUSE_EXEMPTION_DIMINUTION = "cause_exemption_diminution"
    FAIT_MATERIEL = "fait_materiel"
    IRRESPONSABILITE = "irresponsabilite"
    SPECIALE = "speciale"
    SUBSIDIAIRE = "subsidiaire"
    INCESTE = "inceste"
    MINORITE = "minorite"


# Les questions qui portent sur le fait lui-même : une par accusé et par fait (art. 349 al. 2).
NATURES_SUR_LE_FAIT = frozenset({NatureQuestion.PRINCIPALE, NatureQuestion.FAIT_MATERIEL})

# Le nom de chaque nature de question, tel que l'écran et le PDF le montrent.
LIBELLES_DES_NATURES: Mapping[NatureQuestion, str] = {
    NatureQuestion.PRINCIPALE: "question principale",
    NatureQuestion.CIRCONSTANCE_AGGRAVANTE: "circonstance aggravante",
    NatureQuestion.CAUSE_EXEMPTION_DIMINUTION: "cause légale d'exemption ou de diminution de la peine",
    NatureQuestion.FAIT_MATERIEL: "irresponsabilité, 1° : le fait",
    NatureQuestion.IRRESPONSABILITE: "irresponsabilité, 2° : la cause invoquée",
    NatureQuestion.SPECIALE: "question spéciale : circonstance révélée par les débats",
    NatureQuestion.SUBSIDIAIRE: "question subsidiaire : autre qualification",
    NatureQuestion.INCESTE: "question spécifique : qualification d'inceste",
    NatureQuestion.MINORITE: "accusé mineur au moment des faits",
}
LIBELLE_QUESTION_UNIQUE = "irresponsabilité : question unique pour l'ensemble des faits"


def libelle_de_la_nature(nature: NatureQuestion, fait: str | None) -> str:
    """La nature de la question en français ; la question unique de l'art. 349-1 al. 2 ne vise
    aucun fait.

    >>> libelle_de_la_nature(NatureQuestion.FAIT_MATERIEL, "F1")
    'irresponsabilité, 1° : le fait'
    >>> libelle_de_la_nature(NatureQuestion.IRRESPONSABILITE, "")
    "irresponsabilité : question unique pour l'ensemble des faits"
    """
    if nature is NatureQuestion.IRRESPONSABILITE and not fait:
        return LIBELLE_QUESTION_UNIQUE
    return LIBELLES_DES_NATURES[nature]


class Reponse(enum.StrEnum):
    OUI = "oui"
    NON = "non"


@dataclass(frozen=True, slots=True)
class Dependance:
    """La question n'appelle de réponse que si la question ``numero`` a reçu ``reponse``."""

    numero: int
    reponse: Reponse


@dataclass(frozen=True, slots=True)
class Question:
    numero: int
    nature: NatureQuestion
    accuse: str
    fait: str
    victime: str | None
    texte: str
    citations: tuple[Reference, ...] = ()
    depend_de: tuple[Dependance, ...] = ()
    a_lire: bool = False
    # Circonstance ou qualification en cause (questions de circonstance, spéciales, subsidiaires).
    code: str | None = None
    non_verifie: bool = False


class Gravite(enum.StrEnum):
    ERREUR = "erreur"
    AVERTISSEMENT = "avertissement"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    gravite: Gravite
    message: str
    citations: tuple[Reference, ...] = ()
    question: int | None = None
    fait: str | None = None
    accuse: str | None = None


class StatutLecture(enum.StrEnum):
    OBLIGATOIRE = "obligatoire"
    NON_OBLIGATOIRE = (
        "non obligatoire (questions posées dans les termes de la décision de mise en accusation)"
    )
    RENONCIATION = "renonciation"


@dataclass(frozen=True)
class Lecture:
    statut: StatutLecture
    motif: str
    citations: tuple[Reference, ...]
    questions_a_lire: tuple[int, ...] = ()
    renonciations: tuple[str, ...] = ()


@dataclass(frozen=True)
class EnTete:
    juridiction: str
    type_juridiction: str
    siege: str
    session: str | None
    numero_affaire: str
    date_proces: date
    accuses: tuple[str, ...]


@dataclass(frozen=True)
class FeuilleDeQuestions:
    en_tete: EnTete
    lecture: Lecture
    questions: tuple[Question, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    entree_en_vigueur_nouveau_code: date = field(default=ENTREE_EN_VIGUEUR_NOUVEAU_CODE)

    @property
    def erreurs(self) -> tuple[Diagnostic, ...]:
        """Les défauts que le moteur connaît : une feuille qui en a ne se signe pas."""
        return tuple(d for d in self.diagnostics if d.gravite is Gravite.ERREUR)

    def citer(self, references: tuple[Reference, ...]) -> list[str]:
        return [
            formater(r, self.en_tete.date_proces, self.entree_en_vigueur_nouveau_code) for r in references
        ]

    def en_json(self) -> dict[str, Any]:
        """La feuille en données JSON stables : mêmes entrées, mêmes octets.

        Clés anglaises imposées par le format d'échange ; valeurs françaises.
        """
        return {
            "affaire": {
                "court": self.en_tete.juridiction,
                "court_type": self.en_tete.type_juridiction,
                "seat": self.en_tete.siege,
                "session": self.en_tete.session,
                "case_number": self.en_tete.numero_affaire,
                "trial_date": self.en_tete.date_proces.isoformat(),
                "accused": list(self.en_tete.accuses),
            },
            "lecture": {
                "status": self.lecture.statut.value,
                "reason": self.lecture.motif,
                "citation": "; ".join(self.citer(self.lecture.citations)),
                "questions_to_read": list(self.lecture.questions_a_lire),
                "waived_by": list(self.lecture.renonciations),
            },
            "questions": [
                {
                    "number": q.numero,
                    "kind": q.nature.value,
                    "text": q.texte,
                    "accused": q.accuse,
                    "fact": q.fait,
                    "victim": q.victime,
                    "citation": "; ".join(self.citer(q.citations)),
                    "depends_on": [{"number": d.numero, "answer": d.reponse.value} for d in q.depend_de],
                    "to_read": q.a_lire,
                    "code": q.code,
                    "unverified": q.non_verifie,
                }
                for q in self.questions
            ],
            "diagnostics": [
                {
                    "severity": d.gravite.value,
                    "message": d.message,
                    "citation": "; ".join(self.citer(d.citations)),
                    "question": d.question,
                    "fact": d.fait,
                    "accused": d.accuse,
                }
                for d in self.diagnostics
            ],
        }


class FeuilleDefectueuse(ValueError):
    """La feuille a des erreurs : ni PDF prêt à signer, ni feuille signée.

    Une question omise ou mal posée est un moyen de cassation ; le moteur qui la voit ne laisse
    pas écrire la feuille comme si elle était bonne. Le message, en français, donne chaque erreur
    et sa citation.
    """

    def __init__(self, feuille: FeuilleDeQuestions) -> None:
        self.erreurs = feuille.erreurs
        lignes = [
            f"{d.message} ({'; '.join(feuille.citer(d.citations))})" if d.citations else d.message
            for d in self.erreurs
        ]
        nombre = len(lignes)
        super().__init__(
            f"la feuille de questions a {nombre} erreur{'s' if nombre > 1 else ''} : corrigez-"
            f"{'les' if nombre > 1 else 'la'} avant de l'imprimer ou de la signer.\n"
            + "\n".join(f"- {ligne}" for ligne in lignes)
        )


def exiger_sans_erreur(feuille: FeuilleDeQuestions) -> FeuilleDeQuestions:
    """La feuille elle-même si le moteur n'y voit aucune erreur ; sinon ``FeuilleDefectueuse``.

    Seul passage vers un document prêt à signer (PDF de la commande et de l'écran, feuille
    signée) : les avertissements (texte non vérifié) n'arrêtent rien, ils sont imprimés.
    """
    if feuille.erreurs:
        raise FeuilleDefectueuse(feuille)
    return feuille


def avec_libelles_des_natures(donnees: dict[str, Any]) -> dict[str, Any]:
    """Les données ``en_json`` d'une feuille, chaque question portant en plus le libellé de sa
    nature (« kind_label ») : ce que l'écran et le PDF montrent à la place du code."""
    return {
        **donnees,
        "questions": [
            {**q, "kind_label": libelle_de_la_nature(NatureQuestion(q["kind"]), q["fact"])}
            for q in donnees["questions"]
        ],
    }


def feuille_depuis_json(donnees: dict[str, Any]) -> FeuilleDeQuestions:
    """Une feuille relue de son JSON (par exemple retouchée à la main), pour ``valider_feuille``.

    Les citations, écrites pour une date de procès, ne sont pas relues : la feuille relue n'en
    porte pas, et ses diagnostics sont recalculés par le validateur.
    """
    affaire = donnees["affaire"]
    lecture = donnees["lecture"]
    return FeuilleDeQuestions(
        en_tete=EnTete(
            juridiction=affaire["court"],
            type_juridiction=affaire["court_type"],
            siege=affaire["seat"],
            session=affaire.get("session"),
            numero_affaire=affaire["case_number"],
            date_proces=date.fromisoformat(affaire["trial_date"]),
            accuses=tuple(affaire["accused"]),
        ),
        lecture=Lecture(
            statut=StatutLecture(lecture["status"]),
            motif=lecture["reason"],
            citations=(),
            questions_a_lire=tuple(lecture["questions_to_read"]),
            renonciations=tuple(lecture["waived_by"]),
        ),
        questions=tuple(
            Question(
                numero=int(q["number"]),
                nature=NatureQuestion(q["kind"]),
                accuse=str(q["accused"]),
                fait=str(q["fact"]),
                victime=q.get("victim"),
                texte=str(q["text"]),
                depend_de=tuple(Dependance(int(d["number"]), Reponse(d["answer"])) for d in q["depends_on"]),
                a_lire=bool(q.get("to_read", False)),
                code=q.get("code"),
                non_verifie=bool(q.get("unverified", False)),
            )
            for q in donnees["questions"]
        ),
    )
