"""Un serveur relais qui substitue ses clés et cherche à faire afficher le même code aux deux
écrans (recherche des anniversaires), joué contre l'ancien échange et contre l'engagement.

L'intermédiaire est ici au plus fort : il connaît d'avance les clés publiques de la salle et du
déposant (gardées d'une négociation à l'autre) et calcule autant qu'il veut dans son budget. Le
code réel a 32 bits : la recherche des anniversaires y coûte environ 2^16 clés par côté (une
dizaine de secondes en Python, bien moins en code natif). Pour rester en secondes, les recherches
visent un code tronqué à 12 bits, avec un budget qui y suffit presque sûrement quand la cible est
connue ; les coûts croissent avec la taille du code, pas la conclusion : sans engagement la
recherche aboutit, avec lui l'intermédiaire doit choisir avant de connaître la cible.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from pretoire.deposition.signalisation import engagement_de

from .echange_des_cles import alea, ancien_code, base64url, cle_publique, code

CLE_SALLE = cle_publique(0x5A11E)
CLE_DEPOSANT = cle_publique(0xDE905)
BITS = 12  # code tronqué des recherches ci-dessous (l'écran en montre 32)
BUDGET_CLES = 2**8  # clés par côté : la recherche des anniversaires sur 12 bits aboutit presque sûrement
BUDGET_ALEAS = 2**14  # empreintes : une cible de 12 bits connue serait atteinte presque sûrement


def tronque(brut: bytes, bits: int = BITS) -> int:
    """Les ``bits`` premiers bits du code."""
    return int.from_bytes(brut[:4], "big") >> (32 - bits)


# --- L'ancien échange : chaque poste envoie sa clé, le code ne dépend que des clés -------------------


def recherche_des_anniversaires(cle_salle: str, cle_deposant: str, budget: int) -> tuple[str, str] | None:
    """Deux clés de l'intermédiaire, l'une pour le déposant, l'autre pour la salle, telles que
    code(clé_1, déposant) = code(salle, clé_2) : les deux écrans montrent alors les mêmes mots."""
    vers_le_deposant = {}
    for i in range(budget):
        cle = cle_publique(1_000_003 + i)
        vers_le_deposant[tronque(ancien_code(cle, cle_deposant))] = cle
    for j in range(budget):
        cle = cle_publique(2_000_003 + j)
        trouvee = vers_le_deposant.get(tronque(ancien_code(cle_salle, cle)))
        if trouvee is not None:
            return trouvee, cle
    return None


def test_sans_engagement_l_intermediaire_trouve_deux_cles_aux_codes_identiques() -> None:
    """L'attaque de l'issue, rejouée sur 16 bits : le code d'avant ne protégeait pas."""
    trouvees = recherche_des_anniversaires(CLE_SALLE, CLE_DEPOSANT, BUDGET_CLES)
    assert trouvees is not None
    pour_le_deposant, pour_la_salle = trouvees
    ecran_salle = ancien_code(CLE_SALLE, pour_la_salle)
    ecran_deposant = ancien_code(pour_le_deposant, CLE_DEPOSANT)
    assert tronque(ecran_salle) == tronque(ecran_deposant)


# --- L'échange avec engagement, joué pas à pas ---------------------------------------------------


class EngagementNonTenu(AssertionError):
    """Le navigateur du déposant refuse la révélation : il n'affiche aucun code."""


@dataclass
class Reseau:
    """Ce que l'intermédiaire voit et peut envoyer, dans l'ordre que les postes imposent.

    La salle publie son engagement ; elle ne révèle qu'après avoir reçu une clé. Le déposant ne
    répond qu'à un engagement, et vérifie la révélation. ``aleas`` : ceux de la salle et du
    déposant, tirés au moment où ils les tirent ; sans ``alea_du_deposant``, la variante où le
    déposant n'en envoie pas (le code ne couvre alors que l'aléa de la salle).
    """

    hasard: random.Random
    alea_du_deposant: bool = True
    alea_salle: str = ""
    engagement_salle: str = ""
    code_salle: bytes | None = None
    code_deposant: bytes | None = None
    _deposant: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.alea_salle = alea(self.hasard)
        self.engagement_salle = engagement_de(CLE_SALLE, self.alea_salle)

    def donner_cle_a_la_salle(self, cle: str, alea_intermediaire: str) -> tuple[str, str]:
        """La salle reçoit « la clé du déposant » ; elle révèle alors sa clé et son aléa."""
        assert self.code_salle is None, "la salle ne révèle qu'une fois par engagement"
        self.code_salle = code(self.engagement_salle, CLE_SALLE, cle, self.alea_salle, alea_intermediaire)
        return CLE_SALLE, self.alea_salle

    def s_engager_aupres_du_deposant(self, engagement: str) -> tuple[str, str]:
        """Le déposant reçoit « l'engagement de la salle » ; il répond par sa clé et son aléa."""
        assert not self._deposant, "un seul engagement par négociation"
        alea_deposant = alea(self.hasard) if self.alea_du_deposant else ""
        self._deposant = {"engagement": engagement, "alea": alea_deposant}
        return CLE_DEPOSANT, alea_deposant

    def reveler_au_deposant(self, cle: str, alea_intermediaire: str) -> None:
        engagement = self._deposant["engagement"]
        if engagement_de(cle, alea_intermediaire) != engagement:
            raise EngagementNonTenu
        self.code_deposant = code(engagement, cle, CLE_DEPOSANT, alea_intermediaire, self._deposant["alea"])


