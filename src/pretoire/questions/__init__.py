"""La feuille de questions dans l'application : établie à partir de l'affaire et du journal."""
