// L'écran du délibéré : la feuille dans l'ordre des votes, un scrutin à la fois, puis la peine.
//
// Tout se calcule ici, avec les règles reçues à l'ouverture de la page (delibere.js) : le réseau
// de la salle n'est utile qu'à l'enregistrement final. Les nombres de bulletins ne vivent que le
// temps d'un scrutin : lus dans les champs, passés au calcul, puis effacés des champs. Ni ces
// champs ni aucune requête ne les portent : seules les réponses et les peines sont envoyées.
// Les réponses déjà inscrites, elles, sont gardées chiffrées pour reprendre après un rechargement
// ou une panne (delibere-reprise.js, docs/decisions/0006).

import {
  OUI,
  NON,
  SANS_OBJET,
  Refus,
  alterationRetenue,
  avecLesSansObjet,
  causeDeLaPeineRetenue,
  contradictions,
  depouillerUnTour,
  enLettres,
  estCoupable,
  issueDuFait,
  nouveauVote,
  peine,
  peineEncourue,
  plusForteQue,
  premierTour,
  prochaineQuestion,
  regleDeLaPeine,
  voter,
} from "./delibere.js";
import { gardien } from "./delibere-reprise.js";

const regles = JSON.parse(document.getElementById("donnees-delibere").textContent);
const textes = JSON.parse(document.getElementById("textes-delibere").textContent);
const $ = (id) => document.getElementById(id);
const texte = (cle, valeurs = {}) => textes[cle].replace(/%\((\w+)\)s/g, (_, nom) => valeurs[nom]);
const reprise = JSON.parse(document.getElementById("reprise-delibere").textContent);

const etat = {
  reponses: avecLesSansObjet(regles, new Map()),
  proposees: null, // réponses après le scrutin constaté, en attente d'inscription
  maintenues: new Set(), // contradictions que le président a choisi de maintenir (art. 361 : « peut »)
  decisions: new Map(), // accusé → { peine, mention, maximum } ou { exemption: true, maximum }
  accuse: null,
  maximum: null,
  tours: null,
  enregistre: false,
};

// --- La feuille -------------------------------------------------------------------------------

function classeDeReponse(reponse) {
  if (reponse === OUI) return "reponse-oui";
  if (reponse === NON) return "reponse-non";
  return "reponse-sans-objet";
}

function afficherFeuille() {
  const courante = prochaineQuestion(regles, etat.reponses);
  const liste = $("feuille-delibere");
  liste.replaceChildren(
    ...regles.questions.map((question) => {
      const item = document.createElement("li");
      item.className = "question";
      item.dataset.numero = question.numero;
      if (courante && courante.numero === question.numero) {
        item.classList.add("question-courante");
        requestAnimationFrame(() => item.scrollIntoView({ block: "nearest" }));
      }
      const tete = document.createElement("p");
      tete.className = "question-tete";
      tete.innerHTML = `<span class="numero"></span> <span class="citation"></span>`;
      tete.querySelector(".numero").textContent = texte("question", { numero: question.numero });
      tete.querySelector(".citation").textContent = question.citation;
      const enonce = document.createElement("p");
      enonce.className = "question-texte";
      enonce.textContent = question.texte;
      const reponse = document.createElement("p");
      const inscrite = etat.reponses.get(question.numero);
      reponse.className = `reponse ${inscrite ? classeDeReponse(inscrite) : "reponse-a-voter"}`;
      if (inscrite) reponse.textContent = regles.formules[inscrite];
      else reponse.textContent = courante?.numero === question.numero ? texte("en_cours") : texte("a_voter");
      item.append(tete, enonce, reponse);
      return item;
    }),
  );
}

// --- Le scrutin -------------------------------------------------------------------------------

const champsDuDecompte = ["voix-oui", "voix-non", "voix-blancs", "voix-nuls"].map($);

function lireNombre(champ) {
  const valeur = champ.value.trim();
  return valeur === "" ? 0 : Number(valeur);
}

function effacer(champs) {
  for (const champ of champs) champ.value = "";
}

function montrerErreur(zone, erreur) {
  if (!(erreur instanceof Refus)) throw erreur;
  zone.textContent = erreur.message;
}

function afficherScrutin() {
  const question = prochaineQuestion(regles, etat.reponses);
  $("scrutin").hidden = !question;
  if (!question) return;
  const zone = $("question-en-cours");
  zone.replaceChildren();
  const titre = document.createElement("p");
  titre.className = "question-tete";
  titre.innerHTML = `<span class="numero"></span> <span class="citation"></span>`;
  titre.querySelector(".numero").textContent = texte("question", { numero: question.numero });
  titre.querySelector(".citation").textContent = question.citation;
  const enonce = document.createElement("p");
  enonce.className = "question-texte";
  enonce.textContent = question.texte;
  zone.append(titre, enonce);
  $("decompte").hidden = false;
  $("resultat").hidden = true;
  $("erreur-scrutin").textContent = "";
}

