"""Les documents de l'audience : modèles Typst et rendu PDF (sans Django ici)."""
