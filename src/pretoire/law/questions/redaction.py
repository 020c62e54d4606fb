"""Le vocabulaire commun des questions : désigner un accusé, une victime, renvoyer à un fait.

Rien ici ne décide d'une règle ; les modules nommés d'après les articles s'en servent pour que
toutes les questions parlent de la même façon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pretoire.law.catalogue import Catalogue, Genre, VersionQualification
from pretoire.law.mise_en_accusation import Dossier, Fait, Sexe
from pretoire.law.questions.journal import JournalDesQuestions
from pretoire.law.redaction import date_en_toutes_lettres, liste_en_francais, nom_usuel

VOYELLES = tuple("aeiouyéèêàâîôûAEIOUYÉÈÊ")


@dataclass(frozen=True)
class Designation:
    """Un nom de fait et son genre, pour accorder les renvois « Le viol ci-dessus spécifié ».

    >>> Designation("agression sexuelle", Genre.FEMININ).renvoi(3)
    "L'agression sexuelle ci-dessus spécifiée à la question n° 3 a-t-elle été commise"
    >>> Designation("violences", Genre.FEMININ_PLURIEL).renvoi(2)
    'Les violences ci-dessus spécifiées à la question n° 2 ont-elles été commises'
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
        if self.nom.startswith(VOYELLES):
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
        pronom = ("elle" if self.feminin else "il") + ("s" if self.pluriel else "")
        verbe = f"ont-{pronom}" if self.pluriel else f"a-t-{pronom}"
        sujet = self.avec_article()
        return (
            f"{sujet[0].upper()}{sujet[1:]} ci-dessus spécifié{self.accord} à la question"
            f" n° {numero} {verbe} été commis{self.accord}"
        )


def designation_du_fait(fait: Fait, version: VersionQualification) -> Designation:
    if fait.tentative:
        elision = "d'" if version.nom_du_fait.startswith(VOYELLES) else "de "
        return Designation(f"tentative {elision}{version.nom_du_fait}", Genre.FEMININ)
    return Designation(version.nom_du_fait, version.genre_du_fait)


@dataclass(frozen=True)
class Contexte:
    """Le dossier, le catalogue et le journal lus une fois pour toute la feuille."""

    dossier: Dossier
    catalogue: Catalogue
    journal: JournalDesQuestions
    # Chaque question relit la version de son fait : on ne la cherche qu'une fois par fait.
    _versions: dict[tuple[str, date], VersionQualification] = field(default_factory=dict)

    def version(self, fait: Fait) -> VersionQualification:
        """La version du texte à la date (ou au premier jour) des faits."""
        cle = (fait.qualification, fait.premier_jour)
        if cle not in self._versions:
            version = self.catalogue.version_au(*cle)
            if version is None:
                raise ValueError(f"aucune version de « {fait.qualification} » pour le fait {fait.id}")
            self._versions[cle] = version
        return self._versions[cle]

    def accusee(self, accuse: str) -> bool:
        return self.dossier.accuse(accuse).sexe is Sexe.FEMININ

    def nom_accuse(self, accuse: str) -> str:
        personne = self.dossier.accuse(accuse)
        return nom_usuel(personne.prenoms, personne.nom)

    def l_accuse(self, accuse: str) -> str:
        """« L'accusé Marc DURAND » ou « L'accusée Inès FABRE »."""
        titre = "L'accusée" if self.accusee(accuse) else "L'accusé"
        return f"{titre} {self.nom_accuse(accuse)}"

    def pronom(self, accuse: str) -> str:
        return "elle" if self.accusee(accuse) else "il"

    def variables(self, fait: Fait, accuse: str) -> dict[str, str]:
        """Les mots que les modèles d'énoncé du catalogue peuvent employer."""
        victimes = [self.dossier.victime(v) for v in fait.victimes]
        naissances = [date_en_toutes_lettres(v.date_naissance) for v in victimes if v.date_naissance]
        return {
            "victime": liste_en_francais([nom_usuel(v.prenoms, v.nom) for v in victimes]),
            "e_victime": "e" if victimes and all(v.sexe is Sexe.FEMININ for v in victimes) else "",
            "date_naissance_victime": liste_en_francais(naissances),
            "accuse": self.nom_accuse(accuse),
            "e_accuse": "e" if self.accusee(accuse) else "",
        }

    def victime_de(self, fait: Fait) -> str | None:
        return ", ".join(fait.victimes) or None
