"""Psoas education kiosk for a physiotherapy clinic's waiting room."""

__version__ = "0.1.0"
APP_NAME = "psoas-kiosk"
