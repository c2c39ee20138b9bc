"""Metric families, one module each: hedging, attribution, framing (with policy and conflict
frames), labels, salience, readability and sentiment (tone).

Every family module declares ``FAMILIES`` (``toolkit.metrics.registry``): each family measures an
``ArticleText`` into a ``FamilyOutput`` of measures and evidence (``toolkit.metrics.base``).
"""
