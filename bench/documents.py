"""Mesure la chaîne des documents signés : établissement, rendu Typst (PDF/A-2b), signature PAdES.

1. Le procès-verbal des opérations d'une déposition de trois heures : 20 interruptions (image et
   son, son seul, image sans son), une suspension, deux demandes de donné acte, un résumé de qualité
   par minute et par poste (360), soit plus de 430 événements.
2. La feuille de questions de l'affaire synthétique à 300 victimes (``bench/questions.py``),
   signée du greffier et du président.

Écrit la section « Documents signés » de docs/benchmarks.md.

    .venv/bin/python bench/documents.py
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE / "src"))
sys.path.insert(0, str(RACINE / "bench"))

from questions import affaire_synthetique  # noqa: E402
from resultats import ecrire_section, machine  # noqa: E402

from pretoire.documents.empreinte import empreinte_des_maillons  # noqa: E402
from pretoire.documents.rendu import rendre_pdf  # noqa: E402
from pretoire.documents.signature import (  # noqa: E402
    Apposition,
    charger_cles,
    creer_certificat_auto_signe,
    lire,
    signer,
)
from pretoire.journal.chaine import EMPREINTE_INITIALE, Maillon, empreinte  # noqa: E402
from pretoire.law.debats import EvenementDebats, TypeEvenement  # noqa: E402
from pretoire.law.proces_verbal import EnTete, etablir_proces_verbal  # noqa: E402
from pretoire.law.questions import etablir_feuille  # noqa: E402
from pretoire.law.questions.modele import avec_libelles_des_natures  # noqa: E402
from pretoire.law.redaction import FUSEAU_DE_LA_COUR  # noqa: E402
from pretoire.law.visio import SERMENT_EXPERT  # noqa: E402

PARIS = FUSEAU_DE_LA_COUR
JOUR = date(2027, 2, 24)
EN_TETE = EnTete(
    juridiction="Cour criminelle départementale du Morbihan",
    siege="Vannes",
    session="Session de février 2027",
    numero_affaire="BENCH",
    intitule_affaire="Ministère public c. Jean ACCUSE",
    jour_audience=JOUR,
    president="M. Président ESSAI",
    greffier="Mme Greffière ESSAI",
    dispositif="Prétoire (mesure)",
    hebergement="poste de mesure",
)


def deposition_de_trois_heures(interruptions: int = 20) -> list[EvenementDebats]:
    evenements: list[EvenementDebats] = []

    def consigner(quand: datetime, type_evenement: TypeEvenement, **donnees: Any) -> None:
        if type_evenement.de_la_visio:
            donnees["deposition"] = 1
        evenements.append(EvenementDebats(len(evenements) + 1, type_evenement, quand, donnees))

    def h(heures: int, minutes: int, secondes: float = 0) -> datetime:
        return datetime(JOUR.year, JOUR.month, JOUR.day, heures, minutes, tzinfo=PARIS) + timedelta(
            seconds=secondes
        )

    debut = h(9, 0)
    consigner(
        h(8, 50),
        TypeEvenement.INVITATION_CREEE,
        deposant="Dr Expert",
        qualite="expert",
        jour=JOUR.isoformat(),
        expiration=h(23, 59).isoformat(),
    )
    consigner(h(8, 55), TypeEvenement.INVITATION_UTILISEE, navigateur="Firefox 132", systeme="Windows 11")
    consigner(
        h(8, 56),
        TypeEvenement.ESSAI_MATERIEL,
        resultat="concluant",
        camera=True,
        microphone=True,
        haut_parleur=True,
        webrtc=True,
        chiffrement=True,
    )
    consigner(h(8, 57), TypeEvenement.IDENTITE_DECLAREE, nom="EXPERT", prenoms="Dominique", qualite="expert")
    consigner(h(8, 57), TypeEvenement.ENTREE_SALLE_ATTENTE)
    consigner(debut, TypeEvenement.ADMISSION)
    for poste in ("salle", "deposant"):
        consigner(debut, TypeEvenement.CONNEXION, poste=poste, chiffrement_bout_en_bout=True)
        consigner(debut, TypeEvenement.PREMIERE_IMAGE, poste=poste)
    consigner(h(9, 0, 40), TypeEvenement.VERIFICATION_IDENTITE)
    consigner(h(9, 1), TypeEvenement.CODE_VERIFICATION_CONCORDANT, mots="tilleul ardoise comète violon")
    consigner(h(9, 1, 30), TypeEvenement.SERMENT, formule=SERMENT_EXPERT)
    consigner(h(9, 2), TypeEvenement.DEPOSITION_DEBUT)
    ponctuels: list[tuple[datetime, TypeEvenement, dict[str, Any]]] = []
    natures = [
        (TypeEvenement.INTERRUPTION_FIN, {"nature": "image_et_son"}),
        (TypeEvenement.AUDIO_SEUL_FIN, {}),
        (TypeEvenement.INTERRUPTION_FIN, {"nature": "son"}),
    ]
    for rang in range(interruptions):
        commence = h(9, 5) + timedelta(minutes=8 * rang, seconds=13 * rang)
        duree = 2.5 + (rang * 37) % 90
        type_fin, nature = natures[rang % 3]
        type_debut = (
            TypeEvenement.AUDIO_SEUL_DEBUT
            if type_fin is TypeEvenement.AUDIO_SEUL_FIN
            else TypeEvenement.INTERRUPTION_DEBUT
        )
        poste = "salle" if rang % 4 else "deposant"
        ponctuels.append(
            (
                commence + timedelta(seconds=2),
                type_debut,
                {"poste": poste, "debut": commence.isoformat(), **nature},
            )
        )
        fin = commence + timedelta(seconds=duree)
        ponctuels.append(
            (
                fin + timedelta(milliseconds=300),
                type_fin,
                {
                    "poste": poste,
                    "debut": commence.isoformat(),
                    "fin": fin.isoformat(),
                    "duree_s": duree,
                    **nature,
                },
            )
        )
    ponctuels.append((h(10, 30), TypeEvenement.DEPOSITION_SUSPENSION, {"motif": "suspension d'audience"}))
    ponctuels.append((h(10, 45), TypeEvenement.DEPOSITION_REPRISE, {}))
    for minutes in (50, 130):
        ponctuels.append(
            (
                h(9, 0) + timedelta(minutes=minutes),
                TypeEvenement.DEMANDE_DONNE_ACTE,
                {"partie": "Défense", "objet": "Donner acte de l'interruption de la transmission."},
            )
        )
    for minute in range(180):
        for poste in ("salle", "deposant"):
            ponctuels.append(
                (
                    debut + timedelta(minutes=minute + 1, milliseconds=200),
                    TypeEvenement.QUALITE_MINUTE,
                    {
                        "poste": poste,
                        "debut": (debut + timedelta(minutes=minute)).isoformat(),
                        "fin": (debut + timedelta(minutes=minute + 1)).isoformat(),
                        "echantillons": 60,
                        "debit_kbps": 1800.0 + minute % 7 * 40,
                        "perte_pct": 0.3 + minute % 5 * 0.2,
                        "delai_ms": 40.0,
                        "images_par_seconde": 29.0,
                        "resolution": "1280×720",
                        "gels": minute % 11 == 0,
                        "images_dechiffrees": 1740,
                        "note": "bonne" if minute % 13 else "degradee",
                    },
                )
            )
    for quand, type_evenement, donnees in sorted(ponctuels, key=lambda p: p[0]):
        consigner(quand, type_evenement, **donnees)
    consigner(h(12, 0, 5), TypeEvenement.DEPOSITION_FIN)
    for poste in ("salle", "deposant"):
        consigner(h(12, 0, 9), TypeEvenement.DECONNEXION, poste=poste)
    return evenements


def maillons(evenements: list[EvenementDebats]) -> list[Maillon]:
    chaine, precedente = [], EMPREINTE_INITIALE
    for e in evenements:
        champs = {
            "affaire": "1",
            "numero": e.numero,
            "type": e.type.value,
            "donnees": dict(e.donnees),
            "auteur": "Dispositif de visioconférence",
            "horodatage": e.horodatage,
            "corrige": None,
            "empreinte_precedente": precedente,
        }
        precedente = empreinte(**champs)
        chaine.append(Maillon(**champs, empreinte=precedente))
    return chaine


def metadonnees(
    titre: str, premier: int, dernier: int, sha256: str, signataires: list[str]
) -> dict[str, Any]:
    return {
        "nature": "mesure",
        "titre": titre,
        "version": 1,
        "provisoire": False,
        "numero_affaire": "BENCH",
        "journal": {
            "premier": premier,
            "dernier": dernier,
            "nombre": dernier - premier + 1,
            "empreinte": sha256,
        },
        "etabli_le": "24 février 2027",
        "etabli_le_lettres": "vingt-quatre février deux mille vingt-sept",
        "signataires": signataires,
        "fichier": "mesure.pdf",
        "mots_cles": ["Prétoire", f"pretoire-sha256={sha256}"],
    }


def pages(pdf: bytes) -> int:
    sortie = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=False).stdout.decode()
    trouve = re.search(r"^Pages:\s+(\d+)", sortie, re.MULTILINE)
    return int(trouve.group(1)) if trouve else 0


def chronometrer(repetitions: int, action: Any) -> tuple[float, Any]:
    durees, resultat = [], None
    for _ in range(repetitions):
        debut = time.perf_counter()
        resultat = action()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees), resultat


def chronometrer_rendu(repetitions: int, modele: str, donnees: dict[str, Any]) -> tuple[float, float, bytes]:
    """Le premier rendu du processus (polices à charger), puis la médiane des suivants, chacun
    avec une version différente : Typst garde en mémoire ce qui n'a pas changé, comme un serveur."""
    durees, pdf = [], b""
    for version in range(1, repetitions + 1):
        variante = {**donnees, "document": {**donnees["document"], "version": version}}
        debut = time.perf_counter()
        pdf = rendre_pdf(modele, variante)
        durees.append(time.perf_counter() - debut)
    return durees[0], statistics.median(durees[1:]), pdf


