"""La période de sûreté : art. 362 al. 1 CPP et art. 132-23 CP.

Art. 362 al. 1 : « si les dispositions des deux premiers alinéas de l'article 132-23 du même code
sont applicables, le président les informe également des conséquences de la peine prononcée sur
la période de sûreté et de la possibilité de la moduler. »

NON VÉRIFIÉ (l'art. 132-23 CP n'est pas dans les sources) :
- al. 1 : pour les infractions que la loi désigne, une peine privative de liberté sans sursis
  de dix ans au moins emporte de plein droit une période de sûreté de la moitié de la peine, de
  dix-huit ans pour la perpétuité ;
- al. 2 : la cour peut, par décision spéciale, la porter jusqu'aux deux tiers de la peine
  (vingt-deux ans pour la perpétuité) ou la réduire ;
- al. 3 : hors de ces cas, pour une peine privative de liberté sans sursis de plus de cinq ans,
  elle peut fixer une période de sûreté des deux tiers de la peine au plus (vingt-deux ans pour
  la perpétuité).
Les infractions qui emportent la période de sûreté de plein droit ne sont pas au catalogue :
le président déclare si les deux premiers alinéas s'appliquent. Les périodes de trente ans ou
« perpétuelles » des art. 221-3 al. 2 et 221-4 CP ne sont pas modélisées : refusées.

AMBIGUÏTÉ : majorité de la décision qui module ou fixe la période — l'art. 362 n'en prévoit pas
d'autre — lecture retenue : « La décision sur la peine se forme à la majorité absolue des
votants » (al. 2) ; la majorité de la cour criminelle départementale (art. 380-19 4°).
"""

from __future__ import annotations

from dataclasses import dataclass

from pretoire.law.deliberation.messages import Duree, Message, message
from pretoire.law.deliberation.peine import PeineRefusee

DIX_HUIT_ANS_EN_MOIS = 216
VINGT_DEUX_ANS_EN_MOIS = 264
SEUIL_DE_PLEIN_DROIT = 120
SEUIL_FACULTATIF = 60
CAUTION = (
    "Période de sûreté non vérifiée (art. 132-23 CP absent des sources) : de plein droit, la moitié"
    " d'une peine sans sursis de dix ans au moins (dix-huit ans pour la perpétuité) pour les"
    " infractions que la loi désigne ; portée aux deux tiers (vingt-deux ans) ou réduite ;"
    " facultative au-delà de cinq ans. Le président déclare si les deux premiers alinéas"
    " s'appliquent à l'infraction retenue."
)


@dataclass(frozen=True)
class BornesDeLaSurete:
    """``de_plein_droit`` : la durée sans autre décision ; ``maximum`` : ce que la cour peut fixer.

    Les deux en mois ; ``maximum`` vaut None quand aucune période ne peut être fixée.
    """

    de_plein_droit: int | None
    maximum: int | None


def bornes_de_la_surete(mois_fermes: int | None, de_plein_droit: bool) -> BornesDeLaSurete:
    """``mois_fermes`` : la peine sans sursis, None pour la perpétuité.

    >>> bornes_de_la_surete(18 * 12, True)
    BornesDeLaSurete(de_plein_droit=108, maximum=144)
    >>> bornes_de_la_surete(None, True)
    BornesDeLaSurete(de_plein_droit=216, maximum=264)
    >>> bornes_de_la_surete(8 * 12, True)
    BornesDeLaSurete(de_plein_droit=None, maximum=64)
    >>> bornes_de_la_surete(60, False)
    BornesDeLaSurete(de_plein_droit=None, maximum=None)
    """
    maximum = VINGT_DEUX_ANS_EN_MOIS if mois_fermes is None else mois_fermes * 2 // 3
    if de_plein_droit and (mois_fermes is None or mois_fermes >= SEUIL_DE_PLEIN_DROIT):
        automatique = DIX_HUIT_ANS_EN_MOIS if mois_fermes is None else mois_fermes // 2
        return BornesDeLaSurete(automatique, maximum)
    if mois_fermes is None or mois_fermes > SEUIL_FACULTATIF:
        return BornesDeLaSurete(None, maximum)
    return BornesDeLaSurete(None, None)


def verifier_la_surete(bornes: BornesDeLaSurete, mois: int) -> None:
    """Refuse une durée que la cour ne peut pas fixer.

    >>> try:
    ...     verifier_la_surete(BornesDeLaSurete(108, 144), 145)
    ... except PeineRefusee as refus:
    ...     print(str(refus).split(" : ")[1])
    douze ans au plus ici.
    """
    if bornes.maximum is None:
        raise PeineRefusee(message("surete_impossible"))
    if mois < 1:
        raise PeineRefusee(message("surete_d_un_mois_au_moins"))
    if mois > bornes.maximum:
        raise PeineRefusee(message("surete_au_dela_des_deux_tiers", maximum=Duree(bornes.maximum)))
    if mois == bornes.de_plein_droit:
        raise PeineRefusee(message("surete_de_plein_droit_non_votee", duree=Duree(mois)))


def surete_en_lettres(bornes: BornesDeLaSurete, mois: int | None, mention: str) -> Message | None:
    """La ligne de la feuille ; None s'il n'y a pas de période de sûreté.

    >>> surete_en_lettres(BornesDeLaSurete(108, 144), None, "à la majorité absolue des votants").en_phrase()
    'Période de sûreté de neuf ans, de plein droit (art. 132-23 al. 1 CP).'
    >>> surete_en_lettres(BornesDeLaSurete(108, 144), 144, "à la majorité absolue des votants").en_phrase()
    'Période de sûreté portée à douze ans, à la majorité absolue des votants (art. 132-23 al. 2 CP).'
    """
    if mois is None:
        if bornes.de_plein_droit is None:
            return None
        return message("ligne_surete_de_plein_droit", duree=Duree(bornes.de_plein_droit))
    if bornes.de_plein_droit is None:
        return message("ligne_surete_fixee", duree=Duree(mois), mention=mention)
    code = "ligne_surete_portee" if mois > bornes.de_plein_droit else "ligne_surete_reduite"
    return message(code, duree=Duree(mois), mention=mention)
