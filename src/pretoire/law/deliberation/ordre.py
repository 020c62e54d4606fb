"""L'ordre des votes et ce qui en dépend : art. 356, 361 et 361-1 CPP.

Art. 356 : « La cour et le jury délibèrent, puis votent, par bulletins écrits et par scrutins
distincts et successifs, sur le fait principal d'abord, et s'il y a lieu, sur les causes
d'irresponsabilité pénale, sur chacune des circonstances aggravantes, sur les questions
subsidiaires et sur chacun des faits constituant une cause légale d'exemption ou de diminution
de la peine. »
Art. 361 : « Au cas de contradiction entre deux ou plusieurs réponses, le président peut faire
procéder à un nouveau vote. »
Art. 361-1 (futur art. L4325-9) : « Si, lorsqu'il est fait application des dispositions de
l'article 349-1, la cour d'assises a répondu positivement à la première question et
négativement à la seconde question, elle déclare l'accusé coupable. Si elle a répondu
négativement à la première question ou positivement à la seconde question, elle déclare
l'accusé non coupable. Si elle a répondu positivement à la première question et positivement à
la seconde question portant sur l'application des dispositions du premier alinéa de l'article
122-1 du code pénal, il est fait application des articles 706-129 et suivants relatifs à la
déclaration d'irresponsabilité pénale pour cause de trouble mental. Si la cour d'assises a
répondu positivement à la première question et négativement à la seconde question portant sur
l'application du premier alinéa de l'article 122-1 du code pénal, doit être posée la question
de l'application du second alinéa de ce même article. »

Le plan se déduit de la feuille : chaque question porte la condition à laquelle elle se pose
(l'une des alternatives, chacune entièrement satisfaite) ; l'ordre des votes est celui des
numéros, sauf quand une question dépend d'une question de numéro plus grand (la question unique
d'irresponsabilité, placée après le dernier fait de l'accusé, se vote avant les circonstances).
Une question qui ne peut plus se poser est « sans objet ».

AMBIGUÏTÉ : circonstances après une réponse positive à la question d'irresponsabilité — la
déclaration d'irresponsabilité (art. 706-129 et suivants, hors des sources) dit-elle les
circonstances ? — lecture retenue : l'accusé n'étant pas déclaré coupable, les circonstances et
causes de la peine sont sans objet.
AMBIGUÏTÉ : plusieurs questions subsidiaires pour un même fait — lecture retenue : un fait ne
reçoit qu'une qualification ; dès qu'une subsidiaire reçoit « oui », les suivantes sont sans objet.
AMBIGUÏTÉ : libellé de la question de l'art. 122-1 al. 2 — non vérifié (les sources ne donnent
qu'une paraphrase de l'alinéa) ; elle est posée au délibéré, numérotée après la dernière question
de la feuille, et votée avec les causes de diminution de la peine, dont elle a l'effet.
AMBIGUÏTÉ : ce qu'est une « contradiction » (art. 361) — aucune décision des sources ne la
définit — lecture retenue : deux réponses logiquement incompatibles, seulement : une circonstance
réelle admise pour un participant et écartée pour un autre du même fait ; la minorité d'une même
victime admise à une date et écartée à une date antérieure ou identique. Le président décide
(« peut ») s'il fait revoter.
"""

from __future__ import annotations

import enum
import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from pretoire.law.catalogue import Catalogue, CirconstanceAggravante, NatureCirconstance, catalogue_livre
from pretoire.law.citations import Reference, article_cp, article_cpp
from pretoire.law.deliberation.majorite import ReponseDeLaCour
from pretoire.law.deliberation.peines_encourues import PeineEncourue, la_plus_forte, peine_encourue
from pretoire.law.mise_en_accusation import Dossier, Fait, QualiteParticipation, Sexe
from pretoire.law.questions.l4324_5 import CAUSE_TROUBLE_MENTAL, CODE_ALTERATION, texte_alteration
from pretoire.law.questions.modele import (
    NATURES_SUR_LE_FAIT,
    Dependance,
    FeuilleDeQuestions,
    NatureQuestion,
    Question,
    Reponse,
)
from pretoire.law.redaction import liste_en_francais, nom_usuel, nombre_en_lettres

