// Un poste de la visio : l'écran de la salle d'audience ou le navigateur du déposant.
//
// La salle fait l'offre, le déposant répond. Rien n'est négocié avant l'admission par le greffe
// (le serveur refuse d'ailleurs de relayer le média d'un déposant en salle d'attente). Chaque
// image et chaque son sont chiffrés de bout en bout (e2ee-worker.js) avec des clés que le serveur
// ne voit pas ; un navigateur sans transformations encodées ne peut pas rejoindre l'audience.
//
// Échange des clés (docs/decisions/0004) : la salle s'engage, le déposant répond par sa clé, la
// salle révèle la sienne, le déposant vérifie l'engagement avant de dériver quoi que ce soit.
// Chaque négociation (admission, retour de l'autre poste, rechargement) a son propre aléa.

import { Signalisation } from "./signalisation.js";
import { t } from "./textes.js";
import {
  clePairRetenue,
  clePubliqueBrute,
  deriverCles,
  engagement,
  motsDeVerification,
  nouvelAlea,
  paireDeCles,
  retenirClePair,
} from "./e2ee.js";

const racine = document.getElementById("visio");
const poste = racine.dataset.poste;
const autre = poste === "salle" ? "deposant" : "salle";
const deposition = racine.dataset.deposition;
const serveursIce = JSON.parse(racine.dataset.ice || "[]");
const session = crypto.randomUUID().replaceAll("-", "");
const $ = (id) => document.getElementById(id);

const etat = {
  media: false,
  clePair: null,
  // Salle : { engagement, alea, revelee } ; déposant : { engagement, alea } du dernier engagement reçu.
  negociation: null,
  sessionPair: null,
  pc: null,
  flux: null,
  emetteurVideo: null,
  pisteVideo: null,
  connexionSignalee: false,
  compteurs: { chiffrees: 0, dechiffrees: 0, echecs: 0 },
  redemarrage: null,
};
// Lu par les tests de bout en bout (compteurs du chiffrement, statistiques WebRTC).
window.pretoireVisio = { etat, statistiques: () => etat.pc?.getStats() };

function afficherEtat(message) {
  const element = $("etat");
  element.textContent = message.libelle;
  element.className = `etat etat-${message.etat}`;
  racine.dataset.etat = message.etat;
}

function afficherChiffrement(texte, actif) {
  const pastille = $("chiffrement");
  pastille.textContent = texte;
  pastille.classList.toggle("pastille-active", actif);
}

if (!("RTCRtpScriptTransform" in window) || !window.RTCPeerConnection) {
  afficherChiffrement(t("incompatible"), false);
  throw new Error("Transformations encodées indisponibles");
}

const worker = new Worker(new URL("./e2ee-worker.js", import.meta.url), { name: "chiffrement" });
worker.onmessage = (evenement) => {
  if (evenement.data.type === "compteurs") etat.compteurs = evenement.data;
};
const paire = await paireDeCles(deposition, poste);
const clePublique = await clePubliqueBrute(paire);
const signalisation = new Signalisation(racine.dataset.ws);

async function demarrerMedia() {
  if (etat.flux) return;
  etat.flux = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: { echoCancellation: true, noiseSuppression: true },
  });
  etat.pisteVideo = etat.flux.getVideoTracks()[0] || null;
  $("video-locale").srcObject = etat.flux;
}

function fermerConnexion() {
  if (etat.pc) etat.pc.close();
  etat.pc = null;
  etat.connexionSignalee = false;
}

