"""reqx: find the requirements in contracts and customer correspondence."""

from __future__ import annotations

__version__ = "0.1.0"
