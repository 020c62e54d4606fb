"""Les documents de l'audience : modèle du document, gabarit Typst, PDF/A, signature PAdES.

Le procès-verbal des opérations, la feuille de questions et l'extrait du journal d'audience
passent par la même chaîne : un modèle pur (le droit dans ``pretoire.law``), un gabarit Typst
(``typst/``), un rendu (``rendu.py``), une signature (``signature.py``) ; chaque génération est
une nouvelle version conservée (``models.Document``).
"""
