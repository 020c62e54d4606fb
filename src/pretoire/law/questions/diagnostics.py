"""Contrôler une feuille de questions — celle du moteur ou une feuille retouchée à la main.

Chaque contrôle est une règle des art. 349 à 351-1 CPP ou de la jurisprudence, et le diagnostic
la cite. Les questions sont lues par leur texte, non par la façon dont elles ont été produites :
une feuille chargée d'un JSON édité se contrôle comme une autre.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pretoire.law.catalogue import Catalogue, NatureCirconstance, catalogue_livre
from pretoire.law.citations import article_cp
from pretoire.law.debats import EvenementDebats
from pretoire.law.mise_en_accusation import Dossier, Fait, Victime
from pretoire.law.questions import jurisprudence
from pretoire.law.questions.journal import NatureQuestionAnnoncee, lire_journal
from pretoire.law.questions.l4324_4 import ARTICLE_349
from pretoire.law.questions.l4324_5 import ARTICLE_349_1
from pretoire.law.questions.l4324_9 import ARTICLE_351_1, EtatInformation, etat_information
from pretoire.law.questions.modele import (
    NATURES_SUR_LE_FAIT,
    Diagnostic,
    FeuilleDeQuestions,
    Gravite,
    NatureQuestion,
    Question,
)
from pretoire.law.questions.redaction import Contexte
from pretoire.law.redaction import date_en_toutes_lettres, nom_usuel

# La question du complice décrit le fait par renvoi à celle de l'auteur, qui en porte les éléments.
RENVOI_A_UNE_QUESTION = re.compile(r"spécifiée?s? (à la question|aux questions) n°")


# Art. 222-22 CP, version issue de la loi n° 2025-1057 (en vigueur le 8 novembre 2025).
ARTICLE_222_22 = article_cp("222-22")
_ABSENCE_DE_CONSENTEMENT = re.compile(
    r"\bnon[ -]consentie?s?\b|\bsans (?:son|le|leur) consentement\b|\babsence de consentement\b",
    re.IGNORECASE,
)


def enonce_absence_de_consentement(texte: str) -> bool:
    """Art. 222-22 CP (depuis le 8 novembre 2025) : « tout acte sexuel non consenti ».

    >>> enonce_absence_de_consentement("commis un acte de pénétration sexuelle non consenti sur X")
    True
    >>> enonce_absence_de_consentement("commis un acte de pénétration sexuelle sans son consentement")
    True
    >>> enonce_absence_de_consentement("commis un acte de pénétration sexuelle sur X")
    False
    """
    return bool(_ABSENCE_DE_CONSENTEMENT.search(texte))


def valider_feuille(
    dossier: Dossier,
    feuille: FeuilleDeQuestions,
    evenements: Sequence[EvenementDebats] = (),
    *,
    catalogue: Catalogue | None = None,
) -> list[Diagnostic]:
    """Tous les défauts de la feuille au regard du dossier et du journal, dans l'ordre des questions."""
    contexte = Contexte(dossier, catalogue or catalogue_livre(), lire_journal(evenements))
    return controler_feuille(contexte, feuille.questions)


def controler_feuille(contexte: Contexte, questions: Sequence[Question]) -> list[Diagnostic]:
    """``valider_feuille`` dans un contexte déjà lu, dont l'établissement de la feuille a rempli
    les caches (versions, noms, énoncés) : les mêmes règles, sans refaire les mêmes calculs."""
    dossier = contexte.dossier
    diagnostics = list(_numerotation(questions))
    diagnostics += _references_inconnues(dossier, questions)
    diagnostics += _faits_sans_question(contexte, questions)
    index = _indexer(dossier)
    for question in questions:
        fait = dossier.fait(question.fait)
        diagnostics += _question_complexe(contexte, index, question, fait)
        diagnostics += _forme(contexte, question, fait)
    diagnostics += _circonstances_constitutives_absentes(contexte)
    diagnostics += _circonstances_orphelines(questions)
    diagnostics += _subsidiaires_identiques(questions)
    diagnostics += _irresponsabilite_incomplete(dossier, questions)
    diagnostics += _sans_information(contexte, questions)
    return diagnostics


