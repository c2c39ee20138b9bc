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
figures_dir = ""  # folder for the figures (PNG, SVG, PDF) and their tables (CSV); empty: none

# %%
from IPython.display import Markdown, display

from toolkit.notebook import page, rates, views
from toolkit.validation import read_coded_sheet, score_sheets, summary

page.configure_display()
codebooks = page.codebook_arguments(globals())
names = ("outlet", "analysis_dir", "coded_sheets", "figures_dir", *codebooks)
page.check_parameters(
    {
        "outlet": outlet,
        "analysis_dir": analysis_dir,
        "coded_sheets": coded_sheets,
        "figures_dir": figures_dir,
        **codebooks,
    },
    {name: str for name in names},
)
analysis = page.load_analysis(analysis_dir, codebooks, outlet=outlet, lazy=True)
outlets = analysis.table("outlets")
mine = [("outlet", "==", outlet)]
display(page.heading(outlet))
display(Markdown(page.provenance(analysis)))
page.show_frame(
    views.outlet_articles(analysis.table("documents", filters=mine), outlet),
    figures_dir,
    "articles",
)

# %% [markdown]
# ## Hedging and boosters
# Rates per 1,000 words with 95% intervals (Hyland 2005), this outlet (marked) among all
# outlets; the differences between this outlet and each other one that hold after correction.

# %%
page.show_comparison(rates.family_comparison(analysis, "hedging"), figures_dir, highlight=outlet)

# %%
page.show_frame(
    views.top_evidence(analysis, "hedging", outlet=outlet), figures_dir, "hedging-evidence"
)

# %% [markdown]
# ## Sources and attribution
# Who gets a voice, and how anonymously (anonymous sources and unnamed groups apart).

# %%
sourcing = rates.family_comparison(
    analysis,
    "attribution",
    categories=("attributions", "named", "anonymous", "unnamed_group", "implicit", "direct_quotes"),
)
page.show_comparison(sourcing, figures_dir, highlight=outlet)

# %%
page.show_frame(views.sourcing_table(analysis, outlet), figures_dir, "sourcing")

# %% [markdown]
# ## Framing
# Generic news frames (Semetko & Valkenburg 2000); matches in the scope of a negation are
# evidence but not counted.

# %%
page.show_comparison(rates.family_comparison(analysis, "framing"), figures_dir, highlight=outlet)

# %%
page.show_frame(
    views.top_evidence(analysis, "framing", outlet=outlet, per_category=2),
    figures_dir,
    "framing-evidence",
)

# %% [markdown]
# ## Policy frames
# The 15 frame dimensions of the Policy Frames Codebook (Boydstun et al. 2014): each outlet's
# mean frame shares (headline and lead matches weigh more) and its dominant frame.

# %%
page.show_frame(views.frame_shares(outlets, "policy"), figures_dir, "policy-frame-shares")

# %%
page.show_frame(
    views.top_evidence(analysis, "policy", outlet=outlet, per_category=2),
    figures_dir,
    "policy-evidence",
)

# %% [markdown]
# ## Conflict frames
# Escalation and retaliation, restraint and diplomacy, defensive success, humanitarian cost.

# %%
page.show_frame(views.frame_shares(outlets, "conflict"), figures_dir, "conflict-frame-shares")

# %%
page.show_frame(
    views.top_evidence(analysis, "conflict", outlet=outlet, per_category=2),
    figures_dir,
    "conflict-evidence",
)

# %% [markdown]
# ## Loaded labels
# Words that judge a party by naming it ("Zionist regime", "terrorist", "martyr"), per 1,000
# words, by kind and by the side they favour.

# %%
page.show_comparison(rates.family_comparison(analysis, "labels"), figures_dir, highlight=outlet)

# %%
page.show_frame(
    views.top_evidence(analysis, "labels", outlet=outlet, per_category=3),
    figures_dir,
    "labels-evidence",
)

# %% [markdown]
# ## Actor salience
# Which actors this outlet names, how often, first or most, in headlines and leads, and as the
# agent or the target of an action.

# %%
page.show_frame(views.actor_table(outlets, outlet), figures_dir, "actors")

# %%
page.show_frame(
    views.top_evidence(analysis, "salience", outlet=outlet, per_category=2, roles_only=True),
    figures_dir,
    "actor-roles",
)

# %% [markdown]
# ## Readability and tone

# %%
page.show_frame(views.scores(outlets, outlet), figures_dir, "readability-and-tone")

# %%
page.show_frame(
    views.top_evidence(analysis, "tone", outlet=outlet, per_category=5),
    figures_dir,
    "tone-evidence",
)

# %% [markdown]
# ## What cleaning removed
# Boilerplate cut before analysis (the original text stays in the corpus records).

# %%
page.show_frame(
    views.removals(analysis.table("removals", filters=mine), outlet), figures_dir, "removals"
)

# %% [markdown]
# ## Validation of the coding
# Shown when `coded_sheets` names one or two coded sheets (`toolkit validate export`, then
# coders write 1 or 0 in the `code` column): precision per codebook entry, Cohen's kappa between
# the coders, and the entries to fix with the sentences coded wrong.

# %%
if coded_sheets:
    validation = score_sheets([read_coded_sheet(path.strip()) for path in coded_sheets.split(",")])
    display(Markdown(summary(validation)))
    page.show_frame(validation.entries, figures_dir, "validation-entries")
    page.show_frame(validation.errors, figures_dir, "validation-errors")
else:
    display(Markdown("No coded sheet given (parameter `coded_sheets`)."))
