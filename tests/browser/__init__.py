"""Browser tests: the built site in headless Chromium (search, axe, widths, print)."""
