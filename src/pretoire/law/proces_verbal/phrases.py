"""Les phrases françaises du procès-verbal des opérations, que le gabarit Typst compose.

Le gabarit (``documents/typst/proces_verbal.typ``) écrit les titres et les phrases fixes ; ce
module écrit celles qui dépendent du journal : la ligne de chaque événement, les bornes et la
source de chaque période, le constat, et ``en_json``, les données du gabarit. Les heures sont
celles de Paris, par ``pretoire.law.redaction``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pretoire.law.citations import formater
from pretoire.law.debats import TypeEvenement
from pretoire.law.redaction import (
    date_avec_jour,
    date_en_lettres,
    duree_en_francais,
    heure,
    jour_a_paris,
    liste_en_francais,
)
from pretoire.law.visio import (
    ARTICLE_706_71_AL_3,
    ARTICLE_D47_12_5,
    ARTICLE_D47_12_6,
    ARTICLE_R53_38,
    QualiteDeposant,
)

from .lecture import (
    AccesRefuse,
    Autre,
    BorneDePeriode,
    ChiffrementDeConnexion,
    CodeDeVerification,
    Connexion,
    Correction,
    Deconnexion,
    Essai,
    EvenementLu,
    GenrePeriode,
    Identite,
    IncidentDesParties,
    IncidentTechnique,
    Invitation,
    Lecture,
    MessageRejete,
    Navigateur,
    Periode,
    Poste,
    PremiereImage,
    Reconnexion,
    ResumeQualite,
    Serment,
)

if TYPE_CHECKING:
    from .contenu import ProcesVerbal

NATURES_INTERRUPTION: Mapping[str, str] = {"image_et_son": "image et son", "image": "image", "son": "son"}
INTERRUPTIONS: Mapping[str, str] = {
    "image_et_son": "de l'image et du son reçus",
    "image": "de l'image reçue",
    "son": "du son reçu",
}
MOTIFS_DE_REFUS: Mapping[str, str] = {
    "expiree": "invitation expirée",
    "revoquee": "invitation révoquée",
    "deja_utilisee": "invitation déjà utilisée depuis un autre appareil",
    "code_errone": "code d'accès erroné",
    "trop_de_tentatives": "trop de codes erronés",
    "terminee": "déposition terminée",
}
FINS_SANS_AUDITION: Mapping[TypeEvenement, str] = {
    TypeEvenement.ECONDUITE: "éconduite de la salle d'attente",
    TypeEvenement.INVITATION_REVOQUEE: "invitation révoquée",
}
NOTES: Mapping[str, str] = {"bonne": "bonne", "degradee": "dégradée", "mauvaise": "mauvaise"}


# --- Les périodes ---------------------------------------------------------------------------------


def source(periode: Periode) -> str:
    """Qui a rapporté la période : chaque chiffre du procès-verbal dit d'où il vient.

    >>> from datetime import UTC
    >>> debut = datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC)
    >>> source(Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, None, None))
    "relevés du poste de la salle d'audience"
    >>> source(Periode(GenrePeriode.AUDIO_SEUL, Poste.DEPOSANT, debut, None, None, corroboree=False))
    "déclaration du poste du déposant, que les relevés de la salle d'audience ne corroborent pas"
    """
    if periode.genre is GenrePeriode.DECONNEXION:
        return "constatée par le serveur (liaison de signalisation perdue)"
    if not periode.declaree_par_le_deposant:
        return f"relevés du {periode.poste.poste}"
    if periode.corroboree:
        return "déclaration du poste du déposant, corroborée par les relevés de la salle d'audience"
    return "déclaration du poste du déposant, que les relevés de la salle d'audience ne corroborent pas"


def bornes(periode: Periode) -> str:
    """Début, fin et durée, à l'heure de Paris ; la durée mesurée par le dispositif fait foi.

    >>> from datetime import UTC
    >>> debut = datetime(2026, 11, 23, 9, 41, 12, tzinfo=UTC)
    >>> fin = debut.replace(minute=44, second=3)
    >>> bornes(Periode(GenrePeriode.AUDIO_SEUL, Poste.SALLE, debut, fin, 171.0))
    'de 10 h 41 min 12 s à 10 h 44 min 03 s (durée : 2 min 51 s)'
    >>> bornes(Periode(GenrePeriode.INTERRUPTION, Poste.SALLE, debut, None, None, "image_et_son"))
    'à partir de 10 h 41 min 12 s, fin non consignée au journal'
    """
    if periode.fin is None:
        return f"à partir de {heure(periode.debut)}, fin non consignée au journal"
    return f"de {heure(periode.debut)} à {heure(periode.fin)} (durée : {periode.duree})"


def description(periode: Periode) -> str:
    """La période en une phrase, sans sa qualification juridique."""
    poste = periode.poste
    if periode.genre is GenrePeriode.INTERRUPTION:
        objet = INTERRUPTIONS.get(periode.precision, "de la transmission reçue")
        return f"interruption {objet} par {poste.libelle} {bornes(periode)}"
    if periode.genre is GenrePeriode.AUDIO_SEUL:
        if poste is Poste.SALLE:
            return (
                f"audition exclusivement sonore {bornes(periode)} :"
                " la salle d'audience ne recevait plus l'image du déposant"
            )
        return (
            f"image de la salle d'audience non reçue par le déposant {bornes(periode)},"
            " le son seul étant transmis"
        )
    if periode.genre is GenrePeriode.ALERTE:
        raisons = f" : {periode.precision}" if periode.precision else ""
        return f"transmission dégradée reçue par {poste.libelle} {bornes(periode)}{raisons}"
    motif = f" ({periode.precision})" if periode.precision else ""
    return f"déconnexion du {poste.poste} {bornes(periode)}{motif}"


def _precision_lisible(periode: Periode) -> str:
    if periode.genre is GenrePeriode.INTERRUPTION:
        return NATURES_INTERRUPTION.get(periode.precision, periode.precision)
    return periode.precision


def _moment(periode: Periode) -> str:
    if periode.pendant_suspension:
        return "pendant une suspension"
    if periode.pendant_audition:
        return "pendant l'audition"
    return "hors audition"


# --- Les défauts ----------------------------------------------------------------------------------


def connexion_sans_chiffrement(connexion: ChiffrementDeConnexion) -> str:
    return (
        f"connexion du {connexion.poste.poste} à {heure(connexion.instant)} sans chiffrement de bout en bout"
    )


def code_non_lu_avant(debut_deposition: datetime) -> str:
    return (
        "aucun code de vérification du chiffrement lu concordant avant le début de la déposition"
        f" ({heure(debut_deposition)})"
    )


AUCUNE_IMAGE_EN_SALLE = "aucune image du déposant n'a été reçue par la salle d'audience"


# --- La chronologie -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ligne:
    """Une ligne de la chronologie : l'événement du journal, son heure, ce qu'il dit."""

    numero: int
    horodatage: datetime
    libelle: str
    detail: str = ""


def ligne(evenement: EvenementLu) -> Ligne:
    return Ligne(evenement.numero, evenement.horodatage, evenement.type.libelle, detail(evenement))


def qualite(code: str) -> str:
    return QualiteDeposant(code).libelle if code in set(QualiteDeposant) else code


def _oui(valeur: bool) -> str:
    return "oui" if valeur else "non"


def elements_de_l_essai(essai: Essai) -> str:
    elements = (
        f"caméra : {_oui(essai.camera)}, microphone : {_oui(essai.microphone)},"
        f" haut-parleur : {_oui(essai.haut_parleur)}, WebRTC : {_oui(essai.webrtc)},"
        f" chiffrement de bout en bout : {_oui(essai.chiffrement)}"
    )
    return elements + (f" ; {essai.details}" if essai.details else "")


def _nature(borne: BorneDePeriode) -> str:
    return f"{NATURES_INTERRUPTION[borne.nature]} ; " if borne.nature in NATURES_INTERRUPTION else ""


def detail(evenement: EvenementLu) -> str:
    """Ce que l'événement dit, en une ligne française."""
    match evenement.fait:
        case Invitation(deposant=deposant, qualite=code, jour=jour, expiration=expiration):
            return (
                f"{deposant} ({qualite(code)}), pour l'audience du {date_avec_jour(jour)} ; valable"
                f" jusqu'à {heure(expiration)} le {date_avec_jour(jour_a_paris(expiration))}"
            )
        case Navigateur(navigateur=navigateur, systeme=systeme):
            return (
                f"navigateur « {navigateur or 'non communiqué'} », système « {systeme or 'non communiqué'} »"
            )
        case AccesRefuse(motif=motif):
            return MOTIFS_DE_REFUS.get(motif, motif)
        case Essai() as essai:
            resultat = "concluant" if essai.concluant else "non concluant"
            return f"{resultat} — {elements_de_l_essai(essai)}"
        case Identite(nom=nom, prenoms=prenoms, qualite=code, lieu=lieu):
            depuis = f"depuis « {lieu} »" if lieu else "lieu non déclaré"
            return f"{nom} {prenoms}, {qualite(code)} ; {depuis}"
        case CodeDeVerification(mots=mots):
            return f"« {mots} »"
        case Serment(formule=formule):
            return f"« {formule} »"
        case Connexion(poste=Poste() as poste, chiffrement_bout_en_bout=actif):
            return f"{poste.poste} ; chiffrement de bout en bout {'actif' if actif else 'inactif'}"
        case PremiereImage(poste=Poste() as poste):
            return f"reçue par {poste.libelle}"
        case BorneDePeriode(fin=None) as borne:
            raisons = f" ; {'; '.join(borne.raisons)}" if borne.raisons else ""
            return f"{_nature(borne)}réception : {borne.poste.court} ; depuis {heure(borne.debut)}{raisons}"
        case BorneDePeriode(fin=datetime() as fin, duree_s=float() as duree) as borne:
            return (
                f"{_nature(borne)}réception : {borne.poste.court} ;"
                f" de {heure(borne.debut)} à {heure(fin)} — durée : {duree_en_francais(duree)}"
            )
        case Deconnexion(poste=Poste() as poste, motif=motif):
            return poste.poste + (f" ; {motif}" if motif else "")
        case Reconnexion(poste=Poste() as poste, absence_s=absence):
            return poste.poste + (f" ; absence : {duree_en_francais(absence)}" if absence is not None else "")
        case MessageRejete(poste=poste_rejete, motif=motif):
            return f"{poste_rejete} : {motif}"
        case IncidentDesParties(partie=partie, objet=objet):
            return f"{partie} : {objet}"
        case IncidentTechnique(description=texte):
            return texte
        case Correction(evenement=corrige, motif=motif):
            return f"corrige l'événement n° {corrige} : {motif}"
        case Autre(motif=motif, observations=observations):
            return motif or observations
    return ""


