"""Builders for cards, figures and text: plain functions, testable without a browser."""
