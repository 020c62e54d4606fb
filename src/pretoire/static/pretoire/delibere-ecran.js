// L'écran du délibéré : la feuille dans l'ordre des votes, un scrutin à la fois, puis la peine.
//
// Tout se calcule ici, avec les règles reçues à l'ouverture de la page (delibere.js) : le réseau
// de la salle n'est utile qu'à l'enregistrement final. Les nombres de bulletins ne vivent que le
// temps d'un scrutin : lus dans les champs, passés au calcul, puis effacés des champs. Ni ces
// champs ni aucune requête ne les portent : seules les réponses et les peines sont envoyées.
// Les réponses déjà inscrites, elles, sont gardées chiffrées pour reprendre après un rechargement
// ou une panne (delibere-reprise.js, docs/decisions/0005).

import {
  OUI,
  NON,
  SANS_OBJET,
  Refus,
  adopter,
  alterationRetenue,
  avecLesSansObjet,
  bornesPourLAccuse,
  causeDeLaPeineRetenue,
  constater,
  constaterLeScrutin,
  contradictions,
  depouillerUnTour,
  dureeEnLettres,
  enLettres,
  estCoupable,
  eurosEnChiffres,
  excuseAppliquee,
  formule,
  inscrire,
  issueDuFait,
  laDeclarationDePleinDroitSePose,
  laQuestionDuReexamenSePose,
  libelleRetenu,
  lignesDeLaPeine,
  maximumAvecLExcuse,
  maximumPrononcable,
  message,
  minoriteSelonReponses,
  moisFermes,
  nouveauVote,
  peine,
  peineEncourue,
  plusForteQue,
  premierTour,
  prochaineQuestion,
  qualificationsRetenues,
  questionsDeMinorite,
  raisonSansSursis,
  rediger,
  regleDeLaPeine,
  verifierLAmende,
  verifierLaPeineComplementaire,
  verifierLaSurete,
  verifierLeSursis,
  voter,
} from "./delibere.js";
import { gardien } from "./delibere-reprise.js";

const regles = JSON.parse(document.getElementById("donnees-delibere").textContent);
const textes = JSON.parse(document.getElementById("textes-delibere").textContent);
const $ = (id) => document.getElementById(id);
const texte = (cle, valeurs = {}) => textes[cle].replace(/%\((\w+)\)s/g, (_, nom) => valeurs[nom]);
// Les refus et les lignes de la peine : leurs phrases viennent du catalogue du serveur.
const enPhrase = (leMessage) => rediger(regles.messages, leMessage);
const reprise = JSON.parse(document.getElementById("reprise-delibere").textContent);

const etat = {
  reponses: avecLesSansObjet(regles, new Map()),
  proposee: null, // { numero, reponse } : le scrutin constaté, en attente d'inscription
  maintenues: new Set(), // contradictions que le président a choisi de maintenir (art. 361 : « peut »)
  // accusé → { peine, mention, maximum, modalites, lignes } ou { exemption: true, maximum }
  decisions: new Map(),
  accuse: null,
  maximum: null, // le maximum encouru par un majeur, confirmé ou établi : celui que le serveur recalcule
  maximumApplique: null, // réduit de moitié quand l'excuse de minorité s'applique
  minorite: null,
  decisionMinorite: null,
  excuse: false,
  peineVotee: null, // { peine, mention } : la peine privative de liberté, avant ce qui l'accompagne
  modalites: {},
  tours: null,
  enregistre: false,
};

// --- La feuille -------------------------------------------------------------------------------

function classeDeReponse(reponse) {
  if (reponse === OUI) return "reponse-oui";
  if (reponse === NON) return "reponse-non";
  return "reponse-sans-objet";
}

// La feuille se dessine une fois ; après chaque scrutin, seules les questions dont la réponse a
// changé, et la question courante, sont redessinées : sur une feuille de vingt mille questions,
// un scrutin ne refait pas vingt mille éléments.
const feuille = { elements: new Map(), affichees: new Map(), courante: null };

