// Clés du chiffrement de bout en bout : paire ECDH P-256 propre à ce navigateur et à cette
// déposition (gardée dans IndexedDB, clé privée non exportable, pour qu'un rechargement de page
// garde le même code de vérification), clés AES-GCM dérivées par HKDF, une par sens, et code de
// vérification à lire à voix haute, tiré des deux clés publiques.

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

// Quatre mots (32 bits) tirés de SHA-256(clé publique de la salle ‖ clé du déposant) : un
// intermédiaire qui substituerait ses clés ferait afficher des mots différents aux deux bouts.
export async function motsDeVerification(cleSalle, cleDeposant) {
  const a = depuisBase64url(cleSalle);
  const b = depuisBase64url(cleDeposant);
  const tout = new Uint8Array(a.length + b.length);
  tout.set(a, 0);
  tout.set(b, a.length);
  const empreinte = new Uint8Array(await crypto.subtle.digest("SHA-256", tout));
  return Array.from(empreinte.subarray(0, 4), (octet) => MOTS[octet]);
}
