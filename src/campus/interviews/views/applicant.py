"""The applicant's pages of interviews."""
