"""Qt only: windows, dialogs, item models and workers. Calls services; never builds SQL."""
