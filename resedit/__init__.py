"""resedit: check and draft Model UN working papers offline."""
