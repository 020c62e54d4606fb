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
  if (connues.length === 0) return { peine: null, certaine: false };
  const plusForte = connues.reduce((a, b) => (plusForteQue(b.peine, a.peine) ? b : a));
  return { peine: plusForte.peine, certaine };
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
