// Essai du matériel du déposant (art. D. 47-12-6 CPP : le procès-verbal mentionne « le test du
// matériel ») : navigateur, caméra, micro, haut-parleur. Le résultat, concluant ou non, est
// envoyé au serveur et consigné au journal d'audience.

import { t } from "./textes.js";

const $ = (id) => document.getElementById(id);
const resultat = { webrtc: false, chiffrement: false, camera: false, microphone: false, haut_parleur: null };
const details = [];

function marquer(id, statut, texte) {
  const ligne = $(id);
  ligne.dataset.statut = statut;
  ligne.querySelector(".resultat").textContent = texte;
}

function verifierNavigateur() {
  resultat.webrtc = Boolean(window.RTCPeerConnection && navigator.mediaDevices?.getUserMedia);
  resultat.chiffrement = "RTCRtpScriptTransform" in window && Boolean(crypto?.subtle);
  if (resultat.webrtc && resultat.chiffrement) marquer("v-navigateur", "ok", t("compatible"));
  else {
    marquer("v-navigateur", "echec", t("non_compatible"));
    details.push("navigateur sans WebRTC ou sans transformations encodées");
  }
}

async function verifierCameraEtMicro() {
  let flux;
  try {
    flux = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch (erreur) {
    marquer("v-camera", "echec", t("acces_refuse_camera"));
    marquer("v-micro", "echec", t("acces_refuse_micro"));
    details.push(`getUserMedia : ${erreur.name}`);
    return;
  }
  const apercu = $("apercu");
  apercu.srcObject = flux;
  await new Promise((resoudre) => (apercu.readyState >= 1 ? resoudre() : (apercu.onloadedmetadata = resoudre)));
  resultat.camera = apercu.videoWidth > 0;
  marquer("v-camera", resultat.camera ? "ok" : "echec", resultat.camera ? `— ${apercu.videoWidth}×${apercu.videoHeight}` : t("aucune_image"));

  const contexte = new AudioContext();
  const analyseur = contexte.createAnalyser();
  contexte.createMediaStreamSource(flux).connect(analyseur);
  const echantillons = new Float32Array(analyseur.fftSize);
  const debut = performance.now();
  await new Promise((resoudre) => {
    const mesurer = () => {
      analyseur.getFloatTimeDomainData(echantillons);
      const niveau = Math.sqrt(echantillons.reduce((s, x) => s + x * x, 0) / echantillons.length);
      $("niveau-micro").value = Math.min(1, niveau * 5);
      if (niveau > 0.005) resultat.microphone = true;
      if (resultat.microphone || performance.now() - debut > 6000) resoudre();
      else requestAnimationFrame(mesurer);
    };
    mesurer();
  });
  marquer("v-micro", resultat.microphone ? "ok" : "echec", resultat.microphone ? t("son_capte") : t("aucun_son"));
}

function jouerSon() {
  const contexte = new AudioContext();
  const oscillateur = contexte.createOscillator();
  oscillateur.frequency.value = 660;
  oscillateur.connect(contexte.destination);
  oscillateur.start();
  oscillateur.stop(contexte.currentTime + 0.8);
  $("question-son").hidden = false;
}

function repondreSon(entendu) {
  resultat.haut_parleur = entendu;
  marquer("v-haut-parleur", entendu ? "ok" : "echec", entendu ? t("son_entendu") : t("son_non_entendu"));
  $("valider-essai").disabled = false;
}

async function envoyer() {
  const concluant = resultat.webrtc && resultat.chiffrement && resultat.camera && resultat.microphone && resultat.haut_parleur;
  const reponse = await fetch(location.pathname, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": document.querySelector("[name=csrfmiddlewaretoken]").value },
    body: JSON.stringify({
      resultat: concluant ? "concluant" : "non_concluant",
      camera: resultat.camera,
      microphone: resultat.microphone,
      haut_parleur: Boolean(resultat.haut_parleur),
      webrtc: resultat.webrtc,
      chiffrement: resultat.chiffrement,
      navigateur: navigator.userAgent.slice(0, 400),
      systeme: (navigator.userAgentData?.platform || navigator.platform || "").slice(0, 200),
      details: details.join(" ; ").slice(0, 2000),
    }),
  });
  const corps = await reponse.json();
  const message = $("message-essai");
  if (reponse.ok && concluant) {
    location.assign(corps.suite);
    return;
  }
  message.hidden = false;
  message.className = "alerte alerte-error";
  message.textContent = reponse.ok
    ? t("essai_non_concluant")
    : corps.erreurs.join(" ; ");
}

$("jouer-son").addEventListener("click", jouerSon);
$("son-oui").addEventListener("click", () => repondreSon(true));
$("son-non").addEventListener("click", () => repondreSon(false));
$("valider-essai").addEventListener("click", envoyer);
verifierNavigateur();
if (resultat.webrtc) await verifierCameraEtMicro();
