"""Art. 349 CPP (futur art. L4324-4) : question principale, circonstances, causes d'exemption.

« Chaque question principale est posée ainsi qu'il suit : "L'accusé est-il coupable d'avoir
commis tel fait ?" Une question est posée sur chaque fait spécifié dans le dispositif de la
décision de mise en accusation. Chaque circonstance aggravante fait l'objet d'une question
distincte. Il en est de même, lorsqu'elle est invoquée, de chaque cause légale d'exemption ou de
diminution de la peine. »

Chaque fait du dispositif est une unité (accusé × fait × victime) : plusieurs actes contre la même
victime sont plusieurs faits (Crim. 24 juin 1987, n° 86-96.712), que la décision énumère.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pretoire.law.catalogue import CirconstanceAggravante, NatureCirconstance, VersionQualification
from pretoire.law.citations import Reference, article_cp, article_cpp
from pretoire.law.mise_en_accusation import (
    CauseExemptionDiminution,
    Fait,
    ModeComplicite,
    MoyenDeProvocation,
    Participant,
    QualiteParticipation,
)
from pretoire.law.questions import jurisprudence
from pretoire.law.questions.modele import Dependance, NatureQuestion, Question, Reponse
from pretoire.law.questions.redaction import Contexte, Designation
from pretoire.law.redaction import liste_en_francais

ARTICLE_349 = article_cpp("349")
ARTICLE_121_7 = article_cp("121-7")

# Formule de la tentative reprise de la question validée par Crim. 22 déc. 1987, n° 87-83.073.
SUITE_DE_LA_TENTATIVE = (
    ", ladite tentative, manifestée par un commencement d'exécution, n'ayant été suspendue ou"
    " n'ayant manqué son effet qu'en raison de circonstances indépendantes de la volonté de"
    " son auteur"
)


# Art. 121-7 CP (texte NON VÉRIFIÉ : absent des sources du projet) : « Est complice d'un crime ou
# d'un délit la personne qui sciemment, par aide ou assistance, en a facilité la préparation ou la
# consommation. Est également complice la personne qui par don, promesse, menace, ordre, abus
# d'autorité ou de pouvoir aura provoqué à une infraction ou donné des instructions pour la
# commettre. » Les questions « posées dans les termes de la loi » caractérisent la complicité
# (Cass. crim., 15 juin 2011, Ramda, questions-practice.md § 1.4).
MOYENS_DE_PROVOCATION_DE_LA_LOI = (
    MoyenDeProvocation.DON,
    MoyenDeProvocation.PROMESSE,
    MoyenDeProvocation.MENACE,
    MoyenDeProvocation.ORDRE,
    MoyenDeProvocation.ABUS_D_AUTORITE,
    MoyenDeProvocation.ABUS_DE_POUVOIR,
)


def moyens_de_provocation(moyens: tuple[MoyenDeProvocation, ...]) -> str:
    """Les moyens de l'art. 121-7 al. 2 CP, joints par « ou » ; tous ceux de la loi par défaut.

    >>> moyens_de_provocation(())
    "par don, promesse, menace, ordre, abus d'autorité ou de pouvoir"
    >>> moyens_de_provocation((MoyenDeProvocation.PROMESSE, MoyenDeProvocation.ABUS_DE_POUVOIR))
    'par promesse ou abus de pouvoir'
    """
    if not moyens or set(moyens) == set(MOYENS_DE_PROVOCATION_DE_LA_LOI):
        return "par don, promesse, menace, ordre, abus d'autorité ou de pouvoir"
    retenus = [m.value for m in MOYENS_DE_PROVOCATION_DE_LA_LOI if m in moyens]
    return "par " + (retenus[0] if len(retenus) == 1 else ", ".join(retenus[:-1]) + " ou " + retenus[-1])


def renvoi_aux_questions(designation_accord: str, numeros: list[int]) -> str:
    """« spécifié à la question n° 1 » ou « spécifié aux questions n° 1 et 4 »."""
    if len(numeros) == 1:
        return f"spécifié{designation_accord} à la question n° {numeros[0]}"
    return f"spécifié{designation_accord} aux questions n° " + liste_en_francais([str(n) for n in numeros])


def acte_reproche(
    contexte: Contexte, fait: Fait, participant: Participant, numeros_des_auteurs: list[int]
) -> str:
    """Ce que la question demande à la cour de dire établi, après « d'avoir » ou « a-t-il ».

    Pour l'auteur : le lieu, la date et l'énoncé du dispositif. Pour le complice, les termes de
    l'art. 121-7 CP, renvoyant au fait de l'auteur : l'aide ou l'assistance apportée « en
    connaissance de cause » (« sciemment », al. 1 ; formule de Crim. 5 déc. 1984), la provocation
    avec ses moyens (al. 2), les instructions (al. 2 ; Crim. 14 avr. 1999).
    """
    circonstances_de_temps_et_lieu = f"{fait.lieu}, {fait.quand()}"
    if participant.qualite is QualiteParticipation.AUTEUR:
        suite = SUITE_DE_LA_TENTATIVE if fait.tentative else ""
        return f"{circonstances_de_temps_et_lieu}, {fait.enonce}{suite}"
    designation = contexte.designation(fait)
    renvoi = renvoi_aux_questions(designation.accord, numeros_des_auteurs)
    participe = "é" + designation.accord
    if participant.mode_complicite is ModeComplicite.PROVOCATION:
        moyens = moyens_de_provocation(participant.moyens_de_provocation)
        acte = f"{moyens}, provoqué à la commission {designation.complement()} {renvoi}"
    elif participant.mode_complicite is ModeComplicite.INSTRUCTIONS:
        acte = f"donné des instructions pour la commission {designation.complement()} {renvoi}"
    else:
        acte = (
            f"en connaissance de cause, aidé ou assisté l'auteur ou les auteurs"
            f" {designation.complement()} {renvoi} dans les faits qui l'ont prépar{participe}"
            f" ou facilit{participe} ou dans ceux qui l'ont consomm{participe}"
        )
    return f"{circonstances_de_temps_et_lieu}, {acte}"


@dataclass(frozen=True)
class FaitPrincipal:
    """Pour un complice : les questions posées aux auteurs du fait et les accusés qui en sont
    auteurs. Ses circonstances renvoient au fait de l'auteur, jamais à un fait qu'il aurait
    « commis » lui-même (art. 121-7 CP : le complice s'associe au fait principal)."""

    numeros_des_auteurs: tuple[int, ...]
    auteurs: tuple[str, ...]
    numero_complicite: int


def question_principale(
    contexte: Contexte,
    fait: Fait,
    participant: Participant,
    numero: int,
    numeros_des_auteurs: list[int],
) -> Question:
    """« L'accusé X est-il coupable d'avoir, à tel lieu, tel jour, commis tel fait ? »

    La question contient « coupable » (Crim. 12 juin 1981, n° 81-90.274).
    """
    accuse = participant.accuse
    version = contexte.version(fait)
    est = "est-elle" if contexte.accusee(accuse) else "est-il"
    acte = acte_reproche(contexte, fait, participant, numeros_des_auteurs)
    citations: list[Reference] = [ARTICLE_349, *(article_cp(a) for a in version.incrimination)]
    complice = participant.qualite is QualiteParticipation.COMPLICE
    if complice:
        citations.append(ARTICLE_121_7)
        citations.append(
            jurisprudence.CRIM_14_AVR_1999
            if participant.mode_complicite is not ModeComplicite.AIDE_OU_ASSISTANCE
            else jurisprudence.CRIM_5_DEC_1984
        )
    if fait.tentative:
        citations.append(jurisprudence.CRIM_22_DEC_1987)
    if version.violence_contrainte_menace_surprise_constitutive:
        citations.append(jurisprudence.ASS_PLEN_8_JUILL_2005)
    return Question(
        numero=numero,
        nature=NatureQuestion.PRINCIPALE,
        accuse=accuse,
        fait=fait.id,
        victime=contexte.victime_de(fait),
        texte=f"{contexte.l_accuse(accuse)} {est} coupable d'avoir, {acte} ?",
        citations=tuple(citations),
        code=fait.qualification,
        # L'art. 121-7 CP, qui définit la complicité, n'est pas dans les sources du projet.
        non_verifie=version.non_verifie or complice,
    )


def texte_circonstance(
    contexte: Contexte,
    fait: Fait,
    accuse: str,
    circonstance: CirconstanceAggravante,
    numero_principal: int,
    enonce_propre: str | None = None,
    *,
    fait_principal: FaitPrincipal | None = None,
    designation: Designation | None = None,
) -> str:
    """« Le viol ci-dessus spécifié à la question n° 1 a-t-il été commis … ? »

    Une circonstance personnelle nomme l'accusé (Crim. 30 oct. 1996, n° 96-80.541) ; la question
    d'âge énonce la date de naissance (Crim. 21 janv. 1998, n° 96-86.603), ce que fait le modèle.
    Exemple de question personnelle : « Le meurtre ci-dessus spécifié à la question n° 1
    a-t-il été commis par l'accusé Marc DURAND avec préméditation ? » ``designation`` nomme le
    fait d'une question subsidiaire (« L'atteinte sexuelle ci-dessus spécifiée … »).

    Pour un complice (``fait_principal``), la question renvoie au fait de l'auteur et nomme la
    question de complicité ; une circonstance personnelle, comme la préméditation, est posée de
    l'auteur, qui a commis le fait, non du complice.
    """
    designation = designation or contexte.designation(fait)
    modele = enonce_propre or circonstance.enonce
    if fait_principal is None:
        enonce = contexte.enonce(modele, fait, accuse)
        if circonstance.nature is NatureCirconstance.PERSONNELLE and not (
            "{accuse}" in modele or contexte.nom_accuse(accuse) in enonce
        ):
            enonce = f"par {contexte.titre_et_nom(accuse)} {enonce}"
        return f"{designation.renvoi(numero_principal)} {enonce} ?"
    auteur = fait_principal.auteurs[0] if len(fait_principal.auteurs) == 1 else None
    if auteur is not None:
        enonce = contexte.enonce(modele, fait, auteur)
        personnel = "{accuse}" in modele or contexte.nom_accuse(auteur) in enonce
        par_qui = contexte.titre_et_nom(auteur)
    else:
        # AMBIGUÏTÉ : circonstance personnelle d'un fait aux auteurs multiples, posée pour le
        # complice — lecture retenue : « par son auteur ou l'un de ses auteurs ».
        enonce = contexte.enonce(
            modele.replace("{accuse}", "son auteur ou l'un de ses auteurs"), fait, accuse
        )
        personnel = "{accuse}" in modele
        par_qui = "son auteur ou l'un de ses auteurs"
    if circonstance.nature is NatureCirconstance.PERSONNELLE and not personnel:
        enonce = f"par {par_qui} {enonce}"
    sujet, verbe = designation.renvoi_en_deux(
        renvoi_aux_questions(designation.accord, list(fait_principal.numeros_des_auteurs))
    )
    complicite = (
        f"dont la complicité est reprochée à {contexte.titre_et_nom(accuse)}"
        f" à la question n° {fait_principal.numero_complicite}"
    )
    return f"{sujet}, {complicite}, {verbe} {enonce} ?"


def citations_circonstance(circonstance: CirconstanceAggravante) -> tuple[Reference, ...]:
    citations: list[Reference] = [article_cp(a) for a in circonstance.articles]
    if circonstance.age_victime_inferieur_a is not None:
        citations.append(jurisprudence.CRIM_21_JANV_1998)
    if circonstance.nature is NatureCirconstance.PERSONNELLE:
        citations.append(jurisprudence.CRIM_30_OCT_1996)
    return tuple(citations)


def questions_circonstances(
    contexte: Contexte,
    fait: Fait,
    accuse: str,
    numero_principal: int,
    numeros: Iterator[int],
    fait_principal: FaitPrincipal | None = None,
    *,
    version: VersionQualification | None = None,
    designation: Designation | None = None,
) -> list[Question]:
    """Une question distincte par circonstance aggravante retenue par la décision (art. 349 al. 3).

    ``version`` et ``designation`` : ceux d'une autre qualification du même fait, quand la
    circonstance est posée après la question subsidiaire qui la retient (``numero_principal``).
    """
    version = version or contexte.version(fait)
    victime = contexte.victime_de(fait)
    # Toutes dépendent du « oui » à la même question : une seule dépendance, immuable, partagée.
    depend_de = (Dependance(numero_principal, Reponse.OUI),)
    questions = []
    for retenue in fait.circonstances_aggravantes:
        circonstance = version.circonstance(retenue.code)
        if circonstance is None:
            continue
        questions.append(
            Question(
                numero=next(numeros),
                nature=NatureQuestion.CIRCONSTANCE_AGGRAVANTE,
                accuse=accuse,
                fait=fait.id,
                victime=victime,
                texte=texte_circonstance(
                    contexte,
                    fait,
                    accuse,
                    circonstance,
                    numero_principal,
                    retenue.enonce,
                    fait_principal=fait_principal,
                    designation=designation,
                ),
                citations=(
                    ARTICLE_349,
                    *citations_circonstance(circonstance),
                    *((ARTICLE_121_7,) if fait_principal else ()),
                ),
                depend_de=depend_de,
                code=retenue.code,
                non_verifie=circonstance.non_verifie or version.non_verifie,
            )
        )
    return questions


def questions_exemption_diminution(
    contexte: Contexte, fait: Fait, accuse: str, numero_principal: int, numeros: Iterator[int]
) -> list[Question]:
    """Une question par cause légale d'exemption ou de diminution invoquée (art. 349 al. 4).

    Aucune formule de feuille n'est donnée par les sources : le libellé est celui du dossier,
    rattaché à l'accusé et au fait, et marqué non vérifié.
    """
    if not fait.causes_exemption_diminution:
        return []
    causes: list[CauseExemptionDiminution] = [
        c for c in fait.causes_exemption_diminution if c.accuse in (None, accuse)
    ]
    questions = []
    for cause in causes:
        beneficie = "bénéficie-t-elle" if contexte.accusee(accuse) else "bénéficie-t-il"
        citations: list[Reference] = [ARTICLE_349]
        if cause.article:
            citations.append(article_cp(cause.article))
        questions.append(
            Question(
                numero=next(numeros),
                nature=NatureQuestion.CAUSE_EXEMPTION_DIMINUTION,
                accuse=accuse,
                fait=fait.id,
                victime=contexte.victime_de(fait),
                texte=(
                    f"{contexte.l_accuse(accuse)} {beneficie}, pour le fait spécifié à la question"
                    f" n° {numero_principal}, de la cause légale d'exemption ou de diminution de"
                    f" la peine suivante : {cause.enonce} ?"
                ),
                citations=tuple(citations),
                depend_de=(Dependance(numero_principal, Reponse.OUI),),
                code=cause.code,
                non_verifie=True,
            )
        )
    return questions
