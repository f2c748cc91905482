"""The CCTV review bench (view "review" of the main window)."""

from __future__ import annotations


def create_review_view(window):
    """View factory for ``MainWindow.register_view("review", ...)``."""
    from app.ui.review.review_panel import ReviewPanel

    return ReviewPanel(window.context, window)
