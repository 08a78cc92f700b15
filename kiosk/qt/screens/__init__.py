"""The screens Flow shows, one module each, built from their Designer forms (ui/*.ui) on the Screen base class."""
