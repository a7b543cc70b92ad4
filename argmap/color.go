package argmap

// Palette is the expert colours, seven hues that colour-blind readers tell apart: the
// Okabe-Ito palette without the blue and vermillion that mark support and attack (orange,
// sky blue, bluish green, reddish purple, yellow), then Paul Tol's wine and sand. No grey or
// black, which read as "no colour". Experts take them in debate order; past the seventh the
// colours repeat, and [Debate.ExpertBadge] tells experts apart.
var Palette = []string{"#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#882255", "#DDCC77"}

// Colors of the relations, shared by every output.
const (
	SupportColor = "#0072B2" // Okabe-Ito blue
	AttackColor  = "#D55E00" // Okabe-Ito vermillion
)

// ExpertColor returns the colour of the expert with the given id: the same in every output
// of the tool for the same debate. An unknown id gets grey.
func (d *Debate) ExpertColor(id string) string {
	if i := d.expertIndex(id); i >= 0 {
		return Palette[i%len(Palette)]
	}
	return "#999999"
}

// ExpertBadge returns a letter that tells the expert apart where colours repeat: "" when
// the debate has no more experts than [Palette] has colours; otherwise every expert has one,
// in debate order: "A" to "Z", then "AA", "AB", ... An unknown id gets "".
func (d *Debate) ExpertBadge(id string) string {
	i := d.expertIndex(id)
	if i < 0 || len(d.Experts) <= len(Palette) {
		return ""
	}
	badge := ""
	for i++; i > 0; i = (i - 1) / 26 {
		badge = string(rune('A'+(i-1)%26)) + badge
	}
	return badge
}

// ExpertLabel returns the expert's name (their id if they have none), after their badge if
// they have one: "[H] Name".
func (d *Debate) ExpertLabel(id string) string {
	name := id
	if e, ok := d.Expert(id); ok && e.Name != "" {
		name = e.Name
	}
	if b := d.ExpertBadge(id); b != "" {
		return "[" + b + "] " + name
	}
	return name
}

func (d *Debate) expertIndex(id string) int {
	for i, e := range d.Experts {
		if e.ID == id {
			return i
		}
	}
	return -1
}