def _numerotation(questions: Sequence[Question]) -> Iterator[Diagnostic]:
    for rang, question in enumerate(questions, start=1):
        if question.numero != rang:
            yield Diagnostic(
                Gravite.ERREUR,
                f"Numérotation rompue : la question en position {rang} porte le n° {question.numero}.",
                question=question.numero,
            )
        for dependance in question.depend_de:
            if not 1 <= dependance.numero < question.numero:
                yield Diagnostic(
                    Gravite.ERREUR,
                    f"La question n° {question.numero} dépend de la question n° {dependance.numero},"
                    " qui ne la précède pas.",
                    question=question.numero,
                )


def _references_inconnues(dossier: Dossier, questions: Sequence[Question]) -> Iterator[Diagnostic]:
    faits = {f.id for f in dossier.faits}
    accuses = {a.id for a in dossier.accuses}
    for question in questions:
        # La question unique d'irresponsabilité et celles du mineur valent pour tous ses faits.
        unique = (
            question.nature in (NatureQuestion.IRRESPONSABILITE, NatureQuestion.MINORITE)
            and not question.fait
        )
        if question.fait not in faits and not unique:
            yield Diagnostic(
                Gravite.ERREUR,
                f"La question n° {question.numero} vise le fait « {question.fait} », qui n'est pas un"
                " fait du dispositif : une question porte sur un seul fait déclaré.",
                (ARTICLE_349,),
                question=question.numero,
            )
        if question.accuse not in accuses:
            yield Diagnostic(
                Gravite.ERREUR,
                f"La question n° {question.numero} vise l'accusé « {question.accuse} », non déclaré.",
                question=question.numero,
            )


def _faits_sans_question(contexte: Contexte, questions: Sequence[Question]) -> Iterator[Diagnostic]:
    """Art. 349 al. 2 : « Une question est posée sur chaque fait spécifié dans le dispositif »."""
    compte = Counter((q.accuse, q.fait) for q in questions if q.nature in NATURES_SUR_LE_FAIT)
    for fait in contexte.dossier.faits:
        for participant in fait.participants:
            nombre = compte[(participant.accuse, fait.id)]
            if nombre == 0:
                yield Diagnostic(
                    Gravite.ERREUR,
                    f"Le fait {fait.id} n'a pas de question principale pour"
                    f" {contexte.titre_et_nom(participant.accuse)}.",
                    (ARTICLE_349,),
                    fait=fait.id,
                    accuse=participant.accuse,
                )
            elif nombre > 1:
                yield Diagnostic(
                    Gravite.ERREUR,
                    f"Le fait {fait.id} a {nombre} questions principales pour"
                    f" {contexte.titre_et_nom(participant.accuse)} : une seule est posée.",
                    (ARTICLE_349,),
                    fait=fait.id,
                    accuse=participant.accuse,
                )


# Les mots en capitales d'une question : les noms de famille, par lesquels on retrouve les victimes
# nommées sans parcourir toutes celles du dossier (une affaire peut en compter des centaines).
# Les noms du dossier et le texte des questions sont découpés par le même motif ; sans « \b »
# initial, il se lit trois fois plus vite, et chaque question le parcourt.
MOT_EN_CAPITALES = re.compile(r"[A-ZÀ-ÖØ-Þ]{2}[A-ZÀ-ÖØ-Þ'-]*\b")
# Les dates en toutes lettres (« 1er mars 2022 ») : de quoi retrouver les faits qu'une question
# décrit. Commencer par un chiffre plutôt que par « \b » fait lire le motif deux fois plus vite ;
# il trouve alors aussi « 13 mars 2022 » dans « 213 mars 2022 », candidat que la comparaison
# exacte avec l'énoncé du fait écarte ensuite.
DATE_EN_LETTRES = re.compile(r"\d(?:er|\d?) [a-zéû]+ \d{4}\b")


