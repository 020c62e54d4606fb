// Le droit du délibéré pour l'écran du président, sans le réseau de la salle.
//
// Les seuils, les formules, l'ordre des votes, les conditions, les contradictions et les peines
// encourues arrivent en données, calculées par pretoire.law.deliberation (navigateur.py). Ce module
// n'ajoute que l'arithmétique du dépouillement, écrite comme majorite.constater,
// delibere.Delibere et peine.depouiller_un_tour ; un test compare les deux sur les mêmes entrées.
// Aucun décompte n'est gardé : les fonctions le reçoivent et ne rendent que des réponses. Les
// réponses s'inscrivent en place (``inscrire``), sans recopier la feuille à chaque scrutin.

export const OUI = "oui";
export const NON = "non";
export const SANS_OBJET = "sans objet";
const REMPLIE = "remplie";
const IMPOSSIBLE = "impossible";
const EN_ATTENTE = "en attente";
const TRENTE_ANS_EN_MOIS = 360;

export class Refus extends Error {}

// --- Majorité (art. 358 à 360 ; 380-19 4°) -------------------------------------------------

function verifierLeNombreDeBulletins(votants, nombres) {
  if (nombres.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Refus("Chaque nombre de bulletins est un entier positif ou nul.");
  }
  const total = nombres.reduce((a, b) => a + b, 0);
  if (total !== votants) {
    throw new Refus(
      `Le décompte compte ${total} bulletin${total > 1 ? "s" : ""} pour ${votants} votants :` +
        " chaque votant remet un bulletin (oui, non, blanc ou nul). Recomptez les bulletins.",
    );
  }
}

// La réponse défavorable à l'accusé (« oui », ou « non » sur une cause qui lui profite) n'est
// acquise qu'à la majorité de l'art. 359 ; blancs et nuls comptent pour l'accusé (art. 358 al. 2) :
// ils ne s'ajoutent jamais à elle.
export function constater(regles, { oui, non, blancs = 0, nuls = 0 }, defavorable = OUI) {
  verifierLeNombreDeBulletins(regles.votants, [oui, non, blancs, nuls]);
  const voix = defavorable === OUI ? oui : non;
  if (voix >= regles.voix_defavorables) return defavorable;
  return defavorable === OUI ? NON : OUI;
}

// Ce que le président inscrit : la réponse défavorable porte sa majorité (art. 359 et 360).
export const formule = (regles, question, reponse) => regles.formules[question.defavorable][reponse];

// --- Conditions et ordre des votes (art. 356, 361, 361-1) -----------------------------------

function etatDependance([numero, attendue], reponses) {
  const reponse = reponses.get(numero);
  if (reponse === undefined) return EN_ATTENTE;
  return reponse === attendue ? REMPLIE : IMPOSSIBLE;
}

export function etatCondition(condition, reponses) {
  let enAttente = false;
  for (const alternative of condition) {
    const etats = alternative.map((d) => etatDependance(d, reponses));
    if (etats.every((e) => e === REMPLIE)) return REMPLIE;
    if (!etats.includes(IMPOSSIBLE)) enAttente = true;
  }
  return enAttente ? EN_ATTENTE : IMPOSSIBLE;
}

const remplie = (condition, reponses) => condition !== null && etatCondition(condition, reponses) === REMPLIE;

export function raisonDeLImpossibilite(condition) {
  const attentes = condition.map((alternative) =>
    alternative.map(([numero, reponse]) => `« ${reponse} » à la question n° ${numero}`).join(" et "),
  );
  return "elle ne se pose qu'après " + attentes.join(" ou ");
}

export function avecLesSansObjet(regles, reponses) {
  const resultat = new Map(reponses);
  for (const question of regles.questions) {
    if (!resultat.has(question.numero) && etatCondition(question.condition, resultat) === IMPOSSIBLE) {
      resultat.set(question.numero, SANS_OBJET);
    }
  }
  return resultat;
}

// Toutes les questions avant cette position, dans l'ordre des votes, ont leur réponse : la
// suivante se cherche à partir de là, non depuis le début de la feuille. Une réponse retirée
// (moins de réponses qu'au dernier passage) fait repartir du début.
const positions = new WeakMap();

export function prochaineQuestion(regles, reponses) {
  const questions = regles.questions;
  const connue = positions.get(reponses);
  let position = connue && connue.regles === regles && connue.taille <= reponses.size ? connue.position : 0;
  while (position < questions.length && reponses.has(questions[position].numero)) position += 1;
  positions.set(reponses, { regles, position, taille: reponses.size });
  for (let rang = position; rang < questions.length; rang += 1) {
    const question = questions[rang];
    if (!reponses.has(question.numero) && etatCondition(question.condition, reponses) === REMPLIE) return question;
  }
  return null;
}

