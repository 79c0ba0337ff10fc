"""SQLAlchemy models, the engine and its discipline, migrations, backups. No Qt here."""
