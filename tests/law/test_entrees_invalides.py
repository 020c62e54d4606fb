"""Chaque classe d'entrée invalide sort en code 2, avec un message français situé (ligne:colonne)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pretoire.law.lecture_yaml import ERREURS_SIGNALEES, lire_document
from pretoire.law.mise_en_accusation import DossierInvalide, charger_dossier
from tests.law.conftest import EXEMPLES, lancer

DOSSIER = (EXEMPLES / "affaire-mineures.yaml").read_text()
POSITION = re.compile(r":(\d+):(\d+) : ")


def _remplacer(ancien: str, nouveau: str, texte: str = DOSSIER) -> str:
    assert ancien in texte
    return texte.replace(ancien, nouveau, 1)


CAS_INVALIDES = {
    "qualification_inconnue": (
        _remplacer("qualification: agression_sexuelle", "qualification: outrage"),
        "qualifications connues : agression_sexuelle",
    ),
    "circonstance_inconnue": (
        _remplacer("{code: mineur_de_quinze_ans}", "{code: premeditation}"),
        "circonstances connues :",
    ),
    "periode_inversee": (
        _remplacer("{debut: 2021-09-01, fin: 2021-12-31}", "{debut: 2021-12-31, fin: 2021-09-01}"),
        "la période est inversée",
    ),
    "victime_non_declaree": (_remplacer("victimes: [V2]", "victimes: [V9]"), "« V9 » n'est pas déclarée"),
    "accuse_non_declare": (
        _remplacer("[{accuse: A1, qualite: auteur}]", "[{accuse: A7, qualite: auteur}]"),
        "« A7 » n'est pas déclaré",
    ),
    "identifiant_en_double": (_remplacer("- id: F2", "- id: F1"), "employé plusieurs fois"),
    "minorite_contredite": (
        _remplacer("date_naissance: 2012-05-02", "date_naissance: 2002-05-02"),
        "moins de 15 ans",
    ),
    "date_de_naissance_manquante": (
        _remplacer(", date_naissance: 2012-05-02}", "}"),
        "ajoutez sa « date_naissance »",
    ),
    "complicite_sans_auteur": (
        _remplacer(
            "[{accuse: A1, qualite: auteur}]",
            "[{accuse: A1, qualite: complice, mode_complicite: provocation}]",
        ),
        "complice est poursuivi sans auteur",
    ),
    "cause_hors_349_1": (
        _remplacer(
            "    circonstances_aggravantes: [{code: mineur_de_quinze_ans}]\n  - id: F2",
            "    circonstances_aggravantes: [{code: mineur_de_quinze_ans}]\n"
            '    causes_irresponsabilite: [{accuse: A1, article: "122-6"}]\n  - id: F2',
        ),
        "n'est pas une cause d'irresponsabilité de l'art. 349-1",
    ),
    "champ_manquant": (
        _remplacer('  siege: "Aix-en-Provence"\n', ""),
        "« juridiction.siege » est obligatoire",
    ),
    "champ_en_trop": (
        _remplacer('  numero: "26/00042"', '  numero: "26/00042"\n  numro: 3'),
        "« affaire.numro » n'est pas prévu",
    ),
    "date_invalide": (_remplacer("date: 2021-06-12", "date: 2021-13-12"), "date au format AAAA-MM-JJ"),
    "valeur_non_prevue": (
        _remplacer("sexe: M, date_naissance: 1978", "sexe: X, date_naissance: 1978"),
        "valeurs permises",
    ),
    "yaml_mal_forme": (_remplacer("affaire:\n", "affaire:\n  - [\n"), "YAML mal formé"),
    # Le catalogue commence avec le code pénal de 1994 : un texte antérieur n'est ni deviné ni
    # remplacé par un texte postérieur, et le refus le dit.
    "faits_du_28_fevrier_1994": (
        _remplacer("date: 2021-06-12", "date: 1994-02-28"),
        "« viol » n'est au catalogue pour des faits du 28 février 1994 : le catalogue ne la connaît"
        " que pour des faits commis à partir du 1er mars 1994 (version non vérifiée)",
    ),
    "periode_de_1989_a_2014_a_scinder": (
        _remplacer("{debut: 2021-09-01, fin: 2021-12-31}", "{debut: 1989-01-01, fin: 2014-12-31}"),
        "Scindez le fait : une période jusqu'à la veille du 1er mars 1994",
    ),
    "viol_sur_mineur_de_quinze_ans_avant_la_loi_de_2021": (
        _remplacer(
            "qualification: viol\n    victimes: [V1]\n    date: 2021-06-12",
            "qualification: viol_sur_mineur_de_quinze_ans\n    victimes: [V1]\n    date: 2021-04-22",
        ),
        "un texte postérieur ne s'applique pas à des faits antérieurs",
    ),
}


@pytest.mark.parametrize("nom", sorted(CAS_INVALIDES))
def test_un_dossier_invalide_sort_en_code_2_avec_sa_position(nom: str, tmp_path: Path) -> None:
    texte, fragment = CAS_INVALIDES[nom]
    chemin = tmp_path / "dossier.yaml"
    chemin.write_text(texte)
    pdf = tmp_path / "feuille.pdf"
    sortie = lancer("questions", str(chemin), "--pdf", str(pdf))
    assert sortie.code == 2
    assert fragment in sortie.stderr
    assert POSITION.search(sortie.stderr), sortie.stderr
    assert not pdf.exists() and list(tmp_path.iterdir()) == [chemin]


def test_un_json_mal_forme_donne_la_position_de_json(tmp_path: Path) -> None:
    chemin = tmp_path / "dossier.json"
    chemin.write_text('{\n  "version": 1,\n  "affaire": {,}\n}\n')
    sortie = lancer("questions", str(chemin))
    assert sortie.code == 2
    assert "dossier.json:3:15 : JSON mal formé" in sortie.stderr


def test_une_erreur_de_json_est_situee_par_le_compositeur_yaml(tmp_path: Path) -> None:
    chemin = tmp_path / "dossier.json"
    chemin.write_text('{\n  "version": 1,\n  "affaire": {"numero": 42}\n}\n')
    sortie = lancer("questions", str(chemin))
    assert sortie.code == 2
    assert "dossier.json:3:25 : le champ « affaire.numero » doit être un texte" in sortie.stderr


def test_un_journal_invalide_sort_en_code_2(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    journal.write_text(
        '[\n  {"numero": 1, "type": "information_question", "horodatage": "2026-11-25T10:00:00Z",\n'
        '   "donnees": {"nature": "spéciale", "accuse": "A1", "fait": "F1", "circonstance": "x"}}\n]\n'
    )
    sortie = lancer("questions", str(EXEMPLES / "affaire-mineures.yaml"), "--log", str(journal))
    assert sortie.code == 2
    assert "journal.json:3:" in sortie.stderr and "« [0].donnees.nature »" in sortie.stderr


def test_un_type_d_evenement_inconnu_est_refuse(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    journal.write_text('[{"numero": 1, "type": "verdict", "horodatage": "2026-11-25T10:00:00Z"}]')
    sortie = lancer("questions", str(EXEMPLES / "affaire-mineures.yaml"), "--log", str(journal))
    assert sortie.code == 2 and "journal.json:1:" in sortie.stderr and "valeurs permises" in sortie.stderr


def test_le_schema_du_dossier_a_des_descriptions_francaises() -> None:
    sortie = lancer("schema", "casefile")
    assert sortie.code == 0
    assert "Date du procès : elle choisit la numérotation du CPP citée sur la feuille." in sortie.stdout


# Dix alias de dix alias… : cent millions de victimes à valider si rien ne l'arrête.
BOMBE_D_ALIAS = (
    "version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True))
    + "victimes: *h\n"
)


@pytest.mark.parametrize(
    ("nom", "texte", "fragment"),
    [
        ("dossier.yaml", "a: " + "[" * 50_000 + "]" * 50_000, "document trop imbriqué"),
        ("dossier.json", "[" * 50_000 + "]" * 50_000, "document trop imbriqué"),
        ("dossier.yaml", BOMBE_D_ALIAS, "ancres et alias"),
        ("dossier.yaml", "a: &a [*a]\n", "ancres et alias"),
        ("dossier.yaml", "version: 1\nfaits: [\x00]\n", "dossier.yaml:2:9 : caractère interdit U+0000"),
        (
            "dossier.json",
            '{"version": 1,}',
            "dossier.json:1:15 : JSON mal formé : nom de champ entre guillemets",
        ),
    ],
    ids=[
        "yaml_trop_imbrique",
        "json_trop_imbrique",
        "bombe_d_alias",
        "alias_recursif",
        "octet_nul",
        "json_virgule",
    ],
)
def test_un_document_piege_ou_casse_est_refuse_en_francais(
    nom: str, texte: str, fragment: str, tmp_path: Path
) -> None:
    chemin = tmp_path / nom
    chemin.write_text(texte)
    sortie = lancer("questions", str(chemin))
    assert sortie.code == 2
    assert fragment in sortie.stderr


def test_un_journal_qui_vise_un_fait_inconnu_sort_en_code_2_sans_rien_ecrire(tmp_path: Path) -> None:
    """Taire l'annonce ferait disparaître une question que la loi impose (art. 351-1 CPP)."""
    journal = tmp_path / "journal.json"
    journal.write_text(
        '[{"numero": 1, "type": "contestation_element_constitutif", "horodatage": "2026-11-25T10:00:00Z",'
        ' "donnees": {"accuse": "A1", "fait": "F99", "element": "contrainte"}}]'
    )
    pdf = tmp_path / "feuille.pdf"
    sortie = lancer(
        "questions", str(EXEMPLES / "affaire-mineures.yaml"), "--log", str(journal), "--pdf", str(pdf)
    )
    assert sortie.code == 2
    assert (
        "événement n° 1" in sortie.stderr and "le fait « F99 » n'est pas un fait du dossier" in sortie.stderr
    )
    assert not pdf.exists()


