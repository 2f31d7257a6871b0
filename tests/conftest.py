"""Fixtures shared by the browser tests and the hosting tests.

- browser (session): one Playwright chromium (Debian's /usr/bin/chromium) for the whole run: Playwright's sync
  API can't be started twice in one thread, so the browser tests and the replica tests share it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
