"""Le catalogue des qualifications : des fichiers de données datés, un par qualification.

Le moteur de questions ne connaît aucune qualification par son nom : il lit ici, pour la date
des faits, les articles d'incrimination et de répression, le modèle d'énoncé, si les violences,
contrainte, menace ou surprise sont un élément constitutif, les circonstances aggravantes et
leur libellé, et les requalifications subsidiaires usuelles. Ajouter une qualification, c'est
ajouter un fichier YAML.

La loi pénale plus sévère n'est pas rétroactive : une qualification a autant de versions que de
textes successifs, chacune bornée par ``en_vigueur_du`` et ``jusqu_au`` (inclus, ``null`` pour
une borne que les sources ne donnent pas).
"""

from __future__ import annotations

import enum
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pretoire.law.erreurs import ErreurDeSaisie, messages_en_francais
from pretoire.law.lecture_yaml import DocumentIllisible, lire_document

# Les seuls mots que les modèles d'énoncé peuvent employer entre accolades.
VARIABLES_DES_ENONCES = frozenset(
    {"victime", "e_victime", "pronom_victime", "date_naissance_victime", "accuse", "e_accuse"}
)


class NatureCirconstance(enum.StrEnum):
    """Réelle : tient au fait, posée sans nommer l'accusé. Personnelle : posée accusé par accusé."""

    REELLE = "reelle"
    PERSONNELLE = "personnelle"


class Genre(enum.StrEnum):
    MASCULIN = "masculin"
    FEMININ = "feminin"
    MASCULIN_PLURIEL = "masculin_pluriel"
    FEMININ_PLURIEL = "feminin_pluriel"


