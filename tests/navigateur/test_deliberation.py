"""Un délibéré complet sur l'affaire de démonstration, dans Chromium, réseau coupé pendant les votes.

Le greffe clôt les débats ; la présidente ouvre le délibéré, vote chaque question (une erreur de
décompte, une contradiction suivie d'un nouveau vote), puis la peine en trois tours ; elle
enregistre. On vérifie ensuite qu'aucun nombre de bulletins n'a quitté le navigateur : ni dans
une requête, ni dans une table de la base, ni dans le journal du serveur.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Request, expect

from pretoire.law.deliberation.majorite import formules_legales, mentions_de_peine_legales
from pretoire.proces.demo import AFFAIRE_A_INSTRUIRE, PREMIER_JOUR_A_INSTRUIRE

from .conftest import capture, lancer_demo, se_connecter

# Un nombre de voix qui sortirait du navigateur s'y lirait ainsi (clé JSON ou champ de formulaire).
DECOMPTE = re.compile(r"""["']?(oui|non|blancs|nuls|voix|bulletins|decompte)["']?\s*[:=]\s*\d""", re.I)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Un serveur de démonstration propre à ce module : le délibéré clôt les débats."""
    donnees = tmp_path_factory.mktemp("delibere")
    with lancer_demo(donnees) as adresse:
        yield adresse, donnees


def _consigner(page: Page, type_evenement: str, **champs: str) -> None:
    page.get_by_label("Type d'événement").select_option(type_evenement)
    visibles = page.locator("fieldset.champs-type:visible")
    for libelle, valeur in champs.items():
        champ = visibles.get_by_label(libelle)
        if champ.evaluate("e => e.tagName") == "SELECT":
            champ.select_option(valeur)
        else:
            champ.fill(valeur)
    page.get_by_role("button", name="Consigner").click()
    expect(page.get_by_role("status").first).to_contain_text("consigné")


def _voter(page: Page, oui: int, non: int, blancs: int = 0, nuls: int = 0) -> None:
    for libelle, nombre in (("Oui", oui), ("Non", non), ("Blancs", blancs), ("Nuls", nuls)):
        page.locator("#decompte").get_by_label(libelle, exact=True).fill(str(nombre))
    page.get_by_role("button", name="Constater le résultat").click()


def _inscrire(page: Page, formule: str) -> None:
    expect(page.locator("#formule")).to_have_text(f"Résultat du scrutin : {formule}")
    # Le résultat constaté, les champs sont vides : les nombres ont quitté l'écran.
    for libelle in ("Oui", "Non", "Blancs", "Nuls"):
        expect(page.locator("#decompte").get_by_label(libelle, exact=True)).to_have_value("")
    page.get_by_role("button", name="Inscrire sur la feuille").click()


def _proposer(page: Page, peines: list[tuple[int, int]], blancs: int = 0) -> None:
    """Une ligne par peine : (années de réclusion criminelle, bulletins)."""
    lignes = page.locator("#propositions tr")
    for rang, (annees, voix) in enumerate(peines):
        if rang >= lignes.count():
            page.get_by_role("button", name="Ajouter une peine proposée").click()
        ligne = lignes.nth(rang)
        ligne.get_by_label("Années").fill(str(annees))
        ligne.get_by_label("Bulletins").fill(str(voix))
    page.locator("#tour").get_by_label("Blancs", exact=True).fill(str(blancs))
    page.get_by_role("button", name="Dépouiller le tour").click()


def _mettre_aux_voix(page: Page, objet: str, oui: int, non: int, **champs: str) -> None:
    """Un scrutin sur ce qui accompagne la peine : l'objet, ses champs, puis les bulletins."""
    formulaire = page.locator("#modalites")
    formulaire.get_by_label("Objet").select_option(label=objet)
    for libelle, valeur in champs.items():
        formulaire.get_by_label(libelle, exact=True).fill(valeur)
    formulaire.get_by_label("Oui", exact=True).fill(str(oui))
    formulaire.get_by_label("Non", exact=True).fill(str(non))
    page.get_by_role("button", name="Mettre aux voix").click()


def _modalites_de_seize_ans(page: Page) -> None:
    """Seize ans pour des viols : période de sûreté de plein droit déclarée, portée à dix ans ;
    le réexamen de l'art. 706-53-13 n'a pas les huit voix qu'exige l'art. 359 en appel."""
    expect(page.locator("#modalites")).to_be_visible()
    expect(page.locator("#cautions-modalites")).to_contain_text("non vérifié")
    # La réclusion criminelle n'est pas une peine correctionnelle : aucun sursis n'est proposé.
    expect(page.locator("#modalite-objet option")).to_have_text(
        [
            "Période de sûreté",
            "Peine complémentaire",
            "Réexamen en vue d'une rétention de sûreté (art. 706-53-13 CPP)",
        ]
    )
    page.get_by_role("button", name="Arrêter la peine").click()
    expect(page.locator("#erreur-peine")).to_contain_text(
        "Le président déclare si les deux premiers alinéas de l'art. 132-23 CP s'appliquent"
    )
    page.get_by_label("Oui, ils s'appliquent").check()
    expect(page.locator("#bornes-surete")).to_have_text(
        "Période de sûreté de plein droit : huit ans ; la cour peut la porter jusqu'à dix ans et huit"
        " mois ou la réduire (art. 132-23 al. 2 CP, non vérifié)."
    )
    _mettre_aux_voix(page, "Période de sûreté", 7, 5, **{"Durée (mois)": "140"})
    expect(page.locator("#erreur-peine")).to_contain_text("ne dépasse pas les deux tiers de la peine")
    _mettre_aux_voix(page, "Période de sûreté", 7, 5, **{"Durée (mois)": "120"})
    expect(page.locator("#modalites-decidees")).to_contain_text(
        "Période de sûreté : dix ans : adopté, à la majorité absolue des votants."
    )
    for libelle in ("Oui", "Non"):
        expect(page.locator("#modalites").get_by_label(libelle, exact=True)).to_have_value("")
    _mettre_aux_voix(page, "Réexamen en vue d'une rétention de sûreté (art. 706-53-13 CPP)", 7, 5)
    expect(page.locator("#modalites-decidees")).to_contain_text(
        "Réexamen en vue d'une rétention de sûreté (art. 706-53-13 CPP) : rejeté."
    )
    capture(page, "delibere-peine-modalites")
    page.get_by_role("button", name="Arrêter la peine").click()


def _arreter_la_peine_sans_modalite(page: Page) -> None:
    """Dix ou douze ans : le président dit la sûreté de plein droit inapplicable (déclaration
    exigée à partir de dix ans) et arrête la peine sans autre modalité."""
    expect(page.locator("#modalites")).to_be_visible()
    page.get_by_label("Non, ils ne s'appliquent pas").check()
    page.get_by_role("button", name="Arrêter la peine").click()
    expect(page.locator("#modalites")).to_be_hidden()


def _texte_de_la_base(donnees: Path) -> str:
    """Toutes les lignes de toutes les tables, en texte, telles que SQLite les tient."""
    connexion = sqlite3.connect(donnees / "pretoire.sqlite3")
    morceaux = []
    tables = [t for (t,) in connexion.execute("select name from sqlite_master where type = 'table'")]
    for table in tables:
        for ligne in connexion.execute(f'select * from "{table}"'):
            morceaux.append(f"{table}: " + " | ".join(str(v) for v in ligne))
    connexion.close()
    return "\n".join(morceaux)


def test_un_delibere_complet_sans_qu_aucun_decompte_ne_quitte_le_navigateur(
    demo: tuple[str, Path], navigateur: Browser
) -> None:
    adresse, donnees = demo
    greffe = navigateur.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR").new_page()
    se_connecter(greffe, adresse, "greffiere")
    greffe.get_by_role("link", name="26/00042").click()
    greffe.get_by_role("link", name="Greffe — journal d'audience").click()
    _consigner(greffe, "requisitoire", Orateur="M. Faure, avocat général")
    _consigner(greffe, "plaidoirie_defense", Orateur="Me Blanc")
    _consigner(greffe, "derniere_parole_accuse", Accusé="A1")
    _consigner(greffe, "cloture_debats")
    greffe.context.close()

    contexte = navigateur.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page = contexte.new_page()
    requetes: list[Request] = []
    page.on("request", lambda requete: requetes.append(requete))
    se_connecter(page, adresse, "presidente")
    page.get_by_role("link", name="26/00042").click()
    page.get_by_role("link", name="Délibéré").click()
    page.get_by_role("button", name="Ouvrir le délibéré").click()
    expect(page.locator("#scrutin")).to_contain_text("Question n° 1")
    capture(page, "delibere-ouverture")
    violations = Axe().run(page).response["violations"]
    assert not [v["id"] for v in violations if v["impact"] in ("serious", "critical")], violations

    # La salle des délibérations n'a pas de réseau : tout se calcule dans la page.
    contexte.set_offline(True)
    _voter(page, oui=9, non=2, blancs=1)
    _inscrire(page, "oui à la majorité de huit voix au moins")
    _voter(page, oui=12, non=0)
    _inscrire(page, "oui à la majorité de huit voix au moins")
    # Sept voix sur douze, un blanc et un nul : les blancs et nuls comptent pour l'accusé.
    _voter(page, oui=7, non=3, blancs=1, nuls=1)
    _inscrire(page, "non")
    question_4 = page.locator("#feuille-delibere li[data-numero='4'] .reponse")
    expect(question_4).to_have_text("sans objet")

    # Un décompte qui ne fait pas douze bulletins est refusé, en français, sans rien inscrire.
    _voter(page, oui=8, non=3)
    expect(page.locator("#erreur-scrutin")).to_contain_text("Le décompte compte 11 bulletins pour 12 votants")
    expect(page.locator("#resultat")).to_be_hidden()
    capture(page, "delibere-decompte-refuse")
    _voter(page, oui=10, non=2)
    _inscrire(page, "oui à la majorité de huit voix au moins")
    _voter(page, oui=11, non=1)
    _inscrire(page, "oui à la majorité de huit voix au moins")
    _voter(page, oui=8, non=4)
    _inscrire(page, "oui à la majorité de huit voix au moins")
    # « non » à la minorité d'Inès PETIT pour des faits antérieurs à ceux de la question n° 6.
    _voter(page, oui=5, non=7)
    _inscrire(page, "non")
    expect(page.locator("#contradiction")).to_contain_text("Inès PETIT avait moins de quinze ans")
    capture(page, "delibere-contradiction")
    page.get_by_role("button", name="Nouveau vote sur la question n° 8").click()
    expect(page.locator("#scrutin")).to_contain_text("Question n° 8")
    _voter(page, oui=9, non=3)
    _inscrire(page, "oui à la majorité de huit voix au moins")
    expect(page.locator("#contradiction")).to_be_hidden()

    expect(page.locator("#liste-issues")).to_contain_text("agression sexuelle (fait F2) : non coupable")
    expect(page.locator("#peine-maximum")).to_have_text(
        "Maximum encouru : vingt ans de réclusion criminelle."
    )
    # Tour 1 : le maximum a la majorité absolue (7 sur 12) mais non les huit voix qu'il exige.
    _proposer(page, [(20, 7), (15, 5)])
    expect(page.locator("#resultat-tour")).to_contain_text("non la majorité qualifiée")
    _proposer(page, [(18, 6), (15, 6)])
    expect(page.locator("#resultat-tour")).to_contain_text("Tour n° 2 : aucune peine")
    # Tour 3 : la peine la plus forte du tour 2 est écartée.
    expect(page.locator("#plafond")).to_contain_text("dix-huit ans de réclusion criminelle")
    _proposer(page, [(18, 7), (12, 5)])
    expect(page.locator("#erreur-peine")).to_contain_text("Dix-huit ans de réclusion criminelle est écartée")
    capture(page, "delibere-peine-ecartee")
    page.locator("#propositions tr").nth(0).get_by_label("Années").fill("16")
    page.get_by_role("button", name="Dépouiller le tour").click()
    expect(page.locator("#resultat-tour")).to_contain_text(
        "Tour n° 3 : seize ans de réclusion criminelle, à la majorité absolue des votants."
    )
    _modalites_de_seize_ans(page)
    expect(page.locator("#peines-prononcees > li")).to_have_count(1)
    prononcee = page.locator("#peines-prononcees > li")
    expect(prononcee).to_contain_text(
        "Thierry VASSEUR : seize ans de réclusion criminelle, à la majorité absolue des votants."
    )
    expect(prononcee.locator(".modalites li")).to_have_text(
        [
            "Période de sûreté portée à dix ans, à la majorité absolue des votants (art. 132-23 al. 2 CP).",
            "La cour n'a pas prévu de réexamen de la situation du condamné en vue d'une éventuelle"
            " rétention de sûreté (art. 362 al. 6 CPP).",
        ]
    )
    capture(page, "delibere-votes-termines")

    # Le réseau revient pour l'enregistrement final.
    contexte.set_offline(False)
    page.get_by_role("button", name="Enregistrer la feuille répondue").click()
    expect(page.get_by_role("heading", name="Feuille de questions répondue")).to_be_visible()
    expect(page.locator(".questions-repondues")).to_contain_text("oui à la majorité de huit voix au moins")
    expect(page.locator(".decision")).to_contain_text(
        "Peine : seize ans de réclusion criminelle, à la majorité absolue des votants."
    )
    expect(page.locator(".decision .modalites")).to_contain_text("Période de sûreté portée à dix ans")
    capture(page, "delibere-feuille-repondue")
    violations = Axe().run(page).response["violations"]
    assert not [v["id"] for v in violations if v["impact"] in ("serious", "critical")], violations

    for nom, titre in (
        ("feuille.pdf", "FEUILLE DE QUESTIONS RÉPONDUE"),
        ("motivation.pdf", "FEUILLE DE MOTIVATION"),
    ):
        pdf = page.request.get(page.url + nom)
        assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
        chemin = donnees / nom
        chemin.write_bytes(pdf.body())
        texte = subprocess.run(
            ["pdftotext", "-layout", str(chemin), "-"], capture_output=True, text=True
        ).stdout
        assert titre in texte
        assert not DECOMPTE.search(texte)
    contexte.close()

    # Une seule requête a porté des données : l'enregistrement, sans aucun nombre de voix.
    envois = [r for r in requetes if r.method == "POST" and "deliberation" in r.url]
    assert [r.url.rsplit("/", 2)[-2] for r in envois] == ["ouvrir", "enregistrer"]
    corps = json.loads(envois[-1].post_data or "{}")
    assert set(corps) == {"empreinte", "reponses", "peines", "jure_signataire"}
    # Le rang du juré qui signe (art. 364) : le premier juré désigné par le sort.
    assert corps["jure_signataire"] == 1
    assert set(corps["reponses"].values()) <= {"oui", "non", "sans objet"}
    assert all("?" not in r.url for r in requetes if "deliberation" in r.url)
    assert not any(DECOMPTE.search(r.post_data or "") for r in requetes)

    # La base ne garde que les formules légales ; rien n'y ressemble à un décompte.
    base = _texte_de_la_base(donnees)
    connexion = sqlite3.connect(donnees / "pretoire.sqlite3")
    formules = {f for (f,) in connexion.execute("select formule from deliberation_reponseinscrite")}
    mentions = {m for (m,) in connexion.execute("select mention from deliberation_peineprononcee")}
    connexion.close()
    assert formules <= formules_legales() and "non" in formules and "sans objet" in formules
    assert mentions == {"à la majorité absolue des votants"} <= mentions_de_peine_legales()
    assert not DECOMPTE.search(base)
    journal = (donnees / "serveur.log").read_text(encoding="utf-8", errors="replace")
    assert not DECOMPTE.search(journal)


@pytest.fixture(scope="module")
def demo_subsidiaire(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Un second serveur : la défense conteste la contrainte du viol F3, la question subsidiaire
    d'atteinte sexuelle (art. 351 al. 2) est annoncée avant le réquisitoire."""
    donnees = tmp_path_factory.mktemp("delibere-subsidiaire")
    with lancer_demo(donnees) as adresse:
        yield adresse, donnees


def test_apres_non_au_viol_et_oui_a_l_atteinte_sexuelle_l_ecran_et_la_feuille_nomment_l_atteinte_sexuelle(
    demo_subsidiaire: tuple[str, Path], navigateur: Browser
) -> None:
    adresse, donnees = demo_subsidiaire
    greffe = navigateur.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR").new_page()
    se_connecter(greffe, adresse, "greffiere")
    greffe.get_by_role("link", name="26/00042").click()
    greffe.get_by_role("link", name="Greffe — journal d'audience").click()
    _consigner(
        greffe,
        "contestation_element_constitutif",
        Accusé="A1",
        Fait="F3",
        **{"Élément contesté": "contrainte"},
    )
    _consigner(
        greffe,
        "information_question",
        **{"Nature de la question": "subsidiaire", "Accusé": "A1", "Fait": "F3"},
        Qualification="atteinte_sexuelle_sur_mineur_de_quinze_ans",
    )
    _consigner(greffe, "requisitoire", Orateur="M. Faure, avocat général")
    _consigner(greffe, "plaidoirie_defense", Orateur="Me Blanc")
    _consigner(greffe, "derniere_parole_accuse", Accusé="A1")
    _consigner(greffe, "cloture_debats")
    greffe.context.close()

    contexte = navigateur.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page = contexte.new_page()
    se_connecter(page, adresse, "presidente")
    page.get_by_role("link", name="26/00042").click()
    page.get_by_role("link", name="Délibéré").click()
    page.get_by_role("button", name="Ouvrir le délibéré").click()
    # La composition de la cour d'assises n'est pas dans les textes : l'écran le dit.
    expect(page.locator("#reserve-composition")).to_contain_text("Composition non vérifiée")
    expect(page.locator("#feuille-delibere li[data-numero='7']")).to_contain_text("atteinte sexuelle")

    contexte.set_offline(True)
    _voter(page, oui=12, non=0)  # 1 : viol F1
    _inscrire(page, "oui à la majorité de huit voix au moins")
    _voter(page, oui=10, non=2)  # 2 : minorité de Léa MARTIN
    _inscrire(page, "oui à la majorité de huit voix au moins")
    _voter(page, oui=2, non=10)  # 3 : agression sexuelle F2
    _inscrire(page, "non")
    _voter(page, oui=7, non=5)  # 5 : viol F3, sept voix sur douze en appel ne suffisent pas
    _inscrire(page, "non")
    expect(page.locator("#feuille-delibere li[data-numero='6'] .reponse")).to_have_text("sans objet")
    _voter(page, oui=11, non=1)  # 7 : atteinte sexuelle sur mineur de quinze ans (subsidiaire)
    _inscrire(page, "oui à la majorité de huit voix au moins")
    _voter(page, oui=0, non=12)  # 8 : agression sexuelle F4
    _inscrire(page, "non")

    issues = page.locator("#liste-issues")
    expect(issues).to_contain_text(
        "viol (fait F1 ; circonstance aggravante retenue : victime mineure de quinze ans) : coupable"
    )
    expect(issues).to_contain_text(
        "atteinte sexuelle sur mineur de quinze ans (fait F3, question subsidiaire n° 7) : coupable"
    )
    expect(issues).not_to_contain_text("viol (fait F3)")
    capture(page, "delibere-qualification-retenue")
    # La plus forte des peines encourues : vingt ans (viol sur mineur de quinze ans), non le
    # maximum du viol F3 écarté.
    expect(page.locator("#peine-maximum")).to_have_text(
        "Maximum encouru : vingt ans de réclusion criminelle."
    )
    _proposer(page, [(12, 12)])
    expect(page.locator("#resultat-tour")).to_contain_text("douze ans de réclusion criminelle")
    _arreter_la_peine_sans_modalite(page)

    contexte.set_offline(False)
    page.get_by_role("button", name="Enregistrer la feuille répondue").click()
    expect(page.get_by_role("heading", name="Feuille de questions répondue")).to_be_visible()
    decision = page.locator(".decision")
    expect(decision).to_contain_text(
        "L'accusé Thierry VASSEUR est déclaré coupable : viol (fait F1 ; circonstance aggravante retenue :"
        " victime mineure de quinze ans) et atteinte sexuelle sur mineur de quinze ans (fait F3, question"
        " subsidiaire n° 7)."
    )
    expect(decision).not_to_contain_text("viol (fait F3)")
    capture(page, "delibere-feuille-qualification-retenue")
    pdf = page.request.get(page.url + "motivation.pdf")
    chemin = donnees / "motivation.pdf"
    chemin.write_bytes(pdf.body())
    texte = subprocess.run(["pdftotext", str(chemin), "-"], capture_output=True, text=True).stdout
    texte = " ".join(texte.split())
    assert "atteinte sexuelle sur mineur de quinze ans (fait F3, question subsidiaire n° 7)" in texte
    assert "viol (fait F3)" not in texte
    contexte.close()


def _dossier_avec_trouble_mental() -> str:
    """L'affaire à instruire de la démonstration : le viol F1 seul, le trouble mental invoqué."""
    import yaml

    texte = resources.files("pretoire.proces.demo").joinpath("affaire-demo.yaml").read_text(encoding="utf-8")
    dossier = yaml.safe_load(texte)
    dossier["affaire"] = {"numero": AFFAIRE_A_INSTRUIRE, "date_proces": PREMIER_JOUR_A_INSTRUIRE}
    dossier["faits"] = dossier["faits"][:1]
    dossier["faits"][0]["causes_irresponsabilite"] = [{"accuse": "A1", "article": "122-1", "alinea": 1}]
    return yaml.safe_dump(dossier, allow_unicode=True, sort_keys=False)


def test_sur_la_cause_d_irresponsabilite_la_majorite_va_au_non_et_l_alteration_reduit_le_maximum(
    demo_subsidiaire: tuple[str, Path], navigateur: Browser, tmp_path: Path
) -> None:
    """Art. 359 : sur « bénéficie-t-il de la cause », seul le « non » exige huit voix en appel ; six
    « oui » et six « non » sur l'altération la retiennent, et le maximum est réduit du tiers."""
    adresse, donnees = demo_subsidiaire
    fichier = tmp_path / "dossier-26-00043.yaml"
    fichier.write_text(_dossier_avec_trouble_mental(), encoding="utf-8")
    greffe = navigateur.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR").new_page()
    se_connecter(greffe, adresse, "greffiere")
    greffe.get_by_role("link", name=AFFAIRE_A_INSTRUIRE).click()
    greffe.get_by_label("Fichier YAML ou JSON (format de l'export)").set_input_files(fichier)
    greffe.get_by_role("button", name="Importer").click()
    expect(greffe.get_by_role("status").first).to_contain_text("Dossier importé : 1 fait(s)")
    greffe.get_by_role("link", name="Greffe — journal d'audience").click()
    _consigner(greffe, "ouverture_debats")
    _consigner(greffe, "requisitoire", Orateur="M. Faure, avocat général")
    _consigner(greffe, "plaidoirie_defense", Orateur="Me Blanc")
    _consigner(greffe, "derniere_parole_accuse", Accusé="A1")
    _consigner(greffe, "cloture_debats")
    greffe.context.close()

    contexte = navigateur.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    page = contexte.new_page()
    se_connecter(page, adresse, "presidente")
    page.get_by_role("link", name=AFFAIRE_A_INSTRUIRE).click()
    page.get_by_role("link", name="Délibéré").click()
    page.get_by_role("button", name="Ouvrir le délibéré").click()
    expect(page.locator("#titre-regle").locator("..")).to_contain_text(
        "il s'inscrit « non à la majorité de huit voix au moins » (forme non vérifiée)"
    )
    contexte.set_offline(True)
    _voter(page, oui=12, non=0)  # 1° a-t-il commis le viol
    _inscrire(page, "oui à la majorité de huit voix au moins")
    # 2° bénéficie-t-il de la cause : le « non » défavorable exige huit voix.
    expect(page.locator("#question-en-cours")).to_contain_text(
        "la décision défavorable est le « non », qui exige seul la majorité"
    )
    capture(page, "delibere-non-defavorable")
    _voter(page, oui=4, non=8)
    _inscrire(page, "non à la majorité de huit voix au moins")
    _voter(page, oui=12, non=0)  # minorité de Léa MARTIN
    _inscrire(page, "oui à la majorité de huit voix au moins")
    # Altération (art. 122-1 al. 2) : six « non » sur douze ne l'écartent pas.
    _voter(page, oui=6, non=6)
    _inscrire(page, "oui")
    expect(page.locator("#peine-maximum")).to_contain_text(
        "Maximum encouru : vingt ans de réclusion criminelle ; l'altération du discernement étant retenue,"
        " il est réduit à treize ans et quatre mois de réclusion criminelle"
    )
    _proposer(page, [(15, 12)])
    expect(page.locator("#erreur-peine")).to_contain_text("dépasse le maximum encouru")
    page.locator("#propositions tr").nth(0).get_by_label("Années").fill("10")
    page.get_by_role("button", name="Dépouiller le tour").click()
    expect(page.locator("#resultat-tour")).to_contain_text("dix ans de réclusion criminelle")
    capture(page, "delibere-alteration-maximum-reduit")
    _arreter_la_peine_sans_modalite(page)
    contexte.set_offline(False)
    page.get_by_role("button", name="Enregistrer la feuille répondue").click()
    expect(page.get_by_role("heading", name="Feuille de questions répondue")).to_be_visible()
    contexte.close()

    connexion = sqlite3.connect(donnees / "pretoire.sqlite3")
    formules = [
        f
        for (f,) in connexion.execute(
            "select r.formule from deliberation_reponseinscrite r join deliberation_deliberation d"
            " on r.deliberation_id = d.id join proces_affaire a on d.affaire_id = a.id"
            " where a.numero = ? order by r.numero",
            (AFFAIRE_A_INSTRUIRE,),
        )
    ]
    connexion.close()
    assert formules == [
        "oui à la majorité de huit voix au moins",
        "non à la majorité de huit voix au moins",
        "oui à la majorité de huit voix au moins",
        "oui",
    ]