ARTICLE_356 = article_cpp("356")
ARTICLE_361 = article_cpp("361")
ARTICLE_361_1 = article_cpp("361-1")
NATURES_DE_CIRCONSTANCE = frozenset({NatureQuestion.CIRCONSTANCE_AGGRAVANTE, NatureQuestion.SPECIALE})

Reponses = Mapping[int, ReponseDeLaCour]

# Art. 359 : « Toute décision défavorable à l'accusé se forme à la majorité de sept voix au
# moins ». Le « oui » lui est défavorable sur le fait, les circonstances et les autres
# qualifications ; le « non », sur une question dont le « oui » lui profite : la seconde question
# de l'art. 349-1 (« bénéficie-t-il … de la cause d'irresponsabilité pénale »), une cause légale
# d'exemption ou de diminution de la peine (art. 349 al. 4), dont la question de l'art. 122-1
# al. 2 CP que l'art. 361-1 al. 3 fait poser.
NATURES_OU_LE_NON_EST_DEFAVORABLE = frozenset(
    {NatureQuestion.IRRESPONSABILITE, NatureQuestion.CAUSE_EXEMPTION_DIMINUTION}
)


def reponse_defavorable(nature: NatureQuestion) -> ReponseDeLaCour:
    """La réponse défavorable à l'accusé, celle qui exige la majorité de l'art. 359.

    >>> reponse_defavorable(NatureQuestion.PRINCIPALE).value
    'oui'
    >>> reponse_defavorable(NatureQuestion.IRRESPONSABILITE).value
    'non'
    """
    if nature in NATURES_OU_LE_NON_EST_DEFAVORABLE:
        return ReponseDeLaCour.NON
    return ReponseDeLaCour.OUI


class EtatCondition(enum.Enum):
    REMPLIE = "remplie"
    IMPOSSIBLE = "impossible"
    EN_ATTENTE = "en attente"


@dataclass(frozen=True)
class Condition:
    """Se remplit si l'une des ``alternatives`` a toutes ses dépendances satisfaites.

    >>> condition = Condition(((Dependance(1, Reponse.OUI), Dependance(2, Reponse.NON)),))
    >>> condition.etat({1: ReponseDeLaCour.OUI})
    <EtatCondition.EN_ATTENTE: 'en attente'>
    >>> condition.etat({1: ReponseDeLaCour.OUI, 2: ReponseDeLaCour.SANS_OBJET})
    <EtatCondition.IMPOSSIBLE: 'impossible'>
    """

    alternatives: tuple[tuple[Dependance, ...], ...] = ((),)

    def etat(self, reponses: Reponses) -> EtatCondition:
        en_attente = False
        for alternative in self.alternatives:
            etats = [_etat_dependance(d, reponses) for d in alternative]
            if all(e is EtatCondition.REMPLIE for e in etats):
                return EtatCondition.REMPLIE
            if EtatCondition.IMPOSSIBLE not in etats:
                en_attente = True
        return EtatCondition.EN_ATTENTE if en_attente else EtatCondition.IMPOSSIBLE

    def remplie(self, reponses: Reponses) -> bool:
        return self.etat(reponses) is EtatCondition.REMPLIE

    def numeros(self) -> frozenset[int]:
        return frozenset(d.numero for alternative in self.alternatives for d in alternative)

    def raison_de_l_impossibilite(self) -> str:
        """Ce que la question attendait, pour dire pourquoi elle ne se pose pas."""
        attentes = [
            " et ".join(f"« {d.reponse.value} » à la question n° {d.numero}" for d in alternative)
            for alternative in self.alternatives
        ]
        return "elle ne se pose qu'après " + " ou ".join(attentes)

    def en_json(self) -> list[list[list[int | str]]]:
        return [[[d.numero, d.reponse.value] for d in alternative] for alternative in self.alternatives]