def _ligne_en_json(une: Ligne) -> dict[str, Any]:
    return {
        "numero": une.numero,
        "heure": heure(une.horodatage),
        "libelle": une.libelle,
        "detail": une.detail,
    }


# --- Le constat -----------------------------------------------------------------------------------


def issue_sans_audition(lecture: Lecture) -> str:
    """Éconduite ou invitation révoquée, avec son motif."""
    fin = lecture.fin_sans_audition
    if fin is None:
        return ""
    motif = fin.fait.motif if isinstance(fin.fait, Autre) else ""
    return FINS_SANS_AUDITION[fin.type] + (f" : {motif}" if motif else "")


def constat(pv: ProcesVerbal) -> str:
    """Le constat de conformité, ou l'annonce de la liste des défauts."""
    texte = _constat_des_defauts(pv)
    declarations = pv.declarations_non_corroborees
    if declarations and pv.audition_a_eu_lieu:
        nombre = len(declarations)
        pluriel = "s" if nombre > 1 else ""
        texte += (
            f" Le poste du déposant a en outre déclaré {nombre} période{pluriel} de réception"
            " dégradée que les relevés du poste de la salle d'audience ne corroborent pas (aucune"
            " interruption, période sans image, alerte ni déconnexion relevée en salle au même"
            f" moment) : mentionnée{pluriel} parmi les incidents techniques comme"
            f" déclaration{pluriel}, non retenue{pluriel} comme défaut{pluriel}."
        )
    return texte