function verifierQueLaQuestionSePose(regles, reponses, numero) {
  const question = questionNumero(regles, numero);
  if (!question) throw new Refus(`La question n° ${numero} n'est pas sur la feuille.`);
  const deja = reponses.get(numero);
  if (deja === SANS_OBJET) {
    throw new Refus(
      `La question n° ${numero} ne se pose pas : ${raisonDeLImpossibilite(question.condition)} ;` +
        " elle est sans objet.",
    );
  }
  if (deja !== undefined) {
    throw new Refus(
      `La question n° ${numero} a déjà reçu sa réponse ; un nouveau vote n'a lieu qu'en cas de` +
        " contradiction entre des réponses (art. 361 CPP).",
    );
  }
  const prochaine = prochaineQuestion(regles, reponses);
  if (prochaine && prochaine.numero !== numero) {
    throw new Refus(
      `Votez d'abord la question n° ${prochaine.numero} : les scrutins se suivent dans l'ordre` +
        " de l'art. 356 CPP.",
    );
  }
  return question;
}

// Le résultat du scrutin, sans l'inscrire : refusé si la question ne se pose pas maintenant.
export function constaterLeScrutin(regles, reponses, numero, decompte) {
  const question = verifierQueLaQuestionSePose(regles, reponses, numero);
  return constater(regles, decompte, question.defavorable);
}

// Inscrit la réponse dans ``reponses`` (sans la recopier), puis « sans objet » aux questions qui ne
// se posent plus ; rend ``reponses``.
export function inscrire(regles, reponses, numero, reponse) {
  verifierQueLaQuestionSePose(regles, reponses, numero);
  reponses.set(numero, reponse);
  // Seules les questions qui dépendent de celle-ci peuvent devenir sans objet.
  const aRevoir = [numero];
  while (aRevoir.length) {
    for (const suivante of dependantes(regles).get(aRevoir.pop()) ?? []) {
      if (!reponses.has(suivante.numero) && etatCondition(suivante.condition, reponses) === IMPOSSIBLE) {
        reponses.set(suivante.numero, SANS_OBJET);
        aRevoir.push(suivante.numero);
      }
    }
  }
  return reponses;
}

// Le scrutin constaté puis inscrit ; un vote refusé ne change rien.
export function voter(regles, reponses, numero, decompte) {
  return inscrire(regles, reponses, numero, constaterLeScrutin(regles, reponses, numero, decompte));
}

const index = new WeakMap();

// Les questions par numéro, et pour chaque numéro celles dont la condition le nomme.
function indexer(regles) {
  if (!index.has(regles)) {
    const parNumero = new Map();
    const dependantesDe = new Map();
    for (const question of regles.questions) {
      parNumero.set(question.numero, question);
      for (const alternative of question.condition) {
        for (const [numero] of alternative) {
          if (!dependantesDe.has(numero)) dependantesDe.set(numero, []);
          dependantesDe.get(numero).push(question);
        }
      }
    }
    index.set(regles, { parNumero, dependantesDe });
  }
  return index.get(regles);
}

const questionNumero = (regles, numero) => indexer(regles).parNumero.get(numero);
const dependantes = (regles) => indexer(regles).dependantesDe;

export function contradictions(regles, reponses) {
  return regles.incompatibilites.filter(
    (i) => etatDependance(i.premiere, reponses) === REMPLIE && etatDependance(i.seconde, reponses) === REMPLIE,
  );
}

// Art. 361 : la réponse en cause et celles qui en dépendent sont effacées, pour un nouveau vote.
export function nouveauVote(regles, reponses, numero) {
  const enCause = new Set(contradictions(regles, reponses).flatMap((i) => [i.premiere[0], i.seconde[0]]));
  if (!enCause.has(numero)) {
    throw new Refus(
      `Un nouveau vote sur la question n° ${numero} n'a lieu qu'en cas de contradiction avec une` +
        " autre réponse (art. 361 CPP) ; les réponses sont irrévocables (art. 365 CPP).",
    );
  }
  const effacees = new Set([numero]);
  for (const question of regles.questions) {
    if (question.condition.some((alternative) => alternative.some(([n]) => effacees.has(n)))) {
      effacees.add(question.numero);
    }
  }
  const restantes = new Map([...reponses].filter(([n]) => !effacees.has(n)));
  return avecLesSansObjet(regles, restantes);
}

// --- Issues pour chaque accusé --------------------------------------------------------------

export function issueDuFait(fait, reponses) {
  if (remplie(fait.coupable, reponses)) return "coupable";
  if (remplie(fait.trouble_mental, reponses)) return "irresponsabilité pénale pour cause de trouble mental";
  return "non coupable";
}

// Ce dont l'accusé est déclaré coupable (art. 364 et 365-1) : la qualification que les réponses
// retiennent et ses circonstances retenues ; sinon, le fait tel que renvoyé.
export function libelleRetenu(fait, reponses) {
  const retenue = fait.qualifications.find((q) => remplie(q.condition, reponses));
  if (!retenue) return fait.libelle;
  const question = retenue.subsidiaire === null ? "" : `, question subsidiaire n° ${retenue.subsidiaire}`;
  const circonstances = retenue.circonstances.filter(([numero]) => reponses.get(numero) === OUI).map(([, l]) => l);
  if (circonstances.length === 0) return `${retenue.libelle} (fait ${fait.fait}${question})`;
  const titre = circonstances.length === 1 ? "circonstance aggravante retenue" : "circonstances aggravantes retenues";
  return `${retenue.libelle} (fait ${fait.fait}${question} ; ${titre} : ${listeEnFrancais(circonstances)})`;
}

