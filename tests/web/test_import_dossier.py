"""Le greffier importe la décision de mise en accusation dans une affaire dont les débats n'ont pas
commencé ; tout refus est dit en français, situé, et ne change rien."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from pretoire.comptes.models import Utilisateur
from pretoire.law import mise_en_accusation as droit
from pretoire.law.mise_en_accusation import charger_dossier, dossier_en_json, dossier_en_yaml
from pretoire.proces import actions
from pretoire.proces.actions import do_importer_dossier
from pretoire.proces.demo import AFFAIRE_A_INSTRUIRE, PREMIER_JOUR_A_INSTRUIRE, dossier_demo
from pretoire.proces.models import Affaire, Affectation, DecisionMiseEnAccusation, Role
from pretoire.questions.actions import dossier_de_l_affaire

pytestmark = pytest.mark.django_db


def dossier_a_instruire(**changements: object) -> droit.Dossier:
    """Le dossier de démonstration, devenu celui de l'affaire 26/00043."""
    dossier = dossier_demo()
    return dossier.model_copy(
        update={
            "affaire": droit.Affaire(numero=AFFAIRE_A_INSTRUIRE, date_proces=PREMIER_JOUR_A_INSTRUIRE),
            **changements,
        }
    )


@pytest.fixture
def affaire(affaire_demo: Affaire) -> Affaire:
    return Affaire.objects.get(numero=AFFAIRE_A_INSTRUIRE)


@pytest.fixture
def greffe(affaire_demo: Affaire) -> Client:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="greffiere"))
    return client


def importer(client: Client, affaire: Affaire, nom: str, contenu: bytes | str) -> tuple[int, str]:
    octets = contenu.encode() if isinstance(contenu, str) else contenu
    reponse = client.post(
        f"/affaires/{affaire.pk}/dossier/importer/",
        {"dossier": SimpleUploadedFile(nom, octets)},
        follow=True,
    )
    return reponse.status_code, html.unescape(reponse.content.decode())


def test_le_greffier_importe_le_dossier_que_l_export_redonne_a_l_identique(
    greffe: Client, affaire: Affaire
) -> None:
    attendu = dossier_a_instruire()
    statut, page = importer(greffe, affaire, "dossier.yaml", dossier_en_yaml(attendu))
    assert statut == 200
    assert "Dossier importé : 4 fait(s), 1 accusé(s), 2 victime(s)." in page
    assert "<strong>agression sexuelle</strong>" in page
    assert "Ministère public c. Thierry VASSEUR" in page
    assert dossier_de_l_affaire(affaire) == attendu
    export = greffe.get(f"/affaires/{affaire.pk}/dossier.yaml").content.decode()
    assert charger_dossier(export, "export.yaml") == attendu


def test_l_export_d_une_affaire_s_importe_dans_une_autre_puis_se_reexporte_a_l_identique(
    greffe: Client, affaire_demo: Affaire, affaire: Affaire
) -> None:
    export = greffe.get(f"/affaires/{affaire_demo.pk}/dossier.yaml").content.decode()
    adapte = export.replace("numero: 26/00042", f"numero: {AFFAIRE_A_INSTRUIRE}").replace(
        "date_proces: '2026-11-23'", f"date_proces: '{PREMIER_JOUR_A_INSTRUIRE.isoformat()}'"
    )
    assert adapte != export
    statut, _ = importer(greffe, affaire, "dossier-26-00042.yaml", adapte)
    assert statut == 200
    reexport = greffe.get(f"/affaires/{affaire.pk}/dossier.yaml").content.decode()
    assert reexport == adapte


