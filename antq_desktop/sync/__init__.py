"""Bundles between sites: format, crypto, export, import, merge, pairing (filled by the sync work)."""