def _constat_des_defauts(pv: ProcesVerbal) -> str:
    lecture = pv.lecture
    if lecture.admission is None:
        issue = issue_sans_audition(lecture)
        return (
            "La personne invitée n'a pas été admise dans la salle d'audience"
            f"{f' ({issue})' if issue else ''} : aucune audition n'a eu lieu par ce moyen."
        )
    debut = f"l'admission de la personne entendue ({heure(lecture.admission)})"
    if pv.provisoire:
        fin = f"le dernier événement consigné ({heure(pv.chronologie[-1].horodatage)})"
        prefixe = "Procès-verbal provisoire : la déposition n'est pas terminée. "
    else:
        assert lecture.fin_deposition is not None
        fin = f"la fin de la déposition ({heure(lecture.fin_deposition)})"
        prefixe = ""
    if pv.defauts:
        return (
            f"{prefixe}La transmission n'a pas été continûment audiovisuelle, fidèle et"
            f" confidentielle entre {debut} et {fin}. Le journal d'audience consigne"
            f" {len(pv.defauts)} défaut{'s' if len(pv.defauts) > 1 else ''} :"
        )
    selon = (
        ", d'après les relevés du poste de la salle d'audience," if pv.declarations_non_corroborees else ""
    )
    return (
        f"{prefixe}Entre {debut} et {fin}, le journal d'audience ne consigne{selon} aucune interruption,"
        " aucune période exclusivement sonore, aucune alerte de fidélité ni aucune déconnexion ;"
        " le chiffrement de bout en bout était actif et son code de vérification a été lu"
        " concordant sur les deux écrans. La transmission a été audiovisuelle, continue et"
        f" confidentielle ({'; '.join(pv.citer((ARTICLE_706_71_AL_3, ARTICLE_R53_38)))})."
    )


