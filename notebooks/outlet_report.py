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
policy_codebook = ""
conflict_codebook = ""
labels_codebook = ""
actors_codebook = ""
coded_sheets = ""  # one or two coded sheets (CSV, comma-separated): adds the validation section

# %%
from IPython.display import Markdown, display

from toolkit.notebook import page, plots, views
from toolkit.validation import read_coded_sheet, score_sheets, summary

page.configure_display()
codebooks = page.codebook_arguments(globals())
page.check_parameters(
    {"outlet": outlet, "analysis_dir": analysis_dir, "coded_sheets": coded_sheets, **codebooks},
    {name: str for name in ("outlet", "analysis_dir", "coded_sheets", *codebooks)},
)
analysis = page.load_analysis(analysis_dir, codebooks, outlet=outlet)
colours = plots.outlet_colours(analysis.outlets["outlet"].unique())
display(page.heading(outlet))
display(Markdown(page.provenance(analysis)))
views.outlet_articles(analysis.documents, outlet)

# %% [markdown]
# ## Hedging and boosters
# Rates per 1,000 words (Hyland 2005): this outlet against all other outlets pooled.

# %%
hedging = views.outlet_against_corpus(analysis.outlets, outlet, "hedging")
page.show(plots.grouped_rates(hedging.T, title=f"Hedging: {outlet} vs other outlets"))
hedging.round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "hedging", outlet=outlet)

# %% [markdown]
# ## Sources and attribution
# Who gets a voice, and how anonymously.

# %%
attribution = views.outlet_against_corpus(analysis.outlets, outlet, "attribution")
page.show(plots.grouped_rates(attribution.T, title=f"Attribution: {outlet} vs other outlets"))
attribution.round(2)

# %%
views.sourcing_table(analysis.attributions, analysis.sentences, outlet=outlet)

# %% [markdown]
# ## Framing
# Generic news frames (Semetko & Valkenburg 2000) and frames of this kind of story.

# %%
framing = views.outlet_against_corpus(analysis.outlets, outlet, "framing")
page.show(plots.grouped_rates(framing.T, title=f"Framing: {outlet} vs other outlets"))
framing.round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "framing", outlet=outlet, per_category=2)

# %% [markdown]
# ## Policy frames
# The 15 frame dimensions of the Policy Frames Codebook (Boydstun et al. 2014): each outlet's
# mean frame shares (headline and lead matches weigh more) and its dominant frame.

# %%
views.frame_shares(analysis.outlets, "policy").round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "policy", outlet=outlet, per_category=2)

# %% [markdown]
# ## Conflict frames
# Escalation and retaliation, restraint and diplomacy, defensive success, humanitarian cost.

# %%
views.frame_shares(analysis.outlets, "conflict").round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "conflict", outlet=outlet, per_category=2)

# %% [markdown]
# ## Loaded labels
# Words that judge a party by naming it ("Zionist regime", "terrorist", "martyr"), per 1,000
# words, by kind and by the side they favour (the `favours_` rows).

# %%
views.outlet_against_corpus(analysis.outlets, outlet, "labels").round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "labels", outlet=outlet, per_category=3)

# %% [markdown]
# ## Actor salience
# Which actors this outlet names, how often, first or most, in headlines and leads, and as the
# agent or the target of an action.

# %%
views.actor_table(analysis.outlets, outlet).round(2)

# %%
roles = analysis.evidence[analysis.evidence["category"].str.contains(":", regex=False)]
views.top_evidence(roles, analysis.sentences, "salience", outlet=outlet, per_category=2)

# %% [markdown]
# ## Readability and tone

# %%
views.scores(analysis.outlets, outlet)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "tone", outlet=outlet, per_category=5)

# %% [markdown]
# ## What cleaning removed
# Boilerplate cut before analysis (the original text stays in the corpus records).

# %%
views.removals(analysis.removals, outlet)

# %% [markdown]
# ## Validation of the coding
# Shown when `coded_sheets` names one or two coded sheets (`toolkit validate export`, then
# coders write 1 or 0 in the `code` column): precision per codebook entry, Cohen's kappa between
# the coders, and the entries to fix with the sentences coded wrong.

# %%
if coded_sheets:
    validation = score_sheets([read_coded_sheet(path.strip()) for path in coded_sheets.split(",")])
    display(Markdown(summary(validation)))
    display(validation.entries.round(2))
    display(validation.errors)
else:
    display(Markdown("No coded sheet given (parameter `coded_sheets`)."))