$("decompte").addEventListener("submit", (evenement) => {
  evenement.preventDefault();
  const question = prochaineQuestion(regles, etat.reponses);
  $("erreur-scrutin").textContent = "";
  try {
    const [oui, non, blancs, nuls] = champsDuDecompte.map(lireNombre);
    etat.proposees = voter(regles, etat.reponses, question.numero, { oui, non, blancs, nuls });
  } catch (erreur) {
    montrerErreur($("erreur-scrutin"), erreur);
    return;
  }
  // Le résultat est constaté : les nombres quittent l'écran aussitôt.
  effacer(champsDuDecompte);
  $("formule").textContent = texte("resultat", {
    formule: regles.formules[etat.proposees.get(question.numero)],
  });
  $("decompte").hidden = true;
  $("resultat").hidden = false;
  $("inscrire").focus();
});

$("corriger").addEventListener("click", () => {
  etat.proposees = null;
  afficherScrutin();
  champsDuDecompte[0].focus();
});

$("inscrire").addEventListener("click", () => {
  etat.reponses = etat.proposees;
  etat.proposees = null;
  avancer();
});

// --- Contradictions (art. 361) ---------------------------------------------------------------

const cle = (incompatibilite) => `${incompatibilite.premiere[0]}-${incompatibilite.seconde[0]}`;

function contradictionEnSuspens() {
  return contradictions(regles, etat.reponses).find((i) => !etat.maintenues.has(cle(i))) ?? null;
}

function afficherContradiction(incompatibilite) {
  $("contradiction").hidden = !incompatibilite;
  if (!incompatibilite) return;
  $("motif-contradiction").textContent = incompatibilite.motif;
  const boutons = [incompatibilite.premiere[0], incompatibilite.seconde[0]]
    .sort((a, b) => a - b)
    .map((numero) => {
      const bouton = document.createElement("button");
      bouton.type = "button";
      bouton.className = "bouton";
      bouton.textContent = texte("nouveau_vote", { numero });
      bouton.addEventListener("click", () => {
        etat.reponses = nouveauVote(regles, etat.reponses, numero);
        avancer();
      });
      return bouton;
    });
  const maintenir = document.createElement("button");
  maintenir.type = "button";
  maintenir.className = "bouton bouton-secondaire";
  maintenir.textContent = texte("maintenir");
  maintenir.addEventListener("click", () => {
    etat.maintenues.add(cle(incompatibilite));
    avancer();
  });
  $("choix-contradiction").replaceChildren(...boutons, maintenir);
}

// --- Issues et peine (art. 362) --------------------------------------------------------------

function afficherPeinesPrononcees() {
  $("peines-prononcees").replaceChildren(
    ...[...etat.decisions].map(([identifiant, decision]) => {
      const accuse = regles.accuses.find((a) => a.accuse === identifiant);
      const peine = decision.exemption ? texte("exempte") : `${enLettres(decision.peine)}, ${decision.mention}.`;
      return Object.assign(document.createElement("li"), { textContent: `${accuse.nom} : ${peine}` });
    }),
  );
}

function afficherIssues() {
  $("issues").hidden = false;
  $("liste-issues").replaceChildren(
    ...regles.accuses.map((accuse) => {
      const item = document.createElement("li");
      const faits = accuse.faits.map((f) => `${f.libelle} : ${issueDuFait(f, etat.reponses)}`).join(" ; ");
      item.textContent = `${accuse.nom} — ${faits}`;
      return item;
    }),
  );
}

const accusesCoupables = () => regles.accuses.filter((a) => estCoupable(a, etat.reponses));

function commencerLaPeine(accuse) {
  etat.accuse = accuse;
  etat.tours = null;
  etat.maximum = null;
  $("peines").hidden = false;
  $("peine-accuse").textContent = accuse.nom;
  $("resultat-tour").textContent = "";
  $("erreur-peine").textContent = "";
  $("choix-exemption").hidden = !causeDeLaPeineRetenue(accuse, etat.reponses);
  const encourue = peineEncourue(accuse, etat.reponses);
  if (encourue && encourue.certaine && encourue.peine) {
    $("maximum-a-confirmer").hidden = true;
    fixerLeMaximum(encourue.peine);
    return;
  }
  $("peine-maximum").textContent = texte("maximum_a_confirmer");
  $("maximum-a-confirmer").hidden = false;
  $("tour").hidden = true;
  if (encourue?.peine) {
    $("maximum-nature").value = encourue.peine.nature;
    $("maximum-perpetuite").checked = encourue.peine.mois === null;
    $("maximum-annees").value = encourue.peine.mois === null ? "" : encourue.peine.mois / 12;
    $("aide-maximum").textContent = texte("maximum", { peine: enLettres(encourue.peine) });
  } else {
    $("aide-maximum").textContent = "";
  }
}

