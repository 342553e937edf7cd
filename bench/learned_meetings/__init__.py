"""EXPERIMENT (round 9, issue 17), not part of the extractor: a small learned second pass over the rule
extractor's meeting output (L2 logistic regression on parse features), measured leave-one-set-out by
`python -m bench.learned_loso` and found not to help (see bench/LEARNED_MEETINGS.md). Kept so that the negative
result can be reproduced and the idea revisited with more data.

`candidates` proposes country sets a contact sentence names that the rules did not output (or output from another
sentence); `features` describes each; `model` scores them; `train` fits the weights."""
