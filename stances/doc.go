// Package stances builds the experts × propositions stance matrix of a debate and the
// statistics read from it: how far every pair of experts agrees, how each proposition divides
// the experts who address it, which propositions are the cruxes, and what separates two
// experts. It is the model only and writes nothing: package matrix writes it in every format.
//
// A cell holds an expert's [argmap.Stance] on a proposition, or nil when the expert does not
// address it. "Not addressed" is never a position: it is never 0, never counted as
// disagreement, and it is left out of every statistic.
//
// # Definitions
//
// Positions are numbers from -2 (strongly disagree) to 2 (strongly agree); their sign is the
// side: agree (+), mixed (0) or disagree (-).
//
// Pairwise agreement of two experts is taken over the propositions both address (Shared):
//
//   - Agree, Differ, Oppose count the shared propositions on which the two take the same side
//     (same sign: mixed agrees with mixed only), on which exactly one of them is mixed, and on
//     which they take opposite sides. Agreement is Agree/Shared.
//   - Distance is the mean absolute difference of positions, from 0 to 4.
//   - Kappa is Cohen's weighted kappa with quadratic weights (i-j)² over the five positions,
//     chance agreement being taken from each expert's own distribution of positions over the
//     shared propositions: 1 - Σ(a-b)² / ((1/n) ΣᵢΣⱼ(aᵢ-bⱼ)²). It is given only when the two
//     share at least [MinShared] propositions and each of them varies over those propositions
//     (an expert who gives one position throughout leaves nothing for chance correction to
//     compare: the formula gives 0/0 when both are constant and a meaningless 0 when one is).
//   - A figure that cannot be computed (no shared proposition, too few, no variation) is
//     absent, written as null in JSON and as "—" in tables, never NaN; Pair.Note says why.
//
// A proposition's consensus is the side of everyone who addresses it when two or more do and
// all of them take the same side (all mixed is a consensus on "mixed"); "divided" when they
// take different sides; "too-few" when fewer than two address it. Its divisiveness is the
// population variance of the positions of those who address it divided by 4, the largest
// variance on the scale: 0 when they all stand at one point (or fewer than two address it), 1
// when half strongly agree and half strongly disagree. The cruxes are the divided
// propositions, most divisive first; ties go to the proposition more experts address, then to
// file order.
//
// Clustering is average-linkage (UPGMA) hierarchical clustering of experts (rows) and of
// propositions (columns), on the distance (Σ|a-b|/4 + 1/2) / (n+1) over the n propositions
// both experts address (for columns: the experts who address both propositions). It is the
// mean normalised difference with one neutral pseudo-observation of 1/2 added, so that a pair
// with no shared proposition sits at the neutral 1/2 and one shared proposition does not make
// two experts identical. The closest pair of clusters merges first; exactly equal distances
// go to the pair whose first members come first in file order. Each merge puts the cluster
// holding the earlier member first, and the leaves read left to right give the order.
//
// # Colours
//
// Positions use a diverging scale built on the Okabe-Ito blue and vermillion that argmap
// uses for support and attack (safe for colour-blind readers), with grey for mixed; package
// matrix draws them. Experts keep their colour from [argmap.Debate.ExpertColor].
package stances
