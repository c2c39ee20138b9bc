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
# All outlets side by side: how each hedges, attributes and frames the story, per 1,000 words
# with 95% intervals, the differences that hold after correction, and the sentences behind the
# figures.

# %% tags=["parameters"]
analysis_dir = ""  # folder written by `toolkit analyze`; empty: analyse the bundled sample corpus
hedging_codebook = ""  # your own codebook (YAML), only used when analysis_dir is empty
framing_codebook = ""
policy_codebook = ""
conflict_codebook = ""
labels_codebook = ""
actors_codebook = ""
figures_dir = ""  # folder for the figures (PNG, SVG, PDF) and their tables (CSV); empty: none

# %%
from IPython.display import Markdown, display

from toolkit import compare
from toolkit.notebook import figures, page, plots_compare, rates, tables, views

page.configure_display()
codebooks = page.codebook_arguments(globals())
page.check_parameters(
    {"analysis_dir": analysis_dir, "figures_dir": figures_dir, **codebooks},
    {name: str for name in ("analysis_dir", "figures_dir", *codebooks)},
)
analysis = page.load_analysis(analysis_dir, codebooks, lazy=True)
outlets = analysis.table("outlets")
attributions = analysis.table("attributions")
display(Markdown(page.provenance(analysis)))

# %% [markdown]
# ## Summary
# Differences between outlets in hedges, boosters, attributions, anonymous and unnamed-group
# sources and loaded labels that hold after Holm's correction, from a Poisson model of each
# article's count with its words as exposure (see "How outlets are compared" at the end).

# %%
display(Markdown(page.bullets(rates.summary(analysis))))

# %% [markdown]
# ## Outlets
# Articles and words per outlet (articles in other languages than those analysed are left out).

# %%
page.show_html(views.outlet_overview(outlets))

# %% [markdown]
# ## Hedging and boosters
# Rates per 1,000 words with 95% intervals (Hyland 2005).

# %%
hedging = rates.family_comparison(analysis, "hedging")
page.show_comparison(hedging, figures_dir)

# %%
page.show_frame(
    views.top_evidence(analysis, "hedging", per_category=2), figures_dir, "hedging-evidence"
)

# %% [markdown]
# ## Sourcing
# Who gets a voice and how: attributions per 1,000 words by kind of source, the mix of source
# types (anonymous sources and unnamed groups apart), the affiliation of sources and the stance
# of reporting verbs, each with the sentences behind it.

# %%
sourcing = rates.family_comparison(
    analysis,
    "attribution",
    categories=("attributions", "named", "anonymous", "unnamed_group", "implicit", "direct_quotes"),
)
page.show_comparison(sourcing, figures_dir)

# %%
page.show_html(views.sourcing_summary_table(attributions))

# %%
page.show_shares(views.source_type_shares(attributions), "Source types", figures_dir)

# %%
page.show_frame(
    views.sourcing_sentences(analysis, "source_type", "anonymous"), figures_dir, "anonymous-sources"
)

# %%
page.show_frame(
    views.sourcing_sentences(analysis, "quote_type", "direct"), figures_dir, "direct-quotes"
)

# %% [markdown]
# Affiliation balance: whose side the sources speak for (shares of each outlet's attributions).

# %%
page.show_shares(views.affiliation_balance(attributions), "Source affiliation", figures_dir)

# %%
page.show_frame(
    views.sourcing_sentences(analysis, "affiliation", "iran"),
    figures_dir,
    "iran-affiliated-sources",
)

# %% [markdown]
# Reporting-verb stance: neutral (said), assertive (insisted), doubt (claimed), alarm (warned),
# disclosure (revealed), refusal (declined to comment).

# %%
page.show_shares(views.stance_mix(attributions), "Reporting-verb stance", figures_dir)

# %%
page.show_frame(
    views.sourcing_sentences(analysis, "verb_stance", "doubt"), figures_dir, "doubt-verbs"
)

# %% [markdown]
# The first source of each article.

# %%
page.show_frame(views.first_sources(analysis), figures_dir, "first-sources")

# %% [markdown]
# ## Generic frames
# Semetko & Valkenburg (2000); matches in the scope of a negation ("will not join any
# counterattack") are evidence but not counted.

