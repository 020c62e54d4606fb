"""Les phrases du délibéré, écrites une seule fois : refus et lignes de la peine.

Chaque phrase a un code et un gabarit à paramètres nommés (``%(nom)s``). Le droit Python lève ses
refus et rend les lignes de la feuille par code et paramètres (``Message``) ; le module du
navigateur (``static/pretoire/delibere.js``) rend les mêmes codes et les mêmes paramètres, et les
rédige avec ce catalogue, que l'écran reçoit avec les règles (``navigateur.donnees_du_delibere``) :
aucune de ces phrases n'est écrite en JavaScript (décision 0007).

Un paramètre est un nombre, un texte, une peine, une durée (``Duree``), un montant (``Euros``)
ou un autre message ; en JSON, une peine est ``{"nature", "mois"}``, une durée ``{"duree"}``, un
montant ``{"euros"}``, un message ``{"code", "parametres"}``. La phrase rédigée commence par une
majuscule ; un message dans un autre reste tel quel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pretoire.law.redaction import nombre_en_lettres


def gettext_noop(texte: str) -> str:
    """Marque une phrase à traduire (``makemessages``) sans importer Django ici."""
    return texte


# Ce que l'écran dit au président : traduit dans sa langue (deliberation/views.py).
REFUS: dict[str, str] = {
    # Décompte (art. 358 à 360).
    "bulletins_entiers": gettext_noop("Chaque nombre de bulletins est un entier positif ou nul."),
    "un_bulletin_par_votant": gettext_noop(
        "Le décompte compte %(total)s bulletins pour %(votants)s votants : chaque votant remet un"
        " bulletin (oui, non, blanc ou nul). Recomptez les bulletins."
    ),
    "un_bulletin_par_votant_au_singulier": gettext_noop(
        "Le décompte compte %(total)s bulletin pour %(votants)s votants : chaque votant remet un "
        "bulletin (oui, non, blanc ou nul). Recomptez les bulletins."
    ),
    # Ordre des votes et nouveau vote (art. 356, 361, 365).
    "question_absente": gettext_noop("La question n° %(numero)s n'est pas sur la feuille."),
    "question_sans_objet": gettext_noop(
        "La question n° %(numero)s ne se pose pas : %(raison)s ; elle est sans objet."
    ),
    "question_deja_repondue": gettext_noop(
        "La question n° %(numero)s a déjà reçu sa réponse ; un nouveau vote n'a lieu qu'en cas de"
        " contradiction entre des réponses (art. 361 CPP)."
    ),
    "votez_d_abord": gettext_noop(
        "Votez d'abord la question n° %(numero)s : les scrutins se suivent dans l'ordre de l'art. 356 CPP."
    ),
    "nouveau_vote_sans_contradiction": gettext_noop(
        "Un nouveau vote sur la question n° %(numero)s n'a lieu qu'en cas de contradiction avec "
        "une autre réponse (art. 361 CPP) ; les réponses sont irrévocables (art. 365 CPP)."
    ),
    # La peine et ses tours (art. 362 ; 122-1 al. 2, 131-1 et 132-18 CP).
    "perpetuite_criminelle": gettext_noop(
        "Seules la réclusion et la détention criminelles peuvent être à perpétuité."
    ),
    "duree_d_un_mois_au_moins": gettext_noop("Une durée de peine est d'au moins un mois."),
    "peine_deja_prononcee": gettext_noop("La peine est déjà prononcée pour cet accusé."),
    "peine_en_double": gettext_noop("%(peine)s figure deux fois : regroupez ses bulletins."),
    "peine_ecartee": gettext_noop("%(peine)s est écartée : %(motif)s"),
    "au_dela_du_maximum": gettext_noop("%(peine)s dépasse le maximum encouru (%(maximum)s)."),
    "au_dela_du_maximum_reduit": gettext_noop(
        "%(peine)s dépasse le maximum encouru (%(maximum)s, réduit par l'altération du "
        "discernement retenue (art. 122-1 al. 2 CP) à %(reduit)s)."
    ),
    "nature_exclue": gettext_noop(
        "La peine encourue est de %(maximum)s : %(nature)s ne peut pas être proposée."
    ),
    "nature_exclue_perpetuite": gettext_noop(
        "La peine encourue est %(maximum)s : %(nature)s ne peut pas être proposée."
    ),
    "au_dela_de_trente_ans": gettext_noop(
        "Aucune peine à temps ne dépasse trente ans : au-delà, seule la perpétuité peut être "
        "proposée (art. 362 al. 2 CPP)."
    ),
    "sous_le_minimum_criminel": gettext_noop(
        "La %(nature)s à temps est de dix ans au moins (art. 131-1 CP, non vérifié) : %(peine)s "
        "ne peut pas être proposée."
    ),
    "sous_le_minimum_correctionnel": gettext_noop(
        "Pour un crime, l'emprisonnement prononcé par la cour d'assises n'est pas inférieur à "
        "%(seuil)s (art. 132-18 CP, non vérifié) : %(peine)s ne peut pas être proposé."
    ),
    "motif_maximum_sans_majorite_qualifiee": gettext_noop(
        "le maximum encouru n'a pas obtenu la majorité qualifiée : aucune peine supérieure à "
        "trente ans ne peut plus être prononcée (art. 362 al. 2 CPP)."
    ),
    "motif_peine_la_plus_forte": gettext_noop(
        "peine la plus forte proposée au tour n° %(tour)s, écartée à partir du tour n° "
        "%(suivant)s (art. 362 al. 3 CPP)."
    ),
    "tour_peine_prononcee": gettext_noop("Tour n° %(tour)s : %(peine)s, %(mention)s."),
    "tour_sans_majorite": gettext_noop("Tour n° %(tour)s : aucune peine n'a réuni la majorité requise."),
    "tour_sans_majorite_qualifiee": gettext_noop(
        "Tour n° %(tour)s : %(peine)s a la majorité absolue mais non la majorité qualifiée "
        "qu'exige cette peine (art. 362 al. 2 CPP)."
    ),
    "tour_majorite_non_etablie": gettext_noop(
        "Tour n° %(tour)s : %(peine)s exige une majorité que les textes de Prétoire n'établissent"
        " pas à cette date (non vérifié) ; elle ne peut être prononcée ici."
    ),
    "maximum_confirme_inferieur": gettext_noop(
        "Le maximum confirmé (%(confirme)s) est inférieur à celui que les réponses font déjà "
        "encourir (%(connue)s)."
    ),
    # Excuse de minorité (CJPM, non vérifié).
    "minorite_majeur_aux_faits": gettext_noop(
        "%(nom)s a commis majeur au moins l'un des faits retenus : les questions de l'excuse de "
        "minorité sont sans objet (Cass. crim., 27 nov. 2019, n° 18-83.553)."
    ),
    "minorite_a_cheval": gettext_noop(
        "%(nom)s a eu dix-huit ans pendant la période de l'un des faits retenus : Prétoire ne "
        "sait pas si les questions de l'excuse de minorité se posent ; la peine ne peut être "
        "votée ici."
    ),
    "minorite_cour_criminelle": gettext_noop(
        "%(nom)s était mineur au moment des faits : la cour criminelle départementale juge les "
        "personnes majeures (art. 380-16 CPP) ; la peine ne peut être votée ici."
    ),
    "minorite_avant_le_cjpm": gettext_noop(
        "%(nom)s était mineur au moment des faits : avant le 30 septembre 2021, l'excuse de "
        "minorité relevait de l'ordonnance du 2 février 1945, que Prétoire ne modélise pas."
    ),
    "minorite_moins_de_treize_ans": gettext_noop(
        "%(nom)s avait moins de treize ans au moment de l'un des faits retenus : la présomption "
        "de non-discernement (art. L. 11-1 CJPM, non vérifié) n'est pas modélisée ; la peine ne "
        "peut être votée ici."
    ),
    "minorite_questions_sans_objet": gettext_noop(
        "Les questions de l'excuse de minorité ne se posent pas pour %(nom)s."
    ),
    "minorite_a_voter": gettext_noop(
        "%(nom)s était mineur au moment des faits : les questions de l'excuse de minorité doivent"
        " être votées avant la peine."
    ),
    "minorite_sans_condamnation": gettext_noop(
        "La cour n'applique pas de condamnation pénale à %(nom)s : les mesures éducatives du CJPM"
        " ne sont pas modélisées ; la décision est prise hors de Prétoire."
    ),
    "minorite_exclusion_non_votee": gettext_noop(
        "La question de l'exclusion de l'excuse de minorité n'a pas été votée pour %(nom)s."
    ),
    "minorite_exclusion_impossible": gettext_noop(
        "%(nom)s n'avait pas seize ans au moment de l'un des faits : l'excuse de minorité ne peut"
        " être exclue (art. L. 121-7 CJPM, non vérifié)."
    ),
    # Sursis (art. 362 al. 4 ; 132-31 à 132-42 CP, non vérifiés).
    "sursis_peine_criminelle": gettext_noop(
        "Le sursis n'est ordonné que lorsque la cour d'assises prononce une peine correctionnelle"
        " (art. 362 al. 4 CPP) : %(peine)s ne peut en être assortie."
    ),
    "sursis_plus_de_cinq_ans": gettext_noop(
        "Le sursis ne porte que sur un emprisonnement de cinq ans au plus (art. 132-31 et 132-41 "
        "CP, non vérifié) : %(peine)s ne peut en être assorti."
    ),
    "sursis_partie": gettext_noop(
        "La partie assortie du sursis est d'un mois au moins et ne dépasse pas la peine (%(peine)s)."
    ),
    "sursis_delai_d_epreuve": gettext_noop(
        "Le délai d'épreuve du sursis probatoire est de douze mois à trois ans (art. 132-42 CP, non vérifié)."
    ),
    "sursis_simple_sans_delai": gettext_noop("Le sursis simple n'a pas de délai d'épreuve."),
    # Période de sûreté (art. 132-23 CP, non vérifié).
    "surete_de_plein_droit_a_declarer": gettext_noop(
        "Le président déclare si les deux premiers alinéas de l'art. 132-23 CP s'appliquent aux "
        "faits retenus contre %(nom)s (période de sûreté de plein droit)."
    ),
    "surete_de_plein_droit_sans_objet": gettext_noop(
        "La période de sûreté de plein droit ne se pose pas pour la peine de %(nom)s."
    ),
    "surete_impossible": gettext_noop(
        "Aucune période de sûreté ne peut être fixée : la peine sans sursis ne dépasse pas cinq "
        "ans (art. 132-23 CP, non vérifié)."
    ),
    "surete_d_un_mois_au_moins": gettext_noop("Une période de sûreté est d'au moins un mois."),
    "surete_au_dela_des_deux_tiers": gettext_noop(
        "La période de sûreté ne dépasse pas les deux tiers de la peine, vingt-deux ans pour la "
        "perpétuité (art. 132-23 CP, non vérifié) : %(maximum)s au plus ici."
    ),
    "surete_de_plein_droit_non_votee": gettext_noop(
        "%(duree)s est la période de sûreté de plein droit : aucun vote ne la fixe."
    ),
    # Amende et peines complémentaires (art. 362 al. 5).
    "amende_non_encourue": gettext_noop(
        "Aucune amende n'est encourue pour les faits retenus, selon les textes de Prétoire."
    ),
    "amende_d_un_euro_au_moins": gettext_noop("Une amende est d'au moins un euro."),
    "amende_au_dela_du_maximum": gettext_noop(
        "L'amende de %(montant)s dépasse le maximum encouru (%(plafond)s)."
    ),
    "complementaire_libelle": gettext_noop("Une peine complémentaire se décrit en 1 à 300 caractères."),
    "complementaire_article": gettext_noop(
        "Citez l'article du code pénal qui prévoit « %(libelle)s », par exemple « 131-31 »."
    ),
    # Réexamen en vue d'une rétention de sûreté (art. 362 al. 6, 706-53-13, non vérifié).
    "retention_a_deliberer": gettext_noop(
        "La cour délibère sur le réexamen de la situation de %(nom)s en vue d'une éventuelle "
        "rétention de sûreté (art. 362 al. 6 CPP), à moins que le président ne constate que le "
        "cas n'est pas de ceux de l'art. 706-53-13."
    ),
    "retention_sans_objet": gettext_noop(
        "La question du réexamen en vue d'une rétention de sûreté ne se pose pas pour %(nom)s "
        "(art. 706-53-13 CPP, non vérifié)."
    ),
}

# Ce que la feuille inscrit, en français quelle que soit la langue de l'écran.
FEUILLE: dict[str, str] = {
    # Questions de l'excuse de minorité (libellé non vérifié).
    "question_condamnation_penale": "Y a-t-il lieu d'appliquer à l'accusé %(nom)s une condamnation pénale ?",
    "question_condamnation_penale_accusee": (
        "Y a-t-il lieu d'appliquer à l'accusée %(nom)s une condamnation pénale ?"
    ),
    "question_exclusion": "Y a-t-il lieu d'exclure l'accusé %(nom)s du bénéfice de la diminution de peine ?",
    "question_exclusion_accusee": (
        "Y a-t-il lieu d'exclure l'accusée %(nom)s du bénéfice de la diminution de peine ?"
    ),
    # Les lignes de la peine sur la feuille (art. 362 et 364).
    "ligne_question_de_minorite": "« %(question)s » : %(formule)s.",
    "ligne_excuse_appliquee": (
        "Excuse de minorité : la peine encourue est réduite de moitié (art. L. 121-5 CJPM)."
    ),
    "ligne_excuse_exclue": "Excuse de minorité exclue (art. L. 121-7 CJPM).",
    "ligne_sursis": "Sursis : %(sursis)s, %(mention)s (art. 362 al. 4 CPP).",
    "sursis_en_totalite": "assortie en totalité du sursis %(nature)s%(delai)s",
    "sursis_en_partie": "dont %(partie)s assorti du sursis %(nature)s%(delai)s",
    "delai_d_epreuve": ", délai d'épreuve de %(duree)s",
    "ligne_surete_de_plein_droit": "Période de sûreté de %(duree)s, de plein droit (art. 132-23 al. 1 CP).",
    "ligne_surete_fixee": "Période de sûreté fixée à %(duree)s, %(mention)s (art. 132-23 al. 3 CP).",
    "ligne_surete_portee": "Période de sûreté portée à %(duree)s, %(mention)s (art. 132-23 al. 2 CP).",
    "ligne_surete_reduite": "Période de sûreté réduite à %(duree)s, %(mention)s (art. 132-23 al. 2 CP).",
    "ligne_amende": "Amende de %(montant)s, %(mention)s.",
    "ligne_complementaire": "Peine complémentaire : %(libelle)s (art. %(article)s CP), %(mention)s.",
    "ligne_retention_oui": (
        "La cour a décidé, %(mention)s, que le condamné pourra faire l'objet d'un réexamen de sa "
        "situation avant l'exécution de la totalité de sa peine en vue d'une éventuelle rétention"
        " de sûreté (art. 362 al. 6 et 706-53-13 CPP)."
    ),
    "ligne_retention_non": (
        "La cour n'a pas prévu de réexamen de la situation du condamné en vue d'une éventuelle "
        "rétention de sûreté (art. 362 al. 6 CPP)."
    ),
    "ligne_retention_hors_cas": (
        "Le président a constaté que la condamnation n'entre pas dans les cas de l'art. 706-53-13 CPP."
    ),
}

MESSAGES: dict[str, str] = REFUS | FEUILLE


class Redigeable(Protocol):
    """Un paramètre qui s'écrit en lettres sur la feuille et voyage en JSON vers l'écran."""

    def en_lettres(self) -> str: ...

    def en_json(self) -> dict[str, Any]: ...


Parametre = int | str | Redigeable


def duree_en_lettres(mois: int) -> str:
    """Une durée en mois, en toutes lettres.

    >>> duree_en_lettres(30)
    'deux ans et six mois'
    """
    annees, reste = divmod(mois, 12)
    morceaux = []
    if annees:
        morceaux.append(f"{nombre_en_lettres(annees)} an{'s' if annees > 1 else ''}")
    if reste:
        morceaux.append(f"{nombre_en_lettres(reste)} mois")
    return " et ".join(morceaux)


@dataclass(frozen=True)
class Duree:
    mois: int

    def en_lettres(self) -> str:
        return duree_en_lettres(self.mois)

    def en_json(self) -> dict[str, Any]:
        return {"duree": self.mois}


@dataclass(frozen=True)
class Euros:
    montant: int

    def en_lettres(self) -> str:
        """Un montant tel que la feuille l'inscrit.

        >>> Euros(150000).en_lettres()
        '150 000 euros'
        """
        return f"{self.montant:,} euros".replace(",", " ")

    def en_json(self) -> dict[str, Any]:
        return {"euros": self.montant}


@dataclass(frozen=True)
class Message:
    """Une phrase du catalogue et ses paramètres.

    >>> Message("peine_en_double", {"peine": Duree(30)}).en_phrase()
    'Deux ans et six mois figure deux fois : regroupez ses bulletins.'
    """

    code: str
    parametres: Mapping[str, Parametre] = field(default_factory=dict)

    def en_lettres(self) -> str:
        """La phrase telle qu'elle s'insère dans une autre, sans majuscule ajoutée."""
        return MESSAGES[self.code] % {nom: _en_clair(v) for nom, v in self.parametres.items()}

    def en_phrase(self) -> str:
        texte = self.en_lettres()
        return texte[:1].upper() + texte[1:]

    def en_json(self) -> dict[str, Any]:
        return {"code": self.code, "parametres": {nom: _en_json(v) for nom, v in self.parametres.items()}}


def message(code: str, **parametres: Parametre) -> Message:
    return Message(code, parametres)


def _en_clair(valeur: Parametre) -> str:
    return str(valeur) if isinstance(valeur, int | str) else valeur.en_lettres()


def _en_json(valeur: Parametre) -> Any:
    return valeur if isinstance(valeur, int | str) else valeur.en_json()


class Refus(ValueError):
    """Un refus du délibéré ; ``message`` porte son code et ses paramètres quand sa phrase est au
    catalogue, ``None`` pour une phrase que seul le serveur écrit."""

    def __init__(self, motif: str | Message) -> None:
        self.message = motif if isinstance(motif, Message) else None
        super().__init__(motif.en_phrase() if isinstance(motif, Message) else motif)
