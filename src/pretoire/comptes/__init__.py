"""Les comptes du personnel de la cour. Les déposants à distance n'ont pas de compte."""
