"""Lire un document YAML ou JSON en gardant, pour chaque valeur, sa ligne et sa colonne.

Le greffier corrige un fichier qu'il a écrit : une erreur doit donc dire « fichier:ligne:colonne ».
Le JSON est d'abord lu par ``json`` (ses erreurs de syntaxe ont leur propre position) ; s'il
faut situer une erreur de contenu, il est recomposé par le compositeur YAML — JSON est presque
toujours du YAML valide — pour retrouver la position de chaque valeur.

Le YAML est lu par libyaml quand PyYAML l'embarque (ses roues le font) : dix fois plus vite que
le lecteur écrit en Python, ce qui compte pour un dossier de centaines de victimes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
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
    """Les données lues et l'arbre de nœuds qui les situe (``None`` si les positions manquent).

    Pour un JSON, l'arbre n'est composé qu'à la première erreur à situer (``texte_json``).
    """

    donnees: Any
    noeud_racine: yaml.Node | None
    nom_fichier: str
    texte_json: str | None = None

    @cached_property
    def racine(self) -> yaml.Node | None:
        if self.texte_json is None:
            return self.noeud_racine
        try:
            return yaml.compose(self.texte_json, Loader=_Chargeur)
        except yaml.YAMLError:
            # Quelques JSON valides (tabulations d'indentation) ne sont pas du YAML : on renonce
            # aux positions plutôt que de refuser le fichier.
            return None

    @cached_property
    def positions(self) -> IndexDesPositions:
        return IndexDesPositions(self.racine)

    def situer(self, chemin: Chemin, message: str) -> ErreurDeSaisie:
        """L'erreur, positionnée sur le nœud le plus profond que ``chemin`` atteint."""
        ligne, colonne = self.positions.position(chemin)
        return ErreurDeSaisie(chemin, message, self.nom_fichier, ligne, colonne)

    def situer_les_premieres(self, erreurs: Sequence[tuple[Chemin, str]], total: int) -> list[ErreurDeSaisie]:
        """Les ``ERREURS_SIGNALEES`` premières des ``total`` erreurs, situées, puis combien il en
        reste : un fichier de 100 000 erreurs n'en montre pas 100 000.

        >>> document = lire_document("a: 1", "d.yaml")
        >>> erreurs = [(("a",), f"erreur {n}") for n in range(ERREURS_SIGNALEES + 2)]
        >>> for erreur in document.situer_les_premieres(erreurs, len(erreurs))[-2:]:
        ...     print(erreur)
        d.yaml:1:4 : erreur 49
        … et 2 autres erreurs, non détaillées : corrigez d'abord celles-ci.
        """
        situees = [self.situer(chemin, message) for chemin, message in erreurs[:ERREURS_SIGNALEES]]
        reste = total - len(situees)
        if reste > 0:
            pluriel = "s" if reste > 1 else ""
            situees.append(
                ErreurDeSaisie(
                    (),
                    f"… et {reste} autre{pluriel} erreur{pluriel}, non détaillée{pluriel} : corrigez"
                    " d'abord celles-ci.",
                )
            )
        return situees


# Au-delà, les erreurs sont comptées sans être situées ni montrées : personne ne lit la suite, et
# un fichier hostile ne doit pas faire travailler le serveur en proportion de ses fautes.
ERREURS_SIGNALEES = 50


_Chargeur: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ChargeurSansDates(_Chargeur):  # type: ignore[valid-type,misc]
    """Un YAML sûr où les dates restent du texte : Pydantic les valide et situe l'erreur.

    Sans cela, « 2021-13-12 » lèverait une exception du chargeur YAML, sans nom de champ.
    """


