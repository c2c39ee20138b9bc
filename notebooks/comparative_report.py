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
policy_codebook = ""
conflict_codebook = ""
labels_codebook = ""
actors_codebook = ""

# %%
from IPython.display import Markdown, display

from toolkit.notebook import page, plots, views

page.configure_display()
codebooks = page.codebook_arguments(globals())
page.check_parameters(
    {"analysis_dir": analysis_dir, **codebooks},
    {name: str for name in ("analysis_dir", *codebooks)},
)
analysis = page.load_analysis(analysis_dir, codebooks)
colours = plots.outlet_colours(analysis.outlets["outlet"].unique())
display(Markdown(page.provenance(analysis)))
views.wide(analysis.outlets)[["outlet", "n_articles", "n_words", "n_sentences"]]

# %% [markdown]
# ## Hedging and boosters per 1,000 words

# %%
hedging = views.family_rates(analysis.outlets, "hedging")
page.show(plots.grouped_rates(hedging, title="Hedging by outlet", colours=colours))
hedging.round(2)

# %%
views.category_counts(analysis.evidence, "hedging")

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "hedging", per_category=2)

# %% [markdown]
# ## Sourcing
# Who gets a voice and how: attributions per 1,000 words, anonymity (share of anonymous and
# unnamed sources), direct quotation, the affiliation of sources (actor codebook) and the stance
# of reporting verbs, each with the sentences behind it.

# %%
sourcing = views.family_rates(analysis.outlets, "attribution")
sourcing = sourcing[["attributions", "named", "anonymous", "direct_quotes"]]
page.show(plots.grouped_rates(sourcing, title="Attribution by outlet", colours=colours))
sourcing.round(2)

# %% [markdown]
# Anonymity and direct quotation per outlet (shares 0 to 1; the named-to-anonymous ratio is NaN
# for an outlet without anonymous sources).

# %%
views.sourcing_summary(analysis.attributions).round(2)

# %%
shares = views.source_type_shares(analysis.attributions)
page.show(plots.stacked_shares(shares, title="Source types by outlet"))
shares.round(2)

# %%
views.sourcing_sentences(analysis.attributions, analysis.sentences, "source_type", "anonymous")

# %%
views.sourcing_sentences(analysis.attributions, analysis.sentences, "quote_type", "direct")

# %% [markdown]
# Affiliation balance: whose side the sources speak for (shares of each outlet's attributions).

# %%
balance = views.affiliation_balance(analysis.attributions)
page.show(plots.stacked_shares(balance, title="Source affiliation by outlet"))
balance.round(2)

# %%
views.sourcing_sentences(analysis.attributions, analysis.sentences, "affiliation", "iran")

# %% [markdown]
# Reporting-verb stance: neutral (said), assertive (insisted), doubt (claimed), alarm (warned),
# disclosure (revealed), refusal (declined to comment).

# %%
stances = views.stance_mix(analysis.attributions)
page.show(plots.stacked_shares(stances, title="Reporting-verb stance by outlet"))
stances.round(2)

# %%
views.sourcing_sentences(analysis.attributions, analysis.sentences, "verb_stance", "doubt")

# %% [markdown]
# The first source of each article, and every attribution.

# %%
views.first_sources(analysis.attributions, analysis.sentences)

# %%
views.sourcing_table(analysis.attributions, analysis.sentences)

# %% [markdown]
# ## Framing per 1,000 words

# %%
framing = views.family_rates(analysis.outlets, "framing")
page.show(plots.grouped_rates(framing, title="Frames by outlet", colours=colours))
framing.round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "framing", per_category=2)

# %% [markdown]
# ## Policy frames per 1,000 words
# The 15 dimensions of the Policy Frames Codebook (Boydstun et al.).

# %%
policy = views.family_rates(analysis.outlets, "policy")
page.show(plots.grouped_rates(policy, title="Policy frames by outlet", colours=colours))
policy.round(2)

# %% [markdown]
# ## Conflict-coverage frames per 1,000 words

# %%
conflict = views.family_rates(analysis.outlets, "conflict")
page.show(plots.grouped_rates(conflict, title="Conflict frames by outlet", colours=colours))
conflict.round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "conflict", per_category=2)

# %% [markdown]
# ## Loaded labels per 1,000 words
# By kind of label and by the side a label favours.

