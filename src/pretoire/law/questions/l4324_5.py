"""Art. 349-1 CPP (futur art. L4324-5) : les deux questions quand une cause d'irresponsabilité est invoquée.

« Lorsque est invoquée comme moyen de défense l'existence de l'une des causes d'irresponsabilité
pénale prévues par les articles 122-1 (premier alinéa), 122-2, 122-3, 122-4 (premier et second
alinéas), 122-5 (premier et second alinéas) et 122-7 du code pénal, chaque fait spécifié dans le
dispositif de la décision de mise en accusation fait l'objet de deux questions posées ainsi
qu'il suit : " 1° L'accusé a-t-il commis tel fait ? ; " 2° L'accusé bénéficie-t-il pour ce fait
de la cause d'irresponsabilité pénale prévue par l'article... du code pénal selon lequel n'est
pas pénalement responsable la personne qui... ? " Le président peut, avec l'accord des parties,
ne poser qu'une seule question concernant la cause d'irresponsabilité pour l'ensemble des faits
reprochés à l'accusé. Sauf si l'accusé ou son défenseur y renonce, il est donné lecture des
questions posées en application du présent article. »

AMBIGUÏTÉ : « chaque fait spécifié dans le dispositif » — la cause peut n'être invoquée que pour
certains faits — lecture retenue : la forme en deux questions vaut pour les faits pour lesquels
le dossier consigne la cause ; les autres gardent la question « coupable » de l'art. 349.
"""

from __future__ import annotations

from collections.abc import Mapping

from pretoire.law.citations import Reference, article_cp, article_cpp
from pretoire.law.mise_en_accusation import CauseIrresponsabilite, Fait, Participant
from pretoire.law.questions.l4324_4 import acte_reproche
from pretoire.law.questions.modele import Dependance, NatureQuestion, Question, Reponse
from pretoire.law.questions.redaction import Contexte
from pretoire.law.redaction import liste_en_francais

ARTICLE_349_1 = article_cpp("349-1")
ARTICLE_361_1_ALINEA_3 = article_cpp("361-1", 3)
CAUSE_TROUBLE_MENTAL = "122-1 al. 1"
CODE_ALTERATION = "122-1 al. 2"

# La proposition « la personne qui… » de chaque cause, citée du code pénal (code-penal.md,
# texte consolidé d'octobre 2024), sans son début « N'est pas pénalement responsable ».
PROPOSITIONS_DES_CAUSES: Mapping[tuple[str, int | None], str] = {
    ("122-1", 1): (
        "était atteinte, au moment des faits, d'un trouble psychique ou neuropsychique ayant"
        " aboli son discernement ou le contrôle de ses actes"
    ),
    ("122-2", None): "a agi sous l'empire d'une force ou d'une contrainte à laquelle elle n'a pu résister",
    ("122-3", None): (
        "justifie avoir cru, par une erreur sur le droit qu'elle n'était pas en mesure d'éviter,"
        " pouvoir légitimement accomplir l'acte"
    ),
    (
        "122-4",
        1,
    ): "accomplit un acte prescrit ou autorisé par des dispositions législatives ou réglementaires",
    ("122-4", 2): (
        "accomplit un acte commandé par l'autorité légitime, sauf si cet acte est manifestement illégal"
    ),
    ("122-5", 1): (
        "devant une atteinte injustifiée envers elle-même ou autrui, accomplit, dans le même temps,"
        " un acte commandé par la nécessité de la légitime défense d'elle-même ou d'autrui, sauf"
        " s'il y a disproportion entre les moyens de défense employés et la gravité de l'atteinte"
    ),
    ("122-5", 2): (
        "pour interrompre l'exécution d'un crime ou d'un délit contre un bien, accomplit un acte de"
        " défense, autre qu'un homicide volontaire, lorsque cet acte est strictement nécessaire au"
        " but poursuivi dès lors que les moyens employés sont proportionnés à la gravité de"
        " l'infraction"
    ),
    ("122-7", None): (
        "face à un danger actuel ou imminent qui menace elle-même, autrui ou un bien, accomplit un"
        " acte nécessaire à la sauvegarde de la personne ou du bien, sauf s'il y a disproportion"
        " entre les moyens employés et la gravité de la menace"
    ),
}


def cause_en_clair(cause: CauseIrresponsabilite) -> str:
    """« la cause d'irresponsabilité pénale prévue par l'article 122-1 alinéa 1 du code pénal … ».

    >>> import textwrap
    >>> print(textwrap.fill(cause_en_clair(CauseIrresponsabilite(accuse="A1", article="122-2")), 80))
    la cause d'irresponsabilité pénale prévue par l'article 122-2 du code pénal
    selon lequel n'est pas pénalement responsable la personne qui a agi sous
    l'empire d'une force ou d'une contrainte à laquelle elle n'a pu résister
    """
    alinea = f" alinéa {cause.alinea}" if cause.alinea else ""
    proposition = PROPOSITIONS_DES_CAUSES[(cause.article, cause.alinea)]
    return (
        f"la cause d'irresponsabilité pénale prévue par l'article {cause.article}{alinea} du code"
        f" pénal selon lequel n'est pas pénalement responsable la personne qui {proposition}"
    )


