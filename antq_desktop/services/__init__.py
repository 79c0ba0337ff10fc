"""Use cases, one module per area. They take a :class:`Database` and never import Qt."""