function creerQuestion(question) {
  const item = document.createElement("li");
  item.className = "question";
  item.dataset.numero = question.numero;
  const tete = document.createElement("p");
  tete.className = "question-tete";
  tete.innerHTML = `<span class="numero"></span> <span class="citation"></span>`;
  tete.querySelector(".numero").textContent = texte("question", { numero: question.numero });
  tete.querySelector(".citation").textContent = question.citation;
  const enonce = document.createElement("p");
  enonce.className = "question-texte";
  enonce.textContent = question.texte;
  const reponse = document.createElement("p");
  item.append(tete, enonce, reponse);
  feuille.elements.set(question.numero, { question, item, reponse });
  return item;
}

function redessiner(numero, courante) {
  const { question, item, reponse } = feuille.elements.get(numero);
  const inscrite = etat.reponses.get(numero);
  const estCourante = courante?.numero === numero;
  item.classList.toggle("question-courante", estCourante);
  reponse.className = `reponse ${inscrite ? classeDeReponse(inscrite) : "reponse-a-voter"}`;
  if (inscrite) reponse.textContent = formule(regles, question, inscrite);
  else reponse.textContent = estCourante ? texte("en_cours") : texte("a_voter");
  if (inscrite === undefined) feuille.affichees.delete(numero);
  else feuille.affichees.set(numero, inscrite);
}

function afficherFeuille() {
  const courante = prochaineQuestion(regles, etat.reponses);
  const aRedessiner = new Set();
  if (feuille.elements.size === 0) {
    $("feuille-delibere").replaceChildren(...regles.questions.map(creerQuestion));
    for (const question of regles.questions) aRedessiner.add(question.numero);
  }
  for (const [numero, affichee] of feuille.affichees) {
    if (etat.reponses.get(numero) !== affichee) aRedessiner.add(numero);
  }
  for (const [numero, reponse] of etat.reponses) {
    if (feuille.affichees.get(numero) !== reponse) aRedessiner.add(numero);
  }
  if (feuille.courante !== null) aRedessiner.add(feuille.courante);
  if (courante) aRedessiner.add(courante.numero);
  for (const numero of aRedessiner) redessiner(numero, courante);
  if (courante && feuille.courante !== courante.numero) {
    const { item } = feuille.elements.get(courante.numero);
    requestAnimationFrame(() => item.scrollIntoView({ block: "nearest" }));
  }
  feuille.courante = courante ? courante.numero : null;
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
  zone.textContent = enPhrase(erreur.motif);
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
  if (question.defavorable === NON) {
    const aide = Object.assign(document.createElement("p"), { className: "aide reponse-defavorable" });
    aide.textContent = texte("non_defavorable", { formule: formule(regles, question, NON) });
    zone.append(aide);
  }
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
    const reponse = constaterLeScrutin(regles, etat.reponses, question.numero, { oui, non, blancs, nuls });
    etat.proposee = { numero: question.numero, reponse };
  } catch (erreur) {
    montrerErreur($("erreur-scrutin"), erreur);
    return;
  }
  // Le résultat est constaté : les nombres quittent l'écran aussitôt.
  effacer(champsDuDecompte);
  $("formule").textContent = texte("resultat", { formule: formule(regles, question, etat.proposee.reponse) });
  $("decompte").hidden = true;
  $("resultat").hidden = false;
  $("inscrire").focus();
});

$("corriger").addEventListener("click", () => {
  etat.proposee = null;
  afficherScrutin();
  champsDuDecompte[0].focus();
});

$("inscrire").addEventListener("click", () => {
  inscrire(regles, etat.reponses, etat.proposee.numero, etat.proposee.reponse);
  etat.proposee = null;
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
      const item = Object.assign(document.createElement("li"), { textContent: `${accuse.nom} : ${peine}` });
      if (decision.lignes?.length) {
        const lignes = document.createElement("ul");
        lignes.className = "modalites";
        lignes.replaceChildren(
          ...decision.lignes.map((l) => Object.assign(document.createElement("li"), { textContent: l })),
        );
        item.append(lignes);
      }
      return item;
    }),
  );
}

