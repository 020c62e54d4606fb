"""Prétoire : la cour d'assises numérique."""

__version__ = "0.1.0"
