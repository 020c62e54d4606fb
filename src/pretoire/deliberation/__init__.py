"""Le délibéré dans l'application : l'écran du président et la feuille répondue qu'il enregistre."""
