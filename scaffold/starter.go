package scaffold

// starterDebate and starterExperts are the commented example debate that `argmap new`
// writes: small, valid, and a tour of the format.
const starterDebate = `# debate.toml: the event, where the experts' reactions were published, and the shared
# propositions every expert may take a stance on. The whole format: docs/schema.md in argmap,
# or "argmap schema" for editor completion. Check your work with: argmap check .

title = "Port strike: should the city settle?"   # required
date = 2026-01-15                                # optional: the event's date (YYYY-MM-DD)
description = "Dockworkers have struck for two weeks; two economists react."

# Your bottom line, read first (in argmap brief, on the PDF's cover, in argmap show): what
# the experts conclude, in a short paragraph, and a few key points that back it.
bottom_line = "The two economists split: Doe sees lasting harm and wants a settlement this week; Roe expects the harm to pass and would hold out for a longer contract."
key_points = [
  "Doe: shippers who leave the port will not come back quickly.",
  "Roe: rerouted cargo returns once a strike ends, and settling now sets a costly precedent.",
]
# Your notes on method, shown at the end of a briefing: how you chose the experts and read
# their stances.
notes = "Stances are read from the published reactions; inferred ones say so."

# Where the reactions were published. "argmap check --source article.txt ." then verifies
# that every quote below occurs in that text, in the expert's own section.
[source]
title = "Economists react to the port strike"
publisher = "Example Review"
url = "https://example.org/port-strike-reactions"

# Propositions: statements one can agree or disagree with. Ids are lower-case letters,
# digits, - and _; experts refer to them by id.
[[propositions]]
id = "strike-hurts-economy"
text = "The strike is doing lasting harm to the city's economy."

[[propositions]]
id = "settle-now"
text = "The city should settle with the union now."
`

var starterExperts = []file{
	{"experts/doe.toml", `# One file per expert. The file name is free; the id is what others refer to.
id = "doe"
name = "Jane Doe"
role = "Professor of economics"     # optional
affiliation = "Example University"  # optional

# Claims are the expert's reasoning, in your words ("text"), with a short verbatim "quote"
# (one sentence at most). kind: premise (a reason), conclusion (a thesis that is not a call
# to action) or recommendation (what someone should do).
[[claims]]
id = "exports-stalled"
kind = "premise"
text = "Exports through the port have stopped for two weeks."
quote = "Nothing has left the port in two weeks"
supports = ["lasting-harm"]        # a bare id: a claim of this expert

[[claims]]
id = "lasting-harm"
kind = "conclusion"
text = "The strike is doing lasting harm: shippers will move to other ports."
supports = ["settle"]

[[claims]]
id = "shippers-stay"
kind = "premise"
implicit = true                    # the argument needs it; the expert never says it
text = "Shippers who leave do not come back quickly."
supports = ["lasting-harm"]

[[claims]]
id = "settle"
kind = "recommendation"
text = "The city should accept the union's offer this week."

# Stances: the expert's position on shared propositions, on a 5-point scale:
# strongly-agree, agree, mixed, disagree, strongly-disagree. Record nothing for a
# proposition the expert does not address: that is never counted as disagreement.
[[stances]]
proposition = "strike-hurts-economy"
position = "strongly-agree"
confidence = 8                     # optional, 1-10: how sure the expert sounds
evidence = ["lasting-harm"]

[[stances]]
proposition = "settle-now"
position = "agree"
evidence = ["settle"]
`},
	{"experts/roe.toml", `id = "roe"
name = "Richard Roe"
role = "Senior fellow"
affiliation = "Example Institute"

[[claims]]
id = "rerouting-temporary"
kind = "premise"
text = "Rerouted cargo returns once a strike ends, as it did in past strikes."
attacks = ["doe/lasting-harm"]     # "expert/claim": a claim of another expert

[[claims]]
id = "wait"
kind = "recommendation"
text = "The city should hold out for a longer contract."

[[claims]]
id = "costly-precedent"
kind = "premise"
text = "Settling now would set a costly precedent for the next negotiation."
supports = ["wait"]
attacks = ["doe/settle"]

[[stances]]
proposition = "strike-hurts-economy"
position = "disagree"
inferred = true                    # implied, not stated: say why in a note
note = "He says the harm is temporary, which implies it is not lasting."
evidence = ["rerouting-temporary"]

[[stances]]
proposition = "settle-now"
position = "strongly-disagree"
evidence = ["wait", "costly-precedent"]
`},
}
