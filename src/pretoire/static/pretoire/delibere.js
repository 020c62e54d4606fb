// Le droit du délibéré pour l'écran du président, sans le réseau de la salle.
//
// Les seuils, les formules, l'ordre des votes, les conditions, les contradictions et les peines
// encourues arrivent en données, calculées par pretoire.law.deliberation (navigateur.py). Ce module
// n'ajoute que l'arithmétique du dépouillement, écrite comme majorite.constater,
// delibere.Delibere et peine.depouiller_un_tour ; un test compare les deux sur les mêmes entrées.
// Aucun décompte n'est gardé : les fonctions le reçoivent et ne rendent que des réponses. Les
// réponses s'inscrivent en place (``inscrire``), sans recopier la feuille à chaque scrutin.
// Les refus et les lignes de la peine sont des messages, un code et des paramètres en chiffres,
// que ``rediger`` écrit avec le catalogue reçu du serveur (law/deliberation/messages.py,
// docs/decisions/0007) : aucune de ces phrases n'est écrite ici.

export const OUI = "oui";
export const NON = "non";
export const SANS_OBJET = "sans objet";
const REMPLIE = "remplie";
const IMPOSSIBLE = "impossible";
const EN_ATTENTE = "en attente";
const TRENTE_ANS_EN_MOIS = 360;

// Un message du catalogue : son code et ses paramètres (nombres, textes, peines {nature, mois},
// durées {duree}, montants {euros} ou autres messages).
export const message = (code, parametres = {}) => ({ code, parametres });

export class Refus extends Error {
  constructor(code, parametres = {}) {
    super(code);
    this.motif = message(code, parametres);
  }
}

function enClair(messages, valeur) {
  if (typeof valeur !== "object" || valeur === null) return String(valeur);
  if ("code" in valeur) return rediger(messages, valeur, false);
  if ("duree" in valeur) return dureeEnLettres(valeur.duree);
  if ("euros" in valeur) return eurosEnChiffres(valeur.euros);
  return enLettres(valeur);
}

// La phrase du message, avec le gabarit ``%(nom)s`` du catalogue ; une majuscule au début, sauf
// pour un message inséré dans un autre.
export function rediger(messages, { code, parametres }, phrase = true) {
  const gabarit = messages[code];
  if (gabarit === undefined) throw new Error(`Message inconnu du catalogue : ${code}`);
  const texte = gabarit.replace(/%\((\w+)\)s/g, (_, nom) => enClair(messages, parametres[nom]));
  return phrase ? capitale(texte) : texte;
}

// --- Majorité (art. 358 à 360 ; 380-19 4°) -------------------------------------------------

