"""Mesures de la visio, sur la boucle locale : délai admission → première image, processeur par
poste avec et sans chiffrement de bout en bout, temps de reprise après une coupure de 5 s.

Tout tourne dans un espace de noms réseau privé (le média ne quitte pas la machine) ; le script
s'y relance lui-même. Écrit la section « Visioconférence » de docs/benchmarks.md.

    .venv/bin/python bench/visio.py          (root, ou sudo, pour unshare --net)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

RACINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RACINE))
sys.path.insert(0, str(RACINE / "src"))
sys.path.insert(0, str(RACINE / "bench"))

from resultats import ecrire_section, machine  # noqa: E402

RUNS_PREMIERE_IMAGE = 10
RUNS_REPRISE = 3
FENETRE_CPU_S = 20
# Pour la mesure « sans chiffrement » seulement : les transformations encodées ne sont pas
# posées, les trames passent en clair (DTLS-SRTP seul). Le produit, lui, n'a pas ce mode.
SANS_CHIFFREMENT = """
for (const proto of [RTCRtpSender.prototype, RTCRtpReceiver.prototype]) {
  Object.defineProperty(proto, "transform", { set() {}, get() { return null; }, configurable: true });
}
"""


def dans_un_espace_prive() -> bool:
    lignes = Path("/proc/net/dev").read_text().splitlines()[2:]
    return [ligne.split(":")[0].strip() for ligne in lignes] == ["lo"]


def temps_processeur(racine_pid: int) -> float:
    """Temps processeur (s) d'un processus et de tous ses descendants."""
    enfants: dict[int, list[int]] = {}
    temps: dict[int, float] = {}
    tic = os.sysconf("SC_CLK_TCK")
    for entree in Path("/proc").iterdir():
        if not entree.name.isdigit():
            continue
        try:
            champs = (entree / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entree.name), int(champs[1])
        enfants.setdefault(ppid, []).append(pid)
        temps[pid] = (int(champs[11]) + int(champs[12])) / tic
    total, pile = 0.0, [racine_pid]
    while pile:
        pid = pile.pop()
        total += temps.get(pid, 0.0)
        pile.extend(enfants.get(pid, []))
    return total