function afficherIssues() {
  $("issues").hidden = false;
  $("liste-issues").replaceChildren(
    ...regles.accuses.map((accuse) => {
      const item = document.createElement("li");
      // Art. 364 : la qualification et les circonstances retenues, non celles du renvoi.
      const faits = accuse.faits
        .map((f) => `${libelleRetenu(f, etat.reponses)} : ${issueDuFait(f, etat.reponses)}`)
        .join(" ; ");
      item.textContent = `${accuse.nom} — ${faits}`;
      return item;
    }),
  );
}

const accusesCoupables = () => regles.accuses.filter((a) => estCoupable(a, etat.reponses));

function commencerLaPeine(accuse) {
  Object.assign(etat, {
    accuse,
    tours: null,
    maximum: null,
    maximumApplique: null,
    decisionMinorite: null,
    excuse: false,
    peineVotee: null,
    modalites: {},
  });
  $("peines").hidden = false;
  $("peine-accuse").textContent = accuse.nom;
  $("resultat-tour").textContent = "";
  $("erreur-peine").textContent = "";
  $("modalites").hidden = true;
  $("minorite").hidden = true;
  $("tour").hidden = true;
  $("maximum-a-confirmer").hidden = true;
  $("choix-exemption").hidden = true;
  $("caution-minimums").hidden = false;
  $("caution-minimums").textContent = regles.cautions.minimums;
  etat.minorite = minoriteSelonReponses(regles, accuse, etat.reponses);
  if (etat.minorite.statut === "refus") {
    // Non modélisé : refusé plutôt que jugé comme un majeur.
    $("erreur-peine").textContent = enPhrase(etat.minorite.motif);
    return;
  }
  if (etat.minorite.statut === "excuse") {
    $("reponses-minorite").replaceChildren();
    afficherMinorite();
    return;
  }
  preparerLeMaximum(accuse);
}

// --- Excuse de minorité : une question, puis peut-être l'autre (majorité de l'art. 359) -------

const champsMinorite = ["minorite-oui", "minorite-non", "minorite-blancs", "minorite-nuls"].map($);

function questionsMinorite() {
  return questionsDeMinorite(etat.accuse.nom, etat.accuse.feminin, etat.minorite.exclusion_possible);
}

function afficherMinorite() {
  const rang = etat.decisionMinorite ? 1 : 0;
  const bouton = $("minorite").querySelector("button[type=submit]");
  $("minorite").querySelector("fieldset").hidden = false;
  Object.assign(bouton, { hidden: false, disabled: false });
  $("minorite").hidden = false;
  $("caution-minorite").textContent = regles.cautions.minorite;
  $("question-minorite").textContent = enPhrase(questionsMinorite()[rang]);
}

$("minorite").addEventListener("submit", (evenement) => {
  evenement.preventDefault();
  $("erreur-peine").textContent = "";
  const questions = questionsMinorite();
  const rang = etat.decisionMinorite ? 1 : 0;
  let reponse;
  try {
    const [oui, non, blancs, nuls] = champsMinorite.map(lireNombre);
    reponse = constater(regles, { oui, non, blancs, nuls });
  } catch (erreur) {
    montrerErreur($("erreur-peine"), erreur);
    return;
  }
  effacer(champsMinorite);
  $("reponses-minorite").append(
    Object.assign(document.createElement("li"), {
      textContent: enPhrase(
        message("ligne_question_de_minorite", { question: questions[rang], formule: regles.formules[OUI][reponse] }),
      ),
    }),
  );
  if (rang === 0) etat.decisionMinorite = { condamnation_penale: reponse, exclusion: null };
  else etat.decisionMinorite.exclusion = reponse;
  if (reponse === OUI && rang === 0 && questions.length > 1) {
    afficherMinorite();
    return;
  }
  try {
    etat.excuse = excuseAppliquee(etat.accuse.nom, etat.minorite, etat.decisionMinorite);
  } catch (erreur) {
    montrerErreur($("erreur-peine"), erreur);
    $("question-minorite").textContent = "";
    $("minorite").querySelector("button[type=submit]").disabled = true;
    return;
  }
  $("minorite").querySelector("fieldset").hidden = true;
  $("minorite").querySelector("button[type=submit]").hidden = true;
  $("question-minorite").textContent = "";
  preparerLeMaximum(etat.accuse);
});

