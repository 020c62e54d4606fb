// Console du greffier : commandes de la déposition et indicateurs de qualité en direct.

import { Signalisation } from "./signalisation.js";
import { t } from "./textes.js";

const racine = document.getElementById("console");
const signalisation = new Signalisation(racine.dataset.ws);
const message = document.getElementById("message-commande");

function appliquerEtat(etat) {
  const element = document.getElementById("etat");
  element.textContent = etat.libelle;
  element.className = `etat etat-${etat.etat}`;
  racine.dataset.etat = etat.etat;
  // Le serveur envoie avec l'état les commandes qu'il accepterait (law/visio.py) : rien d'autre.
  const permises = new Set(etat.commandes || []);
  for (const commande of document.querySelectorAll("[data-commande]")) {
    const permise = permises.has(commande.dataset.commande);
    for (const bouton of commande.matches("button") ? [commande] : commande.querySelectorAll("button")) {
      bouton.disabled = !permise;
    }
  }
  rechargerEvenements();
}

async function rechargerEvenements() {
  const reponse = await fetch(racine.dataset.evenements, { credentials: "same-origin" });
  if (reponse.ok) document.getElementById("evenements").innerHTML = await reponse.text();
}

function commander(commande, donnees = {}) {
  message.hidden = true;
  signalisation.envoyer({ type: "commande", commande, donnees });
}

for (const bouton of document.querySelectorAll("button[data-commande]")) {
  bouton.addEventListener("click", () => commander(bouton.dataset.commande));
}
for (const formulaire of document.querySelectorAll("form[data-commande]")) {
  formulaire.addEventListener("submit", (evenement) => {
    evenement.preventDefault();
    commander(formulaire.dataset.commande, Object.fromEntries(new FormData(formulaire)));
  });
}

signalisation.sur("etat", appliquerEtat);
signalisation.sur("refus", (refus) => {
  message.textContent = refus.message;
  message.className = "alerte alerte-error";
  message.hidden = false;
});
signalisation.sur("ouvert", () => signalisation.envoyer({ type: "bonjour", session: crypto.randomUUID().replaceAll("-", "") }));

const LIBELLES_RECEPTION = Object.fromEntries(
  ["attente", "normale", "son_seul", "image_sans_son", "coupee"].map((r) => [r, t(`reception_${r}`)]),
);
const LIBELLES_NOTE = Object.fromEntries(["bonne", "degradee", "mauvaise"].map((n) => [n, t(`note_${n}`)]));

signalisation.sur("indicateurs", (indicateurs) => {
  const cellule = (mesure) => document.querySelector(`[data-poste="${indicateurs.poste}"][data-mesure="${mesure}"]`);
  cellule("reception").textContent = LIBELLES_RECEPTION[indicateurs.reception] || indicateurs.reception;
  cellule("dechiffrees").textContent = String(indicateurs.chiffrement.dechiffrees);
  if (indicateurs.mesure) {
    for (const [cle, valeur] of Object.entries(indicateurs.mesure)) {
      const c = cellule(cle);
      if (c) c.textContent = valeur === null || valeur === "" ? "—" : cle === "note" ? LIBELLES_NOTE[valeur] : String(valeur);
    }
    cellule("note").dataset.note = indicateurs.mesure.note;
  }
  const alerte = document.getElementById("alerte-fidelite");
  alerte.hidden = !indicateurs.alerte;
  if (indicateurs.alerte) {
    const titre = indicateurs.poste === "salle" ? t("recue_en_salle") : t("recue_par_deposant");
    const raisons = indicateurs.mesure ? indicateurs.mesure.raisons.join(", ") : "";
    alerte.textContent = `${titre} : ${raisons}`;
  }
});

setInterval(rechargerEvenements, 3000);