def mesurer_pv(cles: Any, racine: Any) -> dict[str, Any]:
    evenements = deposition_de_trois_heures()
    chaine = maillons(evenements)
    duree_empreinte, sha256 = chronometrer(5, lambda: empreinte_des_maillons(chaine))
    etabli = datetime(2027, 2, 24, 12, 30, tzinfo=UTC)
    duree_modele, pv = chronometrer(
        5, lambda: etablir_proces_verbal(EN_TETE, 1, evenements, etabli_le=etabli)
    )
    donnees = {
        "pv": pv.en_json(),
        "document": metadonnees(
            "Procès-verbal des opérations", 1, len(evenements), sha256, ["Mme Greffière ESSAI"]
        ),
    }
    rendu_froid, duree_rendu, pdf = chronometrer_rendu(5, "proces_verbal", donnees)
    apposition = [
        Apposition("Greffier", "Mme Greffière ESSAI, greffier", f"mesure SHA-256 {sha256}", "Vannes")
    ]
    duree_signature, signe = chronometrer(5, lambda: signer(pdf, cles, apposition))
    duree_verification, lu = chronometrer(5, lambda: lire(signe, [racine]))
    assert [s.verdict for s in lu.signatures] == ["valide"]
    assert len(pv.periodes) == 20
    return {
        "evenements": len(evenements),
        "periodes": len(pv.periodes),
        "empreinte_ms": duree_empreinte * 1000,
        "modele_ms": duree_modele * 1000,
        "rendu_froid_s": rendu_froid,
        "rendu_s": duree_rendu,
        "signature_s": duree_signature,
        "verification_s": duree_verification,
        "pages": pages(signe),
        "ko": len(signe) / 1024,
    }


