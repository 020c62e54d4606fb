"""Ce qui peut être vérifié de la conformité PDF/A-2b ici, sans validateur complet.

veraPDF (Java) n'est ni dans Debian ni sur PyPI. Sont vérifiés : l'identification PDF/A-2b dans
les métadonnées XMP de la dernière révision (après signature) ; la concordance du dictionnaire
Info et des XMP (titre, mots-clés, producteur, date de modification) que les mises à jour de
pyHanko doivent préserver ; l'incorporation de toutes les polices (pdffonts) ; l'absence de
chiffrement et de JavaScript (pdfinfo) ; les drapeaux des annotations de signature (ISO 19005-2,
§ 6.3.2 : « Print » levé, « Hidden », « Invisible » et « NoView » baissés) ; la structure, par
``qpdf --check`` quand qpdf est installé. Typst lui-même refuse d'exporter en PDF/A-2b ce que la
norme interdit.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from pretoire.deposition.models import Deposition
from pretoire.documents.actions import do_generer_document
from pretoire.documents.models import NatureDocument
from pretoire.proces.models import Affaire

pytestmark = pytest.mark.django_db

ESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
DRAPEAU_PRINT, DRAPEAUX_INTERDITS = 4, 1 | 2 | 32  # Invisible, Hidden, NoView


@pytest.fixture(params=["proces_verbal", "feuille_de_questions", "extrait_du_journal"])
def pdf_signe(request: pytest.FixtureRequest, affaire: Affaire, deposition: Deposition) -> Path:
    nature = NatureDocument(request.param)
    document = do_generer_document(
        affaire, nature, deposition=deposition if nature is NatureDocument.PROCES_VERBAL else None
    )
    return Path(document.fichier.path)


def _propriete(description: ElementTree.Element, nom: str) -> str | None:
    prefixe, local = nom.split(":")
    cle = f"{{{ESPACES[prefixe]}}}{local}"
    if cle in description.attrib:
        return description.attrib[cle]
    element = description.find(f".//{cle}")
    if element is None:
        return None
    feuille = element.find(".//rdf:li", ESPACES)
    return (feuille if feuille is not None else element).text


def _instant_pdf(valeur: str) -> datetime:
    """« D:20261124111244Z » ou « D:20261124121244+01'00' »."""
    texte = valeur.removeprefix("D:").replace("'", "")
    texte = texte[:-1] + "+0000" if texte.endswith("Z") else texte
    return datetime.strptime(texte, "%Y%m%d%H%M%S%z")


def test_identification_et_metadonnees_concordantes_apres_signature(pdf_signe: Path) -> None:
    lecteur = PdfFileReader(io.BytesIO(pdf_signe.read_bytes()))
    xmp = ElementTree.fromstring(lecteur.root["/Metadata"].data)
    (description,) = [d for d in xmp.iter(f"{{{ESPACES['rdf']}}}Description") if _propriete(d, "pdfaid:part")]
    assert _propriete(description, "pdfaid:part") == "2"
    assert _propriete(description, "pdfaid:conformance") == "B"
    info = lecteur.trailer["/Info"]
    assert _propriete(description, "dc:title") == str(info["/Title"])
    assert _propriete(description, "pdf:Keywords") == str(info["/Keywords"])
    assert _propriete(description, "pdf:Producer") == str(info["/Producer"])
    modification_xmp = datetime.fromisoformat(_propriete(description, "xmp:ModifyDate") or "")
    assert modification_xmp == _instant_pdf(str(info["/ModDate"]))


def test_polices_incorporees_sans_chiffrement_ni_javascript(pdf_signe: Path) -> None:
    polices = subprocess.run(["pdffonts", str(pdf_signe)], check=True, capture_output=True, text=True).stdout
    lignes = polices.splitlines()[2:]
    assert lignes, "au moins une police"
    for ligne in lignes:
        # Colonnes : nom, type, codage, incorporée, sous-ensemble, unicode, objet.
        assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", ligne), ligne
    informations = subprocess.run(["pdfinfo", str(pdf_signe)], capture_output=True, text=True).stdout
    assert re.search(r"^Encrypted:\s+no$", informations, re.MULTILINE)
    assert re.search(r"^JavaScript:\s+no$", informations, re.MULTILINE)


def test_annotations_de_signature_imprimables_et_non_masquees(pdf_signe: Path) -> None:
    lecteur = PdfFileReader(io.BytesIO(pdf_signe.read_bytes()))
    champs = lecteur.root["/AcroForm"]["/Fields"]
    assert len(champs) >= 1
    for champ in champs:
        champ = champ.get_object()
        drapeaux = int(champ["/F"])
        assert drapeaux & DRAPEAU_PRINT and not drapeaux & DRAPEAUX_INTERDITS


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf absent : structure non vérifiée par qpdf")
def test_structure_selon_qpdf(pdf_signe: Path) -> None:
    resultat = subprocess.run(["qpdf", "--check", str(pdf_signe)], capture_output=True, text=True)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
