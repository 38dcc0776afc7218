"""Dewan's writes. Each service validates, writes in one transaction, then emits after commit."""