function fixerLeMaximum(maximum) {
  etat.maximum = maximum;
  etat.tours = premierTour();
  $("peine-maximum").textContent = texte("maximum", { peine: enLettres(maximum) });
  $("tour").hidden = false;
  afficherTour();
}

$("confirmer-maximum").addEventListener("click", () => {
  $("erreur-peine").textContent = "";
  try {
    const perpetuite = $("maximum-perpetuite").checked;
    const annees = Number($("maximum-annees").value);
    const maximum = peine($("maximum-nature").value, perpetuite ? null : annees * 12);
    const connue = peineEncourue(etat.accuse, etat.reponses)?.peine;
    if (connue && plusForteQue(connue, maximum)) {
      throw new Refus(
        `Le maximum confirmé (${enLettres(maximum)}) est inférieur à celui que les réponses` +
          ` font déjà encourir (${enLettres(connue)}).`,
      );
    }
    $("maximum-a-confirmer").hidden = true;
    fixerLeMaximum(maximum);
  } catch (erreur) {
    montrerErreur($("erreur-peine"), erreur);
  }
});

$("exempter").addEventListener("click", () => {
  etat.decisions.set(etat.accuse.accuse, { exemption: true, maximum: etat.maximum });
  $("resultat-tour").textContent = texte("exempte");
  avancer();
});

function ajouterProposition() {
  const ligne = $("modele-proposition").content.firstElementChild.cloneNode(true);
  ligne.querySelector(".p-nature").value = etat.maximum?.nature ?? "reclusion_criminelle";
  ligne.querySelector(".p-retirer").addEventListener("click", () => ligne.remove());
  $("propositions").append(ligne);
  return ligne;
}

function afficherTour() {
  $("titre-tour").textContent = texte("tour", { numero: etat.tours.prochain_tour });
  $("plafond").textContent = etat.tours.plafond
    ? texte("plafond", { peine: enLettres(etat.tours.plafond), motif: etat.tours.motif_du_plafond })
    : "";
  $("propositions").replaceChildren();
  ajouterProposition();
  effacer([$("tour-blancs"), $("tour-nuls")]);
}

$("ajouter-peine").addEventListener("click", () => ajouterProposition().querySelector(".p-annees").focus());

function lirePropositions() {
  return [...$("propositions").querySelectorAll("tr")]
    .map((ligne) => {
      const perpetuite = ligne.querySelector(".p-perpetuite").checked;
      const annees = lireNombre(ligne.querySelector(".p-annees"));
      const mois = lireNombre(ligne.querySelector(".p-mois"));
      const voix = lireNombre(ligne.querySelector(".p-voix"));
      if (!perpetuite && annees === 0 && mois === 0 && voix === 0) return null;
      return { peine: peine(ligne.querySelector(".p-nature").value, perpetuite ? null : annees * 12 + mois), voix };
    })
    .filter(Boolean);
}

$("tour").addEventListener("submit", (evenement) => {
  evenement.preventDefault();
  $("erreur-peine").textContent = "";
  const regle = regleDeLaPeine(regles, etat.maximum, alterationRetenue(etat.accuse, etat.reponses));
  try {
    const propositions = lirePropositions();
    etat.tours = depouillerUnTour(
      regle,
      etat.tours,
      propositions,
      lireNombre($("tour-blancs")),
      lireNombre($("tour-nuls")),
    );
  } catch (erreur) {
    montrerErreur($("erreur-peine"), erreur);
    return;
  }
  $("resultat-tour").textContent = etat.tours.dernier_resultat;
  garder();
  if (etat.tours.peine_prononcee) {
    etat.decisions.set(etat.accuse.accuse, {
      peine: etat.tours.peine_prononcee,
      mention: etat.tours.mention,
      maximum: etat.maximum,
    });
    $("propositions").replaceChildren();
    avancer();
    return;
  }
  afficherTour();
});

// --- Reprise -------------------------------------------------------------------------------------

let garde = null;

// Ce que la reprise garde : des réponses, des formules et des peines, jamais un décompte. Le
// résultat constaté mais pas encore inscrit (``proposees``) n'y est pas : il se revote.
function etatAGarder() {
  return {
    reponses: [...etat.reponses],
    maintenues: [...etat.maintenues],
    decisions: [...etat.decisions],
    peine: etat.accuse ? { accuse: etat.accuse.accuse, maximum: etat.maximum, tours: etat.tours } : null,
  };
}

function garder() {
  garde?.garder(etatAGarder()).catch(() => {
    $("etat-reprise").textContent = texte("reprise_impossible");
  });
}

