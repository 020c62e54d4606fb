"""La feuille de questions répondue (art. 364 CPP) et le canevas de la feuille de motivation (art. 365-1).

Art. 364 : « Mention des décisions prises est faite sur la feuille de questions, qui est signée
séance tenante par le président et par le premier juré désigné par le sort ou, s'il ne peut
signer, par celui désigné par la majorité des membres de la cour d'assises. »
Art. 365-1 al. 2 et 3 : « En cas de condamnation, la motivation consiste dans l'énoncé des
principaux éléments à charge qui, pour chacun des faits reprochés à l'accusé, ont convaincu la
cour d'assises […]. La motivation consiste également dans l'énoncé des principaux éléments ayant
convaincu la cour d'assises dans le choix de la peine […]. La motivation figure sur un document
annexé à la feuille des questions appelé feuille de motivation, qui est signée conformément à
l'article 364. »

La feuille répondue ne porte que les formules légales : aucun nombre de voix n'y entre (art. 360).
Le canevas de motivation donne une section par fait et par accusé, puis une par peine ; son
en-tête reprend la formule rapportée par des présidents de cour d'assises (« a été convaincue de
la culpabilité de … en raison des éléments à charge suivants … »), à adapter.

AMBIGUÏTÉ : la signature de la cour criminelle départementale, sans jurés (art. 380-19 1°) —
lecture retenue : le président seul.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from pretoire.law.citations import ENTREE_EN_VIGUEUR_NOUVEAU_CODE, Reference, formater
from pretoire.law.deliberation.delibere import DecisionSurLaPeine
from pretoire.law.deliberation.majorite import Majorite, ReponseDeLaCour
from pretoire.law.deliberation.ordre import IssueDuFait, PlanDeDeliberation, Reponses
from pretoire.law.deliberation.peine_entiere import PeineEntiere
from pretoire.law.mise_en_accusation import TypeJuridiction
from pretoire.law.questions.modele import EnTete, FeuilleDeQuestions
from pretoire.law.redaction import date_en_toutes_lettres, liste_en_francais

INTITULES_DES_JURIDICTIONS = {
    TypeJuridiction.COUR_ASSISES: "Cour d'assises statuant en premier ressort",
    TypeJuridiction.COUR_ASSISES_APPEL: "Cour d'assises statuant en appel",
    TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE: "Cour criminelle départementale",
}

SIGNATURES_AVEC_JURY = ("Le président", "Le premier juré")


@dataclass(frozen=True)
class ReponseInscrite:
    numero: int
    texte: str
    citation: str
    formule: str
    posee_au_delibere: bool = False
    non_verifie: bool = False


@dataclass(frozen=True)
class FaitJuge:
    fait: str
    libelle: str
    issue: IssueDuFait
    questions: tuple[int, ...]


@dataclass(frozen=True)
class DecisionPourLAccuse:
    accuse: str
    nom: str
    feminin: bool
    faits: tuple[FaitJuge, ...]
    decision: str
    peine: str | None = None
    # Ce qui accompagne la peine (art. 362) : minorité, sursis, sûreté, amende, complémentaires, réexamen.
    modalites: tuple[str, ...] = ()
    reexamen_decide: bool = False

    @property
    def condamne(self) -> bool:
        return self.peine is not None


@dataclass(frozen=True)
class FeuilleRepondue:
    en_tete: EnTete
    date_deliberation: date
    composition: str
    regle: str
    reponses: tuple[ReponseInscrite, ...]
    decisions: tuple[DecisionPourLAccuse, ...]
    signatures: tuple[str, ...]
    # Le jury de jugement dans l'ordre du tirage (art. 364) ; vide sans jury.
    jury: tuple[str, ...] = ()

    def formules(self) -> dict[int, str]:
        return {r.numero: r.formule for r in self.reponses}

    def en_json(self) -> dict[str, Any]:
        return {
            "affaire": _affaire_en_json(self.en_tete),
            "date_deliberation": self.date_deliberation.isoformat(),
            "date_en_lettres": date_en_toutes_lettres(self.date_deliberation),
            "composition": self.composition,
            "regle": self.regle,
            "reponses": [
                {
                    "numero": r.numero,
                    "texte": r.texte,
                    "citation": r.citation,
                    "formule": r.formule,
                    "posee_au_delibere": r.posee_au_delibere,
                    "non_verifie": r.non_verifie,
                }
                for r in self.reponses
            ],
            "decisions": [
                {
                    "accuse": d.accuse,
                    "nom": d.nom,
                    "feminin": d.feminin,
                    "faits": [
                        {
                            "fait": f.fait,
                            "libelle": f.libelle,
                            "issue": f.issue.value,
                            "questions": list(f.questions),
                        }
                        for f in d.faits
                    ],
                    "decision": d.decision,
                    "peine": d.peine,
                    "modalites": list(d.modalites),
                    "reexamen_decide": d.reexamen_decide,
                }
                for d in self.decisions
            ],
            "signatures": list(self.signatures),
            "jury": list(self.jury),
        }

    @classmethod
    def depuis_json(cls, donnees: Mapping[str, Any]) -> FeuilleRepondue:
        """La feuille relue de ce que ``en_json`` a enregistré."""
        affaire = donnees["affaire"]
        return cls(
            en_tete=EnTete(
                juridiction=affaire["juridiction"],
                type_juridiction=affaire["type_juridiction"],
                siege=affaire["siege"],
                session=affaire["session"],
                numero_affaire=affaire["numero"],
                date_proces=date.fromisoformat(affaire["date_proces"]),
                accuses=tuple(affaire["accuses"]),
            ),
            date_deliberation=date.fromisoformat(donnees["date_deliberation"]),
            composition=donnees["composition"],
            regle=donnees["regle"],
            reponses=tuple(ReponseInscrite(**r) for r in donnees["reponses"]),
            decisions=tuple(
                DecisionPourLAccuse(
                    accuse=d["accuse"],
                    nom=d["nom"],
                    feminin=d["feminin"],
                    faits=tuple(
                        FaitJuge(f["fait"], f["libelle"], IssueDuFait(f["issue"]), tuple(f["questions"]))
                        for f in d["faits"]
                    ),
                    decision=d["decision"],
                    peine=d["peine"],
                    modalites=tuple(d.get("modalites", ())),
                    reexamen_decide=d.get("reexamen_decide", False),
                )
                for d in donnees["decisions"]
            ),
            signatures=tuple(donnees["signatures"]),
            jury=tuple(donnees.get("jury", ())),
        )


def _affaire_en_json(en_tete: EnTete) -> dict[str, Any]:
    return {
        "juridiction": en_tete.juridiction,
        "type_juridiction": en_tete.type_juridiction,
        "siege": en_tete.siege,
        "session": en_tete.session,
        "numero": en_tete.numero_affaire,
        "date_proces": en_tete.date_proces.isoformat(),
        "accuses": list(en_tete.accuses),
    }


def inscrire(
    feuille: FeuilleDeQuestions,
    plan: PlanDeDeliberation,
    majorite: Majorite,
    reponses: Reponses,
    peines: Mapping[str, DecisionSurLaPeine],
    date_deliberation: date,
    entree_en_vigueur_nouveau_code: date = ENTREE_EN_VIGUEUR_NOUVEAU_CODE,
    peines_entieres: Mapping[str, PeineEntiere] | None = None,
) -> FeuilleRepondue:
    """La feuille telle que le président la signe : chaque question, sa réponse, les décisions.

    ``peines_entieres`` : ce qui accompagne la peine de chaque accusé (``peine_entiere``).
    """
    entieres = peines_entieres or {}

    def citer(references: tuple[Reference, ...]) -> str:
        return "; ".join(formater(r, date_deliberation, entree_en_vigueur_nouveau_code) for r in references)

    type_juridiction = majorite.regle.type_juridiction
    return FeuilleRepondue(
        en_tete=feuille.en_tete,
        date_deliberation=date_deliberation,
        composition=f"{INTITULES_DES_JURIDICTIONS[type_juridiction]} : {majorite.composition.en_clair()}.",
        regle=_regle_en_clair(majorite, any(q.defavorable is ReponseDeLaCour.NON for q in plan.questions)),
        reponses=tuple(
            ReponseInscrite(
                numero=q.numero,
                texte=q.texte,
                citation=citer(q.citations),
                formule=majorite.formule(reponses[q.numero], q.defavorable),
                posee_au_delibere=q.posee_au_delibere,
                non_verifie=q.non_verifie,
            )
            for q in plan.par_numero()
        ),
        decisions=tuple(
            _avec_les_modalites(
                _decision(plan, a.accuse, reponses, peines.get(a.accuse)), entieres.get(a.accuse)
            )
            for a in plan.accuses
        ),
        signatures=SIGNATURES_AVEC_JURY if majorite.composition.avec_jury else ("Le président",),
    )


def _avec_les_modalites(decision: DecisionPourLAccuse, entiere: PeineEntiere | None) -> DecisionPourLAccuse:
    if entiere is None:
        return decision
    return replace(decision, modalites=entiere.lignes, reexamen_decide=entiere.retention_decidee)


def _regle_en_clair(majorite: Majorite, non_defavorable: bool = False) -> str:
    if majorite.regle.majorite_simple:
        exigence = "à la majorité (art. 380-19 4° CPP)"
    else:
        exigence = f"{majorite.mention_de_majorite()} (art. 359 CPP)"
    regle = (
        f"Toute décision défavorable à l'accusé se forme {exigence} ; les bulletins blancs ou déclarés"
        " nuls sont comptés comme favorables à l'accusé (art. 358 CPP) ; le nombre de voix n'est pas"
        " exprimé (art. 360 CPP)."
    )
    if not non_defavorable:
        return regle
    return (
        f"{regle} Sur une question dont le « oui » profite à l'accusé, la décision défavorable est le"
        " « non », inscrit avec la majorité qu'il a réunie (forme non vérifiée)."
    )


def _decision(
    plan: PlanDeDeliberation, accuse: str, reponses: Reponses, peine: DecisionSurLaPeine | None
) -> DecisionPourLAccuse:
    issue = plan.accuse(accuse)
    assert issue is not None
    par_fait: dict[str, list[int]] = defaultdict(list)
    for question in plan.par_numero():
        if question.accuse == accuse:
            par_fait[question.fait].append(question.numero)
    faits = tuple(
        FaitJuge(
            fait=f.fait,
            # Art. 364 et 365-1 : la qualification et les circonstances que les réponses retiennent.
            libelle=f.libelle_retenu(reponses),
            issue=f.issue(reponses),
            # Les questions du fait, et celles qui couvrent tous les faits de l'accusé.
            questions=tuple(sorted(par_fait[f.fait] + par_fait[""])),
        )
        for f in issue.faits
    )
    issues = {f.issue for f in faits}
    titre = "L'accusée" if issue.feminin else "L'accusé"
    declare = "déclarée" if issue.feminin else "déclaré"
    if IssueDuFait.COUPABLE in issues:
        retenus = liste_en_francais([f.libelle for f in faits if f.issue is IssueDuFait.COUPABLE])
        decision = f"{titre} {issue.nom} est {declare} coupable : {retenus}."
        if peine is not None and peine.peine is None:
            return DecisionPourLAccuse(
                accuse,
                issue.nom,
                issue.feminin,
                faits,
                f"{decision} Exempt{'ée' if issue.feminin else 'é'} de peine (art. 363 CPP).",
                None,
            )
        texte_peine = f"{peine.peine.en_lettres()}, {peine.mention}" if peine and peine.peine else None
        return DecisionPourLAccuse(accuse, issue.nom, issue.feminin, faits, decision, texte_peine)
    if IssueDuFait.IRRESPONSABLE in issues:
        decision = (
            f"{titre} {issue.nom} a commis les faits mais n'est pas pénalement responsable (trouble"
            " mental) : déclaration d'irresponsabilité pénale (art. 361-1 CPP ; art. 706-129 et"
            " suivants CPP)."
        )
        return DecisionPourLAccuse(accuse, issue.nom, issue.feminin, faits, decision)
    decision = f"{titre} {issue.nom} est {declare} non coupable : acquittement (art. 363 CPP)."
    return DecisionPourLAccuse(accuse, issue.nom, issue.feminin, faits, decision)


@dataclass(frozen=True)
class SectionDeMotivation:
    titre: str
    consigne: str
    a_rediger: bool


@dataclass(frozen=True)
class FeuilleDeMotivation:
    en_tete: EnTete
    date_deliberation: date
    preambule: str
    sections: tuple[SectionDeMotivation, ...]
    mentions: tuple[str, ...]
    signatures: tuple[str, ...]

    def en_json(self) -> dict[str, Any]:
        return {
            "affaire": _affaire_en_json(self.en_tete),
            "date_en_lettres": date_en_toutes_lettres(self.date_deliberation),
            "preambule": self.preambule,
            "sections": [
                {"titre": s.titre, "consigne": s.consigne, "a_rediger": s.a_rediger} for s in self.sections
            ],
            "mentions": list(self.mentions),
            "signatures": list(self.signatures),
        }


def canevas_de_motivation(feuille: FeuilleRepondue, type_juridiction: TypeJuridiction) -> FeuilleDeMotivation:
    """Une section par fait et par accusé, puis une par peine prononcée (art. 365-1 al. 2)."""
    jury = (
        "par la cour et le jury"
        if type_juridiction is not TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE
        else "par la cour"
    )
    juridiction = feuille.en_tete.juridiction
    statuant = {
        TypeJuridiction.COUR_ASSISES: " statuant en premier ressort",
        TypeJuridiction.COUR_ASSISES_APPEL: " statuant en appel",
        TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE: "",
    }[type_juridiction]
    sections: list[SectionDeMotivation] = []
    for decision in feuille.decisions:
        for fait in decision.faits:
            questions = liste_en_francais([str(n) for n in fait.questions])
            titre = f"{decision.nom} — {fait.libelle} (questions n° {questions}) : {fait.issue.value}"
            if fait.issue is IssueDuFait.COUPABLE:
                sections.append(
                    SectionDeMotivation(
                        titre,
                        f"La {juridiction}{statuant} a été convaincue de la culpabilité de {decision.nom}"
                        " pour ce fait en raison des éléments à charge suivants, qui ont été discutés lors"
                        " des débats et qui ont constitué les principaux éléments exposés au cours des"
                        f" délibérations menées {jury}, préalablement aux votes sur les questions :",
                        True,
                    )
                )
            else:
                sections.append(
                    SectionDeMotivation(
                        titre,
                        "Fait non retenu : l'art. 365-1 al. 2 CPP n'exige la motivation qu'en cas de"
                        " condamnation.",
                        False,
                    )
                )
    for decision in feuille.decisions:
        if decision.peine is not None:
            sections.append(
                SectionDeMotivation(
                    f"{decision.nom} — choix de la peine : {decision.peine}",
                    "Principaux éléments ayant convaincu la cour dans le choix de la peine, au vu"
                    " des éléments exposés au cours de la délibération prévue à l'art. 362 CPP :",
                    True,
                )
            )
        if decision.reexamen_decide:
            sections.append(
                SectionDeMotivation(
                    f"{decision.nom} — réexamen en vue d'une éventuelle rétention de sûreté",
                    "L'application des dispositions du troisième alinéa de l'art. 706-53-13 CPP est"
                    " également motivée (art. 365-1 al. 2 CPP) :",
                    True,
                )
            )
    return FeuilleDeMotivation(
        en_tete=feuille.en_tete,
        date_deliberation=feuille.date_deliberation,
        preambule=(
            "Feuille de motivation annexée à la feuille des questions (art. 365-1 al. 3 CPP), rédigée par"
            " le président ou l'un des magistrats assesseurs par lui désigné (art. 365-1 al. 1)."
        ),
        sections=tuple(sections),
        mentions=(
            "Signée conformément à l'art. 364 CPP.",
            "En cas de particulière complexité de l'affaire, liée au nombre des accusés ou des crimes,"
            " elle est rédigée, versée au dossier et déposée au greffe au plus tard dans un délai de"
            " trois jours à compter du prononcé de la décision (art. 365-1 al. 4 CPP).",
        ),
        signatures=feuille.signatures,
    )
