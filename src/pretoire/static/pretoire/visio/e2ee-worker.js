// Chiffrement de bout en bout des images et du son (transformations encodées, WebRTC).
//
// Chaque trame encodée est chiffrée en AES-GCM avec une clé née d'un échange ECDH entre la
// salle et le déposant : le serveur relaie les trames sans pouvoir les lire. Les premiers octets
// (en-tête du codec) restent en clair et sont authentifiés comme données additionnelles, comme
// dans les mises en œuvre publiques : le décodeur et un éventuel SFU en ont besoin.
// Trame émise : [en-tête en clair][chiffré + étiquette GCM][IV de 12 octets].
//
// Sans clé, aucune trame ne sort : jamais de repli silencieux vers une transmission en clair.

const TAILLE_IV = 12;
const cles = { emission: null, reception: null };
const compteurs = { chiffrees: 0, dechiffrees: 0, echecs: 0 };

function tailleEnTete(trame, genre) {
  if (genre === "audio") return 1; // Opus : octet TOC
  return trame.type === "key" ? 10 : 3; // VP8 : en-tête de trame clé ou delta
}

async function chiffrer(trame, controleur, genre) {
  if (!cles.emission) return; // pas encore de clé : la trame est abandonnée
  const donnees = new Uint8Array(trame.data);
  const n = Math.min(tailleEnTete(trame, genre), donnees.length);
  const iv = crypto.getRandomValues(new Uint8Array(TAILLE_IV));
  const chiffre = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: donnees.subarray(0, n) },
      cles.emission,
      donnees.subarray(n),
    ),
  );
  const sortie = new Uint8Array(n + chiffre.length + TAILLE_IV);
  sortie.set(donnees.subarray(0, n), 0);
  sortie.set(chiffre, n);
  sortie.set(iv, n + chiffre.length);
  trame.data = sortie.buffer;
  compteurs.chiffrees += 1;
  controleur.enqueue(trame);
}

async function dechiffrer(trame, controleur, genre) {
  if (!cles.reception) return;
  const donnees = new Uint8Array(trame.data);
  const n = Math.min(tailleEnTete(trame, genre), donnees.length);
  if (donnees.length < n + 16 + TAILLE_IV) {
    compteurs.echecs += 1;
    return;
  }
  const iv = donnees.subarray(donnees.length - TAILLE_IV);
  try {
    const clair = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: "AES-GCM", iv, additionalData: donnees.subarray(0, n) },
        cles.reception,
        donnees.subarray(n, donnees.length - TAILLE_IV),
      ),
    );
    const sortie = new Uint8Array(n + clair.length);
    sortie.set(donnees.subarray(0, n), 0);
    sortie.set(clair, n);
    trame.data = sortie.buffer;
    compteurs.dechiffrees += 1;
    controleur.enqueue(trame);
  } catch {
    // Mauvaise clé ou trame altérée : l'authentification GCM échoue, la trame n'est pas décodée.
    compteurs.echecs += 1;
  }
}

function brancher(lecture, ecriture, sens, genre) {
  const operation = sens === "emission" ? chiffrer : dechiffrer;
  lecture
    .pipeThrough(new TransformStream({ transform: (trame, controleur) => operation(trame, controleur, genre) }))
    .pipeTo(ecriture)
    .catch(() => {});
}

self.onrtctransform = (evenement) => {
  const { readable, writable, options } = evenement.transformer;
  brancher(readable, writable, options.sens, options.genre);
};

self.onmessage = (evenement) => {
  if (evenement.data.type === "cles") {
    cles.emission = evenement.data.emission;
    cles.reception = evenement.data.reception;
  }
};

setInterval(() => self.postMessage({ type: "compteurs", ...compteurs }), 1000);
