"""L'accusé mineur au moment des faits : jamais une feuille ordinaire.

Ordonnance n° 45-174 du 2 février 1945, art. 20 (avant le code de la justice pénale des mineurs) :
si l'accusé a moins de dix-huit ans, le président pose, à peine de nullité, « 1° Y a-t-il lieu
d'appliquer à l'accusé une condamnation pénale ? » et « 2° Y a-t-il lieu d'exclure l'accusé du
bénéfice de la diminution de [peine] … » (questions-practice.md § 1.6, rapport du Sénat). Ces
questions ne se posent que si tous les faits dont l'accusé est déclaré coupable ont été commis
alors qu'il était mineur (Cass. crim., 27 nov. 2019, n° 18-83.553).

Depuis le 30 septembre 2021, le code de la justice pénale des mineurs (CJPM) remplace
l'ordonnance ; son art. L. 121-7 permet d'exclure la diminution de peine. Le libellé des questions
sous le CJPM est NON VÉRIFIÉ : la feuille reprend celui de l'ordonnance, marqué « à vérifier ».

NON VÉRIFIÉ (absent des sources) : le mineur de seize ans au moins accusé de crime est jugé par
la cour d'assises des mineurs, le mineur de moins de seize ans par le tribunal pour enfants
(ord. 1945 art. 20 ; CJPM). La feuille d'un accusé mineur aux faits n'est donc établie que si la
décision le renvoie devant la cour d'assises des mineurs ; sinon elle est en erreur.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pretoire.law.citations import Citation, Jurisprudence, article_cjpm, article_cpp, article_ordonnance_1945
from pretoire.law.mise_en_accusation import AGE_DE_LA_MAJORITE, Fait, TypeJuridiction
from pretoire.law.questions.modele import Dependance, Diagnostic, Gravite, NatureQuestion, Question, Reponse
from pretoire.law.questions.redaction import Contexte
from pretoire.law.redaction import age_revolu, date_en_toutes_lettres

# Date d'entrée en vigueur du CJPM, citée par les sources (questions-practice.md § 1.6).
ENTREE_EN_VIGUEUR_CJPM = date(2021, 9, 30)
AGE_DE_LA_COUR_D_ASSISES_DES_MINEURS = 16
ARTICLE_380_16 = article_cpp("380-16")
CRIM_27_NOV_2019 = Jurisprudence("Cass. crim.", date(2019, 11, 27), "18-83.553")


def faits_commis_mineur(contexte: Contexte, accuse: str) -> list[tuple[Fait, int]]:
    """Les faits de l'accusé dont le premier jour précède ses dix-huit ans, avec son âge ce jour-là.

    AMBIGUÏTÉ : fait commis sur une période au cours de laquelle l'accusé a eu dix-huit ans —
    lecture retenue : commis mineur (le premier jour), la feuille le signalant pour que le
    président scinde le fait ou statue.
    """
    naissance = contexte.dossier.accuse(accuse).date_naissance
    return [
        (fait, age_revolu(naissance, fait.premier_jour))
        for fait in contexte.dossier.faits
        if any(p.accuse == accuse for p in fait.participants)
        and age_revolu(naissance, fait.premier_jour) < AGE_DE_LA_MAJORITE
    ]


def textes_applicables(date_proces: date) -> tuple[Citation, bool]:
    """Le texte qui régit les questions du mineur à la date du procès, et s'il est vérifié.

    >>> textes_applicables(date(2021, 9, 29))[0].code.value
    'ord. n° 45-174 du 2 février 1945'
    >>> texte, verifie = textes_applicables(date(2026, 11, 23))
    >>> texte.code.value, texte.article, verifie
    ('CJPM', 'L. 121-7', False)
    """
    if date_proces < ENTREE_EN_VIGUEUR_CJPM:
        return article_ordonnance_1945("20"), True
    return article_cjpm("L. 121-7"), False


def questions_du_mineur(
    contexte: Contexte, accuse: str, numeros: Iterator[int]
) -> tuple[list[Question], list[Diagnostic]]:
    """Les deux questions propres à l'accusé mineur aux faits, après son dernier fait."""
    commis_mineur = faits_commis_mineur(contexte, accuse)
    if not commis_mineur:
        return [], []
    personne = contexte.dossier.accuse(accuse)
    qui = contexte.titre_et_nom(accuse)
    ne = "née" if contexte.accusee(accuse) else "né"
    fait, age = min(commis_mineur, key=lambda f: f[1])
    texte, verifie = textes_applicables(contexte.dossier.affaire.date_proces)
    citations = (texte, CRIM_27_NOV_2019)
    diagnostics = []
    if age < AGE_DE_LA_COUR_D_ASSISES_DES_MINEURS:
        # Un avertissement, non une erreur : des faits connexes commis après seize ans peuvent
        # ramener l'ensemble devant la cour d'assises des mineurs (règle non vérifiée ici).
        diagnostics.append(
            Diagnostic(
                Gravite.AVERTISSEMENT,
                f"{qui[0].upper()}{qui[1:]}, {ne} le {date_en_toutes_lettres(personne.date_naissance)},"
                f" avait {age} ans le {date_en_toutes_lettres(fait.premier_jour)} (fait {fait.id}) :"
                " un mineur de moins de seize ans aux faits relève en principe du tribunal pour"
                " enfants (texte non vérifié) ; vérifiez la compétence de la cour.",
                (texte,),
                fait=fait.id,
                accuse=accuse,
            )
        )
    if contexte.dossier.juridiction.type is TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE:
        diagnostics.append(
            Diagnostic(
                Gravite.ERREUR,
                f"{qui[0].upper()}{qui[1:]} était mineur{'e' if contexte.accusee(accuse) else ''} le"
                f" {date_en_toutes_lettres(fait.premier_jour)} (fait {fait.id}) : la cour criminelle"
                " départementale ne juge que « les personnes majeures » (art. 380-16 CPP).",
                (ARTICLE_380_16,),
                fait=fait.id,
                accuse=accuse,
            )
        )
    elif not contexte.dossier.decision.cour_assises_des_mineurs:
        diagnostics.append(
            Diagnostic(
                Gravite.ERREUR,
                f"{qui[0].upper()}{qui[1:]}, {ne} le {date_en_toutes_lettres(personne.date_naissance)},"
                f" avait {age} ans le {date_en_toutes_lettres(fait.premier_jour)} (fait {fait.id}) :"
                " un accusé mineur au moment des faits est jugé par la cour d'assises des mineurs,"
                " jamais sur une feuille ordinaire (texte non vérifié). Indiquez"
                " « cour_assises_des_mineurs » dans la décision si elle l'y renvoie.",
                (texte,),
                fait=fait.id,
                accuse=accuse,
            )
        )
    tous = [f for f in contexte.dossier.faits if any(p.accuse == accuse for p in f.participants)]
    if len(commis_mineur) < len(tous):
        diagnostics.append(
            Diagnostic(
                Gravite.AVERTISSEMENT,
                f"{qui[0].upper()}{qui[1:]} était majeur{'e' if contexte.accusee(accuse) else ''} lors"
                " d'autres faits : les questions propres au mineur sont sans objet s'il est déclaré"
                " coupable de l'un d'eux.",
                (CRIM_27_NOV_2019,),
                accuse=accuse,
            )
        )
    premiere = next(numeros)
    questions = [
        Question(
            numero=premiere,
            nature=NatureQuestion.MINORITE,
            accuse=accuse,
            fait="",
            victime=None,
            texte=f"Y a-t-il lieu d'appliquer à {qui} une condamnation pénale ?",
            citations=citations,
            code="condamnation_penale",
            non_verifie=not verifie,
        ),
        Question(
            numero=next(numeros),
            nature=NatureQuestion.MINORITE,
            accuse=accuse,
            fait="",
            victime=None,
            texte=f"Y a-t-il lieu d'exclure {qui} du bénéfice de la diminution de peine ?",
            citations=citations,
            depend_de=(Dependance(premiere, Reponse.OUI),),
            code="exclusion_de_la_diminution",
            non_verifie=not verifie,
        ),
    ]
    return questions, diagnostics
