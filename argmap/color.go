package argmap

// Palette is the expert colours, from the Okabe-Ito palette (safe for colour-blind readers),
// without the blue and vermillion that mark support and attack. Experts take them in debate
// order; past the sixth the palette repeats.
var Palette = []string{"#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#999999"}

// Colors of the relations, shared by every output.
const (
	SupportColor = "#0072B2" // Okabe-Ito blue
	AttackColor  = "#D55E00" // Okabe-Ito vermillion
)

// ExpertColor returns the colour of the expert with the given id: the same in every output
// of the tool for the same debate. An unknown id gets grey.
func (d *Debate) ExpertColor(id string) string {
	for i, e := range d.Experts {
		if e.ID == id {
			return Palette[i%len(Palette)]
		}
	}
	return "#999999"
}
