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
# # Outlet report
#
# How one outlet hedges, attributes and frames the story, next to the other outlets in the same
# corpus. Every figure comes with the words that produced it.

# %% tags=["parameters"]
outlet = "The Voice"
analysis_dir = ""  # folder written by `toolkit analyze`; empty: analyse the bundled sample corpus
hedging_codebook = ""  # your own codebook (YAML), only used when analysis_dir is empty
framing_codebook = ""

# %%
from IPython.display import Markdown, display

from toolkit import notebook, plots, views

notebook.configure_display()
notebook.check_parameters(
    {
        "outlet": outlet,
        "analysis_dir": analysis_dir,
        "hedging_codebook": hedging_codebook,
        "framing_codebook": framing_codebook,
    },
    {"outlet": str, "analysis_dir": str, "hedging_codebook": str, "framing_codebook": str},
)
analysis = notebook.load_analysis(analysis_dir, hedging_codebook, framing_codebook)
colours = plots.outlet_colours(analysis.outlets["outlet"])
display(Markdown(f"## {outlet}"))
display(Markdown(notebook.provenance(analysis)))
views.outlet_articles(analysis.documents, outlet)

# %% [markdown]
# ## Hedging and boosters
# Rates per 1,000 words (Hyland 2005): this outlet against all other outlets pooled.

# %%
hedging = views.outlet_against_corpus(analysis.outlets, outlet, "hedging")
notebook.show(plots.grouped_rates(hedging.T, title=f"Hedging: {outlet} vs other outlets"))
hedging.round(2)

# %%
views.top_evidence(analysis.evidence, "hedging", outlet=outlet)

# %% [markdown]
# ## Sources and attribution
# Who gets a voice, and how anonymously.

# %%
attribution = views.outlet_against_corpus(analysis.outlets, outlet, "attribution")
notebook.show(plots.grouped_rates(attribution.T, title=f"Attribution: {outlet} vs other outlets"))
attribution.round(2)

# %%
views.sourcing_table(analysis.attributions, outlet=outlet)

# %% [markdown]
# ## Framing
# Generic news frames (Semetko & Valkenburg 2000) and frames of this kind of story.

# %%
framing = views.outlet_against_corpus(analysis.outlets, outlet, "framing")
notebook.show(plots.grouped_rates(framing.T, title=f"Framing: {outlet} vs other outlets"))
framing.round(2)

# %%
views.top_evidence(analysis.evidence, "framing", outlet=outlet, per_category=2)

# %% [markdown]
# ## Readability and tone

# %%
views.scores(analysis.outlets, outlet)

# %%
views.top_evidence(analysis.evidence, "tone", outlet=outlet, per_category=5)

# %% [markdown]
# ## What cleaning removed
# Boilerplate cut before analysis (the original text stays in the corpus records).

# %%
views.removals(analysis.removals, outlet)
