"""Quote extraction: every statement an article attributes to a person or body, one record each.

`extract.find_quotes` runs `finder.QuoteFinder` over one article: quotation marks (`marks`) and speech verbs
(`clauses`) give the statements, `speakers` decides who speaks and `affiliation` which country they speak for;
`lexicon` holds the word lists, including the cheap sentence gate.
"""
