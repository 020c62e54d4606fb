// Signalisation de la visio : un WebSocket qui se reconnecte seul et garde les messages en
// attente pendant une coupure. Les types de messages sont ceux de deposition/signalisation.py.

const FERMETURE_INTERDITE = 4403;

export class Signalisation {
  constructor(chemin) {
    this.url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${chemin}`;
    this.gestionnaires = new Map();
    this.enAttente = [];
    this.delai = 500;
    this.file = Promise.resolve();
    this.ouvrir();
  }

  ouvrir() {
    this.ws = new WebSocket(this.url);
    this.ws.onopen = () => {
      this.delai = 500;
      this.emettre("ouvert", {});
      for (const message of this.enAttente.splice(0)) this.ws.send(JSON.stringify(message));
    };
    this.ws.onmessage = (evenement) => {
      const message = JSON.parse(evenement.data);
      // Un message à la fois, dans l'ordre : une offre ne doit pas doubler la clé qui la précède.
      this.file = this.file.then(() => this.emettre(message.type, message)).catch((e) => console.error(e));
    };
    this.ws.onclose = (evenement) => {
      this.emettre("ferme", { code: evenement.code });
      if (evenement.code === FERMETURE_INTERDITE) return;
      setTimeout(() => this.ouvrir(), this.delai);
      this.delai = Math.min(this.delai * 2, 4000);
    };
  }

  sur(type, gestionnaire) {
    this.gestionnaires.set(type, gestionnaire);
  }

  async emettre(type, message) {
    const gestionnaire = this.gestionnaires.get(type);
    if (gestionnaire) await gestionnaire(message);
  }

  get ouverte() {
    return this.ws.readyState === WebSocket.OPEN;
  }

  envoyer(message) {
    if (this.ouverte) this.ws.send(JSON.stringify(message));
    else if (message.type !== "statistiques") this.enAttente.push(message);
  }
}