@dataclass(frozen=True)
class _Index:
    # Pour chaque mot en capitales, les victimes qui le portent, avec leur nom usuel.
    victimes_par_nom: dict[str, list[tuple[Victime, str]]]
    faits_par_date: dict[str, list[Fait]]


def _indexer(dossier: Dossier) -> _Index:
    victimes: dict[str, list[tuple[Victime, str]]] = defaultdict(list)
    for victime in dossier.victimes:
        for mot in MOT_EN_CAPITALES.findall(victime.nom):
            victimes[mot].append((victime, nom_usuel(victime.prenoms, victime.nom)))
    faits: dict[str, list[Fait]] = defaultdict(list)
    for fait in dossier.faits:
        faits[date_en_toutes_lettres(fait.premier_jour)].append(fait)
    return _Index(dict(victimes), dict(faits))


def _victimes_nommees(index: _Index, texte: str) -> list[Victime]:
    nommees: dict[str, Victime] = {}
    for mot in MOT_EN_CAPITALES.findall(texte):
        for victime, nom in index.victimes_par_nom.get(mot, ()):
            if nom in texte:
                nommees[victime.id] = victime
    return list(nommees.values())


def _faits_nommes(index: _Index, texte: str) -> list[Fait]:
    candidats = {
        f.id: f for jour in DATE_EN_LETTRES.findall(texte) for f in index.faits_par_date.get(jour, [])
    }
    return [f for f in candidats.values() if f.enonce in texte and f.quand() in texte]


def _question_complexe(
    contexte: Contexte, index: _Index, question: Question, fait: Fait | None
) -> Iterator[Diagnostic]:
    """Une question, un fait, une victime ; le fait et sa circonstance ne se mêlent pas (art. 349)."""
    victimes = _victimes_nommees(index, question.texte)
    if len(victimes) > 1 or (question.victime and "," in question.victime):
        yield Diagnostic(
            Gravite.ERREUR,
            f"Question complexe n° {question.numero} : elle vise plusieurs victimes"
            f" ({', '.join(nom_usuel(v.prenoms, v.nom) for v in victimes) or question.victime}) ;"
            " posez une question par victime.",
            (ARTICLE_349, jurisprudence.CRIM_24_JUIN_1987),
            question=question.numero,
            fait=question.fait or None,
        )
    if question.nature not in NATURES_SUR_LE_FAIT and question.nature is not NatureQuestion.SUBSIDIAIRE:
        return
    nommes = _faits_nommes(index, question.texte)
    if len(nommes) > 1:
        yield Diagnostic(
            Gravite.ERREUR,
            f"Question complexe n° {question.numero} : elle réunit les faits"
            f" {', '.join(f.id for f in nommes)} ; posez une question par fait.",
            (ARTICLE_349, jurisprudence.CRIM_24_JUIN_1987),
            question=question.numero,
        )
    if fait is None or fait.qualification not in contexte.catalogue:
        return
    version = contexte.version(fait)
    # Les circonstances retenues, et celles qui constituent le crime même si la décision les a
    # oubliées : l'arme glissée dans l'énoncé d'un vol en ferait une question complexe.
    propres = {c.code: c.enonce for c in fait.circonstances_aggravantes}
    for code in (*propres, *(c for c in version.circonstances_constitutives if c not in propres)):
        circonstance = version.circonstance(code)
        if circonstance is None:
            continue
        enonce = contexte.enonce(propres.get(code) or circonstance.enonce, fait, question.accuse)
        if enonce in question.texte:
            yield Diagnostic(
                Gravite.ERREUR,
                f"Question complexe n° {question.numero} : elle mêle le fait et la circonstance"
                f" « {circonstance.libelle} », qui doit faire l'objet d'une question distincte.",
                (ARTICLE_349, jurisprudence.CRIM_14_SEPT_2022),
                question=question.numero,
                fait=fait.id,
            )