# %%
labels = views.family_rates(analysis.outlets, "labels")
page.show(plots.grouped_rates(labels, title="Loaded labels by outlet", colours=colours))
labels.round(2)

# %%
views.top_evidence(analysis.evidence, analysis.sentences, "labels", per_category=3)

# %% [markdown]
# ## Readability and tone

# %%
views.scores(analysis.outlets)

# %% [markdown]
# ## Articles not analysed

# %%
analysis.rejected

# %% [markdown]
# ## Rates with confidence intervals
# Rates per 1,000 words with 95% percentile bootstrap intervals (2,000 resamples, fixed seed).
# Pairwise differences use the bootstrap standard errors (Wald z); p-values are adjusted over
# each family's table by Holm (family-wise) and Benjamini-Hochberg (false discovery rate).

# %%
from toolkit import compare
from toolkit.notebook import plots_compare

texts = compare.analysis_texts(analysis.documents, analysis.sentences)
sentences = compare.analysis_sentences(analysis.sentences)
intervals = {
    family: compare.family_intervals(analysis.evidence, sentences, family)
    for family in ("hedging", "framing")
}
display(Markdown(compare.resampling_note(intervals["framing"])))

# %%
for family, table in intervals.items():
    title = f"{family.capitalize()} per 1,000 words, 95% intervals"
    page.show(plots_compare.rates_with_intervals(table, title=title, colours=colours))
intervals["framing"].round(2)

# %%
intervals["hedging"].round(2)

# %%
pairs = compare.pairwise_differences(intervals["framing"])
pairs.sort_values(["p_value", "measure", "outlet_a", "outlet_b"]).head(15).round(3)

# %%
compare.pairwise_differences(intervals["hedging"]).sort_values(
    ["p_value", "measure", "outlet_a", "outlet_b"]
).head(15).round(3)

# %% [markdown]
# ## Distinctive words and phrases
# Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): each
# outlet against all the others, then pairwise. z above 1.96 (dashed line): the outlet uses
# the term more than the others beyond chance.

# %%
counts = compare.term_counts(texts)
distinctive = compare.log_odds(counts, top=10)
page.show(
    plots_compare.distinctive_terms(distinctive, title="Distinctive terms", colours=colours)
)
distinctive.round(2)

# %%
compare.log_odds(counts, comparison="pairwise", top=5).round(2)

# %% [markdown]
# ## Coverage: who mentions what
# People, places, organisations, figures and dates per outlet (number of mentions; an empty
# cell means the outlet never mentions the item). Figures are normalised: "99%", "99 percent"
# and "ninety-nine percent" are one item.

# %%
items = compare.coverage_items(texts, sentences)
matrix = compare.coverage_matrix(items)
page.show(
    plots_compare.coverage_heatmap(
        matrix[matrix["n_outlets"] > 1], title="Items several outlets mention", colours=colours
    )
)
matrix

# %% [markdown]
# Items only one outlet mentions, and items every outlet but one mentions (what that outlet
# left out).

# %%
compare.unique_items(items)

# %%
compare.missing_items(items)

# %% [markdown]
# ## Text reuse
# Sentences of one outlet matched in another: MinHash with locality-sensitive hashing, then the
# exact Jaccard similarity. One event's coverage is searched for paraphrase (shared content
# words); a large corpus for copied text (three-word sequences), which scales.

# %%
reuse_settings = compare.reuse_settings_for(sentences)
display(Markdown(compare.describe_settings(reuse_settings)))
aligned = compare.aligned_sentences(sentences, reuse_settings)
reuse = compare.reuse_matrix(sentences, aligned)
page.show(
    plots_compare.reuse_heatmap(reuse, title="Share of words in matched sentences", colours=colours)
)
compare.reuse_shares(sentences, aligned).round(3)

# %%
aligned.round(2)

# %% [markdown]
# ## Framing and sourcing contrasts
# Frames and named sources one outlet uses that no other does, with the sentences, and each
# outlet's balance of source types.

# %%
compare.exclusive_frames(analysis.evidence, analysis.sentences)

# %%
compare.exclusive_frames(analysis.evidence, analysis.sentences, level="rule")

# %%
compare.exclusive_sources(analysis.attributions, analysis.sentences)

# %%
balance = compare.source_balance(analysis.attributions)
page.show(plots_compare.sourcing_balance(balance, title="Sourcing balance", colours=colours))
balance.round(2)