function preparerLeMaximum(accuse) {
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
  etat.maximumApplique = etat.excuse ? peine(maximum.nature, maximumAvecLExcuse(maximum.mois)) : maximum;
  etat.tours = premierTour();
  const regle = regleDeLaPeine(regles, etat.maximumApplique, alterationRetenue(etat.accuse, etat.reponses));
  $("peine-maximum").textContent = regle.alteration
    ? texte("maximum_reduit", {
        peine: enLettres(etat.maximumApplique),
        reduit: enLettres(maximumPrononcable(regle)),
      })
    : texte(etat.excuse ? "maximum_minorite" : "maximum", { peine: enLettres(etat.maximumApplique) });
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
      throw new Refus("maximum_confirme_inferieur", {
        confirme: { nature: maximum.nature, mois: maximum.mois },
        connue: { nature: connue.nature, mois: connue.mois },
      });
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
  ligne.querySelector(".p-nature").value = etat.maximumApplique?.nature ?? "reclusion_criminelle";
  ligne.querySelector(".p-retirer").addEventListener("click", () => ligne.remove());
  $("propositions").append(ligne);
  return ligne;
}

function afficherTour() {
  $("titre-tour").textContent = texte("tour", { numero: etat.tours.prochain_tour });
  $("plafond").textContent = etat.tours.plafond
    ? texte("plafond", {
        peine: enLettres(etat.tours.plafond),
        motif: rediger(regles.messages, etat.tours.motif_du_plafond, false),
      })
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
  const regle = regleDeLaPeine(regles, etat.maximumApplique, alterationRetenue(etat.accuse, etat.reponses));
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
  $("resultat-tour").textContent = enPhrase(etat.tours.dernier_resultat);
  garder();
  if (etat.tours.peine_prononcee) {
    etat.peineVotee = { peine: etat.tours.peine_prononcee, mention: etat.tours.mention };
    $("propositions").replaceChildren();
    $("tour").hidden = true;
    $("modalites-decidees").replaceChildren();
    afficherModalites();
    return;
  }
  afficherTour();
});

// --- Ce qui accompagne la peine : sursis, sûreté, amende, complémentaires, réexamen -----------

const champsModalite = ["modalite-oui", "modalite-non", "modalite-blancs", "modalite-nuls"].map($);

function declarationDePleinDroit() {
  const cochee = document.querySelector("input[name=surete-de-plein-droit]:checked");
  if (!cochee || $("declaration-surete").hidden) return null;
  return cochee.value === "oui";
}

function bornesActuelles() {
  const fermes = moisFermes(etat.peineVotee.peine, etat.modalites.sursis ?? null);
  return bornesPourLAccuse(etat.minorite, fermes, declarationDePleinDroit());
}

function objetsPossibles() {
  const p = etat.peineVotee.peine;
  const objets = [];
  if (!etat.modalites.sursis && raisonSansSursis(p) === null) objets.push("sursis_simple", "sursis_probatoire");
  if (etat.modalites.periode_de_surete === undefined && bornesActuelles().maximum !== null) {
    objets.push("surete");
  }
  const encourue = peineEncourue(etat.accuse, etat.reponses);
  if (etat.modalites.amende === undefined && encourue?.amende) objets.push("amende");
  objets.push("complementaire");
  const reexamen = laQuestionDuReexamenSePose(p, qualificationsRetenues(etat.accuse, etat.reponses));
  if (reexamen && etat.modalites.retention === undefined) objets.push("reexamen");
  return objets;
}