# --- Les données du gabarit -----------------------------------------------------------------------


def en_json(pv: ProcesVerbal) -> dict[str, Any]:
    """Le procès-verbal en données prêtes à composer : chaque texte déjà rédigé en français."""
    en_tete, lecture = pv.en_tete, pv.lecture
    return {
        "provisoire": pv.provisoire,
        "deposition": pv.deposition,
        "en_tete": {
            "juridiction": en_tete.juridiction,
            "siege": en_tete.siege,
            "session": en_tete.session,
            "numero_affaire": en_tete.numero_affaire,
            "intitule_affaire": en_tete.intitule_affaire,
            "jour_audience": date_avec_jour(en_tete.jour_audience),
            "president": en_tete.president or "non désigné",
            "greffier": en_tete.greffier or "non désigné",
        },
        "etabli_le": {"lettres": date_en_lettres(jour_a_paris(pv.etabli_le)), "heure": heure(pv.etabli_le)},
        "personne": _personne(lecture),
        "moyens": _moyens(pv),
        "fondements": [
            {"citation": formater(f.reference, en_tete.jour_audience), "extrait": f.extrait}
            for f in pv.fondements
        ],
        "essais": [
            {
                "heure": heure(quand),
                "resultat": "concluant" if essai.concluant else "non concluant",
                "detail": elements_de_l_essai(essai),
            }
            for quand, essai in lecture.essais
        ],
        "essai_conclusion": _conclusion_essai(pv),
        "connexion": _connexion(lecture),
        "chronologie": [_ligne_en_json(une) for une in pv.chronologie],
        "periodes": [
            {
                "genre": p.genre.libelle,
                "poste": p.poste.libelle,
                "debut": heure(p.debut),
                "fin": heure(p.fin) if p.fin else "non consignée",
                "duree": p.duree,
                "precision": _precision_lisible(p),
                "moment": _moment(p),
                "source": source(p),
            }
            for p in pv.periodes
        ],
        "qualite": [_qualite(q) for q in lecture.qualite],
        "chiffrement": _chiffrement(lecture),
        "incidents_des_parties": [_ligne_en_json(une) for une in pv.incidents_des_parties],
        "constat": {
            "conforme": pv.conforme,
            "texte": pv.constat,
            "defauts": [
                {"texte": d.texte, "citations": pv.citer(d.citations), "source": d.source} for d in pv.defauts
            ],
            "declarations_non_corroborees": [description(p) for p in pv.declarations_non_corroborees],
            "mentions_manquantes": [
                {"texte": d.texte, "citations": pv.citer(d.citations)} for d in pv.mentions_manquantes
            ],
        },
        "mention_notes_audience": (
            "L'usage du moyen de télécommunication audiovisuelle est à mentionner dans les notes"
            " d'audience et dans la décision rendue"
            f" ({formater(ARTICLE_D47_12_5, en_tete.jour_audience)})."
        ),
    }


def _personne(lecture: Lecture) -> dict[str, Any]:
    declaree = lecture.identite_declaree
    invitee = lecture.qualite_invitee
    remarques = []
    if declaree and declaree.qualite and invitee and declaree.qualite != invitee:
        remarques.append(
            f"La qualité déclarée ({qualite(declaree.qualite)}) diffère de celle de l'invitation"
            f" ({qualite(invitee)})."
        )
    return {
        "invitee": lecture.invitation.deposant if lecture.invitation else "",
        "qualite_invitee": qualite(invitee),
        "declaree": f"{declaree.nom} {declaree.prenoms}, {qualite(declaree.qualite)}" if declaree else "",
        "declaree_le": heure(lecture.identite_declaree_le) if lecture.identite_declaree_le else "",
        "lieu": (declaree.lieu if declaree else "") or "non déclaré",
        "verification": (
            f"Identité vérifiée à l'audience à {heure(lecture.identite_verifiee_le)}."
            if lecture.identite_verifiee_le
            else "Vérification de l'identité non consignée au journal."
        ),
        "remarques": remarques,
    }


