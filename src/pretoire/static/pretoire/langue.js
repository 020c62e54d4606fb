// Le choix de la langue s'applique dès qu'il change. Pas de gestionnaire en ligne (« onchange ») :
// la politique de sécurité du contenu n'exécute aucun script écrit dans la page.
const choix = document.getElementById("langue");
if (choix) choix.addEventListener("change", () => choix.form.submit());
