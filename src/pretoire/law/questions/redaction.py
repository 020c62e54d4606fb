"""Le vocabulaire commun des questions : désigner un accusé, une victime, renvoyer à un fait.

Rien ici ne décide d'une règle ; les modules nommés d'après les articles s'en servent pour que
toutes les questions parlent de la même façon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pretoire.law.catalogue import Catalogue, Genre, VersionQualification
from pretoire.law.citations import ENTREE_EN_VIGUEUR_NOUVEAU_CODE
from pretoire.law.mise_en_accusation import Dossier, Fait, Sexe, Victime
from pretoire.law.questions.journal import JournalDesQuestions
from pretoire.law.redaction import (
    commence_par_une_voyelle,
    date_en_toutes_lettres,
    elider,
    liste_en_francais,
    nom_usuel,
    remplir,
)


@dataclass(frozen=True)
class Designation:
    """Un nom de fait et son genre, pour accorder les renvois « Le viol ci-dessus spécifié ».

    >>> Designation("agression sexuelle", Genre.FEMININ).renvoi(3)
    "L'agression sexuelle ci-dessus spécifiée à la question n° 3 a-t-elle été commise"
    >>> Designation("violences", Genre.FEMININ_PLURIEL).renvoi(2)
    'Les violences ci-dessus spécifiées à la question n° 2 ont-elles été commises'
    >>> Designation("homicide", Genre.MASCULIN).complement(), Designation("viol", Genre.MASCULIN).complement()
    ("de l'homicide", 'du viol')
    """

    nom: str
    genre: Genre

    @property
    def pluriel(self) -> bool:
        return self.genre in (Genre.MASCULIN_PLURIEL, Genre.FEMININ_PLURIEL)

    @property
    def feminin(self) -> bool:
        return self.genre in (Genre.FEMININ, Genre.FEMININ_PLURIEL)

    @property
    def accord(self) -> str:
        return ("e" if self.feminin else "") + ("s" if self.pluriel else "")

    def avec_article(self) -> str:
        if self.pluriel:
            return f"les {self.nom}"
        if commence_par_une_voyelle(self.nom):
            return f"l'{self.nom}"
        return f"{'la' if self.feminin else 'le'} {self.nom}"

    def complement(self) -> str:
        """« du viol », « de la séquestration », « de l'assassinat », « des violences »."""
        avec_article = self.avec_article()
        if avec_article.startswith("le "):
            return "du " + avec_article[3:]
        if avec_article.startswith("les "):
            return "des " + avec_article[4:]
        return "de " + avec_article

    def renvoi(self, numero: int) -> str:
        debut, fin = self._renvoi
        return f"{debut} {numero} {fin}"

    def renvoi_en_deux(self, specifie: str) -> tuple[str, str]:
        """Le sujet et le verbe du renvoi, pour y insérer une incise.

        >>> Designation("meurtre", Genre.MASCULIN).renvoi_en_deux("spécifié aux questions n° 1 et 2")
        ('Le meurtre ci-dessus spécifié aux questions n° 1 et 2', 'a-t-il été commis')
        """
        sujet = self.avec_article()
        return f"{sujet[0].upper()}{sujet[1:]} ci-dessus {specifie}", self._renvoi[1]

    @cached_property
    def _renvoi(self) -> tuple[str, str]:
        # Rédigé une fois par fait : chacune de ses circonstances renvoie à la même question.
        pronom = ("elle" if self.feminin else "il") + ("s" if self.pluriel else "")
        verbe = f"ont-{pronom}" if self.pluriel else f"a-t-{pronom}"
        sujet = self.avec_article()
        return (
            f"{sujet[0].upper()}{sujet[1:]} ci-dessus spécifié{self.accord} à la question n°",
            f"{verbe} été commis{self.accord}",
        )


def designation_du_fait(fait: Fait, version: VersionQualification) -> Designation:
    if fait.tentative:
        return Designation(f"tentative {elider('de', version.nom_du_fait)}", Genre.FEMININ)
    return Designation(version.nom_du_fait, version.genre_du_fait)


def pronom_complement(victimes: list[Victime]) -> str:
    """« sur elle », « sur lui », « sur elles », « sur eux » : le pronom qui reprend les victimes.

    >>> femme = Victime(id="V1", nom="FABRE", prenoms="Inès", sexe="F")
    >>> homme = Victime(id="V2", nom="PETIT", prenoms="Hugo", sexe="M")
    >>> pronom_complement([femme]), pronom_complement([homme]), pronom_complement([femme, homme])
    ('elle', 'lui', 'eux')
    """
    feminin = bool(victimes) and all(v.sexe is Sexe.FEMININ for v in victimes)
    if len(victimes) > 1:
        return "elles" if feminin else "eux"
    return "elle" if feminin else "lui"