def question_fait_materiel(
    contexte: Contexte,
    fait: Fait,
    participant: Participant,
    numero: int,
    numeros_des_auteurs: list[int],
) -> Question:
    """« 1° L'accusé a-t-il commis tel fait ? » — sans « coupable », comme le veut le texte."""
    accuse = participant.accuse
    acte = acte_reproche(contexte, fait, participant, numeros_des_auteurs)
    return Question(
        numero=numero,
        nature=NatureQuestion.FAIT_MATERIEL,
        accuse=accuse,
        fait=fait.id,
        victime=contexte.victime_de(fait),
        texte=f"1° {contexte.l_accuse(accuse)} a-t-{contexte.pronom(accuse)}, {acte} ?",
        citations=(
            ARTICLE_349_1,
            *(article_cp(a) for a in contexte.version(fait).incrimination),
        ),
        code=fait.qualification,
        non_verifie=contexte.version(fait).non_verifie,
    )


def _citations(cause: CauseIrresponsabilite) -> tuple[Reference, ...]:
    return (ARTICLE_349_1, article_cp(cause.article, cause.alinea))


def question_irresponsabilite(
    contexte: Contexte, fait: Fait, cause: CauseIrresponsabilite, numero_fait: int, numero: int
) -> Question:
    """« 2° L'accusé bénéficie-t-il pour ce fait de la cause d'irresponsabilité pénale … ? »

    Elle n'appelle de réponse que si le fait est établi (art. 361-1 : une réponse négative à la
    première question entraîne la déclaration de non-culpabilité).
    """
    beneficie = "bénéficie-t-elle" if contexte.accusee(cause.accuse) else "bénéficie-t-il"
    return Question(
        numero=numero,
        nature=NatureQuestion.IRRESPONSABILITE,
        accuse=cause.accuse,
        fait=fait.id,
        victime=contexte.victime_de(fait),
        texte=f"2° {contexte.l_accuse(cause.accuse)} {beneficie} pour ce fait de {cause_en_clair(cause)} ?",
        citations=_citations(cause),
        depend_de=(Dependance(numero_fait, Reponse.OUI),),
        code=f"{cause.article}" + (f" al. {cause.alinea}" if cause.alinea else ""),
    )


def question_unique_irresponsabilite(
    contexte: Contexte, accuse: str, cause: CauseIrresponsabilite, numeros_des_faits: list[int], numero: int
) -> Question:
    """La question unique, posée avec l'accord des parties, pour l'ensemble des faits de l'accusé."""
    beneficie = "bénéficie-t-elle" if contexte.accusee(accuse) else "bénéficie-t-il"
    faits = (
        f"le fait spécifié à la question n° {numeros_des_faits[0]}"
        if len(numeros_des_faits) == 1
        else "l'ensemble des faits spécifiés aux questions n° "
        + liste_en_francais([str(n) for n in numeros_des_faits])
    )
    return Question(
        numero=numero,
        nature=NatureQuestion.IRRESPONSABILITE,
        accuse=accuse,
        # La question couvre tous les faits : elle se rattache à l'accusé, non à un fait.
        fait="",
        victime=None,
        texte=f"{contexte.l_accuse(accuse)} {beneficie} pour {faits} de {cause_en_clair(cause)} ?",
        citations=_citations(cause),
        code=f"{cause.article}" + (f" al. {cause.alinea}" if cause.alinea else ""),
    )


def texte_alteration(feminin: bool, nom: str, numeros_des_faits: list[int]) -> str:
    """La question de l'altération du discernement, art. 122-1 al. 2 CP.

    >>> texte_alteration(False, "Marc DURAND", [1])  # doctest: +NORMALIZE_WHITESPACE
    "L'accusé Marc DURAND était-il atteint, au moment des faits spécifiés à la question n° 1,
    d'un trouble psychique ou neuropsychique ayant altéré son discernement ou entravé le
    contrôle de ses actes ?"
    """
    faits = (
        f"des faits spécifiés à la question n° {numeros_des_faits[0]}"
        if len(numeros_des_faits) == 1
        else "des faits spécifiés aux questions n° " + liste_en_francais([str(n) for n in numeros_des_faits])
    )
    titre = "L'accusée" if feminin else "L'accusé"
    return (
        f"{titre} {nom}"
        f" était-{'elle' if feminin else 'il'} atteint{'e' if feminin else ''}, au moment {faits},"
        " d'un trouble psychique ou neuropsychique ayant altéré son discernement ou entravé le"
        " contrôle de ses actes ?"
    )


def question_alteration(
    contexte: Contexte, fait: Fait, accuse: str, numero_fait: int, numero_cause: int, numero: int
) -> Question:
    """Art. 361-1 al. 3 CPP : « Si la cour d'assises a répondu positivement à la première question
    et négativement à la seconde question portant sur l'application du premier alinéa de
    l'article 122-1 du code pénal, doit être posée la question de l'application du second alinéa
    de ce même article. »

    Posée sur la feuille, à la suite de la cause invoquée pour ce fait : elle n'appelle de réponse
    que sur « oui » au fait et « non » au trouble mental. Le texte de l'art. 122-1 al. 2 n'est
    cité par les sources qu'en substance : libellé NON VÉRIFIÉ.
    """
    return Question(
        numero=numero,
        nature=NatureQuestion.CAUSE_EXEMPTION_DIMINUTION,
        accuse=accuse,
        fait=fait.id,
        victime=contexte.victime_de(fait),
        texte=texte_alteration(contexte.accusee(accuse), contexte.nom_accuse(accuse), [numero_fait]),
        citations=(ARTICLE_361_1_ALINEA_3, article_cp("122-1", 2)),
        depend_de=(Dependance(numero_fait, Reponse.OUI), Dependance(numero_cause, Reponse.NON)),
        code=CODE_ALTERATION,
        non_verifie=True,
    )