def _circonstances_constitutives_absentes(contexte: Contexte) -> Iterator[Diagnostic]:
    """Un crime défini par une circonstance (le vol avec arme, art. 311-8 CP) n'est établi que
    si la circonstance l'est, par sa propre question (art. 349 al. 3) : sans elle, la feuille ne
    ferait juger qu'un délit."""
    for fait in contexte.dossier.faits:
        if fait.qualification not in contexte.catalogue:
            continue
        version = contexte.version(fait)
        retenues = {c.code for c in fait.circonstances_aggravantes}
        for code in version.circonstances_constitutives:
            if code in retenues:
                continue
            circonstance = version.circonstance(code)
            libelle = circonstance.libelle if circonstance else code
            yield Diagnostic(
                Gravite.ERREUR,
                f"Fait {fait.id} : « {version.libelle} » suppose la circonstance « {libelle} »,"
                " qui doit être retenue et posée par une question distincte ; sans elle, la"
                " feuille ne ferait juger qu'un délit.",
                (ARTICLE_349, *(article_cp(a) for a in version.repression)),
                fait=fait.id,
            )


def _designation_sure(contexte: Contexte, accuse: str) -> str:
    """« l'accusée Inès FABRE » ; une feuille retouchée peut viser un accusé non déclaré."""
    if accuse in contexte.dossier.identifiants[0]:
        return contexte.titre_et_nom(accuse)
    return f"l'accusé « {accuse} »"


def _forme(contexte: Contexte, question: Question, fait: Fait | None) -> Iterator[Diagnostic]:
    if question.nature is NatureQuestion.PRINCIPALE and not jurisprudence.pose_la_culpabilite(question.texte):
        yield Diagnostic(
            Gravite.ERREUR,
            f"La question principale n° {question.numero} ne demande pas si"
            f" {_designation_sure(contexte, question.accuse)} est « coupable » (hors la première"
            " question de l'art. 349-1).",
            (ARTICLE_349, jurisprudence.CRIM_12_JUIN_1981),
            question=question.numero,
        )
    if fait is None or fait.qualification not in contexte.catalogue:
        return
    version = contexte.version(fait)
    if (
        question.nature in NATURES_SUR_LE_FAIT
        and version.violence_contrainte_menace_surprise_constitutive
        and not RENVOI_A_UNE_QUESTION.search(question.texte)
        and not jurisprudence.enonce_violence_contrainte_menace_surprise(question.texte)
    ):
        yield Diagnostic(
            Gravite.ERREUR,
            f"La question n° {question.numero} n'énonce pas les violences, contrainte, menace ou"
            " surprise, élément constitutif de l'infraction.",
            (jurisprudence.ASS_PLEN_8_JUILL_2005,),
            question=question.numero,
        )
    if (
        question.nature in NATURES_SUR_LE_FAIT
        and version.absence_de_consentement_constitutive
        and not RENVOI_A_UNE_QUESTION.search(question.texte)
        and not enonce_absence_de_consentement(question.texte)
        and not jurisprudence.enonce_violence_contrainte_menace_surprise(question.texte)
    ):
        yield Diagnostic(
            Gravite.ERREUR,
            f"La question n° {question.numero} n'énonce ni l'absence de consentement ni les"
            " violences, contrainte, menace ou surprise : pour des faits commis depuis le"
            " 8 novembre 2025, « constitue une agression sexuelle tout acte sexuel non consenti »,"
            " et « il n'y a pas de consentement si l'acte à caractère sexuel est commis avec"
            " violence, contrainte, menace ou surprise » (art. 222-22 CP).",
            (ARTICLE_222_22,),
            question=question.numero,
        )
    if question.nature in (NatureQuestion.CIRCONSTANCE_AGGRAVANTE, NatureQuestion.SPECIALE):
        circonstance = version.circonstance(question.code or "")
        if circonstance is None:
            return
        if circonstance.nature is NatureCirconstance.PERSONNELLE and (
            contexte.nom_accuse(question.accuse) not in question.texte
        ):
            yield Diagnostic(
                Gravite.ERREUR,
                f"La circonstance personnelle de la question n° {question.numero} doit être posée"
                " en nommant l'accusé.",
                (jurisprudence.CRIM_30_OCT_1996,),
                question=question.numero,
            )
        if circonstance.age_victime_inferieur_a is not None and not all(
            n in question.texte for n in contexte.naissances_des_victimes(fait)
        ):
            yield Diagnostic(
                Gravite.AVERTISSEMENT,
                f"La question d'âge n° {question.numero} n'énonce pas la date de naissance de la victime.",
                (jurisprudence.CRIM_21_JANV_1998,),
                question=question.numero,
            )