function creerConnexion() {
  fermerConnexion();
  const pc = new RTCPeerConnection({ iceServers: serveursIce });
  for (const piste of etat.flux.getTracks()) {
    const emetteur = pc.addTrack(piste, etat.flux);
    emetteur.transform = new RTCRtpScriptTransform(worker, { sens: "emission", genre: piste.kind });
    if (piste.kind === "video") etat.emetteurVideo = emetteur;
  }
  // Transformation de réception posée avant la négociation : posée dans ontrack, Chromium ne
  // l'alimenterait pas et le décodeur recevrait le chiffré.
  for (const transceiver of pc.getTransceivers()) {
    transceiver.receiver.transform = new RTCRtpScriptTransform(worker, {
      sens: "reception",
      genre: transceiver.receiver.track.kind,
    });
  }
  pc.ontrack = (evenement) => {
    const video = $("video-distante");
    if (video.srcObject !== evenement.streams[0]) video.srcObject = evenement.streams[0];
    const attente = $("attente");
    if (attente) attente.hidden = true;
  };
  pc.onicecandidate = (evenement) => {
    signalisation.envoyer({ type: "candidat", candidat: evenement.candidate ? evenement.candidate.toJSON() : null });
  };
  pc.oniceconnectionstatechange = () => {
    const ice = pc.iceConnectionState;
    if ((ice === "connected" || ice === "completed") && !etat.connexionSignalee) {
      etat.connexionSignalee = true;
      signalisation.envoyer({ type: "connexion", chiffrement_bout_en_bout: true });
      afficherChiffrement(t("chiffrement_actif"), true);
    }
    if (poste === "salle" && (ice === "disconnected" || ice === "failed")) planifierRedemarrage();
  };
  etat.pc = pc;
  return pc;
}

// Coupure réseau : la salle relance la négociation ICE (redémarrage), sans nouvelle invitation.
function planifierRedemarrage() {
  clearTimeout(etat.redemarrage);
  etat.redemarrage = setTimeout(() => {
    const ice = etat.pc?.iceConnectionState;
    if (ice === "disconnected" || ice === "failed") offrir({ redemarrage: true });
  }, 1500);
}

async function offrir({ redemarrage = false } = {}) {
  if (poste !== "salle" || !etat.media || !etat.clePair || !etat.flux) return;
  if (!etat.pc) creerConnexion();
  else if (!redemarrage) return;
  const offre = await etat.pc.createOffer({ iceRestart: redemarrage });
  await etat.pc.setLocalDescription(offre);
  signalisation.envoyer({ type: "description", description: { type: offre.type, sdp: offre.sdp } });
}

// Une nouvelle négociation des clés, ouverte par la salle : un aléa neuf, et l'engagement seul.
async function engager() {
  if (poste !== "salle" || !etat.media) return;
  const alea = nouvelAlea();
  etat.negociation = { engagement: await engagement(clePublique, alea), alea, revelee: false };
  signalisation.envoyer({ type: "engagement", engagement: etat.negociation.engagement });
}

// Clé de l'autre poste acquise (engagement vérifié) : clés de chiffrement et code affiché. Tant
// que l'autre poste garde la clé retenue, la liaison est la même et son code aussi ; une clé
// nouvelle donne un code nouveau, signalé s'il en remplace un autre.
async function adopterCle(clePair, transcription) {
  const cles = await deriverCles(paire, clePair, poste, deposition);
  worker.postMessage({ type: "cles", ...cles });
  etat.clePair = clePair;
  const retenue = await clePairRetenue(deposition, poste);
  let mots = retenue?.mots;
  if (retenue?.cle !== clePair) {
    mots = await motsDeVerification(transcription);
    await retenirClePair(deposition, poste, clePair, mots);
  }
  $("alerte-code").hidden = !retenue || retenue.cle === clePair;
  $("code-verification").textContent = mots.join(" · ");
  $("bloc-code").hidden = false;
}

signalisation.sur("ouvert", async () => {
  signalisation.envoyer({ type: "bonjour", session });
  await engager();
});