function verifierLeNombreDeBulletins(votants, nombres) {
  if (nombres.some((n) => !Number.isInteger(n) || n < 0)) throw new Refus("bulletins_entiers");
  const total = nombres.reduce((a, b) => a + b, 0);
  if (total !== votants) {
    const code = total > 1 ? "un_bulletin_par_votant" : "un_bulletin_par_votant_au_singulier";
    throw new Refus(code, { total, votants });
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
  if (!question) throw new Refus("question_absente", { numero });
  const deja = reponses.get(numero);
  if (deja === SANS_OBJET) {
    throw new Refus("question_sans_objet", { numero, raison: raisonDeLImpossibilite(question.condition) });
  }
  if (deja !== undefined) throw new Refus("question_deja_repondue", { numero });
  const prochaine = prochaineQuestion(regles, reponses);
  if (prochaine && prochaine.numero !== numero) throw new Refus("votez_d_abord", { numero: prochaine.numero });
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
  if (!enCause.has(numero)) throw new Refus("nouveau_vote_sans_contradiction", { numero });
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
  if (mois === null && !criminelle(nature)) throw new Refus("perpetuite_criminelle");
  if (mois !== null && (!Number.isInteger(mois) || mois <= 0)) throw new Refus("duree_d_un_mois_au_moins");
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
  const liaison = p.nature === "emprisonnement" ? "d'" : "de ";
  return `${dureeEnLettres(p.mois)} ${liaison}${NATURES[p.nature]}`;
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

// Les formules de majorité viennent du serveur (navigateur.mentions).
export const mention = (regle, p) => regle.regles.mentions[exigeLaMajoriteQualifiee(regle, p) ? "maximum" : "absolue"];

const chiffres = (p) => ({ nature: p.nature, mois: p.mois });

export function verifierPeine(regle, p) {
  const maximum = chiffres(regle.maximum);
  const prononcable = maximumPrononcable(regle);
  if (plusForteQue(p, prononcable)) {
    if (regle.alteration) {
      throw new Refus("au_dela_du_maximum_reduit", { peine: chiffres(p), maximum, reduit: chiffres(prononcable) });
    }
    throw new Refus("au_dela_du_maximum", { peine: chiffres(p), maximum });
  }
  if (criminelle(p.nature) && p.nature !== maximum.nature) {
    const code = maximum.mois === null ? "nature_exclue_perpetuite" : "nature_exclue";
    throw new Refus(code, { maximum, nature: NATURES[p.nature] });
  }
  if (p.mois !== null && p.mois > TRENTE_ANS_EN_MOIS) throw new Refus("au_dela_de_trente_ans");
  const sousLeMinimum = raisonSousLeMinimum(p, maximum);
  if (sousLeMinimum !== null) throw new Refus(sousLeMinimum.code, sousLeMinimum.parametres);
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
    return message("sous_le_minimum_criminel", { nature: NATURES[p.nature], peine: chiffres(p) });
  }
  return message("sous_le_minimum_correctionnel", { seuil: { duree: minimum }, peine: chiffres(p) });
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
  if (tours.peine_prononcee) throw new Refus("peine_deja_prononcee");
  verifierLeNombreDeBulletins(regle.regles.votants, [...propositions.map((p) => p.voix), blancs, nuls]);
  const proposees = propositions.filter((p) => p.voix > 0);
  const vues = [];
  for (const proposition of proposees) {
    const peineProposee = chiffres(proposition.peine);
    if (vues.some((v) => memePeine(v, peineProposee))) throw new Refus("peine_en_double", { peine: peineProposee });
    vues.push(peineProposee);
    verifierPeine(regle, peineProposee);
    if (tours.plafond && !plusForteQue(tours.plafond, peineProposee)) {
      throw new Refus("peine_ecartee", { peine: peineProposee, motif: tours.motif_du_plafond ?? "" });
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
        dernier_resultat: message("tour_peine_prononcee", {
          tour: numero,
          peine: chiffres(majoritaire.peine),
          mention: laMention,
        }),
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
    motif = message("motif_maximum_sans_majorite_qualifiee");
  }
  if (numero >= 2 && proposees.length) {
    const laPlusForte = proposees.map((p) => p.peine).reduce((a, b) => (comparer(b, a) > 0 ? b : a));
    if (plafond === null || plusForteQue(plafond, laPlusForte)) {
      plafond = laPlusForte;
      motif = message("motif_peine_la_plus_forte", { tour: numero, suivant: numero + 1 });
    }
  }
  let resultat = message("tour_sans_majorite", { tour: numero });
  if (majoritaire) {
    const etablie = voixExigees(regle, majoritaire.peine) !== null;
    const code = etablie ? "tour_sans_majorite_qualifiee" : "tour_majorite_non_etablie";
    resultat = message(code, { tour: numero, peine: chiffres(majoritaire.peine) });
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

// Excuse de minorité (excuse_de_minorite.py ; CJPM, non vérifié).
const ENTREE_EN_VIGUEUR_CJPM = "2021-09-30";

function ageAuxFaits(age) {
  if (age.au_dernier_jour < 18) return "mineur";
  if (age.au_premier_jour >= 18) return "majeur";
  return "à cheval";
}

// ``motif`` : un message, ou null.
export function minoriteDeLAccuse(nom, ages, typeJuridiction, dateDeliberation) {
  const refus = (code) => ({ statut: "refus", exclusion_possible: false, motif: message(code, { nom }) });
  if (ages.length === 0) return { statut: "sans objet", exclusion_possible: false, motif: null };
  const statuts = new Set(ages.map(ageAuxFaits));
  if (statuts.has("majeur")) {
    return { statut: "sans objet", exclusion_possible: false, motif: message("minorite_majeur_aux_faits", { nom }) };
  }
  if (statuts.has("à cheval")) return refus("minorite_a_cheval");
  if (typeJuridiction === "cour_criminelle_departementale") return refus("minorite_cour_criminelle");
  if (dateDeliberation < ENTREE_EN_VIGUEUR_CJPM) return refus("minorite_avant_le_cjpm");
  if (Math.min(...ages.map((a) => a.au_premier_jour)) < 13) return refus("minorite_moins_de_treize_ans");
  return { statut: "excuse", exclusion_possible: ages.every((a) => a.au_premier_jour >= 16), motif: null };
}

export function minoriteSelonReponses(regles, accuse, reponses) {
  const coupables = new Set(
    accuse.faits.filter((f) => issueDuFait(f, reponses) === "coupable").map((f) => f.fait),
  );
  const ages = accuse.faits_pour_la_peine.filter((f) => coupables.has(f.fait)).map((f) => f.age);
  return minoriteDeLAccuse(accuse.nom, ages, regles.type_juridiction, regles.date_deliberation);
}

export function questionsDeMinorite(nom, feminin, exclusionPossible) {
  const genre = feminin ? "_accusee" : "";
  const questions = [message(`question_condamnation_penale${genre}`, { nom })];
  if (exclusionPossible) questions.push(message(`question_exclusion${genre}`, { nom }));
  return questions;
}

export function excuseAppliquee(nom, minorite, decision) {
  if (minorite.statut === "refus") throw new Refus(minorite.motif.code, minorite.motif.parametres);
  if (minorite.statut === "sans objet") {
    if (decision) throw new Refus("minorite_questions_sans_objet", { nom });
    return false;
  }
  if (!decision) throw new Refus("minorite_a_voter", { nom });
  if (decision.condamnation_penale !== OUI) throw new Refus("minorite_sans_condamnation", { nom });
  const exclusion = decision.exclusion ?? null;
  if (minorite.exclusion_possible && exclusion !== OUI && exclusion !== NON) {
    throw new Refus("minorite_exclusion_non_votee", { nom });
  }
  if (!minorite.exclusion_possible && exclusion !== null) throw new Refus("minorite_exclusion_impossible", { nom });
  return exclusion !== OUI;
}

export const maximumAvecLExcuse = (mois) => (mois === null ? 240 : Math.floor(mois / 2));
export const amendeAvecLExcuse = (euros) => Math.min(Math.floor(euros / 2), 7500);

// Sursis (sursis.py ; art. 362 al. 4 CPP, conditions non vérifiées).
export function raisonSansSursis(p) {
  if (p.nature !== "emprisonnement" || p.mois === null) {
    return message("sursis_peine_criminelle", { peine: chiffres(p) });
  }
  if (p.mois > 60) return message("sursis_plus_de_cinq_ans", { peine: chiffres(p) });
  return null;
}

export function verifierLeSursis(p, sursis) {
  const raison = raisonSansSursis(p);
  if (raison !== null) throw new Refus(raison.code, raison.parametres);
  const mois = sursis.mois ?? null;
  const delai = sursis.delai_d_epreuve ?? null;
  if (mois !== null && !(mois >= 1 && mois <= p.mois)) throw new Refus("sursis_partie", { peine: chiffres(p) });
  if (sursis.nature === "probatoire") {
    if (delai === null || delai < 12 || delai > 36) throw new Refus("sursis_delai_d_epreuve");
  } else if (delai !== null) {
    throw new Refus("sursis_simple_sans_delai");
  }
}

export function moisFermes(p, sursis) {
  if (p.mois === null) return null;
  if (!sursis) return p.mois;
  return p.mois - ((sursis.mois ?? null) === null ? p.mois : sursis.mois);
}

export function sursisEnLettres(p, sursis) {
  const mois = sursis.mois ?? null;
  const epreuve = sursis.delai_d_epreuve ?? null;
  const delai = epreuve === null ? "" : message("delai_d_epreuve", { duree: { duree: epreuve } });
  if (mois === null || mois === p.mois) return message("sursis_en_totalite", { nature: sursis.nature, delai });
  return message("sursis_en_partie", { partie: { duree: mois }, nature: sursis.nature, delai });
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
  if (bornes.maximum === null) throw new Refus("surete_impossible");
  if (!Number.isInteger(mois) || mois < 1) throw new Refus("surete_d_un_mois_au_moins");
  if (mois > bornes.maximum) throw new Refus("surete_au_dela_des_deux_tiers", { maximum: { duree: bornes.maximum } });
  if (mois === bornes.de_plein_droit) throw new Refus("surete_de_plein_droit_non_votee", { duree: { duree: mois } });
}

export function sureteEnLettres(bornes, mois, laMention) {
  if (mois === null) {
    if (bornes.de_plein_droit === null) return null;
    return message("ligne_surete_de_plein_droit", { duree: { duree: bornes.de_plein_droit } });
  }
  if (bornes.de_plein_droit === null) {
    return message("ligne_surete_fixee", { duree: { duree: mois }, mention: laMention });
  }
  const code = mois > bornes.de_plein_droit ? "ligne_surete_portee" : "ligne_surete_reduite";
  return message(code, { duree: { duree: mois }, mention: laMention });
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
  if (plafond === null) throw new Refus("amende_non_encourue");
  if (!Number.isInteger(montant) || montant < 1) throw new Refus("amende_d_un_euro_au_moins");
  if (montant > plafond) {
    throw new Refus("amende_au_dela_du_maximum", { montant: { euros: montant }, plafond: { euros: plafond } });
  }
}

const ARTICLE = /^(L\. ?|R\. ?)?\d{1,4}(-\d{1,3}){0,3}( al\. \d{1,2})?$/;

export function verifierLaPeineComplementaire(peine) {
  if (!peine.libelle.trim() || peine.libelle.length > 300) throw new Refus("complementaire_libelle");
  if (!ARTICLE.test(peine.article.trim())) throw new Refus("complementaire_article", { libelle: peine.libelle.trim() });
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
  if (sePose && reponse === null) throw new Refus("retention_a_deliberer", { nom });
  if (!sePose && reponse !== null) throw new Refus("retention_sans_objet", { nom });
}

function retentionEnLettres(reponse, laMention) {
  if (reponse === "oui") return message("ligne_retention_oui", { mention: laMention });
  if (reponse === "non") return message("ligne_retention_non");
  return message("ligne_retention_hors_cas");
}

export const qualificationsRetenues = (accuse, reponses) =>
  new Set(accuse.faits_pour_la_peine.filter((f) => remplie(f.principal, reponses)).map((f) => f.qualification));

// La même fonction que peine_entiere.lignes_de_la_peine : contrôles dans l'ordre, lignes de la
// feuille en messages (``rediger`` les écrit).
export function lignesDeLaPeine(regles, accuse, reponses, p, modalites) {
  const minorite = minoriteSelonReponses(regles, accuse, reponses);
  const decisionMinorite = modalites.minorite ?? null;
  const excuse = excuseAppliquee(accuse.nom, minorite, decisionMinorite);
  const { absolue, defavorable } = regles.mentions;
  const lignes = [];
  if (decisionMinorite) {
    const questions = questionsDeMinorite(accuse.nom, accuse.feminin, minorite.exclusion_possible);
    const votes = [decisionMinorite.condamnation_penale, decisionMinorite.exclusion ?? null];
    questions.forEach((question, rang) => {
      // Le « oui » est défavorable à l'accusé mineur (art. 359) : la formule est celle de ce cas.
      const formule = votes[rang] === null ? null : regles.formules[OUI][votes[rang]];
      if (formule !== null) lignes.push(message("ligne_question_de_minorite", { question, formule }));
    });
    lignes.push(message(excuse ? "ligne_excuse_appliquee" : "ligne_excuse_exclue"));
  }
  const sursis = modalites.sursis ?? null;
  if (sursis) {
    verifierLeSursis(p, sursis);
    lignes.push(message("ligne_sursis", { sursis: sursisEnLettres(p, sursis), mention: absolue }));
  }
  const fermes = moisFermes(p, sursis);
  const sePose = laDeclarationDePleinDroitSePose(minorite, fermes);
  const declaration = modalites.surete_de_plein_droit ?? null;
  if (sePose && declaration === null) throw new Refus("surete_de_plein_droit_a_declarer", { nom: accuse.nom });
  if (!sePose && declaration !== null) throw new Refus("surete_de_plein_droit_sans_objet", { nom: accuse.nom });
  const bornes = bornesPourLAccuse(minorite, fermes, declaration);
  const periode = modalites.periode_de_surete ?? null;
  if (periode !== null) verifierLaSurete(bornes, periode);
  const ligne = sureteEnLettres(bornes, periode, absolue);
  if (ligne !== null) lignes.push(ligne);
  const amende = modalites.amende ?? null;
  if (amende !== null) {
    const encourue = peineEncourue(accuse, reponses);
    verifierLAmende(encourue ? encourue.amende : null, amende, excuse);
    lignes.push(message("ligne_amende", { montant: { euros: amende }, mention: absolue }));
  }
  for (const complementaire of modalites.peines_complementaires ?? []) {
    verifierLaPeineComplementaire(complementaire);
    const { libelle, article } = complementaire;
    lignes.push(message("ligne_complementaire", { libelle, article, mention: absolue }));
  }
  const retention = modalites.retention ?? null;
  const reexamen = laQuestionDuReexamenSePose(p, qualificationsRetenues(accuse, reponses));
  verifierLaRetention(accuse.nom, reexamen, retention);
  if (retention !== null) lignes.push(retentionEnLettres(retention, defavorable));
  return lignes;
}
