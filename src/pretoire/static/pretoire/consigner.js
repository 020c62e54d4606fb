// N'affiche que les champs du type d'événement choisi ; le serveur ne lit que ceux-là.

const choix = document.getElementById("type");

function montrer() {
  for (const groupe of document.querySelectorAll(".champs-type")) {
    groupe.hidden = groupe.dataset.type !== choix.value;
    groupe.disabled = groupe.hidden;
  }
}

if (choix) {
  choix.addEventListener("change", montrer);
  montrer();
}