def test_un_journal_qui_vise_un_accuse_etranger_au_fait_sort_en_code_2(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    journal.write_text(
        '[{"numero": 1, "type": "information_question", "horodatage": "2026-11-25T10:00:00Z",'
        ' "donnees": {"nature": "subsidiaire", "accuse": "A9", "fait": "F1",'
        ' "qualification": "agression_sexuelle"}}]'
    )
    sortie = lancer("questions", str(EXEMPLES / "affaire-mineures.yaml"), "--log", str(journal))
    assert sortie.code == 2 and "l'accusé « A9 » n'est pas un accusé du dossier" in sortie.stderr


@pytest.mark.parametrize(
    ("nom", "texte", "premiere"),
    [
        # Un objet de 5 000 champs inconnus : chaque erreur se situe dans le même objet.
        (
            "dossier.yaml",
            "version: 1\n" + "".join(f"champ_inconnu_{n}: {n}\n" for n in range(5_000)),
            "dossier.yaml:1:1 : le champ « juridiction » est obligatoire",
        ),
        # Une liste de 5 000 accusés fautifs.
        (
            "dossier.json",
            json.dumps(
                {"version": 1, "accuses": [{"id": f"A{n}", "nom": n} for n in range(5_000)]}, indent=1
            ),
            "dossier.json:1:1 : le champ « juridiction » est obligatoire",
        ),
    ],
    ids=["champs_inconnus", "accuses_fautifs"],
)
def test_un_fichier_aux_milliers_d_erreurs_n_en_detaille_que_les_premieres(
    nom: str, texte: str, premiere: str
) -> None:
    """Un fichier de 2,6 Mo d'erreurs occupait un serveur plus de 9 minutes : chaque erreur était
    située en parcourant tout l'objet, et toutes étaient montrées. Les premières seulement sont
    situées et montrées, puis le nombre des autres."""
    with pytest.raises(DossierInvalide) as refus:
        charger_dossier(texte, nom)
    erreurs = refus.value.erreurs
    assert len(erreurs) == ERREURS_SIGNALEES + 1
    assert str(erreurs[0]).startswith(premiere)
    assert all(POSITION.search(str(e)) for e in erreurs[:-1])
    reste = str(erreurs[-1])
    assert reste.startswith("… et ") and reste.endswith(
        " autres erreurs, non détaillées : corrigez d'abord celles-ci."
    )
    assert int(reste.split()[2]) > 4_900


def test_les_erreurs_d_un_objet_restent_situees_chacune_sur_sa_cle() -> None:
    """L'index des positions, construit une fois, situe comme la recherche d'avant : la clé en trop,
    la première de deux clés en double."""
    texte = "version: 1\ninconnu_a: 1\ninconnu_b: 2\ninconnu_b: 3\n"
    document = lire_document(texte, "d.yaml")
    assert document.positions.position(("inconnu_a",)) == (2, 12)
    assert document.positions.position(("inconnu_b",)) == (3, 12)
    assert document.positions.position(("absent", "plus_loin")) == (1, 1)
