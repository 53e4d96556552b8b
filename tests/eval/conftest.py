"""Evaluation sets (corpora, expected values, scorers) are not unit tests: pytest skips them."""

collect_ignore_glob = ["*"]