def test_le_dossier_s_importe_aussi_en_json_et_garde_les_complices(greffe: Client, affaire: Affaire) -> None:
    dossier = dossier_a_instruire()
    accuses = (
        *dossier.accuses,
        droit.Accuse(
            id="A2", nom="ROCHE", prenoms="Julien", sexe="M", date_naissance=datetime.date(1980, 1, 2)
        ),
    )
    premier = dossier.faits[0]
    participants = (
        *premier.participants,
        droit.Participant(accuse="A2", qualite="complice", mode_complicite="provocation"),
    )
    faits = (premier.model_copy(update={"participants": participants}), *dossier.faits[1:])
    avec_complice = dossier_a_instruire(accuses=accuses, faits=faits)
    statut, page = importer(greffe, affaire, "dossier.json", dossier_en_json(avec_complice))
    assert statut == 200, page
    assert dossier_de_l_affaire(affaire) == avec_complice


def test_seul_le_greffier_importe(affaire: Affaire) -> None:
    contenu = dossier_en_yaml(dossier_a_instruire())
    client = Client()
    for identifiant in ("presidente", "defense", "assesseur"):
        client.force_login(Utilisateur.objects.get(username=identifiant))
        statut, _ = importer(client, affaire, "dossier.yaml", contenu)
        assert statut == 403, identifiant
    client.logout()
    reponse = client.post(
        f"/affaires/{affaire.pk}/dossier/importer/", {"dossier": SimpleUploadedFile("d.yaml", b"x")}
    )
    assert reponse.status_code == 302 and "/connexion/" in reponse["Location"]
    assert not DecisionMiseEnAccusation.objects.filter(affaire=affaire).exists()


def test_la_page_du_dossier_ne_montre_le_formulaire_qu_au_greffier(greffe: Client, affaire: Affaire) -> None:
    assert 'id="import-dossier"' in greffe.get(f"/affaires/{affaire.pk}/").content.decode()
    presidence = Client()
    presidence.force_login(Utilisateur.objects.get(username="presidente"))
    page = html.unescape(presidence.get(f"/affaires/{affaire.pk}/").content.decode())
    assert 'id="import-dossier"' not in page
    assert "Aucune décision de mise en accusation n'a encore été importée" in page
    assert greffe.get(f"/affaires/{affaire.pk}/dossier/importer/").status_code == 405


def test_l_import_est_refuse_des_que_le_journal_a_un_evenement(greffe: Client, affaire_demo: Affaire) -> None:
    avant = dossier_de_l_affaire(affaire_demo)
    page = html.unescape(greffe.get(f"/affaires/{affaire_demo.pk}/").content.decode())
    assert 'id="import-dossier"' not in page
    assert "Les débats ont commencé (2 événements au journal d'audience)" in page
    statut, page = importer(greffe, affaire_demo, "dossier.yaml", dossier_en_yaml(dossier_demo()))
    assert statut == 422
    assert "les débats ont commencé : le journal d'audience compte 2 événement(s)" in page
    assert dossier_de_l_affaire(affaire_demo) == avant


DOSSIER_YAML = dossier_en_yaml(dossier_a_instruire())


def _remplacer(ancien: str, nouveau: str) -> str:
    assert DOSSIER_YAML.count(ancien) == 1, ancien
    return DOSSIER_YAML.replace(ancien, nouveau)


