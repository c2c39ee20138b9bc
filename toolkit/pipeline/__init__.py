"""The analysis pipeline: configuration, measuring one article, tables, and the run.

* ``config``: ``AnalysisConfig`` and ``make_config`` (one codebook per registry slot);
* ``measure``: ``measure_article``, every family of the registry on one article;
* ``batch``: what a worker does with a batch of articles;
* ``tables``: the schema of every table, outlet totals and the wide layout;
* ``run``: the one pipeline, to memory (``toolkit.analyze``) or to a folder
  (``toolkit.engine.analyze_to_folder``);
* ``metadata``: what produced an analysis (``analysis.json``).
"""