# %%
framing = rates.family_comparison(analysis, "framing")
page.show_comparison(framing, figures_dir)

# %%
page.show_frame(
    views.top_evidence(analysis, "framing", per_category=2), figures_dir, "framing-evidence"
)

# %% [markdown]
# ## Policy frames
# The 15 dimensions of the Policy Frames Codebook (Boydstun et al.).

# %%
policy = rates.family_comparison(analysis, "policy")
page.show_comparison(policy, figures_dir)

# %% [markdown]
# ## Conflict frames
# Escalation and retaliation, restraint and diplomacy, defensive success, humanitarian cost.

# %%
conflict = rates.family_comparison(analysis, "conflict")
page.show_comparison(conflict, figures_dir)

# %%
page.show_frame(
    views.top_evidence(analysis, "conflict", per_category=2), figures_dir, "conflict-evidence"
)

# %% [markdown]
# ## Loaded labels
# By kind of label and by the side a label favours.

# %%
labels = rates.family_comparison(analysis, "labels")
page.show_comparison(labels, figures_dir)

# %%
page.show_frame(
    views.top_evidence(analysis, "labels", per_category=3), figures_dir, "labels-evidence"
)

# %% [markdown]
# ## Readability and tone
# Means over each outlet's articles.

# %%
page.show_frame(views.scores(outlets), figures_dir, "readability-and-tone")

# %% [markdown]
# ## Articles not analysed

# %%
page.show_frame(analysis.table("rejected"), figures_dir, "rejected")

# %% [markdown]
# ## Distinctive words and phrases
# The word-level comparisons (this section, coverage and text reuse) read the articles' sentences;
# for a large corpus, an even sample of them (said below). Log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): each
# outlet against all the others. z above 1.96 (dashed line): the outlet uses the term more than
# the others beyond chance.

# %%
words = page.word_level(analysis)
display(Markdown(words.note))
texts, sentences = words.texts, words.sentences
counts = compare.term_counts(texts)
distinctive = compare.log_odds(counts, top=10)
page.show(plots_compare.distinctive_terms(distinctive, title="Distinctive terms"))
page.show_frame(distinctive, figures_dir, "distinctive-terms")

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
        matrix[matrix["n_outlets"] > 1], title="Items several outlets mention"
    )
)
page.show_frame(matrix, figures_dir, "coverage")

# %% [markdown]
# Items only one outlet mentions, and items every outlet but one mentions (what that outlet
# left out).

# %%
page.show_frame(compare.unique_items(items), figures_dir, "items-one-outlet-mentions")

# %%
page.show_frame(compare.missing_items(items), figures_dir, "items-one-outlet-leaves-out")

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
page.show(plots_compare.reuse_heatmap(reuse, title="Share of words in matched sentences"))
page.show_frame(compare.reuse_shares(sentences, aligned), figures_dir, "reuse-shares")

# %% [markdown]
# ## Framing and sourcing contrasts
# Frames and named sources one outlet uses that no other does, with the sentences.

# %%
framing_evidence = analysis.table("evidence", filters=[("family", "==", "framing")])
page.show_frame(
    compare.exclusive_frames(framing_evidence, analysis), figures_dir, "exclusive-frames"
)

# %%
page.show_frame(compare.exclusive_sources(attributions, analysis), figures_dir, "exclusive-sources")

# %% [markdown]
# ## How outlets are compared
# Rates are per 1,000 words, pooled over an outlet's articles, with a 95% interval: the exact
# Poisson interval of Garwood (1936) for outlets of fewer than 30 articles (proper for zero
# counts), and a bootstrap over whole articles from 30 articles on, never narrower than the
# exact interval. Differences come from a Poisson regression of each article's count with its
# words as exposure and outlet fixed effects (and story fixed effects when the corpus has an
# `event` or `topic` column), standard errors clustered by article and floored at the
# quasi-Poisson error; outlets without a single hit get the exact conditional test for two
# Poisson rates. p-values are corrected by Holm and by Benjamini-Hochberg within each measure.
# With one article per outlet a test compares two texts, not the outlets' reporting in general.
