"""Metric families, one module each: hedging, attribution, framing, readability, sentiment (tone).

Every family exposes ``measure(article, doc, ...) -> FamilyResult`` (attribution returns an
``AttributionResult`` that also carries its attribution records).
"""
