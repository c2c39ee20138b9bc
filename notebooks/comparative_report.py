# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Comparative report
#
# All outlets side by side: hedging, sourcing and framing per 1,000 words, with the sentences
# behind the figures.

# %% tags=["parameters"]
analysis_dir = ""  # folder written by `toolkit analyze`; empty: analyse the bundled sample corpus
hedging_codebook = ""  # your own codebook (YAML), only used when analysis_dir is empty
framing_codebook = ""

# %%
from IPython.display import Markdown, display

from toolkit import notebook, plots, views

notebook.configure_display()
notebook.check_parameters(
    {
        "analysis_dir": analysis_dir,
        "hedging_codebook": hedging_codebook,
        "framing_codebook": framing_codebook,
    },
    {"analysis_dir": str, "hedging_codebook": str, "framing_codebook": str},
)
analysis = notebook.load_analysis(analysis_dir, hedging_codebook, framing_codebook)
colours = plots.outlet_colours(analysis.outlets["outlet"])
display(Markdown(notebook.provenance(analysis)))
analysis.outlets[["outlet", "n_articles", "n_words", "n_sentences"]]

# %% [markdown]
# ## Hedging and boosters per 1,000 words

# %%
hedging = views.family_rates(analysis.outlets, "hedging")
notebook.show(plots.grouped_rates(hedging, title="Hedging by outlet", colours=colours))
hedging.round(2)

# %%
views.category_counts(analysis.evidence, "hedging")

# %%
views.top_evidence(analysis.evidence, "hedging", per_category=2)

# %% [markdown]
# ## Sourcing
# Attributions per 1,000 words and the mix of source types per outlet.

# %%
sourcing = views.family_rates(analysis.outlets, "attribution")
notebook.show(plots.grouped_rates(sourcing, title="Attribution by outlet", colours=colours))
sourcing.round(2)

# %%
shares = views.source_type_shares(analysis.attributions)
notebook.show(plots.stacked_shares(shares, title="Source types by outlet"))
shares.round(2)

# %%
views.sourcing_table(analysis.attributions)

# %% [markdown]
# ## Framing per 1,000 words

# %%
framing = views.family_rates(analysis.outlets, "framing")
notebook.show(plots.grouped_rates(framing, title="Frames by outlet", colours=colours))
framing.round(2)

# %%
views.top_evidence(analysis.evidence, "framing", per_category=2)

# %% [markdown]
# ## Readability and tone

# %%
views.scores(analysis.outlets)

# %% [markdown]
# ## Articles not analysed

# %%
analysis.rejected
