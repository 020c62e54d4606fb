// 256 mots courants, distincts à l'oral : un octet par mot pour le code de vérification.
export const MOTS = [
  "abeille", "abricot", "acier", "aigle", "album", "algue", "amande", "ananas", "ancre", "anneau", "arbre", "ardoise", "argent", "arôme", "atelier", "avion",
  "badge", "bague", "baleine", "balcon", "bambou", "banane", "barque", "bassin", "bateau", "berger", "biscuit", "bison", "blason", "bleuet", "bocal", "bonnet",
  "bouleau", "bougie", "boussole", "branche", "brebis", "brique", "brioche", "brume", "bureau", "cactus", "cadre", "caillou", "calepin", "camion", "canard", "canot",
  "carafe", "carnet", "carotte", "castor", "cerise", "chalet", "chameau", "chapeau", "charbon", "chardon", "chemin", "chêne", "cheval", "chèvre", "cigale", "citron",
  "clairon", "clocher", "cocotte", "colline", "comète", "compas", "corail", "cordon", "coton", "coupole", "crayon", "criquet", "cygne", "dauphin", "domino", "dragon",
  "dune", "écureuil", "étoile", "faucon", "fenouil", "feuille", "figue", "flocon", "forêt", "fontaine", "fraise", "frelon", "fromage", "fusain", "galet", "gazelle",
  "girafe", "glacier", "gland", "goéland", "gourde", "graine", "granit", "grelot", "grenier", "griffon", "guitare", "hameau", "hamac", "hibou", "homard", "horloge",
  "houblon", "ivoire", "jardin", "jasmin", "jonquille", "jument", "kayak", "lagon", "lama", "lampe", "lanterne", "lapin", "laurier", "lavande", "levure", "lézard",
  "licorne", "lilas", "limace", "lion", "loutre", "lynx", "macaron", "magnolia", "manchot", "mangue", "marmotte", "marron", "melon", "merle", "mimosa", "miroir",
  "mouette", "moulin", "muguet", "myrtille", "navire", "neige", "noisette", "nuage", "olive", "orage", "orange", "orchidée", "ortie", "otarie", "paille", "palmier",
  "panda", "papillon", "parapluie", "pastel", "pélican", "perle", "phare", "piano", "pigeon", "pinceau", "pirogue", "pivoine", "plage", "plume", "poire", "pommier",
  "poney", "potiron", "poussin", "prairie", "puits", "quartz", "radeau", "raisin", "renard", "requin", "rivage", "roseau", "rossignol", "ruban", "ruche", "sable",
  "safran", "sapin", "sardine", "saule", "savon", "sentier", "silex", "sirop", "soleil", "sorbet", "source", "tambour", "tapis", "théière", "tigre", "tilleul",
  "tomate", "tortue", "toucan", "tournesol", "trèfle", "trésor", "tulipe", "valise", "vallée", "velours", "verger", "violon", "volcan", "wagon", "yaourt", "zèbre",
  "zéphyr", "agneau", "aubépine", "autruche", "balise", "bruyère", "cabane", "caramel", "cascade", "cèdre", "chaton", "cobalt", "copeau", "coquelicot", "corbeau", "dentelle",
  "épice", "érable", "falaise", "fanfare", "flamant", "fougère", "framboise", "gaufre", "géranium", "glycine", "goujon", "grillon", "hermine", "jacinthe", "javelot", "kiwi",
];
