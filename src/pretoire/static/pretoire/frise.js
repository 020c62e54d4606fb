// Les blocs « en direct » d'une page d'affaire (frise du journal, feuille de questions) se
// rechargent quand le serveur annonce un nouvel événement (WebSocket), et toutes les 15 s au
// cas où la connexion serait tombée. Le WebSocket ne porte qu'un signal, jamais de contenu.

const blocs = [...document.querySelectorAll("[data-direct]")];
const frise = document.getElementById("frise");

async function recharger(bloc) {
  const reponse = await fetch(bloc.dataset.source, { credentials: "same-origin" });
  if (reponse.ok) bloc.innerHTML = await reponse.text();
}

const toutRecharger = () => Promise.all(blocs.map(recharger));

function ecouter(delai = 1000) {
  const protocole = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(`${protocole}//${location.host}${frise.dataset.ws}`);
  socket.addEventListener("message", toutRecharger);
  socket.addEventListener("close", (e) => {
    if (e.code !== 4403) setTimeout(() => ecouter(Math.min(delai * 2, 30000)), delai);
  });
}

if (frise) {
  ecouter();
  for (const bloc of blocs) if (bloc !== frise) recharger(bloc);
  setInterval(toutRecharger, 15000);
}
