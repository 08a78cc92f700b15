"""Modules generated from ui/*.ui by tools/compile_ui.py (pyside6-uic): do not edit them by hand."""
