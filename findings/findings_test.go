package findings

import (
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/internal/testdebate"
	"github.com/argmap-dev/argmap/stances"
)

// The findings of debates of many shapes, built from fixture rows ("a: ++ + ~ . -", with *
// for an inferred stance and . for a proposition not addressed). Propositions read
// "Proposition N." and experts "Expert A".
func TestOf(t *testing.T) {
	tests := []struct {
		name  string
		props int
		rows  []string
		want  []string
	}{
		{"one expert per proposition", 3, []string{"a: + . .", "b: . -* .", "c: . . ~"}, []string{
			"3 experts take positions on 3 shared propositions, arguing with 0 claims.",
			"1 of the 3 stances is inferred: implied, not stated.",
			"No proposition is addressed by more than one expert, so none shows agreement or division.",
			"Only 1 of 3 experts (Expert A, who agrees) addresses “Proposition 1” (P1).",
			"Only 1 of 3 experts (Expert B, who disagrees) addresses “Proposition 2” (P2), and only by inference.",
			"Only 1 of 3 experts (Expert C, who is mixed) addresses “Proposition 3” (P3).",
		}},
		{"all agree", 2, []string{"a: ++ +", "b: + +", "c: + ++"}, []string{
			"3 experts take positions on 2 shared propositions, arguing with 0 claims.",
			"All 3 experts agree with “Proposition 1” (P1).",
			"All 3 experts agree with “Proposition 2” (P2).",
			"No proposition divides them: on each of the 2 addressed by two or more experts, they all take one side.",
		}},
		{"all inferred", 2, []string{"a: +* -*", "b: +* +*"}, []string{
			"2 experts take positions on 2 shared propositions, arguing with 0 claims.",
			"All 4 stances are inferred: implied, not stated.",
			"Both experts agree with “Proposition 1” (P1), both only by inference.",
			"They divide on one proposition only, “Proposition 2” (P2): 1 for and 1 against, of both experts (all stances inferred).",
		}},
		{"twelve experts", 2, []string{
			"a: ++ +", "b: + -", "c: + --", "d: + ~", "e: ~ .", "f: - .", "g: -- .", "h: + .", "i: + .", "j: + .", "k: + .", "l: +* ."}, []string{
			"12 experts take positions on 2 shared propositions, arguing with 0 claims.",
			"1 of the 16 stances is inferred: implied, not stated.",
			"On none of the 2 propositions addressed by two or more experts do they all take one side.",
			"They divide most on “Proposition 2” (P2): 1 for, 1 mixed and 2 against, of the 4 of 12 experts who address it.",
			"Next most divided is “Proposition 1” (P1): 9 for, 1 mixed and 2 against, of all 12 experts (1 stance inferred).",
		}},
		{"one proposition", 1, []string{"a: +", "b: -", "c: ."}, []string{
			"2 of 3 experts take positions on 1 shared proposition, arguing with 0 claims.",
			"They divide on one proposition only, “Proposition 1” (P1): 1 for and 1 against, of the 2 of 3 experts who address it.",
			"Expert C takes no stance on any proposition.",
		}},
		{"an expert with no stance", 2, []string{"a: + +", "b: + -", "c: . ."}, []string{
			"2 of 3 experts take positions on 2 shared propositions, arguing with 0 claims.",
			"2 of 3 experts agree with “Proposition 1” (P1), the only ones who address it.",
			"They divide on one proposition only, “Proposition 2” (P2): 1 for and 1 against, of the 2 of 3 experts who address it.",
			"Expert C takes no stance on any proposition.",
		}},
		{"a proposition nobody addresses", 3, []string{"a: -- . .", "b: - ~* ."}, []string{
			"2 experts take positions on 2 of 3 shared propositions, arguing with 0 claims.",
			"1 of the 3 stances is inferred: implied, not stated.",
			"Both experts disagree with “Proposition 1” (P1).",
			"No proposition divides them: on the one addressed by two or more experts, they all take one side.",
			"Only 1 of 2 experts (Expert B, who is mixed) addresses “Proposition 2” (P2), and only by inference.",
			"No expert addresses “Proposition 3” (P3).",
		}},
		{"one expert", 2, []string{"a: + ."}, []string{
			"1 expert takes positions on 1 of 2 shared propositions, arguing with 0 claims.",
			"With one expert, there is no agreement or division to report.",
			"No expert addresses “Proposition 2” (P2).",
		}},
		{"nobody takes a stance", 2, []string{"a: . .", "b: . ."}, []string{
			"None of the 2 experts takes a position on the 2 shared propositions; they argue with 0 claims.",
			"No proposition is addressed by more than one expert, so none shows agreement or division.",
			"No expert addresses “Proposition 1” (P1) or “Proposition 2” (P2).",
			"Expert A and Expert B take no stance on any proposition.",
		}},
		{"no experts", 1, nil, []string{"The debate has no experts yet."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testdebate.Fixture(t, tt.props, tt.rows...)
			got := Of(stances.New(d, stances.Options{}))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Of(%q) =\n%s\nwant\n%s", tt.rows, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