class _Donnee(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CirconstanceAggravante(_Donnee):
    code: str
    libelle: str
    articles: tuple[str, ...] = Field(description="Articles du code pénal, par exemple « 222-24 2° ».")
    nature: NatureCirconstance
    enonce: str = Field(description="Ce qui suit « a-t-il été commis » dans la question.")
    non_verifie: bool = False
    age_victime_inferieur_a: int | None = Field(
        default=None, description="Âge que la victime ne doit pas avoir atteint à la date des faits."
    )
    question_subsidiaire_obligatoire: str | None = Field(
        default=None,
        description="Qualification de la question subsidiaire de l'art. 351 al. 2 CPP.",
    )


class VersionQualification(_Donnee):
    en_vigueur_du: date | None
    jusqu_au: date | None
    libelle: str
    nom_du_fait: str = Field(description="Le nom qui désigne le fait dans les renvois.")
    genre_du_fait: Genre
    incrimination: tuple[str, ...]
    repression: tuple[str, ...]
    violence_contrainte_menace_surprise_constitutive: bool
    absence_de_consentement_constitutive: bool = Field(
        default=False,
        description=(
            "L'acte « non consenti » est un élément (art. 222-22 CP depuis le 8 novembre 2025) :"
            " la question énonce l'absence de consentement ou ce qui l'établit."
        ),
    )
    enonce_type: str | None = None
    non_verifie: bool = False
    note: str | None = None
    accuse_majeur_requis: bool = False
    age_victime_inferieur_a: int | None = None
    requalifications_subsidiaires: tuple[str, ...] = ()
    circonstances: tuple[CirconstanceAggravante, ...] = ()
    circonstances_constitutives: tuple[str, ...] = Field(
        default=(),
        description=(
            "Circonstances sans lesquelles le fait n'est pas ce crime (l'arme du vol avec arme) :"
            " elles sont retenues et posées chacune par sa question."
        ),
    )

    def en_vigueur_le(self, jour: date) -> bool:
        debut_ok = self.en_vigueur_du is None or self.en_vigueur_du <= jour
        return debut_ok and (self.jusqu_au is None or jour <= self.jusqu_au)

    @cached_property
    def circonstances_par_code(self) -> dict[str, CirconstanceAggravante]:
        # Une question par circonstance : l'affaire de 300 victimes en cherche des milliers.
        return {c.code: c for c in self.circonstances}

    def circonstance(self, code: str) -> CirconstanceAggravante | None:
        return self.circonstances_par_code.get(code)


class Qualification(_Donnee):
    code: str
    versions: tuple[VersionQualification, ...] = Field(min_length=1)


class CatalogueInvalide(ValueError):
    def __init__(self, erreurs: list[ErreurDeSaisie]) -> None:
        super().__init__("\n".join(str(e) for e in erreurs))
        self.erreurs = erreurs


@dataclass(frozen=True)
class Catalogue:
    qualifications: Mapping[str, Qualification]

    def __contains__(self, code: object) -> bool:
        return code in self.qualifications

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.qualifications))

    def version_au(self, code: str, jour: date) -> VersionQualification | None:
        """La version de la qualification en vigueur le jour des faits, s'il y en a une."""
        qualification = self.qualifications.get(code)
        if qualification is None:
            return None
        return next((v for v in qualification.versions if v.en_vigueur_le(jour)), None)

    def versions_entre(self, code: str, debut: date, fin: date) -> list[VersionQualification]:
        """Les versions successives en vigueur du ``debut`` à la ``fin`` des faits, dans l'ordre.

        >>> [v.en_vigueur_du for v in catalogue_livre().versions_entre("viol", date(2017, 1, 1),
        ...                                                          date(2019, 1, 1))]
        [datetime.date(1994, 3, 1), datetime.date(2018, 8, 6)]
        """
        qualification = self.qualifications.get(code)
        if qualification is None:
            return []
        en_vigueur = [
            v
            for v in qualification.versions
            if (v.en_vigueur_du is None or v.en_vigueur_du <= fin)
            and (v.jusqu_au is None or debut <= v.jusqu_au)
        ]
        return sorted(en_vigueur, key=lambda v: v.en_vigueur_du or date.min)

    def libelle_qualification(self, code: str, jour: date) -> str:
        """Le nom de la qualification à la date des faits ; le code, si le catalogue l'ignore.

        >>> catalogue_livre().libelle_qualification("viol_sur_mineur_de_quinze_ans", date(2022, 1, 1))
        'viol sur mineur de quinze ans par un majeur'
        """
        version = self.version_au(code, jour)
        return version.libelle if version is not None else code

    def libelle_circonstance(self, qualification: str, code: str, jour: date) -> str:
        """Le nom de la circonstance aggravante ; le code, si le catalogue l'ignore à cette date.

        >>> catalogue_livre().libelle_circonstance("viol", "mineur_de_quinze_ans", date(2022, 1, 1))
        'victime mineure de quinze ans'
        """
        version = self.version_au(qualification, jour)
        circonstance = version.circonstance(code) if version is not None else None
        return circonstance.libelle if circonstance is not None else code

    def qualification_portant(
        self, code_circonstance: str, qualification: str, jour: date
    ) -> tuple[VersionQualification, CirconstanceAggravante] | None:
        """Une autre qualification du même fait qui porte cette circonstance à cette date : le
        meurtre commis avec préméditation « constitue un assassinat » (art. 221-3 CP).

        >>> version, _ = catalogue_livre().qualification_portant("premeditation", "meurtre", date(2025, 1, 1))
        >>> version.libelle
        'assassinat'
        """
        actuelle = self.version_au(qualification, jour)
        if actuelle is None:
            return None
        for code in self:
            autre = self.version_au(code, jour)
            if autre is None or code == qualification or autre.nom_du_fait != actuelle.nom_du_fait:
                continue
            circonstance = autre.circonstance(code_circonstance)
            if circonstance is not None:
                return autre, circonstance
        return None

    def codes_de_circonstances(self, code: str) -> list[str]:
        qualification = self.qualifications.get(code)
        if qualification is None:
            return []
        return sorted({c.code for v in qualification.versions for c in v.circonstances})


