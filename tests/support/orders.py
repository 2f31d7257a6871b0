"""The orders page driven with AppTest, and sample orders, for the page tests and the no-network check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from core.orders import OrderRow

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "orders.py")
TODAY = dt.date(2026, 11, 26)


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def order(label: str, days_left: int, **fields: Any) -> OrderRow:
    """Shipped 30 days ago, not received, the seller asked 10 days ago: protection (and the next deadline) ends in
    `days_left` days."""
    base = {
        "id": label.lower().replace(" ", "-"),
        "label": label,
        "placed_on": day(-32),
        "shipped_on": day(-30),
        "protection_days": 30 + days_left,
        "total_paid": Decimal("10.00"),
        "seller_contacted_on": day(-10),
    }
    return OrderRow(**{**base, **fields})


def start(rows: list[OrderRow] | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state["today"] = TODAY
    if rows is not None:
        at.session_state["orders"] = list(rows)
    at.run()
    assert not at.exception, at.exception
    return at


def rows_of(at: AppTest) -> list[OrderRow]:
    return at.session_state["orders"]


def labels(at: AppTest) -> list[str]:
    return [row.label for row in rows_of(at)]


def shown_ids(at: AppTest) -> list[str]:
    return at.session_state["orders_shown_ids"]


def edit(at: AppTest, edited: dict | None = None, added: list | None = None, deleted: list | None = None) -> AppTest:
    """Send the table's edit state as the browser would, and rerun."""
    key = f"orders_editor_{at.session_state.get('orders_editor_version', 0)}"
    at.session_state[key] = {"edited_rows": edited or {}, "added_rows": added or [], "deleted_rows": deleted or []}
    at.run()
    assert not at.exception, at.exception
    return at


def messages(at: AppTest) -> str:
    parts = [e.value for e in (*at.success, *at.info, *at.warning, *at.error)]
    return "\n".join(parts)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)
