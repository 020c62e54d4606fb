"""Ce que partagent les bancs de mesure : la machine mesurée, et la section que chacun écrit
dans docs/benchmarks.md (remplacée si elle existe, ajoutée sinon)."""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
FICHIER = RACINE / "docs" / "benchmarks.md"


def machine() -> str:
    modele = "inconnu"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        trouve = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        modele = trouve.group(1).strip() if trouve else modele
    return f"{platform.system()} {platform.release()} {platform.machine()}, {modele}, {os.cpu_count()} cœurs"


def ecrire_section(section: str) -> None:
    """Affiche la section (qui commence par son titre « ## … ») et l'écrit à sa place."""
    print(section)
    titre = section.splitlines()[0]
    existant = FICHIER.read_text() if FICHIER.exists() else "# Mesures de performance\n\n"
    motif = re.compile(re.escape(titre) + r"\n.*?(?=\n## |\Z)", re.DOTALL)
    nouveau = (
        motif.sub(lambda _: section.rstrip() + "\n", existant)
        if motif.search(existant)
        else existant.rstrip() + "\n\n" + section
    )
    FICHIER.write_text(nouveau)


@contextmanager
def sources_du_commit(commit: str) -> Iterator[Path]:
    """Les sources d'un commit antérieur (src, bench, tests), extraites par ``git archive`` dans un
    dossier temporaire : un banc mesure l'avant et l'après dans le même passage."""
    with tempfile.TemporaryDirectory(prefix="pretoire-avant-") as dossier:
        archive = subprocess.run(
            ["git", "-C", str(RACINE), "archive", "--format=tar", commit, "src", "bench", "tests"],
            capture_output=True,
            check=True,
        ).stdout
        chemin = Path(dossier) / "sources.tar"
        chemin.write_bytes(archive)
        with tarfile.open(chemin) as tar:
            tar.extractall(dossier, filter="data")
        yield Path(dossier)


def dans_un_processus(banc: Path, source: Path, *arguments: str) -> dict[str, Any]:
    """Lance ``banc`` sur les sources ``source`` (variable PRETOIRE_BANC_SOURCE) dans son propre
    processus et rend le JSON de sa dernière ligne."""
    sortie = subprocess.run(
        [sys.executable, str(banc), *arguments],
        env={**os.environ, "PRETOIRE_BANC_SOURCE": str(source)},
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    resultat: dict[str, Any] = json.loads(sortie.stdout.strip().splitlines()[-1])
    return resultat
