"""Le procès-verbal des opérations tiré du journal : constat de conformité ou liste exacte des défauts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from pretoire.law.debats import TypeEvenement
from pretoire.law.proces_verbal import ProcesVerbal, ProcesVerbalImpossible, etablir_proces_verbal

from .journal_de_deposition import (
    EN_TETE,
    Journal,
    a,
    admission_et_serment,
    avant_l_audition,
    deposition_sans_incident,
    fin,
)

ETABLI_LE = a(11, 30)


def proces_verbal(journal: Journal, deposition: int = 1) -> ProcesVerbal:
    return etablir_proces_verbal(EN_TETE, deposition, journal.evenements, etabli_le=ETABLI_LE)


def textes_des_defauts(pv: ProcesVerbal) -> list[str]:
    return [d.texte for d in pv.defauts]


def test_une_deposition_sans_incident_est_constatee_audiovisuelle_continue_et_confidentielle() -> None:
    pv = proces_verbal(deposition_sans_incident())
    assert pv.conforme and not pv.provisoire
    assert pv.defauts == [] and pv.mentions_manquantes == []
    assert "La transmission a été audiovisuelle, continue et confidentielle" in pv.constat
    assert "art. 706-71 al. 3 CPP; art. R. 53-38 CPP" in pv.constat
    donnees = pv.en_json()
    assert donnees["connexion"]["debut"] == "10 h 00 min 22 s"
    assert donnees["connexion"]["fin"] == "10 h 52 min 45 s"
    assert (
        donnees["essai_conclusion"] == "Essai du matériel concluant à 9 h 58 min 40 s (art. D. 47-12-6 CPP)."
    )
    assert donnees["personne"]["lieu"] == "Cabinet, Marseille"
    assert donnees["personne"]["verification"] == "Identité vérifiée à l'audience à 10 h 01 min 05 s."
    assert donnees["en_tete"]["jour_audience"] == "lundi 23 novembre 2026"
    assert donnees["etabli_le"]["lettres"] == "vingt-trois novembre deux mille vingt-six"


def test_la_chronologie_donne_chaque_etape_a_la_seconde_heure_de_paris() -> None:
    pv = proces_verbal(deposition_sans_incident())
    lignes = {(ligne["heure"], ligne["libelle"]) for ligne in pv.en_json()["chronologie"]}
    for attendu in [
        ("9 h 58 min 03 s", "Invitation utilisée (code d'accès accepté)"),
        ("9 h 59 min 15 s", "Entrée en salle d'attente"),
        ("10 h 00 min 20 s", "Admission dans la salle d'audience"),
        ("10 h 01 min 40 s", "Code de vérification concordant"),
        ("10 h 02 min 10 s", "Prestation de serment"),
        ("10 h 02 min 30 s", "Début de la déposition"),
        ("10 h 52 min 40 s", "Fin de la déposition"),
    ]:
        assert attendu in lignes


def test_l_heure_d_ete_est_celle_de_paris() -> None:
    juillet = date(2026, 7, 6)
    journal = Journal()(
        datetime(2026, 7, 6, 8, 15, 0, tzinfo=UTC),
        TypeEvenement.INVITATION_CREEE,
        deposant="Témoin",
        qualite="temoin",
        jour=juillet.isoformat(),
        expiration=datetime(2026, 7, 6, 21, 59, 59, tzinfo=UTC).isoformat(),
    )
    pv = etablir_proces_verbal(EN_TETE, 1, journal.evenements, etabli_le=ETABLI_LE)
    assert pv.en_json()["chronologie"][0]["heure"] == "10 h 15 min 00 s"


def test_une_periode_exclusivement_sonore_est_un_defaut_au_sens_de_l_arret_de_2019() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal.periode(TypeEvenement.AUDIO_SEUL_FIN, "salle", a(10, 41, 12), a(10, 44, 3))
    pv = proces_verbal(fin(journal))
    assert not pv.conforme
    assert textes_des_defauts(pv) == [
        "audition exclusivement sonore de 10 h 41 min 12 s à 10 h 44 min 03 s (durée : 2 min 51 s) :"
        " la salle d'audience ne recevait plus l'image du déposant"
    ]
    assert pv.en_json()["constat"]["defauts"][0]["citations"] == [
        "Cass. crim., 20 février 2019, n° 18-82.164",
        "art. 706-71 al. 3 CPP",
    ]
    assert "n'a pas été continûment audiovisuelle" in pv.constat and "1 défaut :" in pv.constat


def test_chaque_interruption_figure_avec_sa_duree_et_sa_citation() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    debut = a(10, 5)
    durees = [1.2, 7, 45.6, 125, 3]
    for rang, duree in enumerate(durees):
        commence = debut + timedelta(minutes=5 * rang)
        journal.periode(
            TypeEvenement.INTERRUPTION_FIN,
            "deposant" if rang % 2 else "salle",
            commence,
            commence + timedelta(seconds=duree),
            nature="image_et_son" if rang != 2 else "son",
        )
    pv = proces_verbal(fin(journal))
    assert [p.duree for p in pv.periodes] == ["1 s", "7 s", "46 s", "2 min 05 s", "3 s"]
    # Les relevés de la salle font les défauts ; les déclarations du déposant, que la salle ne
    # corrobore pas, sont mentionnées sans être retenues.
    assert len(pv.defauts) == 3
    assert textes_des_defauts(pv)[1] == (
        "interruption du son reçu par la salle d'audience de 10 h 15 min 00 s à 10 h 15 min 45 s"
        " (durée : 46 s)"
    )
    assert {d.source for d in pv.defauts} == {"relevés du poste de la salle d'audience"}
    declarations = [p["source"] for p in pv.en_json()["periodes"] if p["poste"] == "le déposant"]
    assert (
        declarations
        == ["déclaration du poste du déposant, que les relevés de la salle d'audience ne corroborent pas"] * 2
    )
    assert all(d.citations == pv.defauts[0].citations for d in pv.defauts)
    assert pv.citer(pv.defauts[0].citations) == ["art. R. 53-38 CPP"]


def test_une_interruption_en_salle_d_attente_est_mentionnee_sans_etre_un_defaut_de_l_audition() -> None:
    journal = avant_l_audition(Journal())
    journal.periode(
        TypeEvenement.INTERRUPTION_FIN, "deposant", a(9, 59, 30), a(9, 59, 50), nature="image_et_son"
    )
    pv = proces_verbal(fin(admission_et_serment(journal)))
    assert pv.conforme
    (periode,) = pv.en_json()["periodes"]
    assert periode["moment"] == "hors audition" and periode["duree"] == "20 s"


def test_une_interruption_pendant_une_suspension_n_interrompt_pas_l_audition() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal(a(10, 20), TypeEvenement.DEPOSITION_SUSPENSION, motif="pause")
    journal.periode(TypeEvenement.INTERRUPTION_FIN, "salle", a(10, 21), a(10, 23), nature="image_et_son")
    journal(a(10, 30), TypeEvenement.DEPOSITION_REPRISE)
    pv = proces_verbal(fin(journal))
    assert pv.conforme
    assert pv.en_json()["periodes"][0]["moment"] == "pendant une suspension"


def test_une_interruption_jamais_close_est_signalee_comme_telle() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal(
        a(10, 40, 2),
        TypeEvenement.INTERRUPTION_DEBUT,
        poste="salle",
        nature="image_et_son",
        debut=a(10, 40).isoformat(),
    )
    pv = proces_verbal(fin(journal))
    assert textes_des_defauts(pv) == [
        "interruption de l'image et du son reçus par la salle d'audience à partir de 10 h 40 min 00 s,"
        " fin non consignée au journal"
    ]


def test_une_deconnexion_pendant_l_audition_est_un_defaut_mais_pas_celle_de_la_fin() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal(a(10, 30), TypeEvenement.DECONNEXION, poste="deposant", motif="réseau perdu")
    journal(a(10, 30, 41), TypeEvenement.RECONNEXION, poste="deposant", absence_s=41)
    pv = proces_verbal(fin(journal))
    assert textes_des_defauts(pv) == [
        "déconnexion du poste du déposant de 10 h 30 min 00 s à 10 h 30 min 41 s (durée : 41 s) (réseau perdu)"
    ]
    assert pv.en_json()["connexion"]["fin"] == "10 h 52 min 45 s"


def test_une_alerte_de_fidelite_donne_ses_raisons() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal.periode(
        TypeEvenement.ALERTE_FIDELITE_FIN,
        "salle",
        a(10, 10),
        a(10, 10, 30),
        raisons=["pertes de paquets 12,0 % (> 10 %)"],
    )
    pv = proces_verbal(fin(journal))
    assert textes_des_defauts(pv) == [
        "transmission dégradée reçue par la salle d'audience de 10 h 10 min 00 s à 10 h 10 min 30 s"
        " (durée : 30 s) : pertes de paquets 12,0 % (> 10 %)"
    ]


def test_une_connexion_sans_chiffrement_de_bout_en_bout_compromet_la_confidentialite() -> None:
    pv = proces_verbal(fin(admission_et_serment(avant_l_audition(Journal()), chiffrement=False)))
    (defaut,) = pv.defauts
    assert (
        defaut.texte
        == "connexion du poste de la salle d'audience à 10 h 00 min 22 s sans chiffrement de bout en bout"
    )
    assert pv.citer(defaut.citations) == ["art. 706-71 al. 2 CPP", "art. R. 53-38 CPP"]
    assert (
        "Connexion du poste de la salle d'audience à 10 h 00 min 22 s : chiffrement de bout en bout INACTIF."
        in (pv.en_json()["chiffrement"])
    )


def test_l_expert_qui_depose_sans_serment_est_signale_avec_l_article_168() -> None:
    pv = proces_verbal(fin(admission_et_serment(avant_l_audition(Journal()), serment=False)))
    (manquante,) = pv.mentions_manquantes
    assert manquante.texte == "prestation de serment de l'expert"
    assert pv.citer(manquante.citations) == ["art. 168 CPP", "Cass. crim., 2 décembre 2020, n° 19-87.124"]
    assert not pv.conforme or pv.defauts == []


def test_le_temoin_sans_serment_consigne_n_est_pas_signale_faute_de_texte_dans_les_sources() -> None:
    pv = proces_verbal(
        fin(admission_et_serment(avant_l_audition(Journal(), qualite="temoin"), serment=False))
    )
    assert pv.mentions_manquantes == []


def test_une_deposition_en_cours_donne_un_proces_verbal_provisoire() -> None:
    pv = proces_verbal(admission_et_serment(avant_l_audition(Journal())))
    assert pv.provisoire and not pv.conforme
    assert pv.constat.startswith("Procès-verbal provisoire : la déposition n'est pas terminée.")
    assert "le dernier événement consigné (10 h 02 min 30 s)" in pv.constat


def test_un_deposant_econduit_n_a_pas_ete_entendu() -> None:
    journal = avant_l_audition(Journal())
    journal(a(10, 0), TypeEvenement.ECONDUITE, motif="identité non établie")
    pv = proces_verbal(journal)
    assert pv.terminee and not pv.audition_a_eu_lieu
    assert pv.constat == (
        "La personne invitée n'a pas été admise dans la salle d'audience (éconduite de la salle"
        " d'attente : identité non établie) : aucune audition n'a eu lieu par ce moyen."
    )
    assert pv.defauts == []


def test_les_incidents_des_parties_pendant_l_audition_seulement() -> None:
    journal = avant_l_audition(Journal())
    journal(a(9, 59, 40), TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense", objet="Sans rapport")
    admission_et_serment(journal)
    journal(a(10, 45), TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense de M. VASSEUR", objet="Image figée")
    journal(a(10, 46), TypeEvenement.CONCLUSIONS_INCIDENT, partie="Défense de M. VASSEUR", objet="Nullité")
    journal(a(10, 47), TypeEvenement.INCIDENT_TECHNIQUE, description="Écho dans la salle")
    pv = proces_verbal(fin(journal))
    assert [(ligne["heure"], ligne["detail"]) for ligne in pv.en_json()["incidents_des_parties"]] == [
        ("10 h 45 min 00 s", "Défense de M. VASSEUR : Image figée"),
        ("10 h 46 min 00 s", "Défense de M. VASSEUR : Nullité"),
    ]
    libelles = [ligne.libelle for ligne in pv.chronologie]
    assert "Incident technique" in libelles and libelles.count("Demande de donné acte") == 1


def test_l_incident_qui_designe_sa_deposition_y_figure_meme_apres_la_fin() -> None:
    journal = fin(admission_et_serment(avant_l_audition(Journal())))
    # Demandé après la fin de l'audition, mais désignant la déposition : il la concerne.
    journal(a(11, 5), TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense", objet="Son coupé", deposition=1)
    # Pendant l'audition, mais désignant une autre déposition : il ne la concerne pas.
    journal(
        a(11, 6), TypeEvenement.CONCLUSIONS_INCIDENT, partie="Défense", objet="Autre témoin", deposition=2
    )
    pv = proces_verbal(journal)
    assert [ligne["detail"] for ligne in pv.en_json()["incidents_des_parties"]] == ["Défense : Son coupé"]


def test_un_incident_designant_une_autre_deposition_n_y_figure_pas_meme_pendant_l_audition() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal(a(10, 45), TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense", objet="Autre", deposition=2)
    pv = proces_verbal(fin(journal))
    assert pv.en_json()["incidents_des_parties"] == []


def test_le_lieu_non_declare_est_ecrit_tel_quel() -> None:
    pv = proces_verbal(fin(admission_et_serment(avant_l_audition(Journal(), lieu=""))))
    assert pv.en_json()["personne"]["lieu"] == "non déclaré"


def test_les_evenements_d_une_autre_deposition_sont_ignores() -> None:
    journal = deposition_sans_incident()
    autre = Journal(deposition=2, evenements=journal.evenements)
    autre.periode(TypeEvenement.AUDIO_SEUL_FIN, "salle", a(10, 20), a(10, 25))
    pv = proces_verbal(journal)
    assert pv.conforme and pv.periodes == []
    with pytest.raises(ProcesVerbalImpossible, match="aucun événement de la déposition n° 7"):
        proces_verbal(journal, deposition=7)


def test_le_resume_de_qualite_par_poste() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    for minute, (note, debit) in enumerate([("bonne", 1500.0), ("bonne", 1700.0), ("degradee", 900.0)]):
        journal(
            a(10, 3 + minute),
            TypeEvenement.QUALITE_MINUTE,
            poste="salle",
            debut=a(10, 2 + minute).isoformat(),
            fin=a(10, 3 + minute).isoformat(),
            echantillons=60,
            debit_kbps=debit,
            perte_pct=0.5 * (minute + 1),
            delai_ms=40.0,
            images_par_seconde=30.0,
            resolution="1280×720",
            gels=minute,
            images_dechiffrees=1800,
            note=note,
        )
    pv = proces_verbal(fin(journal))
    (resume,) = pv.en_json()["qualite"]
    assert resume == {
        "poste": "reçue par la salle d'audience",
        "source": "relevés du poste de la salle d'audience",
        "minutes": 3,
        "notes": "bonne : 2, dégradée : 1, mauvaise : 0",
        "debit": "1500 kbit/s",
        "pertes": "1,5 %",
        "images_par_seconde": "30,0",
        "delai": "40 ms",
        "gels": 3,
        "resolutions": "1280×720",
    }
    assert all(ligne.libelle != "Qualité de la transmission (résumé par minute)" for ligne in pv.chronologie)


def test_ce_que_seul_le_deposant_declare_est_mentionne_sans_etre_un_defaut() -> None:
    """Les statistiques du déposant viennent de son navigateur : un indice, non un constat."""
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal.periode(TypeEvenement.AUDIO_SEUL_FIN, "deposant", a(10, 10), a(10, 12))
    journal.periode(
        TypeEvenement.ALERTE_FIDELITE_FIN,
        "deposant",
        a(10, 20),
        a(10, 21),
        raisons=["délai 900 ms (> 400 ms)"],
    )
    pv = proces_verbal(fin(journal))
    assert pv.conforme and pv.defauts == []
    assert len(pv.declarations_non_corroborees) == 2
    assert (
        "ne consigne, d'après les relevés du poste de la salle d'audience, aucune interruption" in pv.constat
    )
    assert "Le poste du déposant a en outre déclaré 2 périodes de réception dégradée" in pv.constat
    assert {p["source"] for p in pv.en_json()["periodes"]} == {
        "déclaration du poste du déposant, que les relevés de la salle d'audience ne corroborent pas"
    }


def test_une_declaration_du_deposant_que_la_salle_corrobore_est_un_defaut() -> None:
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal.periode(TypeEvenement.INTERRUPTION_FIN, "deposant", a(10, 10), a(10, 12), nature="image_et_son")
    # La salle perd la liaison pendant la même minute.
    journal(a(10, 11), TypeEvenement.DECONNEXION, poste="salle", motif="réseau perdu")
    journal(a(10, 11, 30), TypeEvenement.RECONNEXION, poste="salle", absence_s=30)
    pv = proces_verbal(fin(journal))
    assert [(d.texte.split(" ")[0], d.source) for d in pv.defauts] == [
        (
            "interruption",
            "déclaration du poste du déposant, corroborée par les relevés de la salle d'audience",
        ),
        ("déconnexion", "constatée par le serveur (liaison de signalisation perdue)"),
    ]
    assert pv.declarations_non_corroborees == []


def _minute_en_salle(journal: Journal, debut: datetime, images_dechiffrees: int) -> None:
    journal(
        debut + timedelta(minutes=1),
        TypeEvenement.QUALITE_MINUTE,
        poste="salle",
        debut=debut.isoformat(),
        fin=(debut + timedelta(minutes=1)).isoformat(),
        echantillons=60,
        debit_kbps=1500.0,
        perte_pct=0.0,
        images_par_seconde=30.0,
        resolution="1280×720",
        gels=0,
        images_dechiffrees=images_dechiffrees,
        note="bonne",
    )


@pytest.mark.parametrize(("dechiffrees", "defaut"), [(1800, False), (0, True)])
def test_un_deposant_qui_se_dit_sans_chiffrement_est_dementi_par_ce_que_la_salle_dechiffre(
    dechiffrees: int, defaut: bool
) -> None:
    """La salle ne déchiffre une image du déposant que si le déposant l'a chiffrée de bout en bout."""
    journal = admission_et_serment(avant_l_audition(Journal()))
    journal(a(10, 10), TypeEvenement.CONNEXION, poste="deposant", chiffrement_bout_en_bout=False)
    _minute_en_salle(journal, a(10, 11), dechiffrees)
    pv = proces_verbal(fin(journal))
    assert (textes_des_defauts(pv) != []) is defaut
    if not defaut:
        assert (
            "Connexion du poste du déposant à 10 h 10 min 00 s : chiffrement de bout en bout déclaré INACTIF"
            " par ce poste, démenti par les relevés du poste de la salle d'audience, qui a ensuite déchiffré"
            " 1800 images venues du déposant." in pv.en_json()["chiffrement"]
        )