FICHIERS_REFUSES = {
    "vide": ("dossier.yaml", b"", "le fichier est vide."),
    "blancs": ("dossier.yaml", b"\n  \n", "le fichier est vide."),
    "binaire": ("dossier.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "n'est pas un texte (octet nul)"),
    "latin_1": (
        "dossier.yaml",
        DOSSIER_YAML.encode("latin-1"),
        "n'est pas encodé en UTF-8 (octet invalide ligne 4)",
    ),
    "extension": ("dossier.pdf", DOSSIER_YAML.encode(), "« dossier.pdf » n'est ni un .yaml"),
    "yaml_mal_forme": (
        "dossier.yaml",
        _remplacer("faits:\n", "faits:\n\t- x\n"),
        "dossier.yaml:35:1 : YAML mal formé : tabulation : indentez avec des espaces",
    ),
    "champ_invalide": (
        "dossier.yaml",
        _remplacer("date: '2022-02-14'", "date: '2022-02-31'"),
        "dossier.yaml:72:9 : le champ « faits[2].date » doit être une date",
    ),
    "autre_affaire": (
        "dossier.yaml",
        _remplacer("numero: 26/00043", "numero: 26/00042"),
        "dossier.yaml:11:11 : ce dossier est celui de l'affaire n° 26/00042, non de l'affaire n° 26/00043",
    ),
    "autre_date": (
        "dossier.yaml",
        _remplacer("date_proces: '2026-11-25'", "date_proces: '2026-11-23'"),
        "dossier.yaml:12:16 : la date du procès doit être le premier jour d'audience de l'affaire, le 25 novembre 2026",
    ),
    "autre_juridiction": (
        "dossier.yaml",
        _remplacer("siege: Aix-en-Provence", "siege: Marseille"),
        "dossier.yaml:5:10 : l'affaire est jugée par « Cour d'assises des Bouches-du-Rhône »",
    ),
    "json_mal_forme": (
        "dossier.json",
        '{\n  "version": 1,\n  "affaire": {,}\n}\n',
        "dossier.json:3:15 : JSON mal formé : nom de champ entre guillemets doubles attendu",
    ),
    "bombe_d_alias": (
        "dossier.yaml",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True)
        ),
        "ancres et alias",
    ),
    "incoherent": (
        "dossier.yaml",
        _remplacer("victimes:\n  - V2\n  date: '2022-02-14'", "victimes:\n  - V9\n  date: '2022-02-14'"),
        "la victime « V9 » n'est pas déclarée",
    ),
}


@pytest.mark.parametrize("cas", sorted(FICHIERS_REFUSES))
def test_un_fichier_refuse_est_explique_en_francais_et_ne_change_rien(
    cas: str, greffe: Client, affaire: Affaire
) -> None:
    nom, contenu, message = FICHIERS_REFUSES[cas]
    statut, page = importer(greffe, affaire, nom, contenu)
    assert statut == 422
    assert "Le dossier n'a pas été importé ; rien n'a changé dans l'affaire" in page
    assert message in page, page[page.find('role="alert"') :][:1500]
    assert not DecisionMiseEnAccusation.objects.filter(affaire=affaire).exists()
    assert not affaire.accuses.exists() and not affaire.victimes.exists()


def test_un_envoi_trop_gros_est_refuse_avant_d_etre_lu(greffe: Client, affaire: Affaire) -> None:
    statut, page = importer(greffe, affaire, "dossier.yaml", b"a" * (6 * 1024 * 1024))
    assert statut == 422
    assert "le fichier dépasse 5 Mio." in page


def test_sans_fichier_le_greffier_est_invite_a_en_choisir_un(greffe: Client, affaire: Affaire) -> None:
    reponse = greffe.post(f"/affaires/{affaire.pk}/dossier/importer/", {})
    assert reponse.status_code == 422
    assert "choisissez un fichier YAML ou JSON." in reponse.content.decode()


def test_un_second_import_remplace_le_dossier_et_garde_les_parties_representees(
    greffe: Client, affaire: Affaire
) -> None:
    premier = dossier_a_instruire()
    assert importer(greffe, affaire, "dossier.yaml", dossier_en_yaml(premier))[0] == 200
    avocate = Utilisateur.objects.get(username="partie-civile")
    Affectation.objects.create(
        utilisateur=avocate,
        affaire=affaire,
        role=Role.AVOCAT_PARTIE_CIVILE,
        victime=affaire.victimes.get(identifiant="V1"),
    )
    # Sans V1 (et sans ses faits), le dossier ferait disparaître la partie que l'avocate représente.
    sans_v1 = dossier_a_instruire(victimes=premier.victimes[1:], faits=premier.faits[2:])
    statut, page = importer(greffe, affaire, "dossier.yaml", dossier_en_yaml(sans_v1))
    assert statut == 422
    assert "« V1 » (Léa MARTIN) est absent du dossier, mais Me Nadia BENALI représente cette partie" in page
    assert dossier_de_l_affaire(affaire) == premier

    # Un dossier qui garde V1 remplace l'ancien ; l'affectation désigne toujours la même victime.
    corrige = dossier_a_instruire(faits=premier.faits[:3])
    assert importer(greffe, affaire, "dossier.yaml", dossier_en_yaml(corrige))[0] == 200
    assert dossier_de_l_affaire(affaire) == corrige
    assert Affectation.objects.get(utilisateur=avocate, affaire=affaire).victime.identifiant == "V1"


