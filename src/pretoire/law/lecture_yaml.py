"""Lire un document YAML ou JSON en gardant, pour chaque valeur, sa ligne et sa colonne.

Le greffier corrige un fichier qu'il a écrit : une erreur doit donc dire « fichier:ligne:colonne ».
Le JSON est d'abord lu par ``json`` (ses erreurs de syntaxe ont leur propre position), puis
recomposé par le compositeur YAML — JSON est presque toujours du YAML valide — pour retrouver la
position de chaque valeur.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from pretoire.law.erreurs import Chemin, ErreurDeSaisie


class DocumentIllisible(ValueError):
    """Le texte n'est pas un YAML ou un JSON bien formé."""

    def __init__(self, erreur: ErreurDeSaisie) -> None:
        super().__init__(str(erreur))
        self.erreur = erreur


@dataclass(frozen=True)
class Document:
    """Les données lues et l'arbre de nœuds qui les situe (``None`` si les positions manquent)."""

    donnees: Any
    racine: yaml.Node | None
    nom_fichier: str

    def situer(self, chemin: Chemin, message: str) -> ErreurDeSaisie:
        """L'erreur, positionnée sur le nœud le plus profond que ``chemin`` atteint."""
        ligne, colonne = position(self.racine, chemin)
        return ErreurDeSaisie(chemin, message, self.nom_fichier, ligne, colonne)


class _ChargeurSansDates(yaml.SafeLoader):
    """Un YAML sûr où les dates restent du texte : Pydantic les valide et situe l'erreur.

    Sans cela, « 2021-13-12 » lèverait une exception du chargeur YAML, sans nom de champ.
    """


_ChargeurSansDates.yaml_implicit_resolvers = {
    premier: [
        (etiquette, motif) for etiquette, motif in resolveurs if etiquette != "tag:yaml.org,2002:timestamp"
    ]
    for premier, resolveurs in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def lire_document(texte: str, nom_fichier: str) -> Document:
    """Les données du document ; JSON si le nom finit par « .json », YAML sinon.

    >>> document = lire_document("accuses:\\n  - id: A1\\n", "dossier.yaml")
    >>> document.donnees
    {'accuses': [{'id': 'A1'}]}
    >>> position(document.racine, ("accuses", 0, "id"))
    (2, 9)
    """
    if nom_fichier.lower().endswith(".json"):
        try:
            donnees = json.loads(texte)
        except json.JSONDecodeError as erreur:
            raise DocumentIllisible(
                ErreurDeSaisie(
                    (),
                    f"JSON mal formé : {erreur.msg} — vérifiez virgules, guillemets et accolades.",
                    nom_fichier,
                    erreur.lineno,
                    erreur.colno,
                )
            ) from erreur
        try:
            racine = yaml.compose(texte, Loader=yaml.SafeLoader)
        except yaml.YAMLError:
            # Quelques JSON valides (tabulations d'indentation) ne sont pas du YAML : on garde
            # les données et l'on renonce aux positions plutôt que de refuser le fichier.
            racine = None
        return Document(donnees, racine, nom_fichier)
    try:
        chargeur = _ChargeurSansDates(texte)
        try:
            racine = chargeur.get_single_node()
            donnees = chargeur.construct_document(racine) if racine is not None else None
        finally:
            chargeur.dispose()
    except yaml.MarkedYAMLError as erreur:
        marque = erreur.problem_mark or erreur.context_mark
        raise DocumentIllisible(
            ErreurDeSaisie(
                (),
                f"YAML mal formé : {erreur.problem or erreur.context} — vérifiez l'indentation"
                " et les deux-points.",
                nom_fichier,
                marque.line + 1 if marque else None,
                marque.column + 1 if marque else None,
            )
        ) from erreur
    return Document(donnees, racine, nom_fichier)


def position(racine: yaml.Node | None, chemin: Sequence[str | int]) -> tuple[int | None, int | None]:
    """Ligne et colonne (à partir de 1) du nœud le plus profond atteint en suivant ``chemin``.

    Pour un champ manquant, c'est l'objet qui aurait dû le contenir ; pour un champ en trop,
    c'est sa clé.
    """
    if racine is None:
        return None, None
    noeud: yaml.Node = racine
    for rang, partie in enumerate(chemin):
        suivant: yaml.Node | None = None
        if isinstance(noeud, yaml.MappingNode):
            for cle, valeur in noeud.value:
                if isinstance(cle, yaml.ScalarNode) and cle.value == str(partie):
                    dernier = rang == len(chemin) - 1
                    # Au bout du chemin, un objet ou une liste se désigne par sa clé.
                    suivant = cle if dernier and not isinstance(valeur, yaml.ScalarNode) else valeur
                    break
        elif (
            isinstance(noeud, yaml.SequenceNode)
            and isinstance(partie, int)
            and 0 <= partie < len(noeud.value)
        ):
            suivant = noeud.value[partie]
        if suivant is None:
            break
        noeud = suivant
    return noeud.start_mark.line + 1, noeud.start_mark.column + 1