def _moyens(pv: ProcesVerbal) -> list[str]:
    lecture = pv.lecture
    lignes = [
        "Moyen de télécommunication audiovisuelle (image et son dans les deux sens) :"
        f" {pv.en_tete.dispositif}.",
        f"Hébergement du dispositif : {pv.en_tete.hebergement or 'non renseigné par la juridiction'}.",
        "Accès du déposant : lien d'invitation personnel et code d'accès transmis par un autre canal,"
        " l'invitation étant liée au premier navigateur qui l'utilise.",
        "Matériel du déposant (son ordinateur ou autre appareil personnel) : navigateur"
        f" « {lecture.navigateur or 'non communiqué'} », système « {lecture.systeme or 'non communiqué'} »,"
        " tels que le navigateur les déclare.",
    ]
    if lecture.acces_refuses:
        motifs = Counter(detail(refus) for refus in lecture.acces_refuses)
        enumeration = liste_en_francais([f"{motif} ({nombre})" for motif, nombre in motifs.items()])
        lignes.append(f"Tentatives d'accès refusées : {len(lecture.acces_refuses)} — {enumeration}.")
    return lignes


def _conclusion_essai(pv: ProcesVerbal) -> str:
    essais = pv.lecture.essais
    concluants = [quand for quand, essai in essais if essai.concluant]
    citation = formater(ARTICLE_D47_12_6, pv.en_tete.jour_audience)
    if not essais:
        return f"Aucun essai du matériel n'est consigné au journal ({citation})."
    if not concluants:
        return f"Aucun des {len(essais)} essais du matériel n'a été concluant ({citation})."
    return f"Essai du matériel concluant à {heure(concluants[-1])} ({citation})."


def _connexion(lecture: Lecture) -> dict[str, Any]:
    debut = min((e.horodatage for e in lecture.connexions), default=None)
    fin = max((e.horodatage for e in lecture.deconnexions), default=None)
    if fin is not None and debut is not None and fin < max(e.horodatage for e in lecture.connexions):
        fin = None  # une connexion a suivi la dernière déconnexion : la liaison restait ouverte
    return {
        "debut": heure(debut) if debut else "non consignée",
        "fin": heure(fin) if fin else "non consignée",
        "admission": heure(lecture.admission) if lecture.admission else "",
        "debut_deposition": heure(lecture.debut_deposition) if lecture.debut_deposition else "",
        "fin_deposition": heure(lecture.fin_deposition) if lecture.fin_deposition else "",
        "lignes": [
            _ligne_en_json(ligne(e))
            for e in sorted(lecture.connexions + lecture.deconnexions, key=lambda e: e.numero)
        ],
    }


def _chiffrement(lecture: Lecture) -> list[str]:
    lignes = []
    for connexion in lecture.chiffrement_par_connexion:
        poste, instant, actif = connexion.poste, connexion.instant, connexion.actif
        if not actif and lecture.sans_chiffrement_dementi(poste, instant):
            lignes.append(
                f"Connexion du {poste.poste} à {heure(instant)} : chiffrement de bout en bout"
                " déclaré INACTIF par ce poste, démenti par les relevés du poste de la salle"
                f" d'audience, qui a ensuite déchiffré {lecture.dechiffrees_en_salle_depuis(instant)}"
                " images venues du déposant."
            )
        else:
            lignes.append(
                f"Connexion du {poste.poste} à {heure(instant)} : chiffrement de bout en"
                f" bout {'actif' if actif else 'INACTIF'}."
            )
    code = lecture.code_verification
    if code is not None:
        lignes.append(
            "Code de vérification du chiffrement lu et trouvé concordant sur les deux écrans à"
            f" {heure(code.horodatage)} : {detail(code)}."
        )
    else:
        lignes.append("Aucun code de vérification du chiffrement lu concordant n'est consigné.")
    return lignes


def _qualite(resume: ResumeQualite) -> dict[str, Any]:
    def nombre(valeur: float) -> str:
        return f"{valeur:.1f}".replace(".", ",")

    return {
        "poste": f"reçue par {resume.poste.libelle}",
        "source": (
            "relevés du poste de la salle d'audience"
            if resume.poste is Poste.SALLE
            else "déclarée par le poste du déposant, non vérifiable par la cour"
        ),
        "minutes": resume.minutes,
        "notes": ", ".join(f"{NOTES[note]} : {n}" for note, n in resume.notes.items()),
        "debit": f"{resume.debit_kbps:.0f} kbit/s",
        "pertes": f"{nombre(resume.perte_max_pct)} %",
        "images_par_seconde": nombre(resume.images_par_seconde),
        "delai": f"{resume.delai_ms:.0f} ms" if resume.delai_ms is not None else "non mesuré",
        "gels": resume.gels,
        "resolutions": ", ".join(resume.resolutions) or "non communiquée",
    }