def test_une_panne_au_milieu_de_l_import_ne_laisse_rien_a_moitie_ecrit(
    greffe: Client, affaire: Affaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    premier = dossier_a_instruire()
    do_importer_dossier(premier, affaire)

    def panne(*_: object) -> None:
        raise RuntimeError("disque plein")

    monkeypatch.setattr(actions, "_creer_faits", panne)
    with pytest.raises(RuntimeError, match="disque plein"):
        do_importer_dossier(dossier_a_instruire(faits=premier.faits[:1]), affaire)
    assert dossier_de_l_affaire(affaire) == premier


def test_sans_dossier_la_presidence_a_un_message_et_non_une_erreur(affaire: Affaire) -> None:
    client = Client()
    client.force_login(Utilisateur.objects.get(username="presidente"))
    fragment = client.get(f"/affaires/{affaire.pk}/questions/")
    assert fragment.status_code == 200
    assert (
        "Pas de feuille de questions : le dossier de l'affaire est incomplet ou incohérent :"
        in html.unescape(fragment.content.decode())
    )
    assert client.get(f"/affaires/{affaire.pk}/questions/feuille.pdf").status_code == 404
    assert client.get(f"/affaires/{affaire.pk}/dossier.yaml").status_code == 404
    assert client.get(f"/affaires/{affaire.pk}/presidence/").status_code == 200


def test_un_dossier_de_trois_cents_accuses_s_importe_avec_un_intitule_abrege(affaire: Affaire) -> None:
    modele = dossier_a_instruire()
    accuses = tuple(
        droit.Accuse(
            id=f"A{n}", nom=f"ACCUSE{n}", prenoms="Jean", sexe="M", date_naissance=datetime.date(1970, 1, 1)
        )
        for n in range(1, 301)
    )
    fait = modele.faits[0].model_copy(
        update={"participants": tuple(droit.Participant(accuse=a.id, qualite="auteur") for a in accuses)}
    )
    dossier = dossier_a_instruire(accuses=accuses, faits=(fait,))
    do_importer_dossier(dossier, affaire)
    affaire.refresh_from_db()
    assert affaire.intitule.startswith("Ministère public c. Jean ACCUSE1, Jean ACCUSE2, ")
    assert affaire.intitule.endswith(" et autres") and len(affaire.intitule) <= 200
    assert dossier_de_l_affaire(affaire) == dossier


def test_une_affaire_retouchee_dans_l_administration_et_devenue_incoherente_n_a_pas_de_feuille(
    greffe: Client, affaire: Affaire
) -> None:
    do_importer_dossier(dossier_a_instruire(), affaire)
    fait = affaire.decision_mise_en_accusation.faits.get(identifiant="F2")
    fait.qualification = "outrage"
    fait.save()
    client = Client()
    client.force_login(Utilisateur.objects.get(username="presidente"))
    fragment = html.unescape(client.get(f"/affaires/{affaire.pk}/questions/").content.decode())
    assert "Pas de feuille de questions : le dossier de l'affaire est incomplet ou incohérent :" in fragment
    assert "faits[1].qualification : qualification « outrage » inconnue du catalogue" in fragment
    assert client.get(f"/affaires/{affaire.pk}/questions/feuille.pdf").status_code == 404
    # L'export reste possible : le greffe corrige le fichier et le réimporte.
    export = greffe.get(f"/affaires/{affaire.pk}/dossier.yaml")
    assert export.status_code == 200 and "qualification: outrage" in export.content.decode()
