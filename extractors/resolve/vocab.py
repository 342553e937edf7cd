"""The words the resolver reads descriptions with: pronouns, the head nouns of unnamed officials, groups and
bodies, and the role nouns a definite description ("the minister") points back to a named person with."""

from __future__ import annotations

PRONOUN_MALE = frozenset({"he", "him", "his", "himself"})
PRONOUN_FEMALE = frozenset({"she", "her", "hers", "herself"})
PRONOUN_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
PRONOUN_NEUTER = frozenset({"it", "its", "itself"})
PRONOUNS = PRONOUN_MALE | PRONOUN_FEMALE | PRONOUN_PLURAL | PRONOUN_NEUTER

# Head nouns of unnamed speakers and bodies ("a Foreign Ministry official", "the ministry", "U.S. officials").
OFFICIAL_NOUNS = frozenset(
    "official officials diplomat diplomats spokesman spokeswoman spokesperson spokespeople source sources envoy envoys "
    "delegation delegations negotiator negotiators aide aides adviser advisers advisor advisors minister ministers "
    "leader leaders leadership authorities authority representative representatives ambassador".split()
)
BODY_NOUNS = frozenset(
    "ministry department office administration government embassy cabinet consulate mission council parliament "
    "palace agency presidency chancellery secretariat bureau".split()
)
GROUP_NOUNS = frozenset(
    "officials diplomats sources envoys delegations negotiators aides advisers advisors ministers leaders "
    "authorities representatives spokespeople".split()
)
# Role nouns that a definite description ("the minister") can use to point back at a named person.
ROLE_LINKS: dict[str, tuple[str, ...]] = {
    "minister": ("minister",),
    "secretary": ("secretary",),
    "president": ("president",),
    "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",),
    "ambassador": ("ambassador",),
    "envoy": ("envoy", "ambassador", "representative"),
    "diplomat": ("foreign minister", "secretary of state", "foreign secretary", "ambassador", "envoy", "diplomat",
                 "deputy foreign minister", "undersecretary"),
    "leader": ("president", "prime minister", "chancellor", "leader", "king", "premier", "emperor", "supreme leader"),
    "spokesman": ("spokesperson",),
    "spokeswoman": ("spokesperson",),
    "spokesperson": ("spokesperson",),
    "king": ("king",),
    "queen": ("queen",),
}
DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "their", "its"})
GOVERNMENT_HEADS = frozenset(
    "government officials official leaders leader president side delegation authorities administration ministry "
    "minister diplomats diplomat forces troops military envoy ambassador embassy counterpart counterparts premier "
    "chancellor cabinet parliament".split()
)
MAX_BACK_SENTENCES = 3
# Nouns that refer back to an international organisation ("the bloc", "the alliance").
IGO_NOUNS = frozenset({"bloc", "alliance", "organization", "organisation", "grouping", "union"})
ROYAL_WORDS = frozenset({"king", "queen", "prince", "princess", "emir", "sultan", "sheikh", "emperor", "crown"})
DESCRIPTION_WORDS = frozenset(
    "president minister secretary premier chancellor ambassador envoy taoiseach tánaiste tanaiste undersecretary "
    "leader diplomat spokesman spokeswoman spokesperson king queen prince princess emir sultan sheikh".split()
)
