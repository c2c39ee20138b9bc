"""What the report notebooks call: display helpers, views (tables) and figures.

* ``toolkit.notebook.page``: parameter checks, loading the analysis, escaping, showing figures;
* ``toolkit.notebook.views``: small tables cut from an analysis, with the words behind them;
* ``toolkit.notebook.plots`` and ``plots_compare``: matplotlib figures (return a Figure).

Notebooks hold no logic of their own; anything they need lives in this package.
"""
