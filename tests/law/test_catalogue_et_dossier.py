"""Le catalogue est une donnée ; le dossier s'exporte et se relit à l'identique."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pretoire.law.catalogue import CatalogueInvalide, catalogue_depuis_textes, textes_du_catalogue_livre
from pretoire.law.mise_en_accusation import charger_dossier, dossier_en_json, dossier_en_yaml
from tests.law.conftest import EXEMPLES, RACINE, lancer

CATALOGUE_LIVRE = RACINE / "src" / "pretoire" / "law" / "catalogue"

NOUVELLE_QUALIFICATION = """
code: destruction_imaginaire
versions:
  - en_vigueur_du: null
    jusqu_au: null
    libelle: destruction imaginaire
    nom_du_fait: destruction
    genre_du_fait: feminin
    incrimination: ["000-1"]
    repression: ["000-2"]
    violence_contrainte_menace_surprise_constitutive: false
    circonstances:
      - {code: nuit, libelle: de nuit, articles: ["000-3"], nature: reelle, enonce: "de nuit"}
"""


def test_ajouter_une_qualification_est_un_changement_de_donnees(tmp_path: Path) -> None:
    repertoire = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_LIVRE, repertoire, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (repertoire / "destruction_imaginaire.yaml").write_text(NOUVELLE_QUALIFICATION)
    dossier = (EXEMPLES / "affaire-mineures.yaml").read_text()
    dossier = dossier.replace(
        "qualification: agression_sexuelle\n    victimes: [V2]",
        "qualification: destruction_imaginaire\n    victimes: [V2]",
    )
    ancien = (
        "    enonce: >-\n      commis des attouchements de nature sexuelle par violence, contrainte,"
        " menace ou surprise\n      sur la personne d'Hugo PETIT\n"
        "    circonstances_aggravantes: [{code: mineur_de_quinze_ans}]"
    )
    assert dossier.count(ancien) == 1
    dossier = dossier.replace(
        ancien, "    enonce: détruit le vélo d'Hugo PETIT\n    circonstances_aggravantes: [{code: nuit}]"
    )
    chemin = tmp_path / "dossier.yaml"
    chemin.write_text(dossier)
    sortie = lancer("questions", str(chemin), "--catalogue", str(repertoire), "--json")
    assert sortie.code == 0, sortie.stderr
    textes = [q["text"] for q in json.loads(sortie.stdout)["questions"]]
    assert "La destruction ci-dessus spécifiée à la question n° 9 a-t-elle été commise de nuit ?" in textes


def test_un_catalogue_qui_renvoie_a_une_qualification_absente_est_refuse() -> None:
    textes = textes_du_catalogue_livre()
    del textes["agression_sexuelle.yaml"]
    with pytest.raises(CatalogueInvalide, match="renvoie à la qualification inconnue « agression_sexuelle »"):
        catalogue_depuis_textes(textes)


@pytest.mark.parametrize("exemple", sorted(p.name for p in EXEMPLES.glob("*.yaml")))
def test_le_dossier_se_relit_a_l_identique_en_yaml_et_en_json(exemple: str) -> None:
    dossier = charger_dossier((EXEMPLES / exemple).read_text(), exemple)
    assert charger_dossier(dossier_en_yaml(dossier), "d.yaml") == dossier
    assert charger_dossier(dossier_en_json(dossier), "d.json") == dossier


def test_des_faits_du_1er_mars_1994_se_chargent_sous_le_premier_texte_du_catalogue() -> None:
    dossier = (EXEMPLES / "affaire-mineures.yaml").read_text()
    # Le fait F1, premier du dossier, sans sa circonstance de minorité (la victime est née en 2012).
    dossier = dossier.replace("date: 2021-06-12", "date: 1994-03-01").replace(
        "circonstances_aggravantes: [{code: mineur_de_quinze_ans}]", "circonstances_aggravantes: []", 1
    )
    fait = charger_dossier(dossier, "dossier.yaml").faits[0]
    assert fait.premier_jour.isoformat() == "1994-03-01"
