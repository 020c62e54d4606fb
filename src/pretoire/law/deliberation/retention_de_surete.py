"""Le réexamen en vue d'une rétention de sûreté : art. 362 al. 6 et 706-53-13 CPP.

Art. 362 al. 6 : « Dans les cas prévus par l'article 706-53-13, elle délibère aussi pour
déterminer s'il y a lieu de se prononcer sur le réexamen de la situation du condamné avant
l'exécution de la totalité de sa peine en vue d'une éventuelle rétention de sûreté conformément
à l'article 706-53-14. » Art. 365-1 al. 2 : « L'application des dispositions du troisième alinéa
de l'article 706-53-13 est également motivée. »

NON VÉRIFIÉ (l'art. 706-53-13 n'est pas dans les sources) : la question se pose après une
condamnation à quinze ans de réclusion criminelle au moins pour meurtre ou assassinat, torture ou
actes de barbarie, viol, enlèvement ou séquestration ; les conditions tenant à la victime
(mineure, ou majeure avec certaines circonstances) ne sont pas modélisées : le président peut
constater que le cas n'est pas de ceux de l'article.

AMBIGUÏTÉ : majorité — l'art. 362 ne la dit pas pour cette délibération distincte de la peine —
lecture retenue : « oui » est défavorable au condamné et exige la majorité de l'art. 359 CPP
(sept voix, huit en appel), la lecture la plus favorable à l'accusé.
"""

from __future__ import annotations

import enum

from pretoire.law.deliberation.messages import Message, message
from pretoire.law.deliberation.peine import NaturePeine, Peine, PeineRefusee

QUINZE_ANS_EN_MOIS = 180
QUALIFICATIONS = frozenset(
    {"meurtre", "assassinat", "viol", "viol_sur_mineur_de_quinze_ans", "sequestration"}
)
CAUTION = (
    "Question de l'art. 706-53-13 CPP non vérifiée : posée après quinze ans de réclusion criminelle au"
    " moins pour meurtre, assassinat, viol ou séquestration ; les conditions tenant à la victime ne"
    " sont pas modélisées : le président peut constater que le cas n'est pas de ceux de l'article."
)


class ReponseRetention(enum.StrEnum):
    OUI = "oui"
    NON = "non"
    # Le président constate que la condamnation n'entre pas dans les cas de l'art. 706-53-13.
    HORS_CAS = "hors_cas"


def la_question_se_pose(peine: Peine, qualifications_retenues: frozenset[str]) -> bool:
    """Quinze ans de réclusion criminelle au moins, pour l'une des qualifications visées.

    >>> la_question_se_pose(Peine(NaturePeine.RECLUSION_CRIMINELLE, 180), frozenset({"viol"}))
    True
    >>> la_question_se_pose(Peine(NaturePeine.RECLUSION_CRIMINELLE, 179), frozenset({"viol"}))
    False
    """
    duree = peine.mois is None or peine.mois >= QUINZE_ANS_EN_MOIS
    return (
        peine.nature is NaturePeine.RECLUSION_CRIMINELLE
        and duree
        and bool(qualifications_retenues & QUALIFICATIONS)
    )


def verifier_la_retention(nom: str, se_pose: bool, reponse: ReponseRetention | None) -> None:
    if se_pose and reponse is None:
        raise PeineRefusee(message("retention_a_deliberer", nom=nom))
    if not se_pose and reponse is not None:
        raise PeineRefusee(message("retention_sans_objet", nom=nom))


def retention_en_lettres(reponse: ReponseRetention, mention: str) -> Message:
    if reponse is ReponseRetention.OUI:
        return message("ligne_retention_oui", mention=mention)
    if reponse is ReponseRetention.NON:
        return message("ligne_retention_non")
    return message("ligne_retention_hors_cas")
