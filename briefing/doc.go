// Package briefing composes a debate's argument maps (argmap/graph drawn by render)
// and its stance matrix (stances) into finished documents: one self-contained interactive
// HTML page ([Briefing.HTML]) and a printable PDF pack ([Briefing.PDF]).
//
// [New] gathers the facts the documents show into [Data], which is also the one JSON blob
// the page's script reads ([Briefing.Payload]); HTML and PDF draw the maps they need with
// Graphviz. The page works offline: its CSS, script and maps are inline, it makes no network
// request, and a strict Content-Security-Policy allows only its own script and style (by
// hash). Text from the debate is escaped by html/template and set with textContent by the
// script; a source URL becomes a link only when it is http or https.
//
// Both documents open with the curator's bottom line and key points and the findings
// (package findings: each says how many experts it rests on); the description and every
// source follow, the curator's notes on method come last. Each quote names its source: a
// link to the list of sources in the page, a numbered note [n] in the PDF.
//
// Neither graph nor stances imports this package: documents depend on them, not the reverse.
package briefing
