// La reprise du délibéré après un rechargement ou une panne du portable du président
// (docs/decisions/0005).
//
// Ce qui est gardé : les réponses déjà inscrites (« oui », « non », « sans objet »), les
// contradictions maintenues, les peines prononcées et l'état des tours sur la peine ; jamais un
// nombre de bulletins. Où : IndexedDB, écrit avec fsync (durabilité « strict »), pour survivre
// à l'arrêt brutal du navigateur ou du portable. Comment : chiffré en AES-GCM par une clé que le
// serveur tire à l'ouverture du délibéré, ne donne qu'à la page du président et détruit à
// l'enregistrement ; la copie sur le disque du portable ne se lit qu'avec elle.

const BASE = "pretoire-delibere";
const MAGASIN = "reprise";

function ouvrirLaBase() {
  return new Promise((resoudre, rejeter) => {
    const demande = indexedDB.open(BASE, 1);
    demande.onupgradeneeded = () => demande.result.createObjectStore(MAGASIN);
    demande.onsuccess = () => resoudre(demande.result);
    demande.onerror = () => rejeter(demande.error);
  });
}

async function transaction(mode, operation) {
  const base = await ouvrirLaBase();
  try {
    return await new Promise((resoudre, rejeter) => {
      const tx = base.transaction(MAGASIN, mode, { durability: "strict" });
      const demande = operation(tx.objectStore(MAGASIN));
      tx.oncomplete = () => resoudre(demande.result);
      tx.onerror = () => rejeter(tx.error);
      tx.onabort = () => rejeter(tx.error);
    });
  } finally {
    base.close();
  }
}

const cleDeLEntree = (affaire) => `affaire-${affaire}`;
// Les données additionnelles authentifiées lient le chiffré à l'affaire et à la feuille : une
// copie ne se rejoue ni sur une autre affaire ni sur une feuille corrigée depuis.
const contexte = (affaire, empreinte) => new TextEncoder().encode(`pretoire-reprise:${affaire}:${empreinte}`);

async function importerLaCle(cleBase64) {
  const octets = Uint8Array.from(atob(cleBase64), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey("raw", octets, "AES-GCM", false, ["encrypt", "decrypt"]);
}

// Un gardien pour l'écran d'une affaire ; ``reprise`` : { affaire, cle } reçus avec la page.
// Sans clé (délibéré ouvert avant la reprise, ou navigateur sans IndexedDB), rien n'est gardé.
export async function gardien(reprise, empreinte) {
  if (!reprise?.cle || !globalThis.indexedDB || !globalThis.crypto?.subtle) return null;
  const cle = await importerLaCle(reprise.cle);
  const entree = cleDeLEntree(reprise.affaire);
  const aad = contexte(reprise.affaire, empreinte);
  // Les écritures et l'effacement passent l'un après l'autre : un état plus ancien ne peut pas
  // écraser un plus récent, ni une écriture en retard recréer la copie effacée.
  let file = Promise.resolve();
  const enFile = (operation) => {
    file = file.catch(() => {}).then(operation);
    return file;
  };
  return {
    // L'état à garder : un objet sans aucun décompte (voir delibere-ecran.js, ``etatAGarder``) ;
    // lu tout de suite, chiffré et écrit à son tour.
    garder(etat) {
      const clair = new TextEncoder().encode(JSON.stringify(etat));
      return enFile(async () => {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const chiffre = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: aad }, cle, clair);
        await transaction("readwrite", (magasin) => magasin.put({ iv, chiffre: new Uint8Array(chiffre) }, entree));
      });
    },
    // { etat } gardé, { illisible: true } pour une copie d'une autre clé ou d'une autre feuille
    // (effacée), ou null s'il n'y a rien.
    async relire() {
      const copie = await transaction("readonly", (magasin) => magasin.get(entree));
      if (!copie) return null;
      try {
        const clair = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: copie.iv, additionalData: aad },
          cle,
          copie.chiffre,
        );
        return { etat: JSON.parse(new TextDecoder().decode(clair)) };
      } catch {
        await effacer(reprise.affaire);
        return { illisible: true };
      }
    },
    effacer: () => enFile(() => effacer(reprise.affaire)),
  };
}

export async function effacer(affaire) {
  if (!globalThis.indexedDB) return;
  await transaction("readwrite", (magasin) => magasin.delete(cleDeLEntree(affaire)));
}
