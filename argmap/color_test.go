package argmap

import (
	"math"
	"strconv"
	"testing"
)

// lab converts an sRGB colour "#RRGGBB", seen through cvd (a matrix on linear RGB; nil for
// normal vision), to CIE L*a*b* (D65).
func lab(t *testing.T, hex string, cvd *[3][3]float64) [3]float64 {
	t.Helper()
	n, err := strconv.ParseUint(hex[1:], 16, 32)
	if len(hex) != 7 || hex[0] != '#' || err != nil {
		t.Fatalf("colour %q is not #RRGGBB", hex)
	}
	var c [3]float64
	for i := range c {
		v := float64(n>>(16-8*i)&0xff) / 255
		if v <= 0.04045 {
			c[i] = v / 12.92
		} else {
			c[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	if cvd != nil {
		var s [3]float64
		for i := range s {
			s[i] = min(1, max(0, cvd[i][0]*c[0]+cvd[i][1]*c[1]+cvd[i][2]*c[2]))
		}
		c = s
	}
	x := (0.4124*c[0] + 0.3576*c[1] + 0.1805*c[2]) / 0.95047
	y := 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	z := (0.0193*c[0] + 0.1192*c[1] + 0.9505*c[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return t/(3*(6.0/29)*(6.0/29)) + 4.0/29
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// Machado, Oliveira and Fernandes (2009), severity 1: how a protanope and a deuteranope see
// a colour, on linear RGB.
var (
	protanopia   = [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}
	deuteranopia = [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}
)

// TestPaletteDistinct: the expert colours read as seven colours, for readers with normal
// vision and for protanopes and deuteranopes: each pair, and each colour against the support
// and attack colours, at least minDelta apart (CIE76 ΔE), and none a grey or black (chroma
// above minChroma), which reads as "no colour".
func TestPaletteDistinct(t *testing.T) {
	const minDelta, minChroma = 15, 25
	if len(Palette) != 7 {
		t.Fatalf("the palette has %d colours; want 7", len(Palette))
	}
	visions := []struct {
		name string
		cvd  *[3][3]float64
	}{{"normal vision", nil}, {"protanopia", &protanopia}, {"deuteranopia", &deuteranopia}}
	relations := map[string]string{SupportColor: "support", AttackColor: "attack"}
	for i, c := range Palette {
		if l := lab(t, c, nil); math.Hypot(l[1], l[2]) < minChroma {
			t.Errorf("Palette[%d] = %s has chroma %.1f; want a colour, at least %d", i, c, math.Hypot(l[1], l[2]), minChroma)
		}
		for _, v := range visions {
			a := lab(t, c, v.cvd)
			for j, d := range Palette[:i] {
				if e := dist(a, lab(t, d, v.cvd)); e < minDelta {
					t.Errorf("in %s, Palette[%d] = %s and Palette[%d] = %s are ΔE %.1f apart; want at least %d", v.name, j, d, i, c, e, minDelta)
				}
			}
			for r, what := range relations {
				if e := dist(a, lab(t, r, v.cvd)); e < minDelta {
					t.Errorf("in %s, Palette[%d] = %s is ΔE %.1f from the %s colour %s; want at least %d", v.name, i, c, e, what, r, minDelta)
				}
			}
		}
	}
}

func dist(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}
