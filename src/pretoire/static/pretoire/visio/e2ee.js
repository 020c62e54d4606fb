// Clés du chiffrement de bout en bout : paire ECDH P-256 propre à ce navigateur et à cette
// déposition (gardée dans IndexedDB, clé privée non exportable), clés AES-GCM dérivées par HKDF,
// une par sens, et code de vérification à lire à voix haute.
//
// Les clés publiques s'échangent avec un engagement (RFC 6189, § 4.4.1.1 ; docs/decisions/0004) :
// la salle envoie SHA-256(sa clé ‖ un aléa), le déposant répond par sa clé et son propre aléa,
// la salle révèle ensuite clé et aléa. Le code couvre l'engagement, les deux clés et les deux
// aléas : un intermédiaire doit choisir ses clés avant de connaître ce qui fixera les mots des
// deux écrans, et n'a plus qu'une chance sur 2^32 par négociation.

import { MOTS } from "./mots.js";

const BASE = "pretoire-visio";

function base(nom) {
  return new Promise((resoudre, rejeter) => {
    const requete = indexedDB.open(BASE, 1);
    requete.onupgradeneeded = () => requete.result.createObjectStore("cles");
    requete.onsuccess = () => resoudre(requete.result);
    requete.onerror = () => rejeter(requete.error);
  });
}

function operation(db, mode, action) {
  return new Promise((resoudre, rejeter) => {
    const requete = action(db.transaction("cles", mode).objectStore("cles"));
    requete.onsuccess = () => resoudre(requete.result);
    requete.onerror = () => rejeter(requete.error);
  });
}

export async function paireDeCles(deposition, poste) {
  const nom = `${poste}-${deposition}`;
  try {
    const db = await base();
    const existante = await operation(db, "readonly", (s) => s.get(nom));
    if (existante) return existante;
    const paire = await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, false, ["deriveBits"]);
    await operation(db, "readwrite", (s) => s.put(paire, nom));
    return paire;
  } catch {
    // Navigation privée sans IndexedDB : une paire par page, le code changera au rechargement.
    return crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, false, ["deriveBits"]);
  }
}

// La clé de l'autre poste lors de la dernière négociation, et les mots alors affichés : tant
// qu'elle ne change pas, la liaison est celle dont le code a été lu (premier usage de confiance).
export async function clePairRetenue(deposition, poste) {
  try {
    return (await operation(await base(), "readonly", (s) => s.get(`pair-${poste}-${deposition}`))) || null;
  } catch {
    return null;
  }
}

export async function retenirClePair(deposition, poste, cle, mots) {
  try {
    await operation(await base(), "readwrite", (s) => s.put({ cle, mots }, `pair-${poste}-${deposition}`));
  } catch {
    // Sans IndexedDB, rien n'est retenu : chaque négociation montre son propre code.
  }
}

export function nouvelAlea() {
  return versBase64url(crypto.getRandomValues(new Uint8Array(16)));
}

export function versBase64url(octets) {
  return btoa(String.fromCharCode(...new Uint8Array(octets))).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function depuisBase64url(texte) {
  const b64 = texte.replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

export async function clePubliqueBrute(paire) {
  return versBase64url(await crypto.subtle.exportKey("raw", paire.publicKey));
}

// poste : celui de cette page ; les clés publiques sont données dans l'ordre (salle, déposant).
export async function deriverCles(paire, clePair, poste, deposition) {
  const publique = await crypto.subtle.importKey("raw", depuisBase64url(clePair), { name: "ECDH", namedCurve: "P-256" }, false, []);
  const secret = await crypto.subtle.deriveBits({ name: "ECDH", public: publique }, paire.privateKey, 256);
  const materiau = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveKey"]);
  const texte = new TextEncoder();
  const cle = (sens) =>
    crypto.subtle.deriveKey(
      { name: "HKDF", hash: "SHA-256", salt: texte.encode(`pretoire-deposition-${deposition}`), info: texte.encode(sens) },
      materiau,
      { name: "AES-GCM", length: 256 },
      false,
      ["encrypt", "decrypt"],
    );
  const versDeposant = await cle("salle-vers-deposant");
  const versSalle = await cle("deposant-vers-salle");
  return poste === "salle"
    ? { emission: versDeposant, reception: versSalle }
    : { emission: versSalle, reception: versDeposant };
}

async function empreinte(etiquette, ...morceaux) {
  const parties = [new TextEncoder().encode(`${etiquette}\0`), ...morceaux.map(depuisBase64url)];
  const tout = new Uint8Array(parties.reduce((n, p) => n + p.length, 0));
  parties.reduce((position, p) => (tout.set(p, position), position + p.length), 0);
  return new Uint8Array(await crypto.subtle.digest("SHA-256", tout));
}

// Le même calcul que signalisation.engagement_de côté serveur.
export async function engagement(cle, alea) {
  return versBase64url(await empreinte("pretoire-engagement", cle, alea));
}

// Quatre mots (32 bits) tirés de SHA-256(engagement ‖ clé de la salle ‖ clé du déposant ‖ aléa
// de la salle ‖ aléa du déposant).
export async function motsDeVerification({ engagement, cleSalle, cleDeposant, aleaSalle, aleaDeposant }) {
  const code = await empreinte("pretoire-code", engagement, cleSalle, cleDeposant, aleaSalle, aleaDeposant);
  return Array.from(code.subarray(0, 4), (octet) => MOTS[octet]);
}
