"""Meeting extraction: every diplomatic contact an article reports, one record per real-world contact.

`extract.find_meetings` runs the parts in order: `triggers` (which words name a contact, and its kind),
`mentions` (one sentence's contact mentions: parties through `args`, status through `status`, time through
`time`, the parse read through `syntax`), `merge` (mentions of one contact folded into one record) and `people`
(participants named in other sentences). `lexicon` holds the word lists, including the cheap sentence gate.
"""