export function listeEnFrancais(elements) {
  if (elements.length <= 1) return elements.join("");
  return `${elements.slice(0, -1).join(", ")} et ${elements.at(-1)}`;
}

export const estCoupable = (accuse, reponses) =>
  accuse.faits.some((f) => issueDuFait(f, reponses) === "coupable");
export const alterationRetenue = (accuse, reponses) => remplie(accuse.alteration, reponses);
export const causeDeLaPeineRetenue = (accuse, reponses) => remplie(accuse.cause_de_la_peine, reponses);

// Le plus fort des maximums que les réponses font encourir ; incertain si l'un l'est.
export function peineEncourue(accuse, reponses) {
  const retenues = accuse.peines.filter((p) => remplie(p.condition, reponses));
  if (retenues.length === 0) return null;
  const aggraves = new Set(retenues.filter((p) => p.aggravee && p.peine).map((p) => p.fait));
  const comptees = retenues.filter((p) => p.aggravee || !aggraves.has(p.fait));
  const connues = comptees.filter((p) => p.peine);
  const certaine = comptees.every((p) => p.certaine);
  if (connues.length === 0) return { peine: null, certaine: false, amende: null };
  const plusForte = connues.reduce((a, b) => (plusForteQue(b.peine, a.peine) ? b : a));
  return { peine: plusForte.peine, certaine, amende: plusForte.amende ?? null };
}

// --- Peine (art. 362) ------------------------------------------------------------------------

