"""Behavioural tests: what the toolkit counts, pinned with short constructed sentences.

In the spirit of CheckList (Ribeiro, Wu, Guestrin & Singh 2020, "Beyond Accuracy: Behavioral
Testing of NLP Models with CheckList", ACL): one test per behaviour (a parameter id names it),
each on a sentence written for the test (never text from a corpus), asserting the exact evidence
rows (family, category, rule, zone, start, end, words, negated) and, for attribution, the exact
attributions rows. One module per family: ``test_hedging``, ``test_framing``, ``test_policy``,
``test_negation_scope`` (conflict frames, and negation and rejection scope in general),
``test_labels``, ``test_salience``, ``test_attribution``. A behaviour the toolkit does not have
yet is a strict xfail whose reason says what it does instead. ``measured`` runs the pipeline.
"""
