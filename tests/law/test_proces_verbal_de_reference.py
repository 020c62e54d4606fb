"""Procès-verbal de référence : le contenu d'une déposition mouvementée, comparé au fichier attendu.

Interruptions reçues en salle, période exclusivement sonore, déclarations du déposant corroborées
ou non par la salle, suspension, déconnexion, chiffrement démenti, incidents des parties : chaque
rubrique du procès-verbal, texte et citations, telle que le gabarit la compose.

Pour régénérer après un changement voulu : ``REGENERER_ATTENDUS=1 pytest tests/law``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from pretoire.law.debats import TypeEvenement
from pretoire.law.proces_verbal import etablir_proces_verbal

from .journal_de_deposition import EN_TETE, Journal, a, admission_et_serment, avant_l_audition, fin

ATTENDUS = Path(__file__).parent / "attendus"


def _minute(journal: Journal, poste: str, debut_minute: int, note: str, images_dechiffrees: int) -> None:
    debut = a(10, debut_minute)
    journal(
        debut + timedelta(minutes=1),
        TypeEvenement.QUALITE_MINUTE,
        poste=poste,
        debut=debut.isoformat(),
        fin=(debut + timedelta(minutes=1)).isoformat(),
        echantillons=60,
        debit_kbps=1200.0 + 10 * debut_minute,
        perte_pct=0.4 * (debut_minute % 3),
        delai_ms=55.0 if poste == "salle" else None,
        images_par_seconde=25.0,
        resolution="1280×720" if debut_minute % 2 else "640×360",
        gels=debut_minute % 2,
        images_dechiffrees=images_dechiffrees,
        note=note,
    )


def deposition_mouvementee() -> Journal:
    journal = Journal()
    journal(a(9, 50), TypeEvenement.OUVERTURE_DEBATS)
    avant_l_audition(journal)
    journal(a(9, 59, 20), TypeEvenement.ACCES_REFUSE, motif="deja_utilisee", navigateur="Chrome 131")
    journal(a(9, 59, 25), TypeEvenement.ACCES_REFUSE, motif="code_errone")
    journal(a(9, 59, 40), TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense", objet="Avant l'admission")
    admission_et_serment(journal)
    # Le poste du déposant se dit sans chiffrement ; la salle déchiffre ensuite ses images.
    journal(a(10, 3), TypeEvenement.CONNEXION, poste="deposant", chiffrement_bout_en_bout=False)
    _minute(journal, "salle", 4, "bonne", 1500)
    _minute(journal, "salle", 5, "degradee", 1400)
    _minute(journal, "deposant", 5, "mauvaise", 0)
    journal.periode(TypeEvenement.INTERRUPTION_FIN, "salle", a(10, 8), a(10, 8, 12), nature="image_et_son")
    journal.periode(TypeEvenement.AUDIO_SEUL_FIN, "salle", a(10, 12), a(10, 14, 51))
    # Déclarée par le seul déposant, sans rien au même moment en salle : mentionnée, non retenue.
    journal.periode(
        TypeEvenement.ALERTE_FIDELITE_FIN,
        "deposant",
        a(10, 20),
        a(10, 21),
        raisons=["délai 900 ms (> 400 ms)", "pertes de paquets 12,0 % (> 10 %)"],
    )
    # Déclarée par le déposant, corroborée par la liaison que la salle perd au même moment.
    journal.periode(TypeEvenement.INTERRUPTION_FIN, "deposant", a(10, 25), a(10, 27), nature="son")
    journal(a(10, 26), TypeEvenement.DECONNEXION, poste="salle", motif="réseau perdu")
    journal(a(10, 26, 30), TypeEvenement.RECONNEXION, poste="salle", absence_s=30)
    journal(a(10, 30), TypeEvenement.DEPOSITION_SUSPENSION, motif="pause")
    journal.periode(TypeEvenement.INTERRUPTION_FIN, "salle", a(10, 31), a(10, 33), nature="image")
    journal(a(10, 35), TypeEvenement.DEPOSITION_REPRISE)
    journal(a(10, 40), TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense de M. VASSEUR", objet="Image figée")
    journal(
        a(10, 41), TypeEvenement.CONCLUSIONS_INCIDENT, partie="Partie civile", objet="Autre", deposition=2
    )
    journal(a(10, 42), TypeEvenement.INCIDENT_TECHNIQUE, description="Écho dans la salle")
    journal(a(10, 43), TypeEvenement.MESSAGE_REJETE, poste="greffe", motif="message inconnu")
    journal(a(10, 44), TypeEvenement.CORRECTION, evenement=2, motif="heure de l'invitation")
    journal(
        a(10, 48, 2),
        TypeEvenement.INTERRUPTION_DEBUT,
        poste="salle",
        nature="image_et_son",
        debut=a(10, 48).isoformat(),
    )
    fin(journal)
    journal(a(11, 5), TypeEvenement.DEMANDE_DONNE_ACTE, partie="Défense", objet="Son coupé", deposition=1)
    return journal


def _comparer(contenu: dict[str, Any], nom: str) -> None:
    attendu = ATTENDUS / nom
    texte = json.dumps(contenu, ensure_ascii=False, indent=2, sort_keys=True, default=_en_texte) + "\n"
    if os.environ.get("REGENERER_ATTENDUS") == "1":
        attendu.write_text(texte)
    assert json.loads(texte) == json.loads(attendu.read_text())


def _en_texte(valeur: object) -> str:
    if isinstance(valeur, date):  # et datetime
        return valeur.isoformat()
    raise TypeError(repr(valeur))


def test_le_proces_verbal_d_une_deposition_mouvementee_est_celui_de_reference() -> None:
    pv = etablir_proces_verbal(EN_TETE, 1, deposition_mouvementee().evenements, etabli_le=a(11, 30))
    _comparer({"conforme": pv.conforme, **pv.en_json()}, "proces-verbal-mouvemente.json")


def test_la_lecture_d_une_deposition_mouvementee_est_celle_de_reference() -> None:
    """Le relevé figé que le contenu du procès-verbal tire du journal : périodes et leur
    corroboration, connexions, chiffrement, qualité, incidents des parties, chronologie."""
    pv = etablir_proces_verbal(EN_TETE, 1, deposition_mouvementee().evenements, etabli_le=a(11, 30))
    _comparer(dataclasses.asdict(pv.lecture), "proces-verbal-mouvemente-lecture.json")


def test_le_proces_verbal_est_etabli_en_une_fois_et_ne_se_complete_pas_ensuite() -> None:
    pv = etablir_proces_verbal(EN_TETE, 1, deposition_mouvementee().evenements, etabli_le=a(11, 30))
    with pytest.raises(dataclasses.FrozenInstanceError):
        pv.defauts = []  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        pv.lecture.periodes[0].corroboree = True  # type: ignore[misc]
