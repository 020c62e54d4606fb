"""Le délibéré pas à pas : un scrutin après l'autre, puis la peine de chaque accusé coupable.

Art. 358 : le président « constate sur-le-champ le résultat du vote en marge ou à la suite de la
question résolue » ; art. 365 : « Les réponses de la cour d'assises aux questions posées sont
irrévocables », sous la seule réserve du nouveau vote que l'art. 361 permet en cas de
contradiction. Un vote sur une question qui ne se pose pas, ou avant celle que l'ordre des votes
appelle, est refusé sans rien changer.

``Delibere`` ne garde que les réponses ; le décompte passe par ``voter`` et n'est conservé nulle
part. Il avance en place : un scrutin ajoute sa réponse (et les « sans objet » qu'elle entraîne)
sans recopier la feuille, et la question suivante se cherche à partir de la dernière votée, de
sorte que le délibéré entier croît comme la feuille ; un vote refusé ne change rien.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pretoire.law.deliberation.excuse_de_minorite import maximum_avec_l_excuse
from pretoire.law.deliberation.majorite import Decompte, Majorite, ReponseDeLaCour, constater
from pretoire.law.deliberation.messages import Refus, message
from pretoire.law.deliberation.ordre import (
    EtatCondition,
    Incompatibilite,
    PlanDeDeliberation,
    QuestionADeliberer,
    Reponses,
)
from pretoire.law.deliberation.peine import Peine, PeineRefusee, RegleDeLaPeine
from pretoire.law.deliberation.peines_encourues import PeineEncourue


class VoteRefuse(Refus):
    """Ce vote ne peut pas avoir lieu maintenant : rien n'est inscrit."""


@dataclass
class Delibere:
    plan: PlanDeDeliberation
    majorite: Majorite
    reponses: dict[int, ReponseDeLaCour] = field(default_factory=dict)
    # Toutes les questions qui précèdent cette position, dans l'ordre des votes, ont leur réponse.
    _position: int = field(default=0, init=False, repr=False, compare=False)

    @classmethod
    def ouvrir(cls, plan: PlanDeDeliberation, majorite: Majorite) -> Delibere:
        return cls(plan, majorite).avec_les_sans_objet()

    def avec_les_sans_objet(self) -> Delibere:
        """Les questions qui ne peuvent plus se poser reçoivent « sans objet », dans l'ordre."""
        reponses = dict(self.reponses)
        for question in self.plan.questions:
            if question.numero in reponses:
                continue
            if question.condition.etat(reponses) is EtatCondition.IMPOSSIBLE:
                reponses[question.numero] = ReponseDeLaCour.SANS_OBJET
        return replace(self, reponses=reponses)

    def prochaine_question(self) -> QuestionADeliberer | None:
        questions = self.plan.questions
        while self._position < len(questions) and questions[self._position].numero in self.reponses:
            self._position += 1
        for rang in range(self._position, len(questions)):
            question = questions[rang]
            if question.numero in self.reponses:
                continue
            if question.condition.etat(self.reponses) is EtatCondition.REMPLIE:
                return question
        return None

    @property
    def termine(self) -> bool:
        return self.prochaine_question() is None

    def constater_le_scrutin(self, numero: int, decompte: Decompte) -> ReponseDeLaCour:
        """Le résultat du scrutin sur la question ``numero``, sans l'inscrire ; refusé si elle ne se
        pose pas maintenant. La majorité va à la réponse défavorable à l'accusé (art. 359)."""
        question = self._verifier_que_la_question_se_pose(numero)
        return constater(self.majorite, decompte, question.defavorable)

    def inscrire(self, numero: int, reponse: ReponseDeLaCour) -> Delibere:
        """Inscrit la réponse constatée, puis « sans objet » aux questions qui ne se posent plus."""
        self._verifier_que_la_question_se_pose(numero)
        self.reponses[numero] = reponse
        # Seules les questions qui dépendent de celle-ci peuvent devenir sans objet.
        a_revoir = [numero]
        while a_revoir:
            for suivante in self.plan.dependantes.get(a_revoir.pop(), ()):
                question = self.plan.question(suivante)
                if suivante in self.reponses or question is None:
                    continue
                if question.condition.etat(self.reponses) is EtatCondition.IMPOSSIBLE:
                    self.reponses[suivante] = ReponseDeLaCour.SANS_OBJET
                    a_revoir.append(suivante)
        return self

    def voter(self, numero: int, decompte: Decompte) -> Delibere:
        """Le scrutin sur la question ``numero``, constaté et inscrit ; refusé si elle ne se pose pas
        maintenant, sans rien changer."""
        return self.inscrire(numero, self.constater_le_scrutin(numero, decompte))

    def _verifier_que_la_question_se_pose(self, numero: int) -> QuestionADeliberer:
        question = self.plan.question(numero)
        if question is None:
            raise VoteRefuse(message("question_absente", numero=numero))
        deja = self.reponses.get(numero)
        if deja is ReponseDeLaCour.SANS_OBJET:
            raison = question.condition.raison_de_l_impossibilite()
            raise VoteRefuse(message("question_sans_objet", numero=numero, raison=raison))
        if deja is not None:
            raise VoteRefuse(message("question_deja_repondue", numero=numero))
        prochaine = self.prochaine_question()
        if prochaine is not None and prochaine.numero != numero:
            raise VoteRefuse(message("votez_d_abord", numero=prochaine.numero))
        return question

    def contradictions(self) -> tuple[Incompatibilite, ...]:
        return tuple(i for i in self.plan.incompatibilites if i.constatee(self.reponses))

    def nouveau_vote(self, numero: int) -> Delibere:
        """Art. 361 : efface la réponse ``numero`` et celles qui en dépendent, pour un nouveau vote."""
        en_cause = {n for i in self.contradictions() for n in (i.premiere.numero, i.seconde.numero)}
        if numero not in en_cause:
            raise VoteRefuse(message("nouveau_vote_sans_contradiction", numero=numero))
        effacees = {numero}
        for question in self.plan.questions:
            if question.condition.numeros() & effacees:
                effacees.add(question.numero)
        reponses = {n: r for n, r in self.reponses.items() if n not in effacees}
        return replace(self, reponses=reponses).avec_les_sans_objet()


