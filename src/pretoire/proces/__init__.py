"""Le procès : l'affaire, ses parties, la décision de mise en accusation et qui y siège."""