_ChargeurSansDates.yaml_implicit_resolvers = {
    premier: [
        (etiquette, motif) for etiquette, motif in resolveurs if etiquette != "tag:yaml.org,2002:timestamp"
    ]
    for premier, resolveurs in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Au-delà, un document n'est plus un dossier d'affaire mais un piège : ancres et alias YAML
# imbriqués (« milliard de rires ») qui se développent en milliards de valeurs. Le plus grand
# dossier mesuré (3 000 victimes, docs/benchmarks.md) compte 226 000 valeurs.
VALEURS_MAXIMUM = 2_000_000


def lire_document(texte: str, nom_fichier: str) -> Document:
    """Les données du document ; JSON si le nom finit par « .json », YAML sinon.

    >>> document = lire_document("accuses:\\n  - id: A1\\n", "dossier.yaml")
    >>> document.donnees
    {'accuses': [{'id': 'A1'}]}
    >>> position(document.racine, ("accuses", 0, "id"))
    (2, 9)
    >>> for texte, nom in [("a: 1\\nb: [\\x00]", "d.yaml"), ('{"a": 1,}', "d.json"), ("a: [1", "d.yaml")]:
    ...     try:
    ...         lire_document(texte, nom)
    ...     except DocumentIllisible as illisible:
    ...         erreur = illisible.erreur
    ...         print(f"{erreur.ligne}:{erreur.colonne}", erreur.message.split(" — ")[0])
    2:5 caractère interdit U+0000 : le fichier n'est pas un texte YAML ou JSON.
    1:9 JSON mal formé : nom de champ entre guillemets doubles attendu
    2:1 YAML mal formé : « , » ou « ] » attendu
    """
    try:
        return _lire(texte, nom_fichier)
    except RecursionError as erreur:
        raise DocumentIllisible(
            ErreurDeSaisie(
                (),
                "document trop imbriqué : listes ou objets emboîtés sur des centaines de niveaux.",
                nom_fichier,
            )
        ) from erreur


def _lire(texte: str, nom_fichier: str) -> Document:
    if nom_fichier.lower().endswith(".json"):
        try:
            donnees = json.loads(texte)
        except json.JSONDecodeError as erreur:
            raise DocumentIllisible(
                ErreurDeSaisie(
                    (),
                    f"JSON mal formé : {_en_francais(erreur.msg)} — vérifiez virgules, guillemets"
                    " et accolades.",
                    nom_fichier,
                    erreur.lineno,
                    erreur.colno,
                )
            ) from erreur
        return Document(donnees, None, nom_fichier, texte_json=texte)
    try:
        alias = _verifier_profondeur(texte, nom_fichier)
        chargeur = _ChargeurSansDates(texte)
        try:
            racine = chargeur.get_single_node()
            # Sans alias, chaque valeur est écrite dans le fichier : rien ne se développe.
            if alias and racine is not None and _valeurs_developpees(racine) > VALEURS_MAXIMUM:
                raise DocumentIllisible(
                    ErreurDeSaisie(
                        (),
                        "document refusé : ses ancres et alias (« &… », « *… ») le développent en"
                        f" plus de {VALEURS_MAXIMUM // 1_000_000} millions de valeurs ; écrivez les"
                        " valeurs sans alias.",
                        nom_fichier,
                    )
                )
            donnees = chargeur.construct_document(racine) if racine is not None else None
        finally:
            chargeur.dispose()
    except yaml.reader.ReaderError as erreur:
        rang = erreur.position
        if erreur.encoding != "unicode":
            # libyaml compte en octets du texte encodé en UTF-8, le lecteur Python en caractères.
            rang = len(texte.encode("utf-8")[:rang].decode("utf-8", errors="ignore"))
        ligne = texte.count("\n", 0, rang) + 1
        colonne = rang - (texte.rfind("\n", 0, rang) + 1) + 1
        raise DocumentIllisible(
            ErreurDeSaisie(
                (),
                f"caractère interdit U+{erreur.character:04X} : le fichier n'est pas un texte YAML ou JSON.",
                nom_fichier,
                ligne,
                colonne,
            )
        ) from erreur
    except yaml.MarkedYAMLError as erreur:
        marque = erreur.problem_mark or erreur.context_mark
        probleme = erreur.problem or erreur.context or ""
        if "maximum nesting depth" in probleme:
            # Les libyaml récents ont leur propre limite (1 000 niveaux), parfois atteinte avant la
            # nôtre par l'analyseur lexical, qui lit en avance : même refus, même message.
            raise DocumentIllisible(
                ErreurDeSaisie(
                    (),
                    "document trop imbriqué : listes ou objets emboîtés sur plus de"
                    f" {PROFONDEUR_MAXIMUM} niveaux.",
                    nom_fichier,
                    marque.line + 1 if marque else None,
                    marque.column + 1 if marque else None,
                )
            ) from erreur
        if marque is not None and probleme == "found character that cannot start any token":
            # libyaml ne nomme pas le caractère : on le lit dans le texte.
            lignes = texte.split("\n")
            caractere = (
                lignes[marque.line][marque.column : marque.column + 1] if marque.line < len(lignes) else ""
            )
            probleme = f"found character {caractere!r} that cannot start any token"
        raise DocumentIllisible(
            ErreurDeSaisie(
                (),
                f"YAML mal formé : {_en_francais(probleme)} — vérifiez l'indentation et les deux-points.",
                nom_fichier,
                marque.line + 1 if marque else None,
                marque.column + 1 if marque else None,
            )
        ) from erreur
    return Document(donnees, racine, nom_fichier)


# Les messages les plus courants de ``json``, de libyaml et du lecteur YAML écrit en Python,
# dits en français ; un message absent de la table est repris tel quel.
MESSAGES_DES_LECTEURS: Sequence[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Expecting value$"), "valeur attendue"),
    (re.compile(r"^Expecting ',' delimiter$"), "virgule attendue"),
    (re.compile(r"^Expecting ':' delimiter$"), "deux-points attendus après le nom du champ"),
    (
        re.compile(r"^Expecting property name enclosed in double quotes$"),
        "nom de champ entre guillemets doubles attendu",
    ),
    (re.compile(r"^Unterminated string starting at$"), "texte entre guillemets jamais refermé"),
    (re.compile(r"^Invalid control character at$"), "caractère de contrôle interdit dans un texte"),
    (re.compile(r"^Invalid \\escape$"), "séquence d'échappement « \\ » invalide"),
    (re.compile(r"^Extra data$"), "données en trop après la fin du document"),
    (re.compile(r"^(?:did not find )?expected ',' or '([\]}])'.*"), r"« , » ou « \1 » attendu"),
    (
        re.compile(r"^mapping values are not allowed (?:here|in this context)$"),
        "deux-points inattendu (une valeur contient-elle « : » sans guillemets ?)",
    ),
    (
        re.compile(r"^found character '\\t' that cannot start any token$|^found a tab character"),
        "tabulation : indentez avec des espaces, le YAML n'admet pas de tabulation",
    ),
    (
        re.compile(r"^found character '(.*)' that cannot start any token$"),
        r"caractère « \1 » inattendu en début de valeur (mettez la valeur entre guillemets)",
    ),
    (re.compile(r"^found undefined alias '(.*)'$"), r"alias « *\1 » sans ancre « &\1 »"),
    (re.compile(r"^found undefined alias$"), "alias « *… » sans ancre « &… » correspondante"),
    (
        re.compile(r"^found unexpected end of stream$"),
        "fin du fichier inattendue (guillemet jamais refermé ?)",
    ),
    (
        re.compile(r"^expected <block end>, but found .*|^did not find expected (?:key|'-' indicator)$"),
        "indentation incohérente",
    ),
    (re.compile(r"^could not find expected ':'$"), "deux-points attendu"),
]


def _en_francais(message: str) -> str:
    for motif, traduction in MESSAGES_DES_LECTEURS:
        if motif.match(message):
            return motif.sub(traduction, message)
    return message


# Un dossier emboîte ses listes et objets sur six niveaux. Bien au-delà, c'est un piège : le
# compositeur de libyaml est récursif et ferait tomber le processus vers 50 000 niveaux.
PROFONDEUR_MAXIMUM = 200


def _verifier_profondeur(texte: str, nom_fichier: str) -> bool:
    """Lit les seuls événements du document (l'analyseur de libyaml n'est pas récursif) et
    refuse un emboîtement démesuré avant de composer l'arbre ; dit si le document a des alias."""
    profondeur = 0
    alias = False
    for evenement in yaml.parse(texte, Loader=_Chargeur):
        if isinstance(evenement, yaml.AliasEvent):
            alias = True
        elif isinstance(evenement, yaml.CollectionStartEvent):
            profondeur += 1
            if profondeur > PROFONDEUR_MAXIMUM:
                marque = evenement.start_mark
                raise DocumentIllisible(
                    ErreurDeSaisie(
                        (),
                        f"document trop imbriqué : listes ou objets emboîtés sur plus de"
                        f" {PROFONDEUR_MAXIMUM} niveaux.",
                        nom_fichier,
                        marque.line + 1 if marque else None,
                        marque.column + 1 if marque else None,
                    )
                )
        elif isinstance(evenement, yaml.CollectionEndEvent):
            profondeur -= 1
    return alias


def _valeurs_developpees(racine: yaml.Node) -> float:
    """Le nombre de valeurs du document une fois les alias développés, sans les développer :
    un alias désigne un nœud déjà compté, dont on reprend la taille. Un alias qui désigne l'un
    de ses propres parents (document infini) compte pour l'infini."""
    tailles: dict[int, float] = {}
    parents: set[int] = set()
    # Parcours en profondeur sans récursion : un nœud est compté après tous ses enfants.
    pile: list[tuple[yaml.Node, bool]] = [(racine, False)]
    while pile:
        noeud, enfants_comptes = pile.pop()
        enfants = _enfants(noeud)
        if enfants_comptes:
            parents.discard(id(noeud))
            tailles[id(noeud)] = 1 + sum(tailles[id(e)] for e in enfants)
        elif id(noeud) in parents:
            return math.inf
        elif id(noeud) not in tailles:
            parents.add(id(noeud))
            pile.append((noeud, True))
            pile.extend((e, False) for e in enfants)
    return tailles[id(racine)]


def _enfants(noeud: yaml.Node) -> list[yaml.Node]:
    if isinstance(noeud, yaml.SequenceNode):
        return list(noeud.value)
    if isinstance(noeud, yaml.MappingNode):
        return [n for paire in noeud.value for n in paire]
    return []


class IndexDesPositions:
    """Les positions des nœuds de l'arbre, chaque objet (``MappingNode``) indexé par ses clés une
    seule fois, à la première erreur qui y passe : situer N erreurs dans un objet de N clés coûte
    N recherches, non N² comparaisons."""

    def __init__(self, racine: yaml.Node | None) -> None:
        self.racine = racine
        self._cles: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def _paire(self, objet: yaml.MappingNode, cle: str) -> tuple[yaml.Node, yaml.Node] | None:
        index = self._cles.get(id(objet))
        if index is None:
            index = {}
            for noeud_cle, valeur in objet.value:
                # Une clé en double : la première fait foi, comme la recherche d'avant.
                if isinstance(noeud_cle, yaml.ScalarNode):
                    index.setdefault(noeud_cle.value, (noeud_cle, valeur))
            self._cles[id(objet)] = index
        return index.get(cle)

    def position(self, chemin: Sequence[str | int]) -> tuple[int | None, int | None]:
        """Ligne et colonne (à partir de 1) du nœud le plus profond atteint en suivant ``chemin``.

        Pour un champ manquant, c'est l'objet qui aurait dû le contenir ; pour un champ en trop,
        c'est sa clé.
        """
        if self.racine is None:
            return None, None
        noeud: yaml.Node = self.racine
        for rang, partie in enumerate(chemin):
            suivant: yaml.Node | None = None
            if isinstance(noeud, yaml.MappingNode):
                paire = self._paire(noeud, str(partie))
                if paire is not None:
                    cle, valeur = paire
                    dernier = rang == len(chemin) - 1
                    # Au bout du chemin, un objet ou une liste se désigne par sa clé.
                    suivant = cle if dernier and not isinstance(valeur, yaml.ScalarNode) else valeur
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


def position(racine: yaml.Node | None, chemin: Sequence[str | int]) -> tuple[int | None, int | None]:
    """Ligne et colonne (à partir de 1) du nœud que ``chemin`` atteint (voir ``IndexDesPositions``)."""
    return IndexDesPositions(racine).position(chemin)