TOUJOURS = Condition()


def _etat_dependance(dependance: Dependance, reponses: Reponses) -> EtatCondition:
    reponse = reponses.get(dependance.numero)
    if reponse is None:
        return EtatCondition.EN_ATTENTE
    return EtatCondition.REMPLIE if reponse.value == dependance.reponse.value else EtatCondition.IMPOSSIBLE


@dataclass(frozen=True)
class QuestionADeliberer:
    numero: int
    nature: NatureQuestion
    accuse: str
    fait: str
    texte: str
    condition: Condition
    citations: tuple[Reference, ...] = ()
    code: str | None = None
    non_verifie: bool = False
    # La question de l'art. 122-1 al. 2, que l'art. 361-1 al. 3 fait poser au délibéré.
    posee_au_delibere: bool = False

    @property
    def defavorable(self) -> ReponseDeLaCour:
        return reponse_defavorable(self.nature)


@dataclass(frozen=True)
class Incompatibilite:
    """Deux réponses qui ne peuvent aller ensemble (art. 361) et la raison, en français."""

    premiere: Dependance
    seconde: Dependance
    motif: str

    def constatee(self, reponses: Reponses) -> bool:
        dependances = (self.premiere, self.seconde)
        return all(_etat_dependance(d, reponses) is EtatCondition.REMPLIE for d in dependances)


@dataclass(frozen=True)
class PeineSelonReponses:
    """Le maximum qu'une réponse fait encourir, si ``condition`` est remplie.

    Une circonstance aggravante (``aggravee``) élève la peine du fait : quand elle est retenue
    avec un maximum connu, le maximum simple du même fait, même inconnu, ne compte plus.
    """

    condition: Condition
    encourue: PeineEncourue
    fait: str
    aggravee: bool = False


class IssueDuFait(enum.StrEnum):
    COUPABLE = "coupable"
    NON_COUPABLE = "non coupable"
    IRRESPONSABLE = "irresponsabilité pénale pour cause de trouble mental"


@dataclass(frozen=True)
class QualificationPossible:
    """Une qualification que le fait peut recevoir : celle de la décision de renvoi, ou une autre
    posée en question subsidiaire (art. 351), retenue quand ``condition`` est remplie ; ses
    circonstances (numéro de la question, libellé) sont retenues par un « oui »."""

    libelle: str
    condition: Condition
    subsidiaire: int | None = None
    circonstances: tuple[tuple[int, str], ...] = ()

    def en_clair(self, fait: str, reponses: Reponses) -> str:
        """« atteinte sexuelle sur mineur de quinze ans (fait F1, question subsidiaire n° 3) » ; « viol
        (fait F1 ; circonstance aggravante retenue : victime mineure de quinze ans) ». Tout tient dans
        la parenthèse, pour que plusieurs faits se lisent sans confusion."""
        question = f", question subsidiaire n° {self.subsidiaire}" if self.subsidiaire is not None else ""
        retenues = [
            libelle for numero, libelle in self.circonstances if reponses.get(numero) is ReponseDeLaCour.OUI
        ]
        if not retenues:
            return f"{self.libelle} (fait {fait}{question})"
        titre = (
            "circonstance aggravante retenue" if len(retenues) == 1 else "circonstances aggravantes retenues"
        )
        return f"{self.libelle} (fait {fait}{question} ; {titre} : {liste_en_francais(retenues)})"


