"""Le dossier : la décision de mise en accusation (ordonnance ou arrêt) telle que le moteur la lit.

Art. 349 al. 2 CPP (futur art. L4324-4) : « Une question est posée sur chaque fait spécifié dans
le dispositif de la décision de mise en accusation. » Le dossier décrit donc ce dispositif fait
par fait : qui (accusés et leur qualité d'auteur ou de complice), contre qui (victimes), quand,
où, quoi (qualification du catalogue et énoncé du fait), avec quelles circonstances
aggravantes, et les causes d'exemption ou d'irresponsabilité invoquées.

``charger_dossier`` lit un texte YAML ou JSON (la lecture du fichier revient à l'appelant : le
droit ne fait pas d'entrée-sortie) et rend le modèle, ou lève ``DossierInvalide`` avec des erreurs
françaises situées (fichier, ligne, colonne, champ).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pretoire.law.catalogue import Catalogue, catalogue_livre
from pretoire.law.erreurs import Chemin, ErreurDeSaisie, messages_en_francais
from pretoire.law.lecture_yaml import ERREURS_SIGNALEES, DocumentIllisible, lire_document
from pretoire.law.redaction import age_revolu, date_en_toutes_lettres
from pretoire.texte import normaliser_donnees

# Art. 349-1 CPP : « 122-1 (premier alinéa), 122-2, 122-3, 122-4 (premier et second alinéas),
# 122-5 (premier et second alinéas) et 122-7 du code pénal ». L'alinéa est None quand l'article
# n'en distingue pas.
CAUSES_IRRESPONSABILITE_349_1: frozenset[tuple[str, int | None]] = frozenset(
    {
        ("122-1", 1),
        ("122-2", None),
        ("122-3", None),
        ("122-4", 1),
        ("122-4", 2),
        ("122-5", 1),
        ("122-5", 2),
        ("122-7", None),
    }
)

AGE_DE_LA_MAJORITE = 18


class _Modele(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypeJuridiction(enum.StrEnum):
    COUR_ASSISES = "cour_assises"
    COUR_ASSISES_APPEL = "cour_assises_appel"
    COUR_CRIMINELLE_DEPARTEMENTALE = "cour_criminelle_departementale"


class Juridiction(_Modele):
    type: TypeJuridiction = Field(description="Nature de la juridiction de jugement.")
    nom: str = Field(min_length=1, description="Par exemple « Cour d'assises des Bouches-du-Rhône ».")
    siege: str = Field(min_length=1, description="Ville où siège la juridiction.")


class Session(_Modele):
    intitule: str = Field(description="Par exemple « Session de novembre 2026 ».")
    debut: dt.date = Field(description="Premier jour de la session.")
    fin: dt.date = Field(description="Dernier jour de la session.")


class Affaire(_Modele):
    numero: str = Field(min_length=1, description="Numéro de l'affaire au greffe.")
    date_proces: dt.date = Field(
        description="Date du procès : elle choisit la numérotation du CPP citée sur la feuille."
    )


class NatureDecision(enum.StrEnum):
    ORDONNANCE = "ordonnance"
    ARRET = "arret"


class Decision(_Modele):
    nature: NatureDecision = Field(
        description="Ordonnance du juge d'instruction ou arrêt de la chambre de l'instruction."
    )
    date: dt.date = Field(description="Date de la décision de mise en accusation.")
    auteur: str = Field(min_length=1, description="Juridiction ou magistrat qui l'a rendue.")
    cour_assises_des_mineurs: bool = Field(
        default=False,
        description=(
            "La décision renvoie devant la cour d'assises des mineurs (accusé mineur au moment des"
            " faits) : la feuille porte alors les questions propres au mineur."
        ),
    )


class Sexe(enum.StrEnum):
    MASCULIN = "M"
    FEMININ = "F"


class Accuse(_Modele):
    id: str = Field(min_length=1, description="Identifiant propre au dossier, par exemple « A1 ».")
    nom: str = Field(min_length=1, description="Nom de famille, en capitales.")
    prenoms: str = Field(min_length=1, description="Prénoms ; le premier est le prénom usuel.")
    sexe: Sexe = Field(description="« M » ou « F » : règle l'accord « L'accusé / L'accusée ».")
    date_naissance: dt.date = Field(description="Date de naissance (majorité au moment des faits).")


class Victime(_Modele):
    id: str = Field(min_length=1, description="Identifiant propre au dossier, par exemple « V1 ».")
    nom: str = Field(min_length=1, description="Nom de famille, en capitales.")
    prenoms: str = Field(min_length=1, description="Prénoms ; le premier est le prénom usuel.")
    sexe: Sexe = Field(description="« M » ou « F » : règle l'accord des questions.")
    date_naissance: dt.date | None = Field(
        default=None,
        description="Obligatoire quand une circonstance de minorité est retenue (elle est citée).",
    )


class QualiteParticipation(enum.StrEnum):
    AUTEUR = "auteur"
    COMPLICE = "complice"


class ModeComplicite(enum.StrEnum):
    AIDE_OU_ASSISTANCE = "aide_ou_assistance"
    PROVOCATION = "provocation"
    INSTRUCTIONS = "instructions"


class MoyenDeProvocation(enum.StrEnum):
    """Les moyens de la provocation, art. 121-7 al. 2 CP (texte NON VÉRIFIÉ dans les sources)."""

    DON = "don"
    PROMESSE = "promesse"
    MENACE = "menace"
    ORDRE = "ordre"
    ABUS_D_AUTORITE = "abus d'autorité"
    ABUS_DE_POUVOIR = "abus de pouvoir"


class Participant(_Modele):
    accuse: str = Field(description="Identifiant d'un accusé déclaré dans « accuses ».")
    qualite: QualiteParticipation = Field(description="« auteur » ou « complice ».")
    mode_complicite: ModeComplicite | None = Field(
        default=None,
        description="Pour un complice : aide_ou_assistance, provocation ou instructions.",
    )
    moyens_de_provocation: tuple[MoyenDeProvocation, ...] = Field(
        default=(),
        description=(
            "Pour une provocation : les moyens retenus par la décision (don, promesse, menace,"
            " ordre, abus d'autorité, abus de pouvoir) ; tous ceux de l'art. 121-7 al. 2 CP si absent."
        ),
    )


class Periode(_Modele):
    debut: dt.date = Field(description="Premier jour de la période des faits.")
    fin: dt.date = Field(description="Dernier jour de la période des faits.")


class CirconstanceRetenue(_Modele):
    code: str = Field(description="Code d'une circonstance de la qualification au catalogue.")
    enonce: str | None = Field(
        default=None, description="Libellé propre à la décision, à la place de celui du catalogue."
    )


class Inceste(_Modele):
    lien: str = Field(
        min_length=1,
        description=(
            "Ce qui rend le fait incestueux selon la décision, rapporté à la victime, par exemple"
            " « ascendant », « oncle », « concubin de sa mère ayant sur elle une autorité de fait »."
        ),
    )


class CauseExemptionDiminution(_Modele):
    code: str = Field(min_length=1, description="Identifiant libre de la cause légale invoquée.")
    enonce: str = Field(
        min_length=1, description="Le fait qui constitue la cause, tel qu'il sera soumis au vote."
    )
    article: str | None = Field(default=None, description="Article du code pénal qui la prévoit.")
    accuse: str | None = Field(
        default=None, description="Accusé qui l'invoque ; tous les participants si absent."
    )


class CauseIrresponsabilite(_Modele):
    accuse: str = Field(description="Identifiant de l'accusé qui l'invoque en défense.")
    article: str = Field(description="Article du code pénal : 122-1, 122-2, 122-3, 122-4, 122-5, 122-7.")
    alinea: int | None = Field(default=None, description="Alinéa (1 ou 2) pour 122-1, 122-4, 122-5.")


class Fait(_Modele):
    id: str = Field(min_length=1, description="Identifiant propre au dossier, par exemple « F1 ».")
    participants: tuple[Participant, ...] = Field(
        min_length=1, description="Accusés poursuivis pour ce fait, comme auteur ou complice."
    )
    qualification: str = Field(description="Code d'une qualification du catalogue, par exemple « viol ».")
    tentative: bool = Field(
        default=False, description="Fait tenté : l'énoncé commence alors par « tenté de »."
    )
    victimes: tuple[str, ...] = Field(default=(), description="Identifiants des victimes.")
    date: dt.date | None = Field(default=None, description="Jour des faits (ou bien « periode »).")
    periode: Periode | None = Field(default=None, description="Période des faits (ou bien « date »).")
    lieu: str = Field(min_length=1, description="Par exemple « à Marseille (Bouches-du-Rhône) ».")
    enonce: str = Field(
        min_length=1, description="L'acte tel que le dispositif l'énonce, après « coupable d'avoir »."
    )
    circonstances_aggravantes: tuple[CirconstanceRetenue, ...] = ()
    inceste: Inceste | None = Field(
        default=None,
        description="La décision qualifie le fait d'incestueux (art. 356 al. 2 CPP : question spécifique).",
    )
    causes_exemption_diminution: tuple[CauseExemptionDiminution, ...] = ()
    causes_irresponsabilite: tuple[CauseIrresponsabilite, ...] = ()

    @property
    def premier_jour(self) -> dt.date:
        """Le jour qui choisit la version du texte : la date, ou le début de la période."""
        if self.periode is not None:
            return self.periode.debut
        assert self.date is not None, "un fait validé a une date ou une période"
        return self.date

    @property
    def dernier_jour(self) -> dt.date:
        return self.periode.fin if self.periode is not None else self.premier_jour

    def quand(self) -> str:
        """La date ou la période des faits, en toutes lettres.

        >>> Fait(id="F1", participants=[{"accuse": "A1", "qualite": "auteur"}],
        ...      qualification="viol", date=dt.date(2021, 6, 12), lieu="à Marseille",
        ...      enonce="…").quand()
        'le 12 juin 2021'
        """
        # AMBIGUÏTÉ : « entre le … et le … » — aucune feuille publiée ne montre cette forme
        # (questions-practice.md § 1.1, non vérifié) ; lecture retenue : bornes écrites en
        # toutes lettres, plutôt que « en tout cas depuis temps non prescrit » qui ne date rien.
        if self.periode is not None:
            return (
                f"entre le {date_en_toutes_lettres(self.periode.debut)}"
                f" et le {date_en_toutes_lettres(self.periode.fin)}"
            )
        return f"le {date_en_toutes_lettres(self.premier_jour)}"


class Dossier(_Modele):
    """La décision de mise en accusation, format version 1."""

    version: Literal[1] = Field(description="Version du format ; seule la version 1 existe.")
    juridiction: Juridiction
    session: Session | None = None
    affaire: Affaire
    decision: Decision
    accuses: tuple[Accuse, ...] = Field(min_length=1)
    victimes: tuple[Victime, ...] = ()
    faits: tuple[Fait, ...] = Field(min_length=1)

    @cached_property
    def identifiants(self) -> tuple[dict[str, Accuse], dict[str, Victime], dict[str, Fait]]:
        # Index calculé une fois : une affaire de 300 victimes pose des milliers de questions.
        return (
            {a.id: a for a in self.accuses},
            {v.id: v for v in self.victimes},
            {f.id: f for f in self.faits},
        )

    def accuse(self, identifiant: str) -> Accuse:
        return self.identifiants[0][identifiant]

    def victime(self, identifiant: str) -> Victime:
        return self.identifiants[1][identifiant]

    def fait(self, identifiant: str) -> Fait | None:
        return self.identifiants[2].get(identifiant)


class DossierInvalide(ValueError):
    """Le dossier est refusé ; ``erreurs`` dit où et comment corriger, en français."""

    def __init__(self, erreurs: list[ErreurDeSaisie]) -> None:
        super().__init__("\n".join(str(e) for e in erreurs))
        self.erreurs = erreurs


def charger_dossier(
    texte: str,
    nom_fichier: str,
    *,
    catalogue: Catalogue | None = None,
    autres_controles: Callable[[Dossier], Iterable[tuple[Chemin, str]]] | None = None,
) -> Dossier:
    """Le dossier lu depuis un texte YAML ou JSON (selon l'extension de ``nom_fichier``).

    ``autres_controles`` ajoute, pour un dossier par ailleurs cohérent, les contrôles de
    l'appelant (par exemple : ce dossier est bien celui de l'affaire où on l'importe), dont les
    erreurs sont situées comme les autres.

    >>> try:
    ...     charger_dossier("version: 2", "d.yaml")
    ... except DossierInvalide as refus:
    ...     print(refus)
    d.yaml:1:10 : le champ « version » vaut 2, valeur non prévue ; valeurs permises : 1.
    d.yaml:1:1 : le champ « juridiction » est obligatoire : ajoutez-le.
    d.yaml:1:1 : le champ « affaire » est obligatoire : ajoutez-le.
    d.yaml:1:1 : le champ « decision » est obligatoire : ajoutez-le.
    d.yaml:1:1 : le champ « accuses » est obligatoire : ajoutez-le.
    d.yaml:1:1 : le champ « faits » est obligatoire : ajoutez-le.
    """
    try:
        document = lire_document(texte, nom_fichier)
    except DocumentIllisible as illisible:
        raise DossierInvalide([illisible.erreur]) from illisible
    try:
        # Noms et libellés finissent au journal et dans des documents signés (``pretoire.texte``).
        dossier = Dossier.model_validate(normaliser_donnees(document.donnees))
    except ValidationError as invalide:
        premieres = messages_en_francais(invalide.errors()[:ERREURS_SIGNALEES])
        raise DossierInvalide(
            document.situer_les_premieres([(e.chemin, e.message) for e in premieres], invalide.error_count())
        ) from invalide
    controles = list(verifier_coherence(dossier, catalogue or catalogue_livre()))
    if not controles and autres_controles is not None:
        controles = list(autres_controles(dossier))
    if controles:
        raise DossierInvalide(document.situer_les_premieres(controles, len(controles)))
    return dossier


def verifier_coherence(dossier: Dossier, catalogue: Catalogue) -> Iterator[tuple[Chemin, str]]:
    """Les contrôles qui croisent plusieurs champs, ou le dossier et le catalogue."""
    yield from _identifiants_en_double(dossier)
    accuses = {a.id for a in dossier.accuses}
    victimes = {v.id: v for v in dossier.victimes}
    for rang, fait in enumerate(dossier.faits):
        ici: Chemin = ("faits", rang)
        yield from _verifier_dates(fait, ici)
        for i, participant in enumerate(fait.participants):
            if participant.accuse not in accuses:
                yield (
                    (*ici, "participants", i, "accuse"),
                    (
                        f"l'accusé « {participant.accuse} » n'est pas déclaré dans « accuses » ;"
                        f" identifiants déclarés : {', '.join(sorted(accuses))}."
                    ),
                )
            if participant.qualite is QualiteParticipation.COMPLICE and not participant.mode_complicite:
                yield (
                    (*ici, "participants", i),
                    (
                        "un complice doit avoir un « mode_complicite » : aide_ou_assistance,"
                        " provocation ou instructions."
                    ),
                )
            if (
                participant.moyens_de_provocation
                and participant.mode_complicite is not ModeComplicite.PROVOCATION
            ):
                yield (
                    (*ici, "participants", i, "moyens_de_provocation"),
                    "les moyens de provocation ne s'indiquent que pour une complicité par provocation.",
                )
        qualites = {p.qualite for p in fait.participants}
        if QualiteParticipation.COMPLICE in qualites and QualiteParticipation.AUTEUR not in qualites:
            yield (
                (*ici, "participants"),
                (
                    "un complice est poursuivi sans auteur : la complicité suppose un fait principal"
                    " punissable commis par un auteur ; déclarez l'auteur parmi les participants."
                ),
            )
        for i, victime in enumerate(fait.victimes):
            if victime not in victimes:
                connues = ", ".join(sorted(victimes)) or "aucune"
                yield (
                    (*ici, "victimes", i),
                    (
                        f"la victime « {victime} » n'est pas déclarée dans « victimes » ;"
                        f" identifiants déclarés : {connues}."
                    ),
                )
        for i, cause in enumerate(fait.causes_irresponsabilite):
            if (cause.article, cause.alinea) not in CAUSES_IRRESPONSABILITE_349_1:
                yield (
                    (*ici, "causes_irresponsabilite", i),
                    (
                        f"« {cause.article}{f' alinéa {cause.alinea}' if cause.alinea else ''} » n'est"
                        " pas une cause d'irresponsabilité de l'art. 349-1 CPP : 122-1 al. 1, 122-2,"
                        " 122-3, 122-4 al. 1 ou 2, 122-5 al. 1 ou 2, 122-7."
                    ),
                )
            if cause.accuse not in {p.accuse for p in fait.participants}:
                yield (
                    (*ici, "causes_irresponsabilite", i, "accuse"),
                    (
                        f"l'accusé « {cause.accuse} » invoque une cause d'irresponsabilité pour un"
                        " fait où il n'est pas participant."
                    ),
                )
        if fait.qualification not in catalogue:
            yield (
                (*ici, "qualification"),
                (
                    f"qualification « {fait.qualification} » inconnue du catalogue ;"
                    f" qualifications connues : {', '.join(catalogue)}."
                ),
            )
            continue
        if fait.date is None and fait.periode is None:
            continue
        yield from _verifier_selon_catalogue(dossier, fait, ici, catalogue)


def _identifiants_en_double(dossier: Dossier) -> Iterator[tuple[Chemin, str]]:
    listes: list[tuple[str, Sequence[Accuse | Victime | Fait]]] = [
        ("accuses", dossier.accuses),
        ("victimes", dossier.victimes),
        ("faits", dossier.faits),
    ]
    compte = Counter(element.id for _, elements in listes for element in elements)
    for nom, elements in listes:
        for rang, element in enumerate(elements):
            if compte[element.id] > 1:
                yield (
                    (nom, rang, "id"),
                    (
                        f"l'identifiant « {element.id} » est employé plusieurs fois : chaque accusé,"
                        " victime et fait doit avoir un identifiant unique."
                    ),
                )


def _verifier_dates(fait: Fait, ici: Chemin) -> Iterator[tuple[Chemin, str]]:
    if fait.date is None and fait.periode is None:
        yield ici, "le fait n'a ni « date » ni « periode » : indiquez l'une des deux."
    if fait.date is not None and fait.periode is not None:
        yield (*ici, "periode"), "le fait a à la fois « date » et « periode » : n'en gardez qu'une."
    if fait.periode is not None and fait.periode.fin < fait.periode.debut:
        yield (
            (*ici, "periode", "fin"),
            ("la période est inversée : « fin » précède « debut » ; échangez les deux dates."),
        )


def _verifier_selon_catalogue(
    dossier: Dossier, fait: Fait, ici: Chemin, catalogue: Catalogue
) -> Iterator[tuple[Chemin, str]]:
    version = catalogue.version_au(fait.qualification, fait.premier_jour)
    if version is None:
        yield (*ici, "qualification"), _sans_texte_applicable(fait, catalogue)
        return
    declarees = dossier.identifiants[1]
    victimes = [declarees[v] for v in fait.victimes if v in declarees]
    conditions: list[tuple[Chemin, int | None, str]] = [
        ((*ici, "qualification"), version.age_victime_inferieur_a, "la qualification")
    ]
    for i, retenue in enumerate(fait.circonstances_aggravantes):
        circonstance = version.circonstance(retenue.code)
        if circonstance is None:
            connues = ", ".join(f"{c.code} ({c.libelle})" for c in version.circonstances) or "aucune"
            trouvee = catalogue.qualification_portant(retenue.code, fait.qualification, fait.premier_jour)
            suggestion = (
                f" « {trouvee[1].libelle} » est une circonstance de la qualification"
                f" « {trouvee[0].libelle} » : qualifiez le fait ainsi si la décision la retient."
                if trouvee
                else ""
            )
            yield (
                (*ici, "circonstances_aggravantes", i, "code"),
                (
                    f"circonstance « {retenue.code} » inconnue pour « {version.libelle} » à la date"
                    f" des faits ; circonstances connues : {connues}.{suggestion}"
                ),
            )
            continue
        conditions.append(
            (
                (*ici, "circonstances_aggravantes", i, "code"),
                circonstance.age_victime_inferieur_a,
                f"la circonstance « {retenue.code} »",
            )
        )
    for chemin, age_limite, objet in conditions:
        if age_limite is None:
            continue
        for victime in victimes:
            if victime.date_naissance is None:
                yield (
                    chemin,
                    (
                        f"{objet} suppose l'âge de la victime « {victime.id} » : ajoutez sa"
                        " « date_naissance » (la question l'énonce, Crim. 21 janv. 1998)."
                    ),
                )
            # AMBIGUÏTÉ : « âgée de moins de quinze ans » sur une période — lecture retenue :
            # la circonstance n'est contredite que si la victime avait déjà l'âge au premier jour.
            elif age_revolu(victime.date_naissance, fait.premier_jour) >= age_limite:
                yield (
                    chemin,
                    (
                        f"{objet} suppose une victime de moins de {age_limite} ans, or « {victime.id} »,"
                        f" née le {date_en_toutes_lettres(victime.date_naissance)}, avait"
                        f" {age_revolu(victime.date_naissance, fait.premier_jour)} ans le"
                        f" {date_en_toutes_lettres(fait.premier_jour)}."
                    ),
                )
    if version.accuse_majeur_requis:
        for i, participant in enumerate(fait.participants):
            accuse = dossier.identifiants[0].get(participant.accuse)
            if accuse and age_revolu(accuse.date_naissance, fait.premier_jour) < AGE_DE_LA_MAJORITE:
                yield (
                    (*ici, "participants", i, "accuse"),
                    (
                        f"« {fait.qualification} » suppose un auteur majeur ; l'accusé"
                        f" « {accuse.id} » était mineur le {date_en_toutes_lettres(fait.premier_jour)}."
                    ),
                )


def _sans_texte_applicable(fait: Fait, catalogue: Catalogue) -> str:
    """Pourquoi aucun texte n'est retenu, et depuis quand le catalogue en connaît un.

    La loi pénale plus sévère n'est pas rétroactive : le moteur n'applique jamais à des faits
    un texte postérieur, et ne devine pas un texte que les sources du projet n'ont pas.
    """
    suivantes = sorted(
        (
            v
            for v in catalogue.qualifications[fait.qualification].versions
            if v.en_vigueur_du is not None and v.en_vigueur_du > fait.premier_jour
        ),
        key=lambda v: v.en_vigueur_du or dt.date.min,
    )
    premiere = suivantes[0] if suivantes else None
    libelle = premiere.libelle if premiere is not None else fait.qualification
    message = (
        f"aucune version de « {libelle} » n'est au catalogue pour des faits du"
        f" {date_en_toutes_lettres(fait.premier_jour)}"
    )
    if premiere is None or premiere.en_vigueur_du is None:
        return message + " : le texte alors applicable manque."
    debut = date_en_toutes_lettres(premiere.en_vigueur_du)
    message += (
        f" : le catalogue ne la connaît que pour des faits commis à partir du {debut}"
        + (" (version non vérifiée)" if premiere.non_verifie else "")
        + " ; le texte antérieur n'est pas dans les sources du projet, et un texte postérieur ne"
        " s'applique pas à des faits antérieurs"
    )
    if fait.periode is not None and fait.dernier_jour >= premiere.en_vigueur_du:
        message += (
            f". Scindez le fait : une période jusqu'à la veille du {debut}, sous une qualification"
            " de ce temps-là, et une à partir de cette date"
        )
    return message + "."


def dossier_en_donnees(dossier: Dossier) -> dict[str, Any]:
    """Les données du dossier, dates au format ISO, sans les champs laissés à leur défaut."""
    donnees: dict[str, Any] = dossier.model_dump(mode="json", exclude_defaults=True)
    donnees["version"] = dossier.version
    return donnees


def dossier_en_yaml(dossier: Dossier) -> str:
    """Le dossier en YAML, relisible par ``charger_dossier``."""
    return yaml.safe_dump(dossier_en_donnees(dossier), allow_unicode=True, sort_keys=False)


def dossier_en_json(dossier: Dossier) -> str:
    """Le dossier en JSON, relisible par ``charger_dossier``."""
    return json.dumps(dossier_en_donnees(dossier), ensure_ascii=False, indent=2) + "\n"
