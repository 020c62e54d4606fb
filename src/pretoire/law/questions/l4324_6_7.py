"""Art. 350 et 351 al. 1 CPP (futurs art. L4324-6 et L4324-7) : questions spéciales et subsidiaires.

Art. 350 : « S'il résulte des débats une ou plusieurs circonstances aggravantes, non mentionnées
dans l'arrêt de renvoi, le président pose une ou plusieurs questions spéciales. »
Art. 351 al. 1 : « S'il résulte des débats que le fait comporte une qualification légale autre
que celle donnée par la décision de mise en accusation, le président pose une ou plusieurs
questions subsidiaires. »

Elles naissent du journal : chaque événement ``information_question`` en annonce une, et vaut
information des parties au sens de l'art. 351-1 s'il précède le réquisitoire. Une question
spéciale ne peut porter qu'une circonstance aggravante de la même infraction, jamais une
infraction distincte (Crim. 29 nov. 2017, n° 17-80.224). Une question subsidiaire n'est posée que
si le dossier ne contredit pas les éléments de l'autre qualification (``condition_non_remplie``),
et porte les circonstances retenues que celle-ci connaît (``circonstances_de_la_subsidiaire``).
"""

from __future__ import annotations

from collections.abc import Iterator

from pretoire.law.catalogue import VersionQualification
from pretoire.law.citations import Citation, article_cp, article_cpp
from pretoire.law.mise_en_accusation import AGE_DE_LA_MAJORITE, Fait, Sexe
from pretoire.law.questions import jurisprudence
from pretoire.law.questions.journal import Information, NatureQuestionAnnoncee
from pretoire.law.questions.l4324_4 import (
    FaitPrincipal,
    citations_circonstance,
    questions_circonstances,
    texte_circonstance,
)
from pretoire.law.questions.l4324_9 import ARTICLE_351_1, EtatInformation, etat_information, motif_du_refus
from pretoire.law.questions.modele import (
    Dependance,
    Diagnostic,
    Gravite,
    NatureQuestion,
    Question,
    Reponse,
)
from pretoire.law.questions.redaction import Contexte, designation_du_fait
from pretoire.law.redaction import age_revolu, date_en_toutes_lettres, nom_usuel

ARTICLE_350 = article_cpp("350")
ARTICLE_351_ALINEA_1 = article_cpp("351", 1)


def _annonces(
    contexte: Contexte, fait: Fait, accuse: str, nature: NatureQuestionAnnoncee
) -> list[Information]:
    return [i for i in contexte.journal.informations_sur(accuse, fait.id) if i.donnees.nature is nature]