def mesurer_feuille(cles: Any, racine: Any) -> dict[str, Any]:
    dossier = affaire_synthetique(300)
    duree_modele, feuille = chronometrer(3, lambda: etablir_feuille(dossier, []))
    donnees = {
        **avec_libelles_des_natures(feuille.en_json()),
        "document": metadonnees("Feuille de questions", 1, 1, "0" * 64, ["le greffier", "le président"]),
    }
    rendu_froid, duree_rendu, pdf = chronometrer_rendu(3, "feuille_de_questions", donnees)
    appositions = [
        Apposition("Greffier", "Mme Greffière ESSAI, greffier", "mesure", "Vannes"),
        Apposition("President", "M. Président ESSAI, président", "mesure", "Vannes"),
    ]
    duree_signature, signe = chronometrer(3, lambda: signer(pdf, cles, appositions))
    duree_verification, lu = chronometrer(3, lambda: lire(signe, [racine]))
    assert [s.verdict for s in lu.signatures] == ["valide", "valide"]
    return {
        "questions": len(feuille.questions),
        "modele_ms": duree_modele * 1000,
        "rendu_froid_s": rendu_froid,
        "rendu_s": duree_rendu,
        "signature_s": duree_signature,
        "verification_s": duree_verification,
        "pages": pages(signe),
        "ko": len(signe) / 1024,
    }


