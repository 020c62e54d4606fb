"""Les commandes du greffier, état par état : ``COMMANDES_PERMISES`` comparé à ``TRANSITIONS``."""

from __future__ import annotations

import itertools

import pytest

from pretoire.law.visio import (
    COMMANDES_PERMISES,
    TRANSITIONS,
    CommandeDuGreffe,
    CommandeRefusee,
    EtatDeposition,
    commandes_permises,
    verifier_commande,
)

PAIRES = list(itertools.product(EtatDeposition, CommandeDuGreffe))
EN_PRESENCE = {commande for commande in CommandeDuGreffe if commande.etat_vise is None}
# Les seules transitions permises qu'une commande ne fait pas depuis cet état : une autre commande
# y mène (« Reprendre » après une suspension, « Commencer » après l'admission).
FAITES_PAR_UNE_AUTRE_COMMANDE = {
    (EtatDeposition.SUSPENDUE, CommandeDuGreffe.COMMENCER),
    (EtatDeposition.ADMISE, CommandeDuGreffe.REPRENDRE),
}


def test_chaque_etat_a_ses_commandes_listees() -> None:
    assert set(COMMANDES_PERMISES) == set(EtatDeposition)


@pytest.mark.parametrize(("etat", "commande"), PAIRES, ids=[f"{e.value}-{c.value}" for e, c in PAIRES])
def test_une_commande_est_permise_si_et_seulement_si_le_tableau_la_liste(
    etat: EtatDeposition, commande: CommandeDuGreffe
) -> None:
    if commande in COMMANDES_PERMISES[etat]:
        verifier_commande(etat, commande)
        assert commande.value in commandes_permises(etat)
    else:
        with pytest.raises(CommandeRefusee) as refus:
            verifier_commande(etat, commande)
        assert str(refus.value).endswith(".") and len(str(refus.value)) > 20
        assert commande.value not in commandes_permises(etat)


@pytest.mark.parametrize(("etat", "commande"), PAIRES, ids=[f"{e.value}-{c.value}" for e, c in PAIRES])
def test_le_tableau_des_commandes_s_accorde_avec_les_transitions(
    etat: EtatDeposition, commande: CommandeDuGreffe
) -> None:
    permise = commande in COMMANDES_PERMISES[etat]
    vise = commande.etat_vise
    if vise is None:
        # Un acte en présence n'a de sens que si le déposant est vu et entendu de la salle.
        assert permise is etat.media_autorise
    elif (etat, commande) in FAITES_PAR_UNE_AUTRE_COMMANDE:
        assert vise in TRANSITIONS[etat] and not permise
    else:
        assert permise is (vise in TRANSITIONS[etat])


def test_chaque_transition_vers_un_etat_du_greffier_a_sa_commande() -> None:
    vises_par_le_greffier = {commande.etat_vise for commande in CommandeDuGreffe} - {None}
    for etat, sorties in TRANSITIONS.items():
        for vers in sorties & vises_par_le_greffier:
            assert any(commande.etat_vise is vers for commande in COMMANDES_PERMISES[etat]), (etat, vers)


def test_un_etat_final_ne_permet_aucune_commande() -> None:
    for etat in EtatDeposition:
        if etat.finale:
            assert commandes_permises(etat) == []


def test_les_actes_en_presence_sont_refuses_en_salle_d_attente_en_le_disant() -> None:
    for commande in EN_PRESENCE:
        with pytest.raises(CommandeRefusee, match="suppose le déposant admis dans la salle"):
            verifier_commande(EtatDeposition.EN_ATTENTE, commande)


def test_la_liste_envoyee_suit_l_ordre_des_boutons() -> None:
    assert commandes_permises(EtatDeposition.EN_COURS) == [
        "verifier_identite",
        "demander_micro",
        "code_concordant",
        "serment",
        "suspendre",
        "terminer",
    ]
