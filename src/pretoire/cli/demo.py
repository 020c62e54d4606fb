"""``pretoire demo`` : une cour de démonstration, prête à l'emploi, sur http://127.0.0.1:8000."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .django import preparer_django

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def ajouter(sous_analyseurs: Any) -> None:
    demo = sous_analyseurs.add_parser(
        "demo", help="Installer et lancer la cour de démonstration (SQLite, réglages locaux)"
    )
    demo.add_argument("--port", type=int, default=8000, help="port d'écoute (8000 par défaut)")
    demo.add_argument("--host", default="127.0.0.1", help="adresse d'écoute (127.0.0.1 par défaut)")
    demo.add_argument(
        "--data-dir", type=Path, default=Path("var"), help="dossier des données (./var par défaut)"
    )
    demo.add_argument(
        "--sans-serveur", action="store_true", help="installer seulement, sans lancer le serveur"
    )
    demo.set_defaults(executer=lancer)


def lancer(arguments: argparse.Namespace) -> int:
    preparer_django(arguments.data_dir, migrer=True, demonstration=True)
    from pretoire.proces.demo import ADMINISTRATEUR, COMPTES, MOT_DE_PASSE_DEMO, installer_demo

    affaire = installer_demo(avec_deposition=True)
    adresse = f"http://{arguments.host}:{arguments.port}"
    print(f"Prétoire — cour de démonstration ({arguments.data_dir.resolve()})")
    print(f"Affaire n° {affaire.numero} : {affaire.intitule}")
    certificat = creer_certificat_de_demonstration(affaire)
    if certificat is not None:
        print(f"Certificat de signature auto-signé de la juridiction créé : {certificat}")
        print(f"  certificat public, pour vérifier ailleurs : {certificat.with_suffix('.pem')}")
    print(f"Comptes (mot de passe commun : {MOT_DE_PASSE_DEMO}) :")
    for compte in COMPTES:
        print(f"  {compte.identifiant:<16} {compte.role.label}")
    print(f"  {ADMINISTRATEUR:<16} Administration (comptes et affectations), ne siège dans aucune affaire")
    if arguments.sans_serveur:
        return 0
    print(f"Ouvrez {adresse}/ — arrêt par Ctrl+C.", flush=True)
    with executant_de_demonstration(arguments.data_dir):
        servir(arguments.host, arguments.port)
    return 0


@contextlib.contextmanager
def executant_de_demonstration(data_dir: Path) -> Iterator[subprocess.Popen[bytes]]:
    """L'exécutant des générations (``pretoire worker``), dans son propre processus, comme en
    service ; arrêté avec le serveur (il finit d'abord la génération commencée)."""
    executant = subprocess.Popen(
        [sys.executable, "-m", "pretoire", "worker", "--data-dir", str(data_dir.resolve())],
        preexec_fn=_mourir_avec_le_parent if sys.platform == "linux" else None,
    )
    try:
        yield executant
    finally:
        executant.terminate()
        try:
            executant.wait(timeout=60)
        except subprocess.TimeoutExpired:
            executant.kill()
            executant.wait()


def _mourir_avec_le_parent() -> None:
    """Linux : l'exécutant reçoit SIGTERM si la démonstration meurt sans pouvoir l'arrêter (tuée
    par SIGKILL) ; il ne reste pas à tourner seul sur le dossier de données."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def creer_certificat_de_demonstration(affaire: Any) -> Path | None:
    """Au premier lancement, une clé et un certificat auto-signé pour la cour de démonstration."""
    from pretoire.documents.actions import reglage_de_signature
    from pretoire.documents.signature import creer_certificat_auto_signe

    reglage = reglage_de_signature(affaire.juridiction)
    chemin = Path(reglage["pkcs12"])
    if chemin.exists():
        return None
    creer_certificat_auto_signe(chemin, affaire.juridiction.nom, reglage.get("mot_de_passe", ""))
    return chemin


def servir(hote: str, port: int) -> None:
    from daphne.endpoints import build_endpoint_description_strings
    from daphne.server import Server
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    from pretoire.config.asgi import application

    Server(
        application=ASGIStaticFilesHandler(application),
        endpoints=build_endpoint_description_strings(host=hote, port=port),
        verbosity=0,
    ).run()