const UNITES = [
  "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
  "douze", "treize", "quatorze", "quinze", "seize",
];
const DIZAINES = { 2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt" };

export function nombreEnLettres(nombre) {
  if (nombre <= 16) return UNITES[nombre];
  if (nombre < 20) return `dix-${UNITES[nombre - 10]}`;
  const dizaine = Math.floor(nombre / 10);
  const unite = nombre % 10;
  if (dizaine === 7 || dizaine === 9) {
    const reste = nombre - (dizaine - 1) * 10;
    const liaison = reste === 11 && dizaine === 7 ? " et " : "-";
    return `${DIZAINES[dizaine - 1]}${liaison}${nombreEnLettres(reste)}`;
  }
  const base = DIZAINES[dizaine];
  if (unite === 0) return base + (dizaine === 8 ? "s" : "");
  if (unite === 1 && dizaine !== 8) return `${base} et un`;
  return `${base}-${UNITES[unite]}`;
}

const NATURES = {
  reclusion_criminelle: "réclusion criminelle",
  detention_criminelle: "détention criminelle",
  emprisonnement: "emprisonnement",
};
const criminelle = (nature) => nature !== "emprisonnement";

export function peine(nature, mois) {
  if (mois === null && !criminelle(nature)) {
    throw new Refus("Seules la réclusion et la détention criminelles peuvent être à perpétuité.");
  }
  if (mois !== null && (!Number.isInteger(mois) || mois <= 0)) {
    throw new Refus("Une durée de peine est d'au moins un mois.");
  }
  return { nature, mois };
}

const gravite = (p) => [p.mois === null ? 1 : 0, p.mois ?? 0, criminelle(p.nature) ? 1 : 0];

function comparer(a, b) {
  const [ga, gb] = [gravite(a), gravite(b)];
  for (let i = 0; i < 3; i += 1) if (ga[i] !== gb[i]) return ga[i] - gb[i];
  return 0;
}

export const plusForteQue = (a, b) => comparer(a, b) > 0;
const memePeine = (a, b) => a.nature === b.nature && a.mois === b.mois;

export function enLettres(p) {
  if (p.mois === null) return `la ${NATURES[p.nature]} à perpétuité`;
  const annees = Math.floor(p.mois / 12);
  const mois = p.mois % 12;
  const morceaux = [];
  if (annees) morceaux.push(`${nombreEnLettres(annees)} an${annees > 1 ? "s" : ""}`);
  if (mois) morceaux.push(`${nombreEnLettres(mois)} mois`);
  const liaison = p.nature === "emprisonnement" ? "d'" : "de ";
  return `${morceaux.join(" et ")} ${liaison}${NATURES[p.nature]}`;
}

const capitale = (texte) => texte.charAt(0).toUpperCase() + texte.slice(1);

export function regleDeLaPeine(regles, maximum, alteration = false) {
  return { regles, maximum, alteration };
}

// Art. 122-1 al. 2 CP : avec l'altération retenue, le maximum est réduit du tiers (au mois
// inférieur) ou, pour la perpétuité, ramené à trente ans.
export function maximumPrononcable(regle) {
  const maximum = regle.maximum;
  if (!regle.alteration) return maximum;
  if (maximum.mois === null) return { nature: maximum.nature, mois: TRENTE_ANS_EN_MOIS };
  return { nature: maximum.nature, mois: Math.floor((maximum.mois * 2) / 3) };
}

export function exigeLaMajoriteQualifiee(regle, p) {
  const g = gravite(p);
  const gm = gravite(regle.maximum);
  if (!plusForteQue(p, regle.maximum) && g[0] === gm[0] && g[1] === gm[1]) return true;
  if (!regle.alteration) return false;
  if (p.mois === null) return true;
  const initiale = regle.maximum.mois === null ? Math.floor((TRENTE_ANS_EN_MOIS * 3) / 2) : regle.maximum.mois;
  return p.mois * 3 >= initiale * 2;
}

export function voixExigees(regle, p) {
  if (exigeLaMajoriteQualifiee(regle, p)) return regle.regles.voix_pour_le_maximum;
  return regle.regles.majorite_absolue;
}

export function mention(regle, p) {
  if (regle.regles.majorite_simple) return "à la majorité";
  if (exigeLaMajoriteQualifiee(regle, p)) {
    return `à la majorité de ${nombreEnLettres(regle.regles.voix_pour_le_maximum)} voix au moins`;
  }
  return "à la majorité absolue des votants";
}

export function verifierPeine(regle, p) {
  const maximum = regle.maximum;
  const prononcable = maximumPrononcable(regle);
  if (plusForteQue(p, prononcable)) {
    const reduit = regle.alteration
      ? `, réduit par l'altération du discernement retenue (art. 122-1 al. 2 CP) à ${enLettres(prononcable)}`
      : "";
    throw new Refus(`${capitale(enLettres(p))} dépasse le maximum encouru (${enLettres(maximum)}${reduit}).`);
  }
  if (criminelle(p.nature) && p.nature !== maximum.nature) {
    const encourue = maximum.mois === null ? enLettres(maximum) : `de ${enLettres(maximum)}`;
    throw new Refus(`La peine encourue est ${encourue} : ${NATURES[p.nature]} ne peut pas être proposée.`);
  }
  if (p.mois !== null && p.mois > TRENTE_ANS_EN_MOIS) {
    throw new Refus(
      "Aucune peine à temps ne dépasse trente ans : au-delà, seule la perpétuité peut être" +
        " proposée (art. 362 al. 2 CPP).",
    );
  }
  const sousLeMinimum = raisonSousLeMinimum(p, maximum);
  if (sousLeMinimum !== null) throw new Refus(sousLeMinimum);
}

// Minimums (art. 131-1 et 132-18 CP, non vérifiés), comme minimums.py.
export function minimumEnMois(p, maximum) {
  if (p.mois === null) return null;
  if (criminelle(p.nature)) return 120;
  if (criminelle(maximum.nature)) return maximum.mois === null ? 24 : 12;
  return null;
}

export function raisonSousLeMinimum(p, maximum) {
  const minimum = minimumEnMois(p, maximum);
  if (minimum === null || p.mois === null || p.mois >= minimum) return null;
  if (criminelle(p.nature)) {
    return (
      `La ${NATURES[p.nature]} à temps est de dix ans au moins (art. 131-1 CP, non vérifié) :` +
      ` ${enLettres(p)} ne peut pas être proposée.`
    );
  }
  const seuil = maximum.mois === null ? "deux ans" : "un an";
  return (
    `Pour un crime, l'emprisonnement prononcé par la cour d'assises n'est pas inférieur à ${seuil}` +
    ` (art. 132-18 CP, non vérifié) : ${enLettres(p)} ne peut pas être proposé.`
  );
}

export const premierTour = () => ({
  prochain_tour: 1,
  plafond: null,
  motif_du_plafond: null,
  peine_prononcee: null,
  mention: null,
  dernier_resultat: null,
});

// Un tour de scrutin sur la peine (art. 362 al. 2 et 3) ; ``propositions`` : [{peine, voix}].
export function depouillerUnTour(regle, tours, propositions, blancs = 0, nuls = 0) {
  if (tours.peine_prononcee) throw new Refus("La peine est déjà prononcée pour cet accusé.");
  verifierLeNombreDeBulletins(regle.regles.votants, [...propositions.map((p) => p.voix), blancs, nuls]);
  const proposees = propositions.filter((p) => p.voix > 0);
  const vues = [];
  for (const proposition of proposees) {
    if (vues.some((v) => memePeine(v, proposition.peine))) {
      throw new Refus(`${capitale(enLettres(proposition.peine))} figure deux fois : regroupez ses bulletins.`);
    }
    vues.push(proposition.peine);
    verifierPeine(regle, proposition.peine);
    if (tours.plafond && !plusForteQue(tours.plafond, proposition.peine)) {
      throw new Refus(`${capitale(enLettres(proposition.peine))} est écartée : ${tours.motif_du_plafond}`);
    }
  }
  const numero = tours.prochain_tour;
  const majoritaire = proposees.find((p) => p.voix >= regle.regles.majorite_absolue) ?? null;
  if (majoritaire) {
    const exigees = voixExigees(regle, majoritaire.peine);
    if (exigees !== null && majoritaire.voix >= exigees) {
      const laMention = mention(regle, majoritaire.peine);
      return {
        prochain_tour: numero,
        plafond: tours.plafond,
        motif_du_plafond: tours.motif_du_plafond,
        peine_prononcee: majoritaire.peine,
        mention: laMention,
        dernier_resultat: `Tour n° ${numero} : ${enLettres(majoritaire.peine)}, ${laMention}.`,
      };
    }
  }
  let plafond = tours.plafond;
  let motif = tours.motif_du_plafond;
  const perpetuiteManquee = proposees.some(
    (p) => p.peine.mois === null && (voixExigees(regle, p.peine) ?? regle.regles.votants + 1) > p.voix,
  );
  if (perpetuiteManquee && plafond === null) {
    plafond = regle.maximum;
    motif =
      "le maximum encouru n'a pas obtenu la majorité qualifiée : aucune peine supérieure à" +
      " trente ans ne peut plus être prononcée (art. 362 al. 2 CPP).";
  }
  if (numero >= 2 && proposees.length) {
    const laPlusForte = proposees.map((p) => p.peine).reduce((a, b) => (comparer(b, a) > 0 ? b : a));
    if (plafond === null || plusForteQue(plafond, laPlusForte)) {
      plafond = laPlusForte;
      motif =
        `peine la plus forte proposée au tour n° ${numero}, écartée à partir du tour` +
        ` n° ${numero + 1} (art. 362 al. 3 CPP).`;
    }
  }
  let resultat = `Tour n° ${numero} : aucune peine n'a réuni la majorité requise.`;
  if (majoritaire) {
    resultat =
      voixExigees(regle, majoritaire.peine) !== null
        ? `Tour n° ${numero} : ${enLettres(majoritaire.peine)} a la majorité absolue mais non la` +
          " majorité qualifiée qu'exige cette peine (art. 362 al. 2 CPP)."
        : `Tour n° ${numero} : ${enLettres(majoritaire.peine)} exige une majorité que les` +
          " textes de Prétoire n'établissent pas à cette date (non vérifié) ; elle ne peut être" +
          " prononcée ici.";
  }
  return {
    prochain_tour: numero + 1,
    plafond,
    motif_du_plafond: motif,
    peine_prononcee: null,
    mention: null,
    dernier_resultat: resultat,
  };
}

// --- La peine entière (art. 362), comme peine_entiere.py et ses modules ------------------------

export function dureeEnLettres(mois) {
  const annees = Math.floor(mois / 12);
  const reste = mois % 12;
  const morceaux = [];
  if (annees) morceaux.push(`${nombreEnLettres(annees)} an${annees > 1 ? "s" : ""}`);
  if (reste) morceaux.push(`${nombreEnLettres(reste)} mois`);
  return morceaux.join(" et ");
}

export const eurosEnChiffres = (montant) => `${String(montant).replace(/\B(?=(\d{3})+(?!\d))/g, " ")} euros`;

// Un scrutin sur un élément de la peine : majorité de l'art. 359 si défavorable, absolue sinon.
export function adopter(regles, decompte, defavorable) {
  const { oui, non, blancs = 0, nuls = 0 } = decompte;
  verifierLeNombreDeBulletins(regles.votants, [oui, non, blancs, nuls]);
  return oui >= (defavorable ? regles.voix_defavorables : regles.majorite_absolue);
}

export function mentionDeModalite(regles, defavorable) {
  if (regles.majorite_simple) return "à la majorité";
  if (defavorable) return `à la majorité de ${nombreEnLettres(regles.voix_defavorables)} voix au moins`;
  return "à la majorité absolue des votants";
}

// Excuse de minorité (excuse_de_minorite.py ; CJPM, non vérifié).
const ENTREE_EN_VIGUEUR_CJPM = "2021-09-30";

function ageAuxFaits(age) {
  if (age.au_dernier_jour < 18) return "mineur";
  if (age.au_premier_jour >= 18) return "majeur";
  return "à cheval";
}

export function minoriteDeLAccuse(nom, ages, typeJuridiction, dateDeliberation) {
  const refus = (motif) => ({ statut: "refus", exclusion_possible: false, motif });
  if (ages.length === 0) return { statut: "sans objet", exclusion_possible: false, motif: "" };
  const statuts = new Set(ages.map(ageAuxFaits));
  if (statuts.has("majeur")) {
    return {
      statut: "sans objet",
      exclusion_possible: false,
      motif:
        `${nom} a commis majeur au moins l'un des faits retenus : les questions de l'excuse` +
        " de minorité sont sans objet (Cass. crim., 27 nov. 2019, n° 18-83.553).",
    };
  }
  if (statuts.has("à cheval")) {
    return refus(
      `${nom} a eu dix-huit ans pendant la période de l'un des faits retenus : Prétoire ne sait pas` +
        " si les questions de l'excuse de minorité se posent ; la peine ne peut être votée ici.",
    );
  }
  if (typeJuridiction === "cour_criminelle_departementale") {
    return refus(
      `${nom} était mineur au moment des faits : la cour criminelle départementale juge les` +
        " personnes majeures (art. 380-16 CPP) ; la peine ne peut être votée ici.",
    );
  }
  if (dateDeliberation < ENTREE_EN_VIGUEUR_CJPM) {
    return refus(
      `${nom} était mineur au moment des faits : avant le 30 septembre 2021, l'excuse de minorité` +
        " relevait de l'ordonnance du 2 février 1945, que Prétoire ne modélise pas.",
    );
  }
  if (Math.min(...ages.map((a) => a.au_premier_jour)) < 13) {
    return refus(
      `${nom} avait moins de treize ans au moment de l'un des faits retenus : la présomption de` +
        " non-discernement (art. L. 11-1 CJPM, non vérifié) n'est pas modélisée ; la peine ne peut" +
        " être votée ici.",
    );
  }
  return { statut: "excuse", exclusion_possible: ages.every((a) => a.au_premier_jour >= 16), motif: "" };
}

export function minoriteSelonReponses(regles, accuse, reponses) {
  const coupables = new Set(
    accuse.faits.filter((f) => issueDuFait(f, reponses) === "coupable").map((f) => f.fait),
  );
  const ages = accuse.faits_pour_la_peine.filter((f) => coupables.has(f.fait)).map((f) => f.age);
  return minoriteDeLAccuse(accuse.nom, ages, regles.type_juridiction, regles.date_deliberation);
}

export function questionsDeMinorite(nom, feminin, exclusionPossible) {
  const accuse = (feminin ? "l'accusée " : "l'accusé ") + nom;
  const questions = [`Y a-t-il lieu d'appliquer à ${accuse} une condamnation pénale ?`];
  if (exclusionPossible) {
    questions.push(`Y a-t-il lieu d'exclure ${accuse} du bénéfice de la diminution de peine ?`);
  }
  return questions;
}

export function excuseAppliquee(nom, minorite, decision) {
  if (minorite.statut === "refus") throw new Refus(minorite.motif);
  if (minorite.statut === "sans objet") {
    if (decision) throw new Refus(`Les questions de l'excuse de minorité ne se posent pas pour ${nom}.`);
    return false;
  }
  if (!decision) {
    throw new Refus(
      `${nom} était mineur au moment des faits : les questions de l'excuse de minorité doivent être` +
        " votées avant la peine.",
    );
  }
  if (decision.condamnation_penale !== OUI) {
    throw new Refus(
      `La cour n'applique pas de condamnation pénale à ${nom} : les mesures éducatives du CJPM ne` +
        " sont pas modélisées ; la décision est prise hors de Prétoire.",
    );
  }
  const exclusion = decision.exclusion ?? null;
  if (minorite.exclusion_possible && exclusion !== OUI && exclusion !== NON) {
    throw new Refus(`La question de l'exclusion de l'excuse de minorité n'a pas été votée pour ${nom}.`);
  }
  if (!minorite.exclusion_possible && exclusion !== null) {
    throw new Refus(
      `${nom} n'avait pas seize ans au moment de l'un des faits : l'excuse de minorité ne peut être` +
        " exclue (art. L. 121-7 CJPM, non vérifié).",
    );
  }
  return exclusion !== OUI;
}

export const maximumAvecLExcuse = (mois) => (mois === null ? 240 : Math.floor(mois / 2));
export const amendeAvecLExcuse = (euros) => Math.min(Math.floor(euros / 2), 7500);

// Sursis (sursis.py ; art. 362 al. 4 CPP, conditions non vérifiées).
export function raisonSansSursis(p) {
  if (p.nature !== "emprisonnement" || p.mois === null) {
    return (
      "Le sursis n'est ordonné que lorsque la cour d'assises prononce une peine correctionnelle" +
      ` (art. 362 al. 4 CPP) : ${enLettres(p)} ne peut en être assortie.`
    );
  }
  if (p.mois > 60) {
    return (
      "Le sursis ne porte que sur un emprisonnement de cinq ans au plus (art. 132-31 et 132-41 CP," +
      ` non vérifié) : ${enLettres(p)} ne peut en être assorti.`
    );
  }
  return null;
}

export function verifierLeSursis(p, sursis) {
  const raison = raisonSansSursis(p);
  if (raison !== null) throw new Refus(raison);
  const mois = sursis.mois ?? null;
  const delai = sursis.delai_d_epreuve ?? null;
  if (mois !== null && !(mois >= 1 && mois <= p.mois)) {
    throw new Refus(
      "La partie assortie du sursis est d'un mois au moins et ne dépasse pas la peine" + ` (${enLettres(p)}).`,
    );
  }
  if (sursis.nature === "probatoire") {
    if (delai === null || delai < 12 || delai > 36) {
      throw new Refus(
        "Le délai d'épreuve du sursis probatoire est de douze mois à trois ans (art. 132-42 CP," +
          " non vérifié).",
      );
    }
  } else if (delai !== null) {
    throw new Refus("Le sursis simple n'a pas de délai d'épreuve.");
  }
}

export function moisFermes(p, sursis) {
  if (p.mois === null) return null;
  if (!sursis) return p.mois;
  return p.mois - ((sursis.mois ?? null) === null ? p.mois : sursis.mois);
}

export function sursisEnLettres(p, sursis) {
  const mois = sursis.mois ?? null;
  const total = mois === null || mois === p.mois;
  const debut = total ? "assortie en totalité" : `dont ${dureeEnLettres(mois)} assorti`;
  let texte = `${debut} du sursis ${sursis.nature}`;
  if ((sursis.delai_d_epreuve ?? null) !== null) {
    texte += `, délai d'épreuve de ${dureeEnLettres(sursis.delai_d_epreuve)}`;
  }
  return texte;
}

// Période de sûreté (periode_de_surete.py ; art. 132-23 CP, non vérifié).
export function bornesDeLaSurete(fermes, dePleinDroit) {
  const maximum = fermes === null ? 264 : Math.floor((fermes * 2) / 3);
  if (dePleinDroit && (fermes === null || fermes >= 120)) {
    return { de_plein_droit: fermes === null ? 216 : Math.floor(fermes / 2), maximum };
  }
  if (fermes === null || fermes > 60) return { de_plein_droit: null, maximum };
  return { de_plein_droit: null, maximum: null };
}

export function verifierLaSurete(bornes, mois) {
  if (bornes.maximum === null) {
    throw new Refus(
      "Aucune période de sûreté ne peut être fixée : la peine sans sursis ne dépasse pas cinq ans" +
        " (art. 132-23 CP, non vérifié).",
    );
  }
  if (!Number.isInteger(mois) || mois < 1) throw new Refus("Une période de sûreté est d'au moins un mois.");
  if (mois > bornes.maximum) {
    throw new Refus(
      "La période de sûreté ne dépasse pas les deux tiers de la peine, vingt-deux ans pour la" +
        ` perpétuité (art. 132-23 CP, non vérifié) : ${dureeEnLettres(bornes.maximum)} au plus` +
        " ici.",
    );
  }
  if (mois === bornes.de_plein_droit) {
    throw new Refus(
      `${capitale(dureeEnLettres(mois))} est la période de sûreté de plein droit : aucun vote` + " ne la fixe.",
    );
  }
}

export function sureteEnLettres(bornes, mois, laMention) {
  if (mois === null) {
    if (bornes.de_plein_droit === null) return null;
    const duree = dureeEnLettres(bornes.de_plein_droit);
    return `Période de sûreté de ${duree}, de plein droit (art. 132-23 al. 1 CP).`;
  }
  if (bornes.de_plein_droit === null) {
    return `Période de sûreté fixée à ${dureeEnLettres(mois)}, ${laMention} (art. 132-23 al. 3 CP).`;
  }
  const sens = mois > bornes.de_plein_droit ? "portée" : "réduite";
  return `Période de sûreté ${sens} à ${dureeEnLettres(mois)}, ${laMention} (art. 132-23 al. 2 CP).`;
}

export const laDeclarationDePleinDroitSePose = (minorite, fermes) =>
  minorite.statut !== "excuse" && (fermes === null || fermes >= 120);

export function bornesPourLAccuse(minorite, fermes, dePleinDroit) {
  if (minorite.statut === "excuse") return { de_plein_droit: null, maximum: null };
  return bornesDeLaSurete(fermes, Boolean(dePleinDroit));
}

// Amende (amende.py) et peines complémentaires (peines_complementaires.py).
export function verifierLAmende(encourue, montant, excuse) {
  const plafond = encourue === null ? null : excuse ? amendeAvecLExcuse(encourue) : encourue;
  if (plafond === null) {
    throw new Refus("Aucune amende n'est encourue pour les faits retenus, selon les textes de Prétoire.");
  }
  if (!Number.isInteger(montant) || montant < 1) throw new Refus("Une amende est d'au moins un euro.");
  if (montant > plafond) {
    throw new Refus(
      `L'amende de ${eurosEnChiffres(montant)} dépasse le maximum encouru (${eurosEnChiffres(plafond)}).`,
    );
  }
}

const ARTICLE = /^(L\. ?|R\. ?)?\d{1,4}(-\d{1,3}){0,3}( al\. \d{1,2})?$/;

export function verifierLaPeineComplementaire(peine) {
  if (!peine.libelle.trim() || peine.libelle.length > 300) {
    throw new Refus("Une peine complémentaire se décrit en 1 à 300 caractères.");
  }
  if (!ARTICLE.test(peine.article.trim())) {
    throw new Refus(
      `Citez l'article du code pénal qui prévoit « ${peine.libelle.trim()} », par exemple « 131-31 ».`,
    );
  }
}

// Réexamen en vue d'une rétention de sûreté (retention_de_surete.py ; art. 706-53-13, non vérifié).
const QUALIFICATIONS_DE_LA_RETENTION = new Set([
  "meurtre",
  "assassinat",
  "viol",
  "viol_sur_mineur_de_quinze_ans",
  "sequestration",
]);

export function laQuestionDuReexamenSePose(p, qualifications) {
  const duree = p.mois === null || p.mois >= 180;
  const visee = [...qualifications].some((q) => QUALIFICATIONS_DE_LA_RETENTION.has(q));
  return p.nature === "reclusion_criminelle" && duree && visee;
}

export function verifierLaRetention(nom, sePose, reponse) {
  if (sePose && reponse === null) {
    throw new Refus(
      `La cour délibère sur le réexamen de la situation de ${nom} en vue d'une éventuelle rétention` +
        " de sûreté (art. 362 al. 6 CPP), à moins que le président ne constate que le cas n'est pas" +
        " de ceux de l'art. 706-53-13.",
    );
  }
  if (!sePose && reponse !== null) {
    throw new Refus(
      `La question du réexamen en vue d'une rétention de sûreté ne se pose pas pour ${nom}` +
        " (art. 706-53-13 CPP, non vérifié).",
    );
  }
}

function retentionEnLettres(reponse, laMention) {
  if (reponse === "oui") {
    return (
      `La cour a décidé, ${laMention}, que le condamné pourra faire l'objet d'un réexamen de sa` +
      " situation avant l'exécution de la totalité de sa peine en vue d'une éventuelle rétention" +
      " de sûreté (art. 362 al. 6 et 706-53-13 CPP)."
    );
  }
  if (reponse === "non") {
    return (
      "La cour n'a pas prévu de réexamen de la situation du condamné en vue d'une éventuelle" +
      " rétention de sûreté (art. 362 al. 6 CPP)."
    );
  }
  return "Le président a constaté que la condamnation n'entre pas dans les cas de l'art. 706-53-13 CPP.";
}

export const qualificationsRetenues = (accuse, reponses) =>
  new Set(accuse.faits_pour_la_peine.filter((f) => remplie(f.principal, reponses)).map((f) => f.qualification));

// La même fonction que peine_entiere.lignes_de_la_peine : contrôles dans l'ordre, lignes de la feuille.
export function lignesDeLaPeine(regles, accuse, reponses, p, modalites) {
  const minorite = minoriteSelonReponses(regles, accuse, reponses);
  const decisionMinorite = modalites.minorite ?? null;
  const excuse = excuseAppliquee(accuse.nom, minorite, decisionMinorite);
  const absolue = mentionDeModalite(regles, false);
  const defavorable = mentionDeModalite(regles, true);
  const lignes = [];
  if (decisionMinorite) {
    const questions = questionsDeMinorite(accuse.nom, accuse.feminin, minorite.exclusion_possible);
    const votes = [decisionMinorite.condamnation_penale, decisionMinorite.exclusion ?? null];
    questions.forEach((question, rang) => {
      // Le « oui » est défavorable à l'accusé mineur (art. 359) : la formule est celle de ce cas.
      if (votes[rang] !== null) lignes.push(`« ${question} » : ${regles.formules[OUI][votes[rang]]}.`);
    });
    lignes.push(
      excuse
        ? "Excuse de minorité : la peine encourue est réduite de moitié (art. L. 121-5 CJPM)."
        : "Excuse de minorité exclue (art. L. 121-7 CJPM).",
    );
  }
  const sursis = modalites.sursis ?? null;
  if (sursis) {
    verifierLeSursis(p, sursis);
    lignes.push(`Sursis : ${sursisEnLettres(p, sursis)}, ${absolue} (art. 362 al. 4 CPP).`);
  }
  const fermes = moisFermes(p, sursis);
  const sePose = laDeclarationDePleinDroitSePose(minorite, fermes);
  const declaration = modalites.surete_de_plein_droit ?? null;
  if (sePose && declaration === null) {
    throw new Refus(
      "Le président déclare si les deux premiers alinéas de l'art. 132-23 CP s'appliquent aux faits" +
        ` retenus contre ${accuse.nom} (période de sûreté de plein droit).`,
    );
  }
  if (!sePose && declaration !== null) {
    throw new Refus(`La période de sûreté de plein droit ne se pose pas pour la peine de ${accuse.nom}.`);
  }
  const bornes = bornesPourLAccuse(minorite, fermes, declaration);
  const periode = modalites.periode_de_surete ?? null;
  if (periode !== null) verifierLaSurete(bornes, periode);
  const ligne = sureteEnLettres(bornes, periode, absolue);
  if (ligne !== null) lignes.push(ligne);
  const amende = modalites.amende ?? null;
  if (amende !== null) {
    const encourue = peineEncourue(accuse, reponses);
    verifierLAmende(encourue ? encourue.amende : null, amende, excuse);
    lignes.push(`Amende de ${eurosEnChiffres(amende)}, ${absolue}.`);
  }
  for (const complementaire of modalites.peines_complementaires ?? []) {
    verifierLaPeineComplementaire(complementaire);
    const { libelle, article } = complementaire;
    lignes.push(`Peine complémentaire : ${libelle} (art. ${article} CP), ${absolue}.`);
  }
  const retention = modalites.retention ?? null;
  const reexamen = laQuestionDuReexamenSePose(p, qualificationsRetenues(accuse, reponses));
  verifierLaRetention(accuse.nom, reexamen, retention);
  if (retention !== null) lignes.push(retentionEnLettres(retention, defavorable));
  return lignes;
}
