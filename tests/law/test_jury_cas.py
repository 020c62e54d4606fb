"""Le jury de jugement et le juré qui signe (art. 364 CPP), en cas écrits en données
(tests/law/cas_deliberation/jury.yaml)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from pretoire.law.deliberation import RegleNonCouverte
from pretoire.law.deliberation.composition import composition
from pretoire.law.deliberation.jury import Jure, jure_qui_signe, verifier_le_jury
from pretoire.law.mise_en_accusation import TypeJuridiction

CAS = Path(__file__).parent / "cas_deliberation" / "jury.yaml"


@pytest.mark.parametrize("cas", [pytest.param(c, id=c["nom"]) for c in yaml.safe_load(CAS.read_text())])
def test_jury(cas: dict[str, Any]) -> None:
    rangs = cas.get("rangs") or range(1, cas["jures"] + 1)
    jury = [Jure(rang, f"Nom{rang}", f"Prénom{rang}") for rang in rangs]

    def resultat() -> tuple[list[str], str]:
        erreurs = verifier_le_jury(jury, composition(TypeJuridiction(cas["juridiction"]), cas["date"]))
        mention = jure_qui_signe(jury, cas.get("signataire")).mention if jury and not erreurs else ""
        return erreurs, mention

    if "refus" in cas:
        with pytest.raises((RegleNonCouverte, ValueError), match=re.escape(cas["refus"])):
            resultat()
        return
    erreurs, mention = resultat()
    assert len(erreurs) == len(cas["erreurs"])
    for attendue, erreur in zip(cas["erreurs"], erreurs, strict=True):
        assert attendue in erreur
    if "mention" in cas:
        assert mention == cas["mention"]
