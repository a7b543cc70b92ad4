package matrix

import (
	"fmt"
	"strconv"

	"github.com/argmap-dev/argmap/argmap"
)

// positionColors are the fills of the positions from strongly-disagree to strongly-agree: the
// Okabe-Ito vermillion and blue of argmap.AttackColor and argmap.SupportColor, the same mixed
// half and half with white, and a neutral grey for mixed. The scale stays readable for the
// common forms of colour blindness (blue against orange, and light against dark).
var positionColors = [5]string{"#D55E00", "#EAAE80", "#CCCCCC", "#80B8D8", "#0072B2"}

// PositionColor returns the fill colour of a position as "#RRGGBB":
//
//	strongly-agree    #0072B2  Okabe-Ito blue
//	agree             #80B8D8  blue, half white
//	mixed             #CCCCCC  grey
//	disagree          #EAAE80  vermillion, half white
//	strongly-disagree #D55E00  Okabe-Ito vermillion
func PositionColor(p argmap.Position) string { return positionColors[clampPos(p)+2] }

// positionInk is the text colour that reads on a position's fill.
func positionInk(p argmap.Position) string {
	if p == argmap.StronglyAgree || p == argmap.StronglyDisagree {
		return "#FFFFFF"
	}
	return "#000000"
}

// positionSGR is the ANSI SGR of a position's symbol in the terminal: 256-colour
// approximations of the fills, bold for the strong positions.
var positionSGR = [5]string{"1;38;5;166", "38;5;216", "38;5;248", "38;5;110", "1;38;5;25"}

const dimSGR = "2"

func clampPos(p argmap.Position) argmap.Position { return min(max(p, -2), 2) }

// label writes a position as its name, "strongly-agree".
func label(p argmap.Position) string { return clampPos(p).String() }

// words writes a position for a reader: "strongly agree".
func words(p argmap.Position) string {
	return [...]string{"strongly disagree", "disagree", "mixed", "agree", "strongly agree"}[clampPos(p)+2]
}

// symbol is a cell of the text tables: the position's symbol, with * when inferred.
func symbol(s *argmap.Stance) string {
	if s == nil {
		return notAddressed
	}
	if s.Inferred {
		return s.Position.Symbol() + "*"
	}
	return s.Position.Symbol()
}

const notAddressed = "·"

// agreementPosition places an agreement share on the position scale, to colour it.
func agreementPosition(share float64) argmap.Position {
	switch {
	case share >= 0.8:
		return argmap.StronglyAgree
	case share >= 0.6:
		return argmap.Agree
	case share > 0.4:
		return argmap.Mixed
	case share > 0.2:
		return argmap.Disagree
	}
	return argmap.StronglyDisagree
}

// hexSGR returns the SGR of the xterm 256-colour cube entry nearest to a "#RRGGBB" colour, as
// foreground.
func hexSGR(hex string) string {
	if len(hex) != 7 || hex[0] != '#' {
		return ""
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return ""
	}
	levels := [6]int{0, 95, 135, 175, 215, 255}
	idx := func(c int) int {
		best := 0
		for i, l := range levels {
			if abs(c-l) < abs(c-levels[best]) {
				best = i
			}
		}
		return best
	}
	r, g, b := idx(int(v>>16&0xff)), idx(int(v>>8&0xff)), idx(int(v&0xff))
	return fmt.Sprintf("38;5;%d", 16+36*r+6*g+b)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