Strategie = Callable[[Reseau, int], None]


def chercher_un_alea(code_obtenu: Callable[[str], bytes], cible: int, budget: int) -> str:
    """Le premier aléa de l'intermédiaire qui donne ``cible``, dans le budget (sinon le dernier)."""
    candidat = ""
    for essai in range(budget):
        candidat = base64url(essai.to_bytes(16, "big"))
        if tronque(code_obtenu(candidat)) == cible:
            break
    return candidat


def salle_d_abord(reseau: Reseau, budget: int) -> None:
    """Finir avec la salle (son code est alors connu), puis chercher un aléa à engager auprès du
    déposant qui donne le même code. L'aléa que le déposant tirera est inconnu : la recherche
    suppose celui de la négociation précédente."""
    reseau.donner_cle_a_la_salle(cle_publique(3_000_001), alea(random.Random(1)))
    assert reseau.code_salle is not None
    cle = cle_publique(3_000_002)
    suppose = alea(random.Random(3)) if reseau.alea_du_deposant else ""
    choisi = chercher_un_alea(
        lambda a: code(engagement_de(cle, a), cle, CLE_DEPOSANT, a, suppose),
        tronque(reseau.code_salle),
        budget,
    )
    reseau.s_engager_aupres_du_deposant(engagement_de(cle, choisi))
    reseau.reveler_au_deposant(cle, choisi)


def deposant_d_abord(reseau: Reseau, budget: int) -> None:
    """S'engager auprès du déposant et recevoir sa clé (son code est alors fixé), puis chercher un
    aléa à donner à la salle qui donne le même code. L'aléa de la salle reste caché derrière son
    engagement : la recherche en suppose un."""
    cle, alea_intermediaire = cle_publique(4_000_001), alea(random.Random(4))
    engagement = engagement_de(cle, alea_intermediaire)
    cle_deposant, alea_deposant = reseau.s_engager_aupres_du_deposant(engagement)
    cible = tronque(code(engagement, cle, cle_deposant, alea_intermediaire, alea_deposant))
    pour_la_salle, suppose = cle_publique(4_000_002), alea(random.Random(6))
    choisi = chercher_un_alea(
        lambda a: code(reseau.engagement_salle, CLE_SALLE, pour_la_salle, suppose, a), cible, budget
    )
    reseau.donner_cle_a_la_salle(pour_la_salle, choisi)
    reseau.reveler_au_deposant(cle, alea_intermediaire)


def changer_de_cle_a_la_revelation(reseau: Reseau, budget: int) -> None:
    """Ne s'engager sur rien de précis, puis révéler au déposant la clé qui arrange : refusé."""
    reseau.s_engager_aupres_du_deposant(reseau.engagement_salle)
    pour_la_salle = cle_publique(5_000_001)
    reseau.donner_cle_a_la_salle(pour_la_salle, alea(random.Random(7)))
    reseau.reveler_au_deposant(cle_publique(5_000_002), alea(random.Random(8)))


NEGOCIATIONS = 12


@pytest.mark.parametrize("strategie", [salle_d_abord, deposant_d_abord], ids=lambda s: s.__name__)
def test_avec_engagement_la_meme_recherche_ne_fait_jamais_concorder_les_codes(strategie: Strategie) -> None:
    for graine in range(NEGOCIATIONS):
        reseau = Reseau(random.Random(1000 + graine))
        strategie(reseau, BUDGET_ALEAS)
        assert reseau.code_salle is not None and reseau.code_deposant is not None
        assert tronque(reseau.code_salle) != tronque(reseau.code_deposant), graine


def test_sans_l_alea_du_deposant_la_recherche_aboutirait() -> None:
    """Pourquoi le déposant tire lui aussi un aléa : sa clé est gardée d'une négociation à l'autre,
    l'intermédiaire la connaît ; sans aléa frais de sa part, le code du déposant se calculerait
    avant l'engagement, et la recherche contre le code connu de la salle aboutit."""
    reussites = 0
    for graine in range(4):
        reseau = Reseau(random.Random(1000 + graine), alea_du_deposant=False)
        salle_d_abord(reseau, BUDGET_ALEAS)
        assert reseau.code_salle is not None and reseau.code_deposant is not None
        reussites += tronque(reseau.code_salle) == tronque(reseau.code_deposant)
    assert reussites == 4


def test_une_revelation_qui_ne_tient_pas_l_engagement_est_refusee_par_le_deposant() -> None:
    reseau = Reseau(random.Random(0))
    with pytest.raises(EngagementNonTenu):
        changer_de_cle_a_la_revelation(reseau, BUDGET_ALEAS)
    assert reseau.code_deposant is None


def test_le_code_de_l_ecran_change_avec_chaque_element_de_la_negociation() -> None:
    hasard = random.Random(42)
    elements = [engagement_de(CLE_SALLE, alea(hasard)), CLE_SALLE, CLE_DEPOSANT, alea(hasard), alea(hasard)]
    autres = [engagement_de(CLE_DEPOSANT, alea(hasard)), CLE_DEPOSANT, CLE_SALLE, alea(hasard), alea(hasard)]
    reference = code(*elements)[:4]
    for position, autre in enumerate(autres):
        change = [*elements[:position], autre, *elements[position + 1 :]]
        assert code(*change)[:4] != reference, position
