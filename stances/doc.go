// Package stances will hold the experts × propositions stance matrix: pairwise agreement,
// cruxes, consensus and the table writers. It builds on the validated model of package
// argmap; until the matrix lands it holds only this documentation.
package stances
