// Package matrix writes the stance matrix of package stances: the experts × propositions
// matrix, the agreement of every pair of experts, the cruxes and consensus, and two-expert
// comparisons, for the terminal, as Markdown, CSV, TSV, JSON, HTML and XLSX, the matrix in
// long (tidy) form, and pictures of the matrix and of the agreement heat map: SVG, or a
// Graphviz JSON layout that render draws as PNG or PDF, laid out here without a layout engine.
//
// The statistics are computed by stances; this package only formats them. Every output is
// escaped for its format and deterministic.
//
// # Colours
//
// Positions use a diverging scale built on the Okabe-Ito blue and vermillion that argmap
// uses for support and attack (safe for colour-blind readers), with grey for mixed; see
// [PositionColor]. Experts keep their colour from [argmap.Debate.ExpertColor].
//
// The JSON shapes are described in README.md beside this file.
package matrix