function restaurer(gardee) {
  const numeros = new Set(regles.questions.map((q) => q.numero));
  const reponses = new Map(
    gardee.reponses.filter(([numero, r]) => numeros.has(numero) && [OUI, NON, SANS_OBJET].includes(r)),
  );
  etat.reponses = avecLesSansObjet(regles, reponses);
  etat.maintenues = new Set(gardee.maintenues);
  etat.decisions = new Map(gardee.decisions);
}

// Les tours déjà dépouillés sur la peine de l'accusé en cours (art. 362 al. 3 : la peine écartée
// le reste après la reprise).
function reprendreLaPeine(peine) {
  if (!peine?.maximum || !peine.tours || etat.accuse?.accuse !== peine.accuse) return;
  $("maximum-a-confirmer").hidden = true;
  fixerLeMaximum(peine.maximum);
  etat.tours = peine.tours;
  afficherTour();
  $("resultat-tour").textContent = peine.tours.dernier_resultat ?? "";
  garder();
}

// --- Enregistrement ---------------------------------------------------------------------------

function saisie() {
  const peines = [...etat.decisions].map(([accuse, decision]) => ({
    accuse,
    exemption: Boolean(decision.exemption),
    peine: decision.peine ? { nature: decision.peine.nature, mois: decision.peine.mois } : null,
    maximum_confirme: decision.maximum ? { nature: decision.maximum.nature, mois: decision.maximum.mois } : null,
  }));
  // Art. 364 : sans choix, le premier juré désigné par le sort signe ; pas de juré sans jury.
  const jure = document.getElementById("jure-signataire");
  return {
    empreinte: regles.empreinte,
    reponses: Object.fromEntries(etat.reponses),
    peines,
    jure_signataire: jure ? Number(jure.value) : null,
  };
}

$("formulaire-enregistrement").addEventListener("submit", async (evenement) => {
  evenement.preventDefault();
  const formulaire = evenement.target;
  const zone = $("etat-enregistrement");
  zone.className = "";
  zone.textContent = "";
  let reponse;
  try {
    reponse = await fetch(formulaire.dataset.adresse, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": formulaire.querySelector("[name=csrfmiddlewaretoken]").value,
      },
      body: JSON.stringify(saisie()),
    });
  } catch {
    zone.className = "erreur";
    zone.textContent = texte("hors_ligne");
    return;
  }
  const corps = await reponse.json().catch(() => ({ erreurs: [texte("hors_ligne")] }));
  if (!reponse.ok) {
    zone.className = "erreur";
    const liste = document.createElement("ul");
    liste.replaceChildren(
      ...corps.erreurs.map((message) => Object.assign(document.createElement("li"), { textContent: message })),
    );
    zone.append(liste);
    return;
  }
  etat.enregistre = true;
  zone.textContent = texte("enregistre");
  await garde?.effacer().catch(() => {});
  location.assign(corps.adresse);
});

window.addEventListener("beforeunload", (evenement) => {
  const commence = [...etat.reponses.values()].some((r) => r !== SANS_OBJET);
  // Sans reprise possible, quitter la page perdrait les réponses : le navigateur le rappelle.
  if (commence && !etat.enregistre && !garde) {
    evenement.preventDefault();
    evenement.returnValue = texte("quitter");
  }
});

// --- Le déroulé -------------------------------------------------------------------------------

function avancer() {
  garder();
  afficherFeuille();
  const contradiction = contradictionEnSuspens();
  afficherContradiction(contradiction);
  if (contradiction) {
    $("scrutin").hidden = true;
    return;
  }
  afficherScrutin();
  if (prochaineQuestion(regles, etat.reponses)) {
    $("issues").hidden = true;
    $("peines").hidden = true;
    $("enregistrement").hidden = true;
    return;
  }
  afficherIssues();
  afficherPeinesPrononcees();
  const suivant = accusesCoupables().find((a) => !etat.decisions.has(a.accuse));
  if (suivant) {
    if (etat.accuse !== suivant) commencerLaPeine(suivant);
    $("enregistrement").hidden = true;
    return;
  }
  $("tour").hidden = true;
  $("choix-exemption").hidden = true;
  $("peines").hidden = etat.decisions.size === 0;
  $("enregistrement").hidden = false;
}

try {
  garde = await gardien(reprise, regles.empreinte);
} catch {
  garde = null;
}
if (!garde) $("etat-reprise").textContent = texte("reprise_impossible");
const relue = garde ? await garde.relire().catch(() => null) : null;
const gardee = relue?.etat ?? null;
if (gardee) restaurer(gardee);
avancer();
if (relue?.illisible) $("etat-reprise").textContent = texte("reprise_illisible");
if (gardee) {
  reprendreLaPeine(gardee.peine);
  const inscrites = [...etat.reponses.values()].filter((r) => r !== SANS_OBJET).length;
  $("etat-reprise").textContent = texte("reprise", { nombre: inscrites });
}
