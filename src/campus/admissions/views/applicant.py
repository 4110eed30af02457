"""The applicant's pages of admissions."""
