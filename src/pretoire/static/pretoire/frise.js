// La frise du journal se recharge quand le serveur annonce un nouvel événement (WebSocket),
// et toutes les 15 s au cas où la connexion serait tombée.

const frise = document.getElementById("frise");

async function recharger() {
  const reponse = await fetch(frise.dataset.source, { credentials: "same-origin" });
  if (reponse.ok) frise.innerHTML = await reponse.text();
}

function ecouter(delai = 1000) {
  const protocole = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(`${protocole}//${location.host}${frise.dataset.ws}`);
  socket.addEventListener("message", () => recharger());
  socket.addEventListener("close", (e) => {
    if (e.code !== 4403) setTimeout(() => ecouter(Math.min(delai * 2, 30000)), delai);
  });
}

if (frise) {
  ecouter();
  setInterval(recharger, 15000);
}
