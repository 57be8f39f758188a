"""Warta: business news in, a knowledge graph analysts can trust out."""
__version__ = "0.1.0"
