"""One module per dimension; each exposes ``extract(doc, rules, found) -> Found``."""