function afficherModalites() {
  $("modalites").hidden = false;
  const p = etat.peineVotee.peine;
  const fermes = moisFermes(p, etat.modalites.sursis ?? null);
  $("declaration-surete").hidden = !laDeclarationDePleinDroitSePose(etat.minorite, fermes);
  const cautions = ["sursis", "surete", "complementaires", "retention"].map((c) => regles.cautions[c]);
  $("cautions-modalites").replaceChildren(
    ...cautions.map((c) => Object.assign(document.createElement("li"), { textContent: c })),
  );
  const bornes = bornesActuelles();
  let aide = "";
  if (bornes.de_plein_droit !== null) {
    aide = texte("bornes_plein_droit", {
      duree: dureeEnLettres(bornes.de_plein_droit),
      maximum: dureeEnLettres(bornes.maximum),
    });
  } else if (bornes.maximum !== null) {
    aide = texte("bornes_facultative", { maximum: dureeEnLettres(bornes.maximum) });
  }
  $("bornes-surete").textContent = aide;
  const objets = objetsPossibles();
  const choix = $("modalite-objet");
  const avant = choix.value;
  choix.replaceChildren(
    ...objets.map((o) =>
      Object.assign(document.createElement("option"), { value: o, textContent: texte(`objet_${o}`) }),
    ),
  );
  if (objets.includes(avant)) choix.value = avant;
  $("hors-cas-reexamen").hidden = !objets.includes("reexamen");
  afficherChampsDeLObjet();
}

function afficherChampsDeLObjet() {
  const objet = $("modalite-objet").value;
  const cles = {
    sursis_simple: ["sursis"],
    sursis_probatoire: ["sursis", "sursis_probatoire"],
    surete: ["surete"],
  };
  const visibles = new Set(cles[objet] ?? [objet]);
  for (const champ of $("modalites").querySelectorAll("[data-pour]")) {
    champ.hidden = !champ.dataset.pour.split(" ").some((c) => visibles.has(c));
  }
  const encourue = peineEncourue(etat.accuse, etat.reponses);
  const aides = {
    sursis_simple: texte("aide_sursis"),
    sursis_probatoire: texte("aide_sursis"),
    surete: texte("aide_surete"),
    amende: encourue?.amende ? texte("aide_amende", { montant: eurosEnChiffres(encourue.amende) }) : "",
    complementaire: "",
    reexamen: texte("aide_reexamen", { mention: regles.mentions.defavorable }),
  };
  $("aide-modalite").textContent = aides[objet] ?? "";
}

$("modalite-objet").addEventListener("change", afficherChampsDeLObjet);
for (const radio of document.querySelectorAll("input[name=surete-de-plein-droit]")) {
  radio.addEventListener("change", afficherModalites);
}

function lireObjet(objet) {
  const p = etat.peineVotee.peine;
  const mois = $("modalite-mois").value.trim() === "" ? null : lireNombre($("modalite-mois"));
  if (objet === "sursis_simple" || objet === "sursis_probatoire") {
    const sursis = { nature: objet === "sursis_simple" ? "simple" : "probatoire", mois, delai_d_epreuve: null };
    if (objet === "sursis_probatoire") sursis.delai_d_epreuve = lireNombre($("modalite-delai"));
    verifierLeSursis(p, sursis);
    return sursis;
  }
  if (objet === "surete") {
    verifierLaSurete(bornesActuelles(), mois ?? 0);
    return mois;
  }
  if (objet === "amende") {
    const montant = lireNombre($("modalite-montant"));
    verifierLAmende(peineEncourue(etat.accuse, etat.reponses)?.amende ?? null, montant, etat.excuse);
    return montant;
  }
  if (objet === "complementaire") {
    const complementaire = {
      libelle: $("modalite-libelle").value.trim(),
      article: $("modalite-article").value.trim(),
    };
    verifierLaPeineComplementaire(complementaire);
    return complementaire;
  }
  return null;
}

function libelleDeLObjet(objet, valeur) {
  if (objet.startsWith("sursis")) {
    const partie = valeur.mois === null ? texte("totalite") : dureeEnLettres(valeur.mois);
    const delai =
      valeur.delai_d_epreuve === null
        ? ""
        : `, ${texte("delai", { duree: dureeEnLettres(valeur.delai_d_epreuve) })}`;
    return `${texte(`objet_${objet}`)} (${partie}${delai})`;
  }
  if (objet === "surete") return `${texte("objet_surete")} : ${dureeEnLettres(valeur)}`;
  if (objet === "amende") return `${texte("objet_amende")} : ${eurosEnChiffres(valeur)}`;
  if (objet === "complementaire") return `${texte("objet_complementaire")} : ${valeur.libelle}`;
  return texte(`objet_${objet}`);
}