def pid_du_navigateur(marque: str) -> int:
    for entree in Path("/proc").iterdir():
        if entree.name.isdigit():
            try:
                ligne = (entree / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if marque in ligne and "--type=" not in ligne:
                return int(entree.name)
    raise RuntimeError(f"navigateur {marque} introuvable")


def mesurer() -> dict[str, Any]:
    from playwright.sync_api import sync_playwright
    from tests.navigateur.conftest import _port_libre
    from tests.visio.conftest import ARGUMENTS_MEDIA, CHROMIUM, inviter, nouveau_contexte, se_connecter
    from tests.visio.test_parcours import attendre, compteurs, parcourir_jusqu_a_la_salle_d_attente

    port = _port_libre()
    donnees = tempfile.mkdtemp(prefix="pretoire-bench-")
    environnement = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    serveur = subprocess.Popen(
        [sys.executable, "-m", "pretoire", "demo", "--port", str(port), "--data-dir", donnees],
        env=environnement,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    adresse = f"http://127.0.0.1:{port}"
    resultats: dict[str, Any] = {"salle": [], "deposant": [], "cpu": {}, "reprise": []}
    try:
        import socket

        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            navigateurs = {
                nom: playwright.chromium.launch(
                    executable_path=CHROMIUM, args=[*ARGUMENTS_MEDIA, f"--pretoire-banc={nom}"]
                )
                for nom in ("greffe", "salle", "deposant")
            }
            greffe = nouveau_contexte(navigateurs["greffe"], adresse).new_page()

            def seance(script: str | None = None) -> tuple[Any, Any, Any]:
                invitation = inviter(greffe, adresse, "Dr Banc ESSAI")
                contexte_deposant = nouveau_contexte(navigateurs["deposant"], adresse)
                contexte_salle = nouveau_contexte(navigateurs["salle"], adresse)
                if script:
                    contexte_deposant.add_init_script(script)
                    contexte_salle.add_init_script(script)
                deposant = contexte_deposant.new_page()
                parcourir_jusqu_a_la_salle_d_attente(deposant, invitation.lien, invitation.code)
                salle = contexte_salle.new_page()
                se_connecter(salle, adresse, "presidente")
                greffe.get_by_role("link", name="Console").first.click()
                ecran = greffe.get_by_role(
                    "link", name="Ouvrir l'écran de la salle d'audience"
                ).get_attribute("href")
                salle.goto(f"{adresse}{ecran}")
                salle.wait_for_function("window.pretoireVisio !== undefined")
                return salle, deposant, (contexte_salle, contexte_deposant)

            for _ in range(RUNS_PREMIERE_IMAGE):
                salle, deposant, contextes = seance()
                debut = time.monotonic()
                greffe.get_by_role("button", name="Admettre dans la salle").click()
                vus: dict[str, float] = {}
                while len(vus) < 2 and time.monotonic() - debut < 30:
                    for nom, page in (("salle", salle), ("deposant", deposant)):
                        if nom not in vus and compteurs(page)["images"] > 0:
                            vus[nom] = time.monotonic() - debut
                    time.sleep(0.02)
                resultats["salle"].append(vus["salle"])
                resultats["deposant"].append(vus["deposant"])
                if len(resultats["reprise"]) < RUNS_REPRISE:
                    attendre(lambda p=salle: compteurs(p)["images"] > 60, 20)
                    avant = compteurs(salle)["images"]
                    subprocess.run(["ip", "link", "set", "lo", "down"], check=True)
                    time.sleep(5)
                    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
                    debut_reprise = time.monotonic()
                    attendre(lambda p=salle, a=avant: compteurs(p)["images"] > a + 5, 60)
                    resultats["reprise"].append(time.monotonic() - debut_reprise)
                greffe.get_by_role("button", name="Terminer la déposition").click()
                for contexte in contextes:
                    contexte.close()

            for libelle, script in (("avec", None), ("sans", SANS_CHIFFREMENT)):
                salle, deposant, contextes = seance(script)
                greffe.get_by_role("button", name="Admettre dans la salle").click()
                attendre(lambda p=salle: compteurs(p)["images"] > 100, 30)
                pids = {nom: pid_du_navigateur(f"--pretoire-banc={nom}") for nom in ("salle", "deposant")}
                avant = {nom: temps_processeur(pid) for nom, pid in pids.items()}
                time.sleep(FENETRE_CPU_S)
                resultats["cpu"][libelle] = {
                    nom: 100 * (temps_processeur(pid) - avant[nom]) / FENETRE_CPU_S
                    for nom, pid in pids.items()
                }
                resultats["cpu"][libelle]["dechiffrees"] = compteurs(salle)["dechiffrees"]
                greffe.get_by_role("button", name="Terminer la déposition").click()
                for contexte in contextes:
                    contexte.close()
            for navigateur in navigateurs.values():
                navigateur.close()
    finally:
        serveur.terminate()
        serveur.wait(timeout=10)
    return resultats


def ecrire(resultats: dict[str, Any]) -> None:
    def ms(valeurs: list[float]) -> str:
        mediane, bas, haut = (1000 * f(valeurs) for f in (statistics.median, min, max))
        return f"{mediane:.0f} ms (de {bas:.0f} à {haut:.0f})"

    cpu = resultats["cpu"]
    lignes = [
        "## Visioconférence",
        "",
        f"Mesuré le {date.today().isoformat()} sur {machine()}, Chromium de Debian sans écran,"
        " caméra et micro simulés, serveur de démonstration (SQLite, couche de canaux en mémoire),"
        " le tout dans un espace de noms réseau privé (boucle locale seule), par"
        " `.venv/bin/python bench/visio.py`. Trois navigateurs : greffe, salle, déposant.",
        "",
        f"- Admission par le greffe → première image décodée (médiane de {len(resultats['salle'])} séances) :"
        f" en salle {ms(resultats['salle'])} ; chez le déposant {ms(resultats['deposant'])}.",
        "- Reprise après une coupure réseau de 5 s (toute la boucle locale coupée), de la fin de la"
        f" coupure à la reprise des images en salle (médiane de {len(resultats['reprise'])}) :"
        f" {ms(resultats['reprise'])}.",
        f"- Processeur par poste (navigateur entier, moyenne sur {FENETRE_CPU_S} s, 100 % = un cœur) :",
        "",
        "| chiffrement de bout en bout | salle | déposant | trames déchiffrées en salle |",
        "|---|---:|---:|---:|",
    ]
    for libelle in ("avec", "sans"):
        c = cpu[libelle]
        lignes.append(f"| {libelle} | {c['salle']:.0f} % | {c['deposant']:.0f} % | {c['dechiffrees']} |")
    lignes += [
        "",
        "« Sans » : mesure de comparaison seulement (transformations encodées non posées par le banc) ;"
        " le produit refuse toute liaison non chiffrée de bout en bout.",
        "",
    ]
    ecrire_section("\n".join(lignes))


if __name__ == "__main__":
    if not dans_un_espace_prive():
        commande = f"ip link set lo up && exec {sys.executable} {Path(__file__).resolve()}"
        raise SystemExit(subprocess.call(["unshare", "--net", "sh", "-c", commande]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pretoire.config.settings.test")
    import django

    django.setup()
    ecrire(mesurer())
