// La feuille est enregistrée : la copie gardée pour la reprise n'a plus d'objet ; elle est
// effacée ici aussi, au cas où la page du délibéré n'a pas pu le faire (docs/decisions/0005).
import { effacer } from "./delibere-reprise.js";

effacer(document.getElementById("feuille-repondue").dataset.affaire).catch(() => {});