def _circonstances_orphelines(questions: Sequence[Question]) -> Iterator[Diagnostic]:
    sur_le_fait = {(q.accuse, q.fait) for q in questions if q.nature in NATURES_SUR_LE_FAIT}
    for question in questions:
        if (
            question.nature
            in (
                NatureQuestion.CIRCONSTANCE_AGGRAVANTE,
                NatureQuestion.SPECIALE,
            )
            and (question.accuse, question.fait) not in sur_le_fait
        ):
            yield Diagnostic(
                Gravite.ERREUR,
                f"La circonstance de la question n° {question.numero} se rapporte au fait"
                f" {question.fait}, qui n'a pas de question principale pour cet accusé.",
                (ARTICLE_349,),
                question=question.numero,
            )


def _subsidiaires_identiques(questions: Sequence[Question]) -> Iterator[Diagnostic]:
    principales = {(q.accuse, q.fait): q.texte for q in questions if q.nature in NATURES_SUR_LE_FAIT}
    for question in questions:
        if (
            question.nature is NatureQuestion.SUBSIDIAIRE
            and principales.get((question.accuse, question.fait)) == question.texte
        ):
            yield Diagnostic(
                Gravite.ERREUR,
                f"La question subsidiaire n° {question.numero} reprend la question principale :"
                " elle doit porter une qualification autre.",
                (ARTICLE_349,),
                question=question.numero,
            )


def _irresponsabilite_incomplete(dossier: Dossier, questions: Sequence[Question]) -> Iterator[Diagnostic]:
    """Art. 349-1 : la cause invoquée appelle, pour chaque fait, « 1° » et « 2° » (ou la question unique)."""
    faits_materiels = {(q.accuse, q.fait) for q in questions if q.nature is NatureQuestion.FAIT_MATERIEL}
    irresponsabilites = {(q.accuse, q.fait) for q in questions if q.nature is NatureQuestion.IRRESPONSABILITE}
    for fait in dossier.faits:
        for cause in fait.causes_irresponsabilite:
            premiere = (cause.accuse, fait.id) in faits_materiels
            seconde = {(cause.accuse, fait.id), (cause.accuse, "")} & irresponsabilites
            if not (premiere and seconde):
                yield Diagnostic(
                    Gravite.ERREUR,
                    f"La cause d'irresponsabilité de l'art. {cause.article} CP est invoquée pour le"
                    f" fait {fait.id} sans ses deux questions (« 1° a-t-il commis » et"
                    " « 2° bénéficie-t-il »).",
                    (ARTICLE_349_1,),
                    fait=fait.id,
                    accuse=cause.accuse,
                )


def _sans_information(contexte: Contexte, questions: Sequence[Question]) -> Iterator[Diagnostic]:
    natures = {
        NatureQuestion.SPECIALE: NatureQuestionAnnoncee.SPECIALE,
        NatureQuestion.SUBSIDIAIRE: NatureQuestionAnnoncee.SUBSIDIAIRE,
    }
    for question in questions:
        annoncee = natures.get(question.nature)
        if annoncee is None:
            continue
        etat = etat_information(
            contexte.journal, annoncee, question.accuse, question.fait, question.code or ""
        )
        if etat is not EtatInformation.PREALABLE:
            yield Diagnostic(
                Gravite.ERREUR,
                f"La question n° {question.numero} ({question.nature.value}) n'a pas été annoncée"
                " aux parties avant le réquisitoire.",
                (ARTICLE_351_1, jurisprudence.CRIM_10_MAI_2012),
                question=question.numero,
            )