def catalogue_depuis_textes(textes: Mapping[str, str]) -> Catalogue:
    """Le catalogue tiré de fichiers YAML donnés par nom : pur, sans lecture de disque.

    >>> catalogue = catalogue_depuis_textes({"x.yaml": '''
    ... code: outrage_imaginaire
    ... versions:
    ...   - {en_vigueur_du: null, jusqu_au: null, libelle: outrage, nom_du_fait: outrage,
    ...      genre_du_fait: masculin, incrimination: ["0"], repression: ["0"],
    ...      violence_contrainte_menace_surprise_constitutive: false}
    ... '''})
    >>> list(catalogue)
    ['outrage_imaginaire']
    """
    erreurs: list[ErreurDeSaisie] = []
    qualifications: dict[str, Qualification] = {}
    for nom_fichier in sorted(textes):
        try:
            document = lire_document(textes[nom_fichier], nom_fichier)
        except DocumentIllisible as illisible:
            erreurs.append(illisible.erreur)
            continue
        try:
            qualification = Qualification.model_validate(document.donnees)
        except ValidationError as invalide:
            erreurs += [document.situer(e.chemin, e.message) for e in messages_en_francais(invalide.errors())]
            continue
        if qualification.code in qualifications:
            erreurs.append(
                document.situer(("code",), f"la qualification « {qualification.code} » est en double.")
            )
        qualifications[qualification.code] = qualification
        erreurs += [document.situer(chemin, message) for chemin, message in _incoherences(qualification)]
    catalogue = Catalogue(qualifications)
    erreurs += _renvois_inconnus(catalogue)
    if erreurs:
        raise CatalogueInvalide(erreurs)
    return catalogue


def _incoherences(qualification: Qualification) -> Iterator[tuple[tuple[str | int, ...], str]]:
    versions = qualification.versions
    for rang, version in enumerate(versions):
        debut, fin = version.en_vigueur_du, version.jusqu_au
        if debut and fin and fin < debut:
            yield ("versions", rang, "jusqu_au"), "la fin de vigueur précède son début."
        for suivante in versions[rang + 1 :]:
            if _se_chevauchent(version, suivante):
                yield ("versions", rang), "deux versions sont en vigueur le même jour."
        for code in version.circonstances_constitutives:
            if version.circonstance(code) is None:
                yield (
                    ("versions", rang, "circonstances_constitutives"),
                    f"« {code} » n'est pas une circonstance de cette version.",
                )
        modeles: list[tuple[tuple[str | int, ...], str]] = [
            (("versions", rang, "circonstances", i, "enonce"), c.enonce)
            for i, c in enumerate(version.circonstances)
        ]
        if version.enonce_type:
            modeles.append((("versions", rang, "enonce_type"), version.enonce_type))
        for chemin, modele in modeles:
            inconnues = {
                nom for _, nom, _, _ in string.Formatter().parse(modele) if nom
            } - VARIABLES_DES_ENONCES
            if inconnues:
                yield (
                    chemin,
                    (
                        f"variable(s) inconnue(s) {sorted(inconnues)} ; permises : "
                        f"{sorted(VARIABLES_DES_ENONCES)}."
                    ),
                )


def _se_chevauchent(a: VersionQualification, b: VersionQualification) -> bool:
    debut = max(a.en_vigueur_du or date.min, b.en_vigueur_du or date.min)
    fin = min(a.jusqu_au or date.max, b.jusqu_au or date.max)
    return debut <= fin


def _renvois_inconnus(catalogue: Catalogue) -> list[ErreurDeSaisie]:
    erreurs = []
    for qualification in catalogue.qualifications.values():
        for version in qualification.versions:
            renvois = list(version.requalifications_subsidiaires) + [
                c.question_subsidiaire_obligatoire
                for c in version.circonstances
                if c.question_subsidiaire_obligatoire
            ]
            erreurs += [
                ErreurDeSaisie(
                    (qualification.code,),
                    f"« {qualification.code} » renvoie à la qualification inconnue « {renvoi} ».",
                )
                for renvoi in renvois
                if renvoi not in catalogue
            ]
    return erreurs


def textes_du_catalogue_livre() -> dict[str, str]:
    """Les fichiers YAML livrés avec le paquet (seule lecture de fichiers permise au droit)."""
    racine = resources.files(__name__)
    return {
        entree.name: entree.read_text(encoding="utf-8")
        for entree in racine.iterdir()
        if entree.name.endswith(".yaml")
    }


_CATALOGUE_LIVRE: list[Catalogue] = []


def catalogue_livre() -> Catalogue:
    """Le catalogue livré, lu une fois : il ne change pas pendant la vie du processus."""
    if not _CATALOGUE_LIVRE:
        _CATALOGUE_LIVRE.append(catalogue_depuis_textes(textes_du_catalogue_livre()))
    return _CATALOGUE_LIVRE[0]