@dataclass(frozen=True)
class FaitDeLAccuse:
    fait: str
    libelle: str
    coupable: Condition
    trouble_mental: Condition | None = None
    qualifications: tuple[QualificationPossible, ...] = ()

    def libelle_retenu(self, reponses: Reponses) -> str:
        """Ce dont l'accusé est déclaré coupable (art. 364 et 365-1) : la qualification que les
        réponses retiennent et ses circonstances retenues ; sinon, le fait tel que renvoyé."""
        for qualification in self.qualifications:
            if qualification.condition.remplie(reponses):
                return qualification.en_clair(self.fait, reponses)
        return self.libelle

    def issue(self, reponses: Reponses) -> IssueDuFait:
        if self.coupable.remplie(reponses):
            return IssueDuFait.COUPABLE
        if self.trouble_mental is not None and self.trouble_mental.remplie(reponses):
            return IssueDuFait.IRRESPONSABLE
        return IssueDuFait.NON_COUPABLE


@dataclass(frozen=True)
class IssuePourLAccuse:
    """Ce que les réponses décident pour un accusé : culpabilité, peine encourue, altération."""

    accuse: str
    nom: str
    feminin: bool
    faits: tuple[FaitDeLAccuse, ...]
    peines: tuple[PeineSelonReponses, ...]
    alteration: Condition | None = None
    exemption_ou_diminution: Condition | None = None

    def est_coupable(self, reponses: Reponses) -> bool:
        return any(f.issue(reponses) is IssueDuFait.COUPABLE for f in self.faits)

    def peine_encourue(self, reponses: Reponses) -> PeineEncourue | None:
        retenues = [p for p in self.peines if p.condition.remplie(reponses)]
        aggraves = {p.fait for p in retenues if p.aggravee and p.encourue.peine is not None}
        return la_plus_forte([p.encourue for p in retenues if p.aggravee or p.fait not in aggraves])

    def alteration_retenue(self, reponses: Reponses) -> bool:
        return self.alteration is not None and self.alteration.remplie(reponses)

    def cause_de_la_peine_retenue(self, reponses: Reponses) -> bool:
        return self.exemption_ou_diminution is not None and self.exemption_ou_diminution.remplie(reponses)


@dataclass(frozen=True)
class PlanDeDeliberation:
    questions: tuple[QuestionADeliberer, ...]
    incompatibilites: tuple[Incompatibilite, ...]
    accuses: tuple[IssuePourLAccuse, ...]

    @cached_property
    def _par_numero(self) -> dict[int, QuestionADeliberer]:
        return {q.numero: q for q in self.questions}

    @cached_property
    def dependantes(self) -> dict[int, tuple[int, ...]]:
        """Pour chaque question, celles dont la condition la nomme : elles seules peuvent changer
        d'état quand elle reçoit sa réponse."""
        index: dict[int, list[int]] = defaultdict(list)
        for question in self.questions:
            for numero in question.condition.numeros():
                index[numero].append(question.numero)
        return {numero: tuple(suivantes) for numero, suivantes in index.items()}

    def question(self, numero: int) -> QuestionADeliberer | None:
        return self._par_numero.get(numero)

    def par_numero(self) -> tuple[QuestionADeliberer, ...]:
        return tuple(sorted(self.questions, key=lambda q: q.numero))

    def accuse(self, identifiant: str) -> IssuePourLAccuse | None:
        return next((a for a in self.accuses if a.accuse == identifiant), None)


def etablir_plan(
    dossier: Dossier, feuille: FeuilleDeQuestions, catalogue: Catalogue | None = None
) -> PlanDeDeliberation:
    """Le plan du délibéré : les questions dans l'ordre des votes, leurs conditions, les issues."""
    lecture = _Lecture(dossier, feuille, catalogue or catalogue_livre())
    # Les questions propres au mineur se votent avec la peine, une fois la culpabilité acquise
    # (excuse_de_minorite.py) : elles dépendent de tous les faits retenus (Crim. 27 nov. 2019).
    questions = [lecture.a_deliberer(q) for q in feuille.questions if q.nature is not NatureQuestion.MINORITE]
    questions += lecture.questions_d_alteration(max((q.numero for q in feuille.questions), default=0) + 1)
    return PlanDeDeliberation(
        questions=_ordre_des_votes(questions),
        incompatibilites=tuple(lecture.incompatibilites()),
        accuses=tuple(lecture.issue(a.id) for a in dossier.accuses),
    )


