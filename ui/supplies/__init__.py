"""供給: one day's supplies and the reception check sheet."""
