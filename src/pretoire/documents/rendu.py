"""Rendre un modèle Typst en PDF : une fonction pure, des données en entrée, des octets en sortie.

Les données passent en JSON par ``sys.inputs`` : le modèle ne lit aucun fichier, et le même
dictionnaire sert à l'API JSON et au PDF. Chaque chaîne passe d'abord par
``texte.imprimable`` : un caractère que le jeu de polices ne dessine pas, ou qui réordonnerait
l'affichage, devient U+FFFD, et le document se rend toujours (voir ``polices``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Sequence
from importlib import resources
from typing import Any, Final

import typst

from pretoire.law.questions import FeuilleDeQuestions
from pretoire.law.questions.modele import avec_libelles_des_natures
from pretoire.texte import donnees_imprimables

from .polices import LATIN_DE_TYPST, jeu_de_polices

journal = logging.getLogger(__name__)

# PDF/A-2b : la norme d'archivage que Typst sait produire pour un document à polices incorporées.
NORMES_PDF: Final = "a-2b"


def rendre_pdf(modele: str, donnees: dict[str, Any]) -> bytes:
    """Le PDF du modèle ``typst/<modele>.typ`` nourri de ``donnees``."""
    polices = jeu_de_polices()
    try:
        return _compiler(modele, _imprimables(donnees, polices.couvertures), polices.repertoire)
    except typst.TypstError as erreur:
        if "could not be displayed" not in str(erreur):
            raise
        # Une grappe que la lecture des tables de caractères croyait dessinable ne l'est pas :
        # le document se rend quand même, réduit à ce que les polices embarquées dessinent.
        journal.warning("Document %s rendu en caractères latins seuls : %s", modele, erreur)
        return _compiler(modele, _imprimables(donnees, [LATIN_DE_TYPST]), polices.repertoire)


def _imprimables(donnees: dict[str, Any], couvertures: Sequence[Collection[int]]) -> dict[str, Any]:
    imprimables: dict[str, Any] = donnees_imprimables(donnees, couvertures)
    # Les mots-clés vont aux métadonnées, pas à la page : ils restent tels que la signature les
    # scelle et que la vérification les relit.
    if isinstance(donnees.get("document"), dict) and "mots_cles" in donnees["document"]:
        imprimables["document"]["mots_cles"] = donnees["document"]["mots_cles"]
    return imprimables


def _compiler(modele: str, donnees: dict[str, Any], polices: str) -> bytes:
    repertoire = resources.files(__package__) / "typst"
    chemin = repertoire / f"{modele}.typ"
    with resources.as_file(repertoire) as racine, resources.as_file(chemin) as fichier:
        pdf = typst.compile(
            str(fichier),
            root=str(racine),
            font_paths=[polices],
            # Les polices du système varient d'une machine à l'autre : le jeu seul fait foi.
            ignore_system_fonts=True,
            sys_inputs={"donnees": json.dumps(donnees, ensure_ascii=False, sort_keys=True)},
            pdf_standards=NORMES_PDF,
        )
    if not isinstance(pdf, bytes):
        raise TypeError("typst.compile devait rendre des octets")
    return pdf


def rendre_feuille_de_questions(feuille: FeuilleDeQuestions) -> bytes:
    """Le PDF de la feuille : ses données d'échange, et le nom français de chaque nature de question."""
    return rendre_pdf("feuille_de_questions", avec_libelles_des_natures(feuille.en_json()))