@dataclass(frozen=True)
class Contexte:
    """Le dossier, le catalogue et le journal lus une fois pour toute la feuille.

    Une affaire de 300 victimes pose des milliers de questions, qui relisent sans cesse les
    mêmes choses (version du texte d'un fait, nom d'un accusé, énoncé d'une circonstance) :
    chacune n'est calculée qu'une fois par feuille, et le contrôle de la feuille reprend les
    calculs de son établissement.
    """

    dossier: Dossier
    catalogue: Catalogue
    journal: JournalDesQuestions
    # NON VÉRIFIÉE (citations.py) : décide, avec la date du procès, quel texte du CPP s'applique.
    entree_en_vigueur_nouveau_code: date = ENTREE_EN_VIGUEUR_NOUVEAU_CODE
    _versions: dict[str, VersionQualification] = field(default_factory=dict)
    _naissances: dict[str, list[str]] = field(default_factory=dict)
    _designations: dict[str, Designation] = field(default_factory=dict)
    _noms: dict[str, str] = field(default_factory=dict)
    _variables: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    _enonces: dict[tuple[str, str, str], str] = field(default_factory=dict)

    @property
    def nouveau_code_en_vigueur(self) -> bool:
        """Le procès se tient-il sous le code réécrit par l'ordonnance n° 2025-1091 ?"""
        return self.dossier.affaire.date_proces >= self.entree_en_vigueur_nouveau_code

    def version(self, fait: Fait) -> VersionQualification:
        """La version du texte à la date (ou au premier jour) des faits."""
        if fait.id not in self._versions:
            version = self.catalogue.version_au(fait.qualification, fait.premier_jour)
            if version is None:
                raise ValueError(f"aucune version de « {fait.qualification} » pour le fait {fait.id}")
            self._versions[fait.id] = version
        return self._versions[fait.id]

    def naissances_des_victimes(self, fait: Fait) -> list[str]:
        """Les dates de naissance connues des victimes du fait, en toutes lettres."""
        if fait.id not in self._naissances:
            victimes = [self.dossier.victime(v) for v in fait.victimes]
            self._naissances[fait.id] = [
                date_en_toutes_lettres(v.date_naissance) for v in victimes if v.date_naissance
            ]
        return self._naissances[fait.id]

    def nom_qualification(self, code: str, fait: Fait) -> str:
        """Le nom de la qualification à la date du fait, pour les messages (le code, si inconnue)."""
        return self.catalogue.libelle_qualification(code, fait.premier_jour)

    def designation(self, fait: Fait) -> Designation:
        if fait.id not in self._designations:
            self._designations[fait.id] = designation_du_fait(fait, self.version(fait))
        return self._designations[fait.id]

    def accusee(self, accuse: str) -> bool:
        return self.dossier.accuse(accuse).sexe is Sexe.FEMININ

    def nom_accuse(self, accuse: str) -> str:
        if accuse not in self._noms:
            personne = self.dossier.accuse(accuse)
            self._noms[accuse] = nom_usuel(personne.prenoms, personne.nom)
        return self._noms[accuse]

    def titre_et_nom(self, accuse: str) -> str:
        """« l'accusé Marc DURAND » ou « l'accusée Inès FABRE », au fil de la phrase."""
        titre = "l'accusée" if self.accusee(accuse) else "l'accusé"
        return f"{titre} {self.nom_accuse(accuse)}"

    def l_accuse(self, accuse: str) -> str:
        """« L'accusé Marc DURAND » ou « L'accusée Inès FABRE »."""
        titre = "L'accusée" if self.accusee(accuse) else "L'accusé"
        return f"{titre} {self.nom_accuse(accuse)}"

    def pronom(self, accuse: str) -> str:
        return "elle" if self.accusee(accuse) else "il"

    def variables(self, fait: Fait, accuse: str) -> dict[str, str]:
        """Les mots que les modèles d'énoncé du catalogue peuvent employer."""
        cle = (fait.id, accuse)
        if cle not in self._variables:
            victimes = [self.dossier.victime(v) for v in fait.victimes]
            self._variables[cle] = {
                "victime": liste_en_francais([nom_usuel(v.prenoms, v.nom) for v in victimes]),
                "e_victime": "e" if victimes and all(v.sexe is Sexe.FEMININ for v in victimes) else "",
                # Reprendre la victime par un pronom : son nom ne se répète pas dans une question.
                "pronom_victime": pronom_complement(victimes),
                "date_naissance_victime": liste_en_francais(self.naissances_des_victimes(fait)),
                "accuse": self.nom_accuse(accuse),
                "e_accuse": "e" if self.accusee(accuse) else "",
            }
        return self._variables[cle]

    def enonce(self, modele: str, fait: Fait, accuse: str) -> str:
        """Le modèle d'énoncé rempli pour ce fait et cet accusé, avec l'élision (« qu'Inès »)."""
        cle = (modele, fait.id, accuse)
        if cle not in self._enonces:
            self._enonces[cle] = remplir(modele, self.variables(fait, accuse))
        return self._enonces[cle]

    def victime_de(self, fait: Fait) -> str | None:
        return ", ".join(fait.victimes) or None
