"""Ce que partagent les bancs de mesure : la machine mesurée, et la section que chacun écrit
dans docs/benchmarks.md (remplacée si elle existe, ajoutée sinon)."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path

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
