// Suivre l'avancement des générations en file ou en cours, puis recharger la page quand l'une se
// termine (ou que son exécutant est mort) : la nouvelle version, ou le motif, apparaît alors dans
// la liste. Sans JavaScript, la page se recharge seule.
const INTERVALLE_MS = 700;
const SUIVIES = ["en_attente", "en_cours"];

function suivre(element) {
  const progression = element.querySelector("progress");
  const etape = element.querySelector(".etape");
  const relire = async () => {
    let reponse;
    try {
      reponse = await fetch(element.dataset.suivi, { headers: { Accept: "application/json" } });
    } catch {
      setTimeout(relire, INTERVALLE_MS * 3);
      return;
    }
    if (!reponse.ok) return;
    const suivi = await reponse.json();
    if (!SUIVIES.includes(suivi.etat)) {
      window.location.reload();
      return;
    }
    if (progression) progression.value = suivi.avancement;
    if (etape) etape.textContent = `${suivi.etape}…`;
    setTimeout(relire, INTERVALLE_MS);
  };
  setTimeout(relire, INTERVALLE_MS);
}

for (const etat of SUIVIES) {
  document.querySelectorAll(`.generation[data-etat="${etat}"]`).forEach(suivre);
}

// Un clic suffit : le bouton se désactive le temps que la demande parte.
document.querySelectorAll("form.demande").forEach((formulaire) => {
  formulaire.addEventListener("submit", () => {
    const bouton = formulaire.querySelector("button[type=submit]");
    if (bouton) bouton.disabled = true;
  });
});