def questions_speciales(
    contexte: Contexte,
    fait: Fait,
    accuse: str,
    numero_principal: int,
    numeros: Iterator[int],
    fait_principal: FaitPrincipal | None = None,
) -> tuple[list[Question], list[Diagnostic]]:
    """Une question par circonstance aggravante révélée par les débats et annoncée aux parties."""
    annonces = _annonces(contexte, fait, accuse, NatureQuestionAnnoncee.SPECIALE)
    if not annonces:
        return [], []
    version = contexte.version(fait)
    questions: list[Question] = []
    diagnostics: list[Diagnostic] = []
    deja_posees: set[str] = {c.code for c in fait.circonstances_aggravantes}
    for annonce in annonces:
        objet = annonce.donnees.circonstance or annonce.donnees.qualification or ""
        if annonce.donnees.qualification is not None or objet in contexte.catalogue:
            diagnostics.append(
                Diagnostic(
                    Gravite.ERREUR,
                    f"Question spéciale refusée : « {contexte.nom_qualification(objet, fait)} » est une"
                    " infraction distincte, non une circonstance aggravante du fait. Si les débats"
                    " révèlent une autre qualification de ce même fait, annoncez une question"
                    " subsidiaire (art. 351) ; un fait nouveau ne peut être jugé que sur de"
                    " nouvelles poursuites, jamais par une question.",
                    (ARTICLE_350, jurisprudence.CRIM_29_NOV_2017),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
            continue
        circonstance = version.circonstance(objet)
        if circonstance is None:
            diagnostics.append(
                Diagnostic(
                    Gravite.ERREUR,
                    f"Question spéciale refusée : « {objet} » n'est pas une circonstance aggravante"
                    f" {contexte.designation(fait).complement()} au catalogue ; circonstances connues :"
                    f" {', '.join(c.libelle for c in version.circonstances) or 'aucune'}."
                    + suggestion_de_qualification(contexte, fait, objet),
                    (ARTICLE_350,),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
            continue
        if objet in deja_posees:
            diagnostics.append(
                Diagnostic(
                    Gravite.AVERTISSEMENT,
                    f"Question spéciale sans objet : la circonstance « {circonstance.libelle} »"
                    " figure déjà dans la décision de mise en accusation.",
                    (ARTICLE_350,),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
            continue
        etat = etat_information(contexte.journal, NatureQuestionAnnoncee.SPECIALE, accuse, fait.id, objet)
        if etat is not EtatInformation.PREALABLE:
            diagnostics.append(_refus(etat, "spéciale", circonstance.libelle, fait.id, accuse, ARTICLE_350))
            continue
        deja_posees.add(objet)
        questions.append(
            Question(
                numero=next(numeros),
                nature=NatureQuestion.SPECIALE,
                accuse=accuse,
                fait=fait.id,
                victime=contexte.victime_de(fait),
                texte=texte_circonstance(
                    contexte,
                    fait,
                    accuse,
                    circonstance,
                    numero_principal,
                    annonce.donnees.enonce,
                    fait_principal=fait_principal,
                ),
                citations=(ARTICLE_350, ARTICLE_351_1, *citations_circonstance(circonstance)),
                depend_de=(Dependance(numero_principal, Reponse.OUI),),
                code=objet,
                non_verifie=circonstance.non_verifie or version.non_verifie,
            )
        )
    return questions, diagnostics


def suggestion_de_qualification(contexte: Contexte, fait: Fait, code_circonstance: str) -> str:
    """La phrase qui nomme la qualification du catalogue portant cette circonstance pour le même
    fait, s'il y en a une : « préméditation » demandée sur un meurtre suggère l'assassinat."""
    trouvee = contexte.catalogue.qualification_portant(
        code_circonstance, fait.qualification, fait.premier_jour
    )
    if trouvee is None:
        return ""
    autre, circonstance = trouvee
    return (
        f" La circonstance « {circonstance.libelle} » est celle de la qualification « {autre.libelle} »"
        f" (art. {', '.join(circonstance.articles)} CP) : c'est cette qualification que le fait recevrait."
    )


def texte_subsidiaire(
    contexte: Contexte, fait: Fait, accuse: str, version: VersionQualification, enonce_propre: str | None
) -> str | None:
    """« L'accusé X est-il coupable d'avoir, à tel lieu, tel jour, <autre qualification> ? »

    L'énoncé est celui de l'annonce, sinon le modèle du catalogue ; sans l'un ni l'autre, la
    question ne peut être rédigée (``None``).
    """
    modele = enonce_propre or version.enonce_type
    if modele is None:
        return None
    enonce = contexte.enonce(modele, fait, accuse)
    est = "est-elle" if contexte.accusee(accuse) else "est-il"
    return f"{contexte.l_accuse(accuse)} {est} coupable d'avoir, {fait.lieu}, {fait.quand()}, {enonce} ?"


def questions_subsidiaires(
    contexte: Contexte,
    fait: Fait,
    accuse: str,
    numero_principal: int,
    numeros: Iterator[int],
    reservees: frozenset[str],
) -> tuple[list[Question], list[Diagnostic]]:
    """Une question par autre qualification annoncée ; ``reservees`` relève de l'art. 351 al. 2."""
    annonces = _annonces(contexte, fait, accuse, NatureQuestionAnnoncee.SUBSIDIAIRE)
    if not annonces:
        return [], []
    questions: list[Question] = []
    diagnostics: list[Diagnostic] = []
    usuelles = contexte.version(fait).requalifications_subsidiaires
    for annonce in annonces:
        code = annonce.donnees.qualification or ""
        if code in reservees:
            continue
        refus = _refus_subsidiaire(contexte, fait, accuse, code)
        if refus is not None:
            diagnostics.append(refus)
            continue
        version = contexte.catalogue.version_au(code, fait.premier_jour)
        assert version is not None, "vérifié par _refus_subsidiaire"
        texte = texte_subsidiaire(contexte, fait, accuse, version, annonce.donnees.enonce)
        if texte is None:
            diagnostics.append(
                Diagnostic(
                    Gravite.ERREUR,
                    f"Question subsidiaire « {version.libelle} » non rédigée : le catalogue n'a pas de modèle"
                    " d'énoncé pour cette qualification ; indiquez « enonce » dans l'annonce.",
                    (ARTICLE_351_ALINEA_1,),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
            continue
        if code not in usuelles:
            diagnostics.append(
                Diagnostic(
                    Gravite.AVERTISSEMENT,
                    f"Requalification « {version.libelle} » inhabituelle pour"
                    f" « {contexte.nom_qualification(fait.qualification, fait)} » :"
                    " vérifiez qu'elle ne change pas la substance de l'accusation.",
                    (ARTICLE_351_ALINEA_1,),
                    fait=fait.id,
                    accuse=accuse,
                )
            )
        subsidiaire = question_subsidiaire(
            contexte,
            fait,
            accuse,
            next(numeros),
            numero_principal,
            texte,
            code,
            version,
            ARTICLE_351_ALINEA_1,
        )
        questions.append(subsidiaire)
        questions += circonstances_de_la_subsidiaire(contexte, fait, accuse, subsidiaire, version, numeros)
    return questions, diagnostics


def question_subsidiaire(
    contexte: Contexte,
    fait: Fait,
    accuse: str,
    numero: int,
    numero_principal: int,
    texte: str,
    code: str,
    version: VersionQualification,
    fondement: Citation,
) -> Question:
    """Une question subsidiaire, posée seulement si la principale reçoit « non » ; ``fondement``
    est l'alinéa de l'art. 351 qui la fait poser (al. 1, débats ; al. 2, atteinte sexuelle)."""
    return Question(
        numero=numero,
        nature=NatureQuestion.SUBSIDIAIRE,
        accuse=accuse,
        fait=fait.id,
        victime=contexte.victime_de(fait),
        texte=texte,
        citations=(fondement, ARTICLE_351_1, *(article_cp(a) for a in version.incrimination)),
        depend_de=(Dependance(numero_principal, Reponse.NON),),
        code=code,
        non_verifie=version.non_verifie,
    )


def circonstances_de_la_subsidiaire(
    contexte: Contexte,
    fait: Fait,
    accuse: str,
    subsidiaire: Question,
    version: VersionQualification,
    numeros: Iterator[int],
) -> list[Question]:
    """Les circonstances que la décision retient pour le fait et que l'autre qualification
    connaît aussi (par exemple l'autorité sur la victime, art. 227-26 CP pour l'atteinte
    sexuelle) : une question distincte chacune (art. 349 al. 3), posée si la subsidiaire reçoit
    « oui », et qui renvoie à elle.

    AMBIGUÏTÉ : information des parties pour ces questions — lecture retenue : aucune annonce
    propre n'est exigée, la décision de mise en accusation ayant déjà retenu la circonstance et
    la question subsidiaire ayant été annoncée (art. 351-1).
    """
    return questions_circonstances(
        contexte,
        fait,
        accuse,
        subsidiaire.numero,
        numeros,
        version=version,
        designation=designation_du_fait(fait, version),
    )


def _refus_subsidiaire(contexte: Contexte, fait: Fait, accuse: str, code: str) -> Diagnostic | None:
    if code == fait.qualification:
        message = (
            f"Question subsidiaire refusée : « {contexte.nom_qualification(code, fait)} » est la"
            " qualification de la décision de mise en accusation, non une qualification autre."
        )
        return Diagnostic(Gravite.ERREUR, message, (ARTICLE_351_ALINEA_1,), fait=fait.id, accuse=accuse)
    if contexte.catalogue.version_au(code, fait.premier_jour) is None:
        message = (
            f"Question subsidiaire refusée : qualification « {code} » inconnue du catalogue à la"
            f" date des faits ; qualifications connues : {', '.join(contexte.catalogue)}."
        )
        return Diagnostic(Gravite.ERREUR, message, (ARTICLE_351_ALINEA_1,), fait=fait.id, accuse=accuse)
    version = contexte.catalogue.version_au(code, fait.premier_jour)
    assert version is not None, "vérifié ci-dessus"
    condition = condition_non_remplie(contexte, fait, accuse, version)
    if condition is not None:
        return Diagnostic(
            Gravite.ERREUR,
            f"Question subsidiaire « {version.libelle} » refusée : {condition}",
            (ARTICLE_351_ALINEA_1, *(article_cp(a) for a in version.incrimination)),
            fait=fait.id,
            accuse=accuse,
        )
    etat = etat_information(contexte.journal, NatureQuestionAnnoncee.SUBSIDIAIRE, accuse, fait.id, code)
    if etat is not EtatInformation.PREALABLE:
        return _refus(
            etat, "subsidiaire", contexte.nom_qualification(code, fait), fait.id, accuse, ARTICLE_351_ALINEA_1
        )
    return None


def condition_non_remplie(
    contexte: Contexte, fait: Fait, accuse: str, version: VersionQualification
) -> str | None:
    """Ce qui manque au fait pour que l'autre qualification puisse être retenue, ou ``None``.

    Une qualification subsidiaire a ses propres éléments : l'atteinte sexuelle de l'art. 227-25 CP
    suppose « un majeur » et « un mineur de quinze ans ». Une question dont un élément est
    contredit par les dates de naissance du dossier ne peut recevoir que « non » : elle n'est pas
    posée, et le refus donne la date de naissance.

    AMBIGUÏTÉ : l'âge sur une période — lecture retenue : au premier jour, comme pour la
    circonstance de minorité (``mise_en_accusation._verifier_selon_catalogue``).
    """
    if version.age_victime_inferieur_a is not None:
        for identifiant in fait.victimes:
            victime = contexte.dossier.victime(identifiant)
            nom = nom_usuel(victime.prenoms, victime.nom)
            if victime.date_naissance is None:
                return (
                    f"elle suppose une victime de moins de {version.age_victime_inferieur_a} ans, et la"
                    f" date de naissance de {nom} n'est pas au dossier : ajoutez-la."
                )
            age = age_revolu(victime.date_naissance, fait.premier_jour)
            if age >= version.age_victime_inferieur_a:
                nee = "née" if victime.sexe is Sexe.FEMININ else "né"
                return (
                    f"elle suppose une victime de moins de {version.age_victime_inferieur_a} ans, or"
                    f" {nom}, {nee} le {date_en_toutes_lettres(victime.date_naissance)}, avait {age} ans"
                    f" le {date_en_toutes_lettres(fait.premier_jour)}."
                )
    if version.accuse_majeur_requis:
        personne = contexte.dossier.accuse(accuse)
        if age_revolu(personne.date_naissance, fait.premier_jour) < AGE_DE_LA_MAJORITE:
            nee = "née" if personne.sexe is Sexe.FEMININ else "né"
            return (
                f"elle suppose un auteur majeur, or {contexte.nom_accuse(accuse)}, {nee} le"
                f" {date_en_toutes_lettres(personne.date_naissance)}, était mineur"
                f"{'e' if personne.sexe is Sexe.FEMININ else ''} le"
                f" {date_en_toutes_lettres(fait.premier_jour)}."
            )
    return None


def _refus(
    etat: EtatInformation, nature: str, libelle: str, fait: str, accuse: str, article: Citation
) -> Diagnostic:
    return Diagnostic(
        Gravite.ERREUR,
        f"Question {nature} « {libelle} » refusée : {motif_du_refus(etat)} ; l'information doit"
        " précéder le réquisitoire.",
        (article, ARTICLE_351_1, jurisprudence.CRIM_10_MAI_2012),
        fait=fait,
        accuse=accuse,
    )
