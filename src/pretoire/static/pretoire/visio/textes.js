// Les textes de l'interface, traduits par le gabarit (deposition/_textes.html).
const bloc = document.getElementById("textes-visio");
export const TEXTES = bloc ? JSON.parse(bloc.textContent) : {};
export const t = (cle) => TEXTES[cle] ?? cle;