signalisation.sur("etat", async (message) => {
  afficherEtat(message);
  if (message.finale) {
    fermerConnexion();
    etat.flux?.getTracks().forEach((piste) => piste.stop());
    if ($("fin")) {
      $("fin").hidden = false;
      for (const bloc of document.querySelectorAll(".visio-scene, .visio-outils, .visio-code, #message-attente")) {
        bloc.hidden = true;
      }
    }
    return;
  }
  if (poste === "deposant") $("message-attente").hidden = message.media;
  // En salle d'attente, ni image ni boutons : il n'y a encore rien à voir ni à couper.
  for (const bloc of document.querySelectorAll("[data-avec-media]")) bloc.hidden = !message.media;
  if (message.media && !etat.media) {
    etat.media = true;
    await demarrerMedia();
    await engager();
  }
});

signalisation.sur("presence", async (message) => {
  if (message.poste !== autre) return;
  if (!message.present) return;
  if (etat.sessionPair && etat.sessionPair !== message.session) {
    // L'autre poste a rechargé sa page : nouvelle connexion, mêmes clés.
    fermerConnexion();
  }
  etat.sessionPair = message.session;
  await engager();
  if (poste === "salle" && etat.pc && etat.pc.iceConnectionState !== "connected") await offrir({ redemarrage: true });
});

// Déposant : sa clé et son aléa partent avant qu'il connaisse la clé de la salle.
signalisation.sur("engagement", (message) => {
  if (poste !== "deposant") return;
  const alea = nouvelAlea();
  etat.negociation = { engagement: message.engagement, alea };
  signalisation.envoyer({ type: "cle", cle: clePublique, alea, engagement: message.engagement });
});

// Salle : la clé du déposant répond à l'engagement en cours ; la salle révèle alors la sienne.
signalisation.sur("cle", async (message) => {
  const negociation = etat.negociation;
  if (poste !== "salle" || !negociation || negociation.revelee || message.engagement !== negociation.engagement) return;
  negociation.revelee = true;
  signalisation.envoyer({ type: "revelation", cle: clePublique, alea: negociation.alea });
  await adopterCle(message.cle, {
    engagement: negociation.engagement,
    cleSalle: clePublique,
    cleDeposant: message.cle,
    aleaSalle: negociation.alea,
    aleaDeposant: message.alea,
  });
  await offrir();
});

// Déposant : la clé révélée doit être celle de l'engagement, sinon rien n'est dérivé ni affiché,
// les clés en place sont retirées, et l'alerte est donnée ici et au greffe. L'alerte reste
// affichée même si une négociation suivante aboutit : une tentative a eu lieu.
signalisation.sur("revelation", async (message) => {
  const negociation = etat.negociation;
  if (poste !== "deposant" || !negociation) return;
  etat.negociation = null;
  if ((await engagement(message.cle, message.alea)) !== negociation.engagement) {
    worker.postMessage({ type: "cles", emission: null, reception: null });
    etat.clePair = null;
    $("bloc-code").hidden = true;
    $("alerte-engagement").hidden = false;
    signalisation.envoyer({ type: "engagement_non_tenu", engagement: negociation.engagement });
    return;
  }
  await adopterCle(message.cle, {
    engagement: negociation.engagement,
    cleSalle: message.cle,
    cleDeposant: clePublique,
    aleaSalle: message.alea,
    aleaDeposant: negociation.alea,
  });
});

signalisation.sur("description", async (message) => {
  const description = message.description;
  if (description.type === "offer") {
    if (!etat.flux) await demarrerMedia();
    if (!etat.pc || etat.pc.signalingState === "closed") creerConnexion();
    await etat.pc.setRemoteDescription(description);
    const reponse = await etat.pc.createAnswer();
    await etat.pc.setLocalDescription(reponse);
    signalisation.envoyer({ type: "description", description: { type: reponse.type, sdp: reponse.sdp } });
  } else if (etat.pc && etat.pc.signalingState === "have-local-offer") {
    await etat.pc.setRemoteDescription(description);
  }
});

signalisation.sur("candidat", async (message) => {
  if (!etat.pc || !message.candidat) return;
  try {
    await etat.pc.addIceCandidate(message.candidat);
  } catch {
    // Candidat d'une négociation précédente : sans objet.
  }
});