function consigner(message) {
  $("modalites-decidees").append(Object.assign(document.createElement("li"), { textContent: message }));
}

$("modalites").addEventListener("submit", (evenement) => {
  evenement.preventDefault();
  $("erreur-peine").textContent = "";
  const objet = $("modalite-objet").value;
  const defavorable = objet === "reexamen";
  let valeur;
  let adopte;
  try {
    valeur = lireObjet(objet);
    const [oui, non, blancs, nuls] = champsModalite.map(lireNombre);
    adopte = adopter(regles, { oui, non, blancs, nuls }, defavorable);
  } catch (erreur) {
    montrerErreur($("erreur-peine"), erreur);
    return;
  }
  // Le résultat est constaté : les nombres quittent l'écran aussitôt.
  effacer(champsModalite);
  const libelle = libelleDeLObjet(objet, valeur);
  consigner(
    adopte
      ? texte("adopte", { objet: libelle, mention: regles.mentions[defavorable ? "defavorable" : "absolue"] })
      : texte("rejete", { objet: libelle }),
  );
  if (objet === "reexamen") etat.modalites.retention = adopte ? OUI : NON;
  else if (adopte && objet.startsWith("sursis")) etat.modalites.sursis = valeur;
  else if (adopte && objet === "surete") etat.modalites.periode_de_surete = valeur;
  else if (adopte && objet === "amende") etat.modalites.amende = valeur;
  else if (adopte && objet === "complementaire") {
    etat.modalites.peines_complementaires = [...(etat.modalites.peines_complementaires ?? []), valeur];
  }
  const champs = ["modalite-mois", "modalite-delai", "modalite-montant", "modalite-libelle", "modalite-article"];
  effacer(champs.map($));
  afficherModalites();
});

$("hors-cas-reexamen").addEventListener("click", () => {
  etat.modalites.retention = "hors_cas";
  consigner(texte("hors_cas"));
  afficherModalites();
});

$("arreter-la-peine").addEventListener("click", () => {
  $("erreur-peine").textContent = "";
  const modalites = {
    minorite: etat.decisionMinorite,
    sursis: etat.modalites.sursis ?? null,
    surete_de_plein_droit: declarationDePleinDroit(),
    periode_de_surete: etat.modalites.periode_de_surete ?? null,
    amende: etat.modalites.amende ?? null,
    peines_complementaires: etat.modalites.peines_complementaires ?? [],
    retention: etat.modalites.retention ?? null,
  };
  let lignes;
  try {
    lignes = lignesDeLaPeine(regles, etat.accuse, etat.reponses, etat.peineVotee.peine, modalites).map(enPhrase);
  } catch (erreur) {
    montrerErreur($("erreur-peine"), erreur);
    return;
  }
  etat.decisions.set(etat.accuse.accuse, { ...etat.peineVotee, maximum: etat.maximum, modalites, lignes });
  $("modalites").hidden = true;
  avancer();
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
    peine: etat.accuse
      ? {
          accuse: etat.accuse.accuse,
          maximum: etat.maximum,
          tours: etat.tours,
          // Les réponses de l'excuse de minorité, non leurs décomptes : le maximum en dépend.
          minorite: etat.decisionMinorite,
          excuse: etat.excuse,
        }
      : null,
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
  etat.decisionMinorite = peine.minorite ?? null;
  etat.excuse = Boolean(peine.excuse);
  fixerLeMaximum(peine.maximum);
  etat.tours = peine.tours;
  afficherTour();
  $("resultat-tour").textContent = peine.tours.dernier_resultat ? enPhrase(peine.tours.dernier_resultat) : "";
  garder();
}

// --- Enregistrement ---------------------------------------------------------------------------

function saisie() {
  const peines = [...etat.decisions].map(([accuse, decision]) => ({
    accuse,
    exemption: Boolean(decision.exemption),
    peine: decision.peine ? { nature: decision.peine.nature, mois: decision.peine.mois } : null,
    maximum_confirme: decision.maximum ? { nature: decision.maximum.nature, mois: decision.maximum.mois } : null,
    ...(decision.modalites ?? {}),
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
  $("caution-minimums").hidden = true;
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
