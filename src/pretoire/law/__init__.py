"""Le droit comme code : articles du code de procédure pénale et du code pénal, jurisprudence.

Rien ici n'importe Django, ne lit de fichier hors des catalogues livrés, ni ne lit l'horloge :
les dates (des faits, du procès) sont toujours passées en argument.
"""