def verifier_les_reponses(plan: PlanDeDeliberation, reponses: Reponses) -> list[str]:
    """Les erreurs d'une feuille répondue : réponse manquante, question qui ne se posait pas…

    Vide si chaque question a la réponse que son ordre et ses conditions permettent.
    """
    erreurs = [
        f"La question n° {n} n'est pas sur la feuille."
        for n in sorted(set(reponses) - {q.numero for q in plan.questions})
    ]
    lues: dict[int, ReponseDeLaCour] = {}
    for question in plan.questions:
        etat = question.condition.etat(lues)
        reponse = reponses.get(question.numero)
        if etat is EtatCondition.EN_ATTENTE:
            continue
        if reponse is None:
            erreurs.append(f"La question n° {question.numero} n'a pas de réponse.")
            continue
        if etat is EtatCondition.IMPOSSIBLE and reponse is not ReponseDeLaCour.SANS_OBJET:
            erreurs.append(
                f"La question n° {question.numero} ne se pose pas"
                f" ({question.condition.raison_de_l_impossibilite()}) : sa réponse est « sans objet »."
            )
            continue
        if etat is EtatCondition.REMPLIE and reponse is ReponseDeLaCour.SANS_OBJET:
            erreurs.append(f"La question n° {question.numero} se pose : elle appelle « oui » ou « non ».")
            continue
        lues[question.numero] = reponse
    return erreurs


@dataclass(frozen=True)
class DecisionSurLaPeine:
    """Ce que la cour a décidé pour un accusé coupable : une peine, ou l'exemption (art. 363)."""

    accuse: str
    peine: Peine | None
    mention: str | None
    maximum: Peine | None


def decider_de_la_peine(
    plan: PlanDeDeliberation,
    majorite: Majorite,
    reponses: Reponses,
    accuse: str,
    peine: Peine | None,
    maximum_confirme: Peine | None = None,
    excuse_de_minorite: bool = False,
) -> DecisionSurLaPeine:
    """Contrôle la peine prononcée pour ``accuse`` et rend la mention de majorité qui l'accompagne.

    ``peine`` vaut ``None`` pour l'exemption de peine ; ``maximum_confirme`` est le maximum que le
    président a confirmé quand les textes ne suffisent pas à l'établir ; ``excuse_de_minorite``
    réduit le maximum (``excuse_de_minorite.maximum_avec_l_excuse``).
    """
    issue = plan.accuse(accuse)
    if issue is None:
        raise PeineRefusee(f"L'accusé « {accuse} » n'est pas dans l'affaire.")
    if not issue.est_coupable(reponses):
        raise PeineRefusee(f"{issue.nom} n'est déclaré coupable d'aucun fait : aucune peine n'est votée.")
    if peine is None:
        if not issue.cause_de_la_peine_retenue(reponses):
            raise PeineRefusee(
                f"Aucune cause légale d'exemption de peine n'a été retenue pour {issue.nom} (art. 363 CPP)."
            )
        return DecisionSurLaPeine(accuse, None, None, None)
    maximum = _maximum(issue.nom, issue.peine_encourue(reponses), maximum_confirme)
    if excuse_de_minorite:
        maximum = Peine(maximum.nature, maximum_avec_l_excuse(maximum.mois))
    regle = RegleDeLaPeine(majorite, maximum, issue.alteration_retenue(reponses))
    regle.verifier(peine)
    if regle.voix_exigees(peine) is None:
        raise PeineRefusee(
            f"{peine.en_lettres()} exige une majorité que les textes de Prétoire n'établissent pas à"
            " cette date (non vérifié) : elle ne peut être enregistrée."
        )
    return DecisionSurLaPeine(accuse, peine, regle.mention(peine), maximum)


def _maximum(nom: str, encourue: PeineEncourue | None, confirme: Peine | None) -> Peine:
    """Le maximum établi par les textes, sinon celui que le président confirme, jamais moindre."""
    if encourue is not None and encourue.certaine and encourue.peine is not None:
        return encourue.peine
    if confirme is None:
        raise PeineRefusee(
            f"La peine encourue par {nom} n'est pas établie par les textes de Prétoire : le président"
            " doit confirmer le maximum encouru."
        )
    connue = encourue.peine if encourue is not None else None
    if connue is not None and connue.plus_forte_que(confirme):
        raise PeineRefusee(message("maximum_confirme_inferieur", confirme=confirme, connue=connue))
    return confirme