class _Lecture:
    """La feuille regroupée par accusé et par fait, lue une fois."""

    def __init__(self, dossier: Dossier, feuille: FeuilleDeQuestions, catalogue: Catalogue) -> None:
        self.dossier = dossier
        self.catalogue = catalogue
        self.questions = feuille.questions
        self.par_fait: dict[tuple[str, str], list[Question]] = defaultdict(list)
        self.uniques: dict[str, list[Question]] = defaultdict(list)
        for question in feuille.questions:
            if question.nature is NatureQuestion.IRRESPONSABILITE and not question.fait:
                self.uniques[question.accuse].append(question)
            else:
                self.par_fait[(question.accuse, question.fait)].append(question)
        self.alterations: dict[str, list[int]] = defaultdict(list)
        self._circonstances: dict[tuple[str, str], CirconstanceAggravante | None] = {}

    def _de_nature(self, accuse: str, fait: str, *natures: NatureQuestion) -> list[Question]:
        return [q for q in self.par_fait[(accuse, fait)] if q.nature in natures]

    def sur_le_fait(self, accuse: str, fait: str) -> Question | None:
        return next(iter(self._de_nature(accuse, fait, *NATURES_SUR_LE_FAIT)), None)

    def non_irresponsable(self, accuse: str, fait: str) -> tuple[Dependance, ...]:
        """Les réponses « non » aux causes d'irresponsabilité qui couvrent ce fait (art. 361-1)."""
        causes = self._de_nature(accuse, fait, NatureQuestion.IRRESPONSABILITE) + self.uniques[accuse]
        return tuple(Dependance(c.numero, Reponse.NON) for c in causes)

    def coupable_du_fait(self, question: Question) -> tuple[Dependance, ...]:
        """« oui » à la question sur le fait, et, dans la forme en deux questions, « non » aux causes."""
        oui = Dependance(question.numero, Reponse.OUI)
        if question.nature is NatureQuestion.FAIT_MATERIEL:
            return (oui, *self.non_irresponsable(question.accuse, question.fait))
        return (oui,)

    def a_deliberer(self, question: Question) -> QuestionADeliberer:
        return QuestionADeliberer(
            numero=question.numero,
            nature=question.nature,
            accuse=question.accuse,
            fait=question.fait,
            texte=question.texte,
            condition=self.condition(question),
            citations=question.citations,
            code=question.code,
            non_verifie=question.non_verifie,
        )

    def condition(self, question: Question) -> Condition:
        nature = question.nature
        if nature in NATURES_SUR_LE_FAIT:
            return TOUJOURS
        if nature is NatureQuestion.IRRESPONSABILITE and not question.fait:
            # La question unique couvre tous les faits : elle se pose si l'un d'eux est établi.
            materiels = [
                q
                for q in self.questions
                if q.accuse == question.accuse and q.nature is NatureQuestion.FAIT_MATERIEL
            ]
            return Condition(tuple((Dependance(m.numero, Reponse.OUI),) for m in materiels))
        dependances = list(question.depend_de)
        if nature in NATURES_DE_CIRCONSTANCE | {NatureQuestion.CAUSE_EXEMPTION_DIMINUTION}:
            principale = self.sur_le_fait(question.accuse, question.fait)
            if principale is not None and principale.nature is NatureQuestion.FAIT_MATERIEL:
                dependances += self.non_irresponsable(question.accuse, question.fait)
        if nature is NatureQuestion.SUBSIDIAIRE:
            precedentes = self._de_nature(question.accuse, question.fait, NatureQuestion.SUBSIDIAIRE)
            dependances += [
                Dependance(s.numero, Reponse.NON) for s in precedentes if s.numero < question.numero
            ]
        return Condition((tuple(dependances),))

    def questions_d_alteration(self, premier_numero: int) -> list[QuestionADeliberer]:
        """Art. 361-1 al. 3 : après « oui » au fait et « non » au trouble mental, l'altération."""
        numeros = itertools.count(premier_numero)
        questions = []
        for cause in self.questions:
            if cause.nature is not NatureQuestion.IRRESPONSABILITE or cause.code != CAUSE_TROUBLE_MENTAL:
                continue
            # La feuille la pose déjà pour un fait (art. 361-1 al. 3) : elle est votée telle quelle.
            sur_la_feuille = [
                q.numero
                for q in self.questions
                if q.code == CODE_ALTERATION and q.accuse == cause.accuse and q.fait == cause.fait
            ]
            if sur_la_feuille:
                self.alterations[cause.accuse] += sur_la_feuille
                continue
            if cause.fait:
                materiels = [m for m in [self.sur_le_fait(cause.accuse, cause.fait)] if m is not None]
            else:
                materiels = [
                    q
                    for q in self.questions
                    if q.accuse == cause.accuse and q.nature is NatureQuestion.FAIT_MATERIEL
                ]
            numero = next(numeros)
            self.alterations[cause.accuse].append(numero)
            questions.append(
                QuestionADeliberer(
                    numero=numero,
                    nature=NatureQuestion.CAUSE_EXEMPTION_DIMINUTION,
                    accuse=cause.accuse,
                    fait=cause.fait,
                    texte=self._texte_alteration(cause.accuse, [m.numero for m in materiels]),
                    condition=Condition(tuple(self.coupable_du_fait(m) for m in materiels)),
                    citations=(article_cpp("361-1", 3), article_cp("122-1", 2)),
                    code="122-1 al. 2",
                    non_verifie=True,
                    posee_au_delibere=True,
                )
            )
        return questions

    def _texte_alteration(self, accuse: str, numeros: list[int]) -> str:
        personne = self.dossier.accuse(accuse)
        return texte_alteration(
            personne.sexe is Sexe.FEMININ, nom_usuel(personne.prenoms, personne.nom), numeros
        )

    def incompatibilites(self) -> Iterable[Incompatibilite]:
        """Les paires de réponses qui se contrediraient, cherchées seulement entre questions voisines.

        Une circonstance réelle se compare aux questions du même fait et du même code ; une
        minorité, à celles des mêmes victimes : jamais toutes les paires de la feuille, qui
        peuvent être des millions dans une affaire de trois cents victimes.
        """
        meme_circonstance: dict[tuple[str, str], list[Question]] = defaultdict(list)
        memes_victimes: dict[tuple[frozenset[str], int], list[Question]] = defaultdict(list)
        for question in self.questions:
            fait = self.dossier.fait(question.fait)
            if question.nature not in NATURES_DE_CIRCONSTANCE or not question.code or fait is None:
                continue
            circonstance = self._circonstance(question, fait)
            if circonstance is None:
                continue
            if circonstance.nature is NatureCirconstance.REELLE:
                meme_circonstance[(fait.id, question.code)].append(question)
            if circonstance.age_victime_inferieur_a is not None and fait.victimes:
                memes_victimes[(frozenset(fait.victimes), circonstance.age_victime_inferieur_a)].append(
                    question
                )
        groupes = [*meme_circonstance.values(), *memes_victimes.values()]
        paires = {(b.numero, a.numero): (a, b) for g in groupes for a, b in itertools.permutations(g, 2)}
        for _, (a, b) in sorted(paires.items()):
            fait_a, fait_b = self.dossier.fait(a.fait), self.dossier.fait(b.fait)
            assert fait_a is not None and fait_b is not None
            motif = self._motif_circonstance_reelle(a, b, fait_a) or self._motif_age(a, b, fait_a, fait_b)
            if motif is not None:
                oui, non = Dependance(b.numero, Reponse.OUI), Dependance(a.numero, Reponse.NON)
                yield Incompatibilite(oui, non, motif)

    def _circonstance(self, question: Question, fait: Fait) -> CirconstanceAggravante | None:
        cle = (fait.id, question.code or "")
        if cle not in self._circonstances:
            version = self.catalogue.version_au(fait.qualification, fait.premier_jour)
            self._circonstances[cle] = version.circonstance(cle[1]) if version else None
        return self._circonstances[cle]

    def _motif_circonstance_reelle(self, a: Question, b: Question, fait: Fait) -> str | None:
        if a.fait != b.fait or a.code != b.code or a.accuse == b.accuse:
            return None
        circonstance = self._circonstance(a, fait)
        if circonstance is None or circonstance.nature is not NatureCirconstance.REELLE:
            return None
        return (
            f"La circonstance « {circonstance.libelle} » tient au fait {fait.id} et vaut pour chacun de"
            f" ceux qui y ont participé : « oui » à la question n° {b.numero} et « non » à la question"
            f" n° {a.numero} se contredisent."
        )

    def _motif_age(self, a: Question, b: Question, fait_a: Fait, fait_b: Fait) -> str | None:
        """« oui » à la minorité à une date, « non » à une date antérieure ou identique."""
        if a.fait == b.fait or not fait_a.victimes or set(fait_a.victimes) != set(fait_b.victimes):
            return None
        circonstance_a, circonstance_b = self._circonstance(a, fait_a), self._circonstance(b, fait_b)
        if circonstance_a is None or circonstance_b is None:
            return None
        age = circonstance_a.age_victime_inferieur_a
        if age is None or age != circonstance_b.age_victime_inferieur_a:
            return None
        meme_epoque = (fait_a.premier_jour, fait_a.dernier_jour) == (fait_b.premier_jour, fait_b.dernier_jour)
        if not (meme_epoque or fait_a.dernier_jour <= fait_b.premier_jour):
            return None
        victimes = liste_en_francais(
            [nom_usuel(v.prenoms, v.nom) for v in (self.dossier.victime(i) for i in fait_a.victimes)]
        )
        epoque = "de même date" if meme_epoque else "antérieurs"
        return (
            f"Selon la réponse « oui » à la question n° {b.numero}, {victimes} avait moins de"
            f" {nombre_en_lettres(age)} ans lors des faits {fait_b.id} ; la réponse « non » à la"
            f" question n° {a.numero}, pour les faits {fait_a.id}, {epoque}, la contredit."
        )

    def issue(self, accuse: str) -> IssuePourLAccuse:
        personne = self.dossier.accuse(accuse)
        faits: list[FaitDeLAccuse] = []
        peines: list[PeineSelonReponses] = []
        for fait in self.dossier.faits:
            participant = next((p for p in fait.participants if p.accuse == accuse), None)
            principale = self.sur_le_fait(accuse, fait.id)
            if participant is None or principale is None:
                continue
            complice = participant.qualite is QualiteParticipation.COMPLICE
            base = self.coupable_du_fait(principale)
            subsidiaires = self._de_nature(accuse, fait.id, NatureQuestion.SUBSIDIAIRE)
            causes = self._de_nature(accuse, fait.id, NatureQuestion.IRRESPONSABILITE) + self.uniques[accuse]
            trouble_mental = [
                (Dependance(principale.numero, Reponse.OUI), Dependance(c.numero, Reponse.OUI))
                for c in causes
                if c.code == CAUSE_TROUBLE_MENTAL
            ]
            libelle = self.catalogue.libelle_qualification(fait.qualification, fait.premier_jour)
            circonstances = tuple(
                (
                    c.numero,
                    self.catalogue.libelle_circonstance(fait.qualification, c.code or "", fait.premier_jour),
                )
                for c in self._de_nature(accuse, fait.id, *NATURES_DE_CIRCONSTANCE)
            )
            qualifications = [QualificationPossible(libelle, Condition((base,)), None, circonstances)]
            qualifications += [
                QualificationPossible(
                    self.catalogue.libelle_qualification(s.code or "", fait.premier_jour),
                    Condition(((Dependance(s.numero, Reponse.OUI),),)),
                    s.numero,
                )
                for s in subsidiaires
            ]
            faits.append(
                FaitDeLAccuse(
                    fait=fait.id,
                    libelle=f"{libelle} (fait {fait.id})",
                    coupable=Condition((base, *((Dependance(s.numero, Reponse.OUI),) for s in subsidiaires))),
                    trouble_mental=Condition(tuple(trouble_mental)) if trouble_mental else None,
                    qualifications=tuple(qualifications),
                )
            )

            peines.append(
                PeineSelonReponses(
                    Condition((base,)), _encourue(fait, fait.qualification, None, complice), fait.id
                )
            )
            for circonstance in self._de_nature(accuse, fait.id, *NATURES_DE_CIRCONSTANCE):
                peines.append(
                    PeineSelonReponses(
                        Condition(((*base, Dependance(circonstance.numero, Reponse.OUI)),)),
                        _encourue(fait, fait.qualification, circonstance.code, complice),
                        fait.id,
                        aggravee=True,
                    )
                )
            for subsidiaire in subsidiaires:
                peines.append(
                    PeineSelonReponses(
                        Condition(((Dependance(subsidiaire.numero, Reponse.OUI),),)),
                        _encourue(fait, subsidiaire.code or "", None, complice),
                        fait.id,
                    )
                )
        causes_de_la_peine = [
            (Dependance(q.numero, Reponse.OUI),)
            for q in self.questions
            if q.accuse == accuse and q.nature is NatureQuestion.CAUSE_EXEMPTION_DIMINUTION
        ]
        alterations = [(Dependance(n, Reponse.OUI),) for n in self.alterations[accuse]]
        return IssuePourLAccuse(
            accuse=accuse,
            nom=nom_usuel(personne.prenoms, personne.nom),
            feminin=personne.sexe is Sexe.FEMININ,
            faits=tuple(faits),
            peines=tuple(peines),
            alteration=Condition(tuple(alterations)) if alterations else None,
            exemption_ou_diminution=Condition(tuple(causes_de_la_peine)) if causes_de_la_peine else None,
        )


