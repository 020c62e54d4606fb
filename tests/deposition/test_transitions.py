"""Les états d'une déposition à distance, testés paire par paire contre ``TRANSITIONS``."""

from __future__ import annotations

import itertools

import pytest

from pretoire.law.visio import TRANSITIONS, EtatDeposition, TransitionRefusee, verifier_transition

PAIRES = list(itertools.product(EtatDeposition, EtatDeposition))
FINAUX = {EtatDeposition.TERMINEE, EtatDeposition.ECONDUITE, EtatDeposition.REVOQUEE}
AVEC_MEDIA = {EtatDeposition.ADMISE, EtatDeposition.EN_COURS, EtatDeposition.SUSPENDUE}


def test_chaque_etat_a_ses_transitions_listees() -> None:
    assert set(TRANSITIONS) == set(EtatDeposition)
    for sorties in TRANSITIONS.values():
        assert sorties <= set(EtatDeposition)


@pytest.mark.parametrize(("depuis", "vers"), PAIRES, ids=[f"{d.value}->{v.value}" for d, v in PAIRES])
def test_une_transition_est_permise_si_et_seulement_si_elle_est_listee(
    depuis: EtatDeposition, vers: EtatDeposition
) -> None:
    if vers in TRANSITIONS[depuis]:
        verifier_transition(depuis, vers)
    else:
        with pytest.raises(TransitionRefusee) as refus:
            verifier_transition(depuis, vers)
        assert f"« {depuis.libelle} »" in str(refus.value)
        assert f"« {vers.libelle} »" in str(refus.value)


def test_le_parcours_normal_est_permis_de_bout_en_bout() -> None:
    parcours = [
        EtatDeposition.INVITEE,
        EtatDeposition.RACCORDEE,
        EtatDeposition.MATERIEL_VERIFIE,
        EtatDeposition.EN_ATTENTE,
        EtatDeposition.ADMISE,
        EtatDeposition.EN_COURS,
        EtatDeposition.SUSPENDUE,
        EtatDeposition.EN_COURS,
        EtatDeposition.TERMINEE,
    ]
    for depuis, vers in itertools.pairwise(parcours):
        verifier_transition(depuis, vers)


@pytest.mark.parametrize("etat", list(EtatDeposition), ids=lambda e: e.value)
def test_seuls_terminee_econduite_et_revoquee_sont_finaux_et_sans_sortie(etat: EtatDeposition) -> None:
    assert etat.finale is (etat in FINAUX)
    if etat in FINAUX:
        assert TRANSITIONS[etat] == frozenset()
        for vers in EtatDeposition:
            with pytest.raises(TransitionRefusee):
                verifier_transition(etat, vers)


@pytest.mark.parametrize("etat", list(EtatDeposition), ids=lambda e: e.value)
def test_le_media_ne_circule_qu_une_fois_admise_en_cours_ou_suspendue(etat: EtatDeposition) -> None:
    assert etat.media_autorise is (etat in AVEC_MEDIA)


def test_aucun_etat_ne_boucle_sur_lui_meme() -> None:
    for etat, sorties in TRANSITIONS.items():
        assert etat not in sorties


def test_on_ne_revoque_plus_une_deposition_commencee() -> None:
    for etat in (EtatDeposition.EN_COURS, EtatDeposition.SUSPENDUE):
        with pytest.raises(TransitionRefusee):
            verifier_transition(etat, EtatDeposition.REVOQUEE)


def test_la_salle_d_attente_ne_s_atteint_pas_sans_essai_du_materiel() -> None:
    for depuis in (EtatDeposition.INVITEE, EtatDeposition.RACCORDEE):
        with pytest.raises(TransitionRefusee):
            verifier_transition(depuis, EtatDeposition.EN_ATTENTE)


def test_tout_etat_non_final_peut_atteindre_un_etat_final() -> None:
    for depart in EtatDeposition:
        atteints, a_voir = {depart}, [depart]
        while a_voir:
            for suivant in TRANSITIONS[a_voir.pop()]:
                if suivant not in atteints:
                    atteints.add(suivant)
                    a_voir.append(suivant)
        assert atteints & FINAUX, depart


def test_chaque_etat_a_un_libelle_francais() -> None:
    libelles = [etat.libelle for etat in EtatDeposition]
    assert len(set(libelles)) == len(libelles)
    assert all(libelle and libelle[0].islower() for libelle in libelles)
