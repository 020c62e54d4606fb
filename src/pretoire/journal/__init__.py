"""Le journal d'audience : une suite d'événements horodatés, chaînés par empreintes, jamais réécrite."""