def _encourue(fait: Fait, qualification: str, circonstance: str | None, complice: bool) -> PeineEncourue:
    return peine_encourue(
        qualification, fait.premier_jour, circonstance, tentative=fait.tentative, complice=complice
    )


def _ordre_des_votes(questions: list[QuestionADeliberer]) -> tuple[QuestionADeliberer, ...]:
    """Le plus petit numéro d'abord, parmi les questions dont les prérequis sont votés."""
    par_numero = {q.numero: q for q in questions}
    attend: dict[int, set[int]] = {
        q.numero: {n for n in q.condition.numeros() if n in par_numero} for q in questions
    }
    suivantes: dict[int, list[int]] = defaultdict(list)
    for numero, prerequis in attend.items():
        for prerequis_numero in prerequis:
            suivantes[prerequis_numero].append(numero)
    pretes = [n for n, prerequis in attend.items() if not prerequis]
    heapq.heapify(pretes)
    ordre: list[QuestionADeliberer] = []
    while pretes:
        numero = heapq.heappop(pretes)
        ordre.append(par_numero[numero])
        for suivante in suivantes[numero]:
            attend[suivante].discard(numero)
            if not attend[suivante]:
                heapq.heappush(pretes, suivante)
    if len(ordre) != len(questions):
        raise ValueError("Les dépendances des questions forment un cycle : la feuille est incohérente.")
    return tuple(ordre)
