// Package argmap holds the debate model (propositions, experts, claims, the support and attack
// relations between claims, and stances on propositions) and turns debate folders written in
// TOML into that model, reporting every problem with its position.
//
// The pipeline is: [Load] or [Parse] reads the TOML files, validates them and returns a
// [Debate] together with [Diagnostics]; the debate is usable only when the diagnostics hold no
// error.
package argmap