signalisation.sur("micro", () => {
  const alerte = $("message-micro");
  if (alerte) alerte.hidden = false;
});

signalisation.sur("indicateurs", (message) => {
  if (message.poste !== poste) return;
  const alerte = $("alerte-fidelite");
  if (!alerte) return;
  alerte.hidden = !message.alerte;
  if (message.alerte && message.mesure) alerte.textContent = `${t("transmission_degradee")} : ${message.mesure.raisons.join(", ")}`;
});

signalisation.sur("ferme", (message) => {
  if (message.code === 4403 && $("fin")) {
    $("fin").hidden = false;
  }
});

// Boutons du déposant : couper le micro ou la caméra reste possible, et se voit au journal
// (une caméra coupée ouvre une période « son seul »).
$("bouton-micro")?.addEventListener("click", (evenement) => {
  const piste = etat.flux?.getAudioTracks()[0];
  if (!piste) return;
  piste.enabled = !piste.enabled;
  evenement.currentTarget.setAttribute("aria-pressed", String(!piste.enabled));
  evenement.currentTarget.textContent = piste.enabled ? t("couper_micro") : t("activer_micro");
  if (piste.enabled) $("message-micro").hidden = true;
});

$("bouton-camera")?.addEventListener("click", async (evenement) => {
  const bouton = evenement.currentTarget;
  if (!etat.emetteurVideo) return;
  const coupee = etat.emetteurVideo.track === null;
  await etat.emetteurVideo.replaceTrack(coupee ? etat.pisteVideo : null);
  bouton.setAttribute("aria-pressed", String(!coupee));
  bouton.textContent = coupee ? t("couper_camera") : t("activer_camera");
});

// Chaque seconde, le résumé de ce que ce poste reçoit : le serveur en tire interruptions,
// alertes et résumés par minute (deposition/fidelite.py).
async function rapporter() {
  if (!etat.pc || !etat.media) return;
  const rapport = await etat.pc.getStats();
  let video = null;
  let audio = null;
  let paireIce = null;
  rapport.forEach((s) => {
    if (s.type === "inbound-rtp" && s.kind === "video") video = s;
    if (s.type === "inbound-rtp" && s.kind === "audio") audio = s;
    if (s.type === "candidate-pair" && s.nominated && s.state === "succeeded") paireIce = s;
  });
  const tampon = (s) => (s && s.jitterBufferEmittedCount ? (1000 * s.jitterBufferDelay) / s.jitterBufferEmittedCount : null);
  const retardVideo = tampon(video);
  const retardSon = tampon(audio);
  signalisation.envoyer({
    type: "statistiques",
    horloge_ms: Date.now(),
    images_decodees: video?.framesDecoded ?? 0,
    paquets_audio: audio?.packetsReceived ?? 0,
    octets_recus: (video?.bytesReceived ?? 0) + (audio?.bytesReceived ?? 0),
    paquets_recus: (video?.packetsReceived ?? 0) + (audio?.packetsReceived ?? 0),
    paquets_perdus: Math.max(0, video?.packetsLost ?? 0) + Math.max(0, audio?.packetsLost ?? 0),
    aller_retour_ms: paireIce?.currentRoundTripTime != null ? paireIce.currentRoundTripTime * 1000 : null,
    images_par_seconde: video?.framesPerSecond ?? null,
    largeur: video?.frameWidth ?? null,
    hauteur: video?.frameHeight ?? null,
    gels: video?.freezeCount ?? 0,
    // Image plus retardée que le son dans les tampons : le son est en avance (valeur positive).
    synchronisation_ms: retardVideo != null && retardSon != null ? retardVideo - retardSon : null,
    chiffrement: {
      chiffrees: etat.compteurs.chiffrees,
      dechiffrees: etat.compteurs.dechiffrees,
      echecs: etat.compteurs.echecs,
    },
  });
}
setInterval(() => rapporter().catch(() => {}), 1000);
