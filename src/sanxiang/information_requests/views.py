"""Staff pages of the disclosure-request module."""