def main() -> None:
    charge_avant = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "mesure.p12"
        creer_certificat_auto_signe(chemin, "Cour de mesure", "")
        cles = charger_cles(chemin, "")
        pv = mesurer_pv(cles, cles.certificat)
        feuille = mesurer_feuille(cles, cles.certificat)
    charge = (
        f"charge moyenne de la machine : {charge_avant:.1f} avant, {os.getloadavg()[0]:.1f} après".replace(
            ".", ","
        )
    )

    def total(mesure: dict[str, Any], rendu: str) -> float:
        return float(mesure["modele_ms"] / 1000 + mesure[rendu] + mesure["signature_s"])

    lignes = [
        "## Documents signés",
        "",
        f"Mesuré le {date.today().isoformat()} sur {machine()}, Python {platform.python_version()}, par"
        " `.venv/bin/python bench/documents.py` (médianes de 5 passes pour le procès-verbal, de 3 pour la"
        " feuille). Rendu : Typst en PDF/A-2b, le premier du processus (polices à charger) puis la médiane"
        " des suivants (version différente à chaque passe ; Typst garde en mémoire ce qui n'a pas changé,"
        " comme le serveur) ; signature : PAdES, SHA-256, clé ECDSA P-256 auto-signée ; vérification :"
        " lecture et contrôle de chaque signature par pyHanko (analyse des révisions comprise)."
        f" Machine partagée ({charge}) : les durées varient d'une mesure à l'autre.",
        "",
        "| document | contenu | établissement (ms) | rendu : 1er / suivants (s) | signature (s)"
        " | total : 1er / suivants (s) | vérification (s) | pages | taille (Kio) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {nom} | {contenu} | {m['modele_ms']:.1f} | {m['rendu_froid_s']:.2f} / {m['rendu_s']:.2f} |"
            f" {m['signature_s']:.2f} | {total(m, 'rendu_froid_s'):.2f} / {total(m, 'rendu_s'):.2f} |"
            f" {m['verification_s']:.3f} | {m['pages']} | {m['ko']:.0f} |"
            for nom, contenu, m in (
                (
                    "procès-verbal, déposition de 3 h",
                    f"{pv['evenements']} événements, {pv['periodes']} interruptions",
                    pv,
                ),
                (
                    "feuille de questions, 300 victimes",
                    f"{feuille['questions']} questions, 2 signatures",
                    feuille,
                ),
            )
        ),
        "",
        f"Empreinte SHA-256 du segment de journal du procès-verbal ({pv['evenements']} événements,"
        f" formes canoniques recalculées) : {pv['empreinte_ms']:.1f} ms.",
        "",
    ]
    ecrire_section("\n".join(lignes))


if __name__ == "__main__":
    main()
