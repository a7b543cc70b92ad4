package briefing

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/graph"
	"github.com/argmap-dev/argmap/draw"
	"github.com/argmap-dev/argmap/internal/pdfnorm"
	"github.com/argmap-dev/argmap/internal/pdftext"
	"github.com/argmap-dev/argmap/matrix"
	"github.com/argmap-dev/argmap/render"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
)

// The pack's pages: A4 portrait, in millimetres (canvas's unit, y up). Printed on Letter
// (216 x 279 mm) with "fit to page" it loses nothing: the margins are wide enough.
const (
	pageW, pageH = 210.0, 297.0
	margin       = 18.0
	footerY      = 9.0
	textW        = pageW - 2*margin
	mmPerPt      = 25.4 / 72
)

var (
	inkColor   = color.RGBA{0x1d, 0x1d, 0x1f, 0xff}
	mutedColor = color.RGBA{0x5c, 0x5c, 0x66, 0xff}
	lineColor  = color.RGBA{0xd6, 0xd6, 0xde, 0xff}
)

// pack lays out the pages of the PDF, then writes them with page numbers.
type pack struct {
	fonts *canvas.FontFamily
	pages []*canvas.Canvas
	ctx   *canvas.Context // of the current page
	y     float64         // the top of the free space on the current page
	links []link          // the sources' links
	// pictures are the maps, drawn once the pages are laid out.
	pictures []*picture
	draw     draw.Options // told what happens as the maps are laid out
}

type link struct {
	page int // index in pages
	url  string
	rect canvas.Rect
}

func newPack() (*pack, error) {
	fam := canvas.NewFontFamily("Liberation Sans")
	for style, ttf := range map[canvas.FontStyle][]byte{
		canvas.FontRegular: liberationsansregular.TTF,
		canvas.FontBold:    liberationsansbold.TTF,
		canvas.FontItalic:  liberationsansitalic.TTF,
	} {
		if err := fam.LoadFont(ttf, 0, style); err != nil {
			return nil, fmt.Errorf("cannot load the font: %w", err)
		}
	}
	return &pack{fonts: fam}, nil
}

func (p *pack) newPage() {
	c := canvas.New(pageW, pageH)
	p.pages = append(p.pages, c)
	p.ctx = canvas.NewContext(c)
	p.y = pageH - margin
}

// need starts a new page unless h millimetres fit above the bottom margin.
func (p *pack) need(h float64) {
	if p.y-h < margin {
		p.newPage()
	}
}

func (p *pack) face(size float64, style canvas.FontStyle, col color.Color) *canvas.FontFace {
	return p.fonts.Face(size, col, style)
}

// box lays out text in a box of the given width.
func (p *pack) box(s string, size float64, style canvas.FontStyle, col color.Color, width float64) (*canvas.Text, float64) {
	face := p.face(size, style, col)
	t := canvas.NewTextBox(face, pdftext.Prepare(oneLine(s), face, width), width, 0, canvas.Left, canvas.Top, nil)
	return t, t.Bounds().H()
}

// para writes a paragraph across the text width at the cursor, indented by indent.
func (p *pack) para(s string, size float64, style canvas.FontStyle, col color.Color, indent, after float64) {
	if strings.TrimSpace(s) == "" {
		return
	}
	t, h := p.box(s, size, style, col, textW-indent)
	p.need(h)
	p.ctx.DrawText(margin+indent, p.y, t)
	p.y -= h + after
}

func (p *pack) heading(s string) {
	p.need(30)
	p.para(s, 16, canvas.FontBold, inkColor, 0, 1.5)
	p.rule()
}

func (p *pack) rule() {
	p.ctx.SetFillColor(inkColor)
	p.ctx.DrawPath(margin, p.y, canvas.Rectangle(textW, 0.5))
	p.y -= 4
}

func hexColor(s string) color.RGBA {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		return color.RGBA{0x99, 0x99, 0x99, 0xff}
	}
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// PDF writes the briefing as a printable pack: a cover with the bottom line, the findings
// and the contents; the description and the sources in full (the note [n] after a quote
// numbers its source); the stance matrix, the cruxes and pairwise agreement, the maps scaled
// to the page, one page per proposition and one per expert; the curator's notes on method
// last; with page numbers.
// The same debate gives the same bytes.
func (b *Briefing) PDF(ctx context.Context) ([]byte, error) {
	p, err := newPack()
	if err != nil {
		return nil, err
	}
	p.draw = b.opt.Draw
	data := b.data
	var toc []tocEntry
	section := func(title string) {
		p.newPage()
		toc = append(toc, tocEntry{title, len(p.pages)})
		p.heading(title)
	}

	v := b.view(nil)
	p.cover(data)
	cover, coverY := p.ctx, p.y

	section("The debate and its sources")
	p.sources(data)
	section("Stance matrix")
	p.matrix(b)
	section("Cruxes and agreement")
	p.cruxes(v)
	p.pairs(v)

	specs := map[string]graph.Options{}
	for _, s := range b.maps() {
		specs[s.id] = s.opt
		if strings.HasPrefix(s.id, "expert:") {
			continue
		}
		section(s.caption)
		if err := p.drawMap(ctx, b.debate, s.opt); err != nil {
			return nil, err
		}
	}
	if !b.hasConflicts() {
		p.para("No expert attacks another expert's claim: there are no collisions to map.", 10, canvas.FontRegular, mutedColor, 0, 2)
	} else if v.Collisions > 0 {
		p.para(fmt.Sprintf("The collisions between experts involve %d claims: too many for a readable map.", v.Collisions), 10, canvas.FontRegular, mutedColor, 0, 2)
	}
	for i, pv := range v.Props {
		p.newPage()
		if i == 0 {
			toc = append(toc, tocEntry{"The propositions", len(p.pages)})
		}
		p.proposition(pv)
	}
	for i, e := range data.Experts {
		p.newPage()
		if i == 0 {
			toc = append(toc, tocEntry{"The experts", len(p.pages)})
		}
		opt, drawn := specs["expert:"+e.ID]
		if err := p.expert(ctx, b, e, opt, drawn); err != nil {
			return nil, err
		}
	}

	if data.Notes != "" {
		section("Notes on method")
		p.para(data.Notes, 10.5, canvas.FontRegular, inkColor, 0, 4)
	}

	// The contents, on the cover, now that the pages are known.
	p.ctx, p.y = cover, coverY
	p.contents(toc)
	if err := p.drawPictures(); err != nil {
		return nil, err
	}
	return p.write(data.Title)
}

type tocEntry struct {
	title string
	page  int
}

// cover writes the first page: the title, the curator's bottom line and key points, the
// findings and the sources in short; the contents follow.
func (p *pack) cover(d *Data) {
	p.newPage()
	p.y -= 12
	p.para("BRIEFING", 10, canvas.FontBold, mutedColor, 0, 3)
	p.para(d.Title, 22, canvas.FontBold, inkColor, 0, 3)
	p.para(d.Date, 11, canvas.FontRegular, mutedColor, 0, 4)
	if d.BottomLine != "" {
		p.para("Bottom line", 12, canvas.FontBold, inkColor, 0, 1.5)
		p.para(d.BottomLine, 11, canvas.FontRegular, inkColor, 0, 2)
	}
	for _, k := range d.KeyPoints {
		p.para("\u2022 "+k, 10, canvas.FontRegular, inkColor, 3, 1.2)
	}
	p.y -= 3
	p.para("Findings", 12, canvas.FontBold, inkColor, 0, 1.5)
	for _, f := range d.Findings {
		p.para("\u2022 "+f, 9.5, canvas.FontRegular, inkColor, 3, 1)
	}
	p.y -= 3
	for _, s := range d.Sources {
		p.para(fmt.Sprintf("[%d] %s", s.Note, sourceLine(s)), 9, canvas.FontRegular, mutedColor, 0, 1)
	}
	p.y -= 5
}

// sourceLine is a source's title, publisher and date.
func sourceLine(s Source) string {
	line := s.Title
	if s.Publisher != "" {
		line += ", " + s.Publisher
	}
	if s.Date != "" {
		line += ", " + s.Date
	}
	return line
}

// sources writes the curator's description and every source in full, numbered as the notes
// after the quotes: title, publisher, date and the whole URL, a link when it is http(s).
func (p *pack) sources(d *Data) {
	p.para(d.Description, 10.5, canvas.FontRegular, inkColor, 0, 6)
	if len(d.Sources) == 0 {
		return
	}
	p.para(map[bool]string{true: "Source", false: "Sources"}[len(d.Sources) == 1], 12, canvas.FontBold, inkColor, 0, 2)
	p.para("A number in brackets after a quote is the source it comes from.", 9, canvas.FontRegular, mutedColor, 0, 2)
	for _, s := range d.Sources {
		p.para(fmt.Sprintf("[%d] %s", s.Note, sourceLine(s)), 10.5, canvas.FontRegular, inkColor, 0, 1)
		if s.URL == "" {
			p.y -= 2
			continue
		}
		col := mutedColor
		if s.Link != "" {
			col = hexColor(argmap.SupportColor)
		}
		t, h := p.box(s.URL, 9, canvas.FontRegular, col, textW-6)
		p.need(h)
		p.ctx.DrawText(margin+6, p.y, t)
		if s.Link != "" {
			p.links = append(p.links, link{page: len(p.pages) - 1, url: s.Link, rect: canvas.Rect{X0: margin + 6, Y0: p.y - h, X1: margin + textW, Y1: p.y}})
		}
		p.y -= h + 3
	}
}

func (p *pack) contents(toc []tocEntry) {
	p.para("Contents", 12, canvas.FontBold, inkColor, 0, 2)
	for _, e := range toc {
		t, h := p.box(e.title, 10.5, canvas.FontRegular, inkColor, textW-20)
		n, _ := p.box(strconv.Itoa(e.page), 10.5, canvas.FontRegular, inkColor, 20)
		if p.y-h < margin {
			return // a cover too full for its contents: the page numbers still guide
		}
		p.ctx.DrawText(margin, p.y, t)
		p.ctx.DrawText(margin+textW-n.Bounds().W(), p.y, n)
		p.y -= h + 1.2
	}
}

// matrix draws the stance matrix, rows and columns in clustered order, with its legend and
// the key of the propositions.
func (p *pack) matrix(b *Briefing) {
	m, data := b.matrix, b.data
	p.para("Rows and columns are ordered by similarity, so that coalitions show as blocks. * inferred; · not addressed (never counted as disagreement).", 9.5, canvas.FontRegular, mutedColor, 0, 4)
	n := len(data.Propositions)
	nameW := 48.0
	cell := min(12, (textW-nameW)/float64(max(n, 1)))
	rowH := min(7, cell*0.75+2)
	size := min(9, rowH*2)
	head := func() {
		p.need(rowH * 2)
		for j, q := range data.Propositions {
			t, _ := p.box(q.Key, size*0.85, canvas.FontBold, mutedColor, cell)
			p.ctx.DrawText(margin+nameW+float64(j)*cell+(cell-t.Bounds().W())/2, p.y, t)
		}
		p.y -= rowH
	}
	head()
	for i, e := range m.Experts() {
		if p.y-rowH < margin {
			p.newPage()
			head()
		}
		p.ctx.SetFillColor(hexColor(b.debate.ExpertColor(e.ID)))
		p.ctx.DrawPath(margin, p.y-rowH*0.75, canvas.Rectangle(2.5, 2.5))
		t, _ := p.box(e.Name, size, canvas.FontBold, inkColor, nameW-5)
		p.ctx.DrawText(margin+4, p.y-0.5, t)
		for j := range m.Propositions() {
			s := m.Cell(i, j)
			x := margin + nameW + float64(j)*cell
			sym, fill, ink := "·", color.RGBA{0xff, 0xff, 0xff, 0xff}, mutedColor
			if s != nil {
				sym, fill, ink = s.Position.Symbol(), hexColor(matrix.PositionColor(s.Position)), inkColor
				if s.Position == argmap.StronglyAgree || s.Position == argmap.StronglyDisagree {
					ink = color.RGBA{0xff, 0xff, 0xff, 0xff}
				}
				if s.Inferred {
					sym += "*"
				}
			}
			p.ctx.SetFillColor(fill)
			p.ctx.SetStrokeColor(color.RGBA{0x99, 0x99, 0x99, 0xff})
			p.ctx.SetStrokeWidth(0.2)
			p.ctx.DrawPath(x+0.4, p.y-rowH+0.4, canvas.Rectangle(cell-0.8, rowH-0.8))
			p.ctx.SetStrokeColor(canvas.Transparent)
			t, th := p.box(sym, size, canvas.FontBold, ink, cell)
			p.ctx.DrawText(x+(cell-t.Bounds().W())/2, p.y-(rowH-th)/2, t)
		}
		p.y -= rowH
	}
	p.y -= 4
	var legend []string
	for q := argmap.StronglyAgree; q >= argmap.StronglyDisagree; q-- {
		legend = append(legend, q.Symbol()+" "+words(q))
	}
	p.para(strings.Join(legend, "    ")+"    * inferred    · not addressed", 9, canvas.FontRegular, inkColor, 0, 4)
	for _, q := range data.Propositions {
		p.para(q.Key+"  "+q.Text, 9.5, canvas.FontRegular, inkColor, 0, 1.2)
	}
}

func (p *pack) cruxes(v *view) {
	if len(v.Cruxes) == 0 {
		p.para("No crux: on every proposition addressed by two or more experts, they all take one side.", 10.5, canvas.FontRegular, inkColor, 0, 4)
	}
	for i, c := range v.Cruxes {
		p.need(25)
		p.para(fmt.Sprintf("%d. %s  %s", i+1, c.Prop.Key, c.Prop.Text), 11.5, canvas.FontBold, inkColor, 0, 1)
		p.para(fmt.Sprintf("Divisiveness %.2f, addressed by %d of %d experts.", c.Divisiveness, c.Addressed, v.ExpertCount), 9, canvas.FontRegular, mutedColor, 0, 2)
		for _, side := range c.Sides {
			p.para(side.Name, 9.5, canvas.FontBold, mutedColor, 3, 1)
			for _, x := range side.Voices {
				p.voice(x, 6, textW-6, false)
			}
		}
		p.y -= 3
	}
	if len(v.Consensus) > 0 {
		p.para("Where they agree", 12, canvas.FontBold, inkColor, 0, 2)
		for _, c := range v.Consensus {
			p.para(fmt.Sprintf("%s  %s (%s, %d of %d)", c.Prop.Key, c.Prop.Text, c.Side, c.Addressed, v.ExpertCount), 10, canvas.FontRegular, inkColor, 3, 1.5)
		}
	}
}

func (p *pack) pairs(v *view) {
	p.y -= 4
	p.need(40)
	p.para("Pairwise agreement", 12, canvas.FontBold, inkColor, 0, 1)
	p.para("Over the propositions both address (n): share on the same side, mean distance on the 5-point scale, Cohen's quadratic-weighted kappa.", 9, canvas.FontRegular, mutedColor, 0, 2)
	cols := []float64{78, 12, 22, 20, 18, 24}
	row := func(style canvas.FontStyle, cells ...string) {
		h := 0.0
		var ts []*canvas.Text
		for i, c := range cells {
			t, th := p.box(c, 9, style, inkColor, cols[i]-2)
			ts, h = append(ts, t), max(h, th)
		}
		p.need(h + 1)
		x := margin
		for i, t := range ts {
			p.ctx.DrawText(x, p.y, t)
			x += cols[i]
		}
		p.y -= h + 1
		p.ctx.SetFillColor(lineColor)
		p.ctx.DrawPath(margin, p.y+0.4, canvas.Rectangle(textW, 0.2))
	}
	row(canvas.FontBold, "Experts", "n", "same side", "distance", "kappa", "note")
	for _, x := range v.Pairs {
		row(canvas.FontRegular, x.A+" · "+x.B, strconv.Itoa(x.Shared), x.Agreement, x.Distance, x.Kappa, x.Note)
	}
}

// voice writes one expert's stance: who, how, the quote, the note and the evidence.
func (p *pack) voice(v voiceView, indent, width float64, column bool) float64 {
	how := v.Symbol + "  " + v.Name + ": " + v.Label
	if v.Confidence > 0 {
		how += fmt.Sprintf(", confidence %d/10", v.Confidence)
	}
	if v.Inferred {
		how += ", inferred"
	}
	type line struct {
		s     string
		size  float64
		style canvas.FontStyle
		col   color.Color
		in    float64
	}
	lines := []line{{how, 10, canvas.FontBold, inkColor, 0}}
	if v.Quote != "" {
		q := "\u201c" + v.Quote + "\u201d"
		if v.Cite != nil {
			q += fmt.Sprintf(" [%d]", v.Cite.Note)
		}
		lines = append(lines, line{q, 9.5, canvas.FontItalic, inkColor, 3})
	}
	if v.Note != "" {
		lines = append(lines, line{"Note: " + v.Note, 9, canvas.FontRegular, mutedColor, 3})
	}
	for _, c := range v.Evidence {
		lines = append(lines, line{"\u2022 " + c.Text, 9, canvas.FontRegular, inkColor, 5})
	}
	var total float64
	texts := make([]*canvas.Text, len(lines))
	hs := make([]float64, len(lines))
	for i, l := range lines {
		texts[i], hs[i] = p.box(l.s, l.size, l.style, l.col, width-l.in)
		total += hs[i] + 0.8
	}
	if !column {
		p.need(total)
	}
	y := p.y
	for i, l := range lines {
		p.ctx.DrawText(margin+indent+l.in, y, texts[i])
		y -= hs[i] + 0.8
	}
	if !column {
		p.y = y - 2
	}
	return total + 2
}

// proposition writes one proposition's page: for and against in two columns, mixed below.
func (p *pack) proposition(pv propView) {
	p.para(pv.Prop.Key+"  "+pv.Prop.Text, 15, canvas.FontBold, inkColor, 0, 1.5)
	if len(pv.Prop.Tags) > 0 {
		p.para(strings.Join(pv.Prop.Tags, ", "), 9, canvas.FontRegular, mutedColor, 0, 1)
	}
	p.rule()
	colW := (textW - 8) / 2
	p.para("For", 11, canvas.FontBold, hexColor("#005A8C"), 0, 0)
	p.y += 4.5 // the two column heads share a line
	p.ctx.DrawText(margin+colW+8, p.y, must(p.box("Against", 11, canvas.FontBold, hexColor("#A34400"), colW)))
	p.y -= 6
	top := p.y
	yl, yr := top, top
	sides := [2][]voiceView{pv.For, pv.Against}
	for k, vs := range sides {
		if len(vs) == 0 {
			vs = nil
			t, h := p.box("Nobody.", 10, canvas.FontRegular, mutedColor, colW)
			p.ctx.DrawText(margin+float64(k)*(colW+8), top, t)
			if k == 0 {
				yl -= h + 2
			} else {
				yr -= h + 2
			}
		}
		for _, v := range vs {
			y := &yl
			if k == 1 {
				y = &yr
			}
			p.y = *y
			h := p.voice(v, float64(k)*(colW+8), colW, true)
			if *y-h < margin { // the column is full: carry on over the page
				p.newPage()
				yl, yr = p.y, p.y
				y = &yl
				if k == 1 {
					y = &yr
				}
				p.y = *y
				h = p.voice(v, float64(k)*(colW+8), colW, true)
			}
			*y -= h
		}
	}
	p.y = min(yl, yr) - 3
	if len(pv.Mixed) > 0 {
		p.para("Mixed", 11, canvas.FontBold, mutedColor, 0, 2)
		for _, v := range pv.Mixed {
			p.voice(v, 0, textW, false)
		}
	}
	if len(pv.Silent) > 0 {
		p.para("Not addressed by "+strings.Join(pv.Silent, ", ")+".", 9.5, canvas.FontRegular, mutedColor, 0, 2)
	}
}

func must(t *canvas.Text, _ float64) *canvas.Text { return t }

// expert writes an expert's page: who they are, their recommendations, and their map
// (drawn with opt) or, when the debate is too big for one map per expert, their claims.
func (p *pack) expert(ctx context.Context, b *Briefing, e Expert, opt graph.Options, drawn bool) error {
	p.ctx.SetFillColor(hexColor(e.Color))
	p.ctx.DrawPath(margin, p.y-5, canvas.Rectangle(4, 4))
	t, h := p.box(e.Name, 16, canvas.FontBold, inkColor, textW-7)
	p.ctx.DrawText(margin+7, p.y, t)
	p.y -= h + 1
	who := e.Role
	if e.Affiliation != "" {
		who = strings.TrimPrefix(who+", "+e.Affiliation, ", ")
	}
	p.para(who, 10, canvas.FontRegular, mutedColor, 0, 2)
	p.rule()
	p.para("Recommendations", 11, canvas.FontBold, inkColor, 0, 1.5)
	x, _ := b.debate.Expert(e.ID)
	n := 0
	for _, c := range x.Claims {
		if c.Kind == argmap.Recommendation {
			p.para("\u2022 "+c.Text, 10, canvas.FontRegular, inkColor, 3, 1.5)
			n++
		}
	}
	if n == 0 {
		p.para("None recorded.", 10, canvas.FontRegular, mutedColor, 3, 1.5)
	}
	p.y -= 3
	if !drawn {
		p.para("Reasoning", 11, canvas.FontBold, inkColor, 0, 1.5)
		for _, c := range x.Claims {
			p.para("\u2022 "+c.Text+" ("+string(c.Kind)+")", 9.5, canvas.FontRegular, inkColor, 3, 1.2)
		}
		return nil
	}
	return p.drawMap(ctx, b.debate, opt)
}

// picture is a map placed on a page, drawn once every page is laid out: drawing maps is
// pure Go and runs in parallel, while Graphviz lays them out one at a time.
type picture struct {
	ctx        *canvas.Context
	layout     []byte
	x, y, w, h float64 // millimetres on the page
}

// drawMap lays the map out with Graphviz and reserves its place: scaled to the free space
// on the page (never enlarged), to be drawn once the pages are laid out.
func (p *pack) drawMap(ctx context.Context, d *argmap.Debate, opt graph.Options) error {
	layout, err := draw.Map(ctx, d, opt, render.JSON, p.draw)
	if err != nil {
		return err
	}
	var l struct {
		BB string `json:"bb"`
	}
	if err := json.Unmarshal(layout, &l); err != nil {
		return fmt.Errorf("cannot read a map's layout: %w", err)
	}
	var x0, y0, x1, y1 float64
	if _, err := fmt.Sscanf(l.BB, "%g,%g,%g,%g", &x0, &y0, &x1, &y1); err != nil {
		return fmt.Errorf("cannot read a map's size %q: %w", l.BB, err)
	}
	w, h := (x1-x0)*mmPerPt, (y1-y0)*mmPerPt // millimetres at 100 %
	if p.y-margin < 60 {
		p.newPage()
	}
	k := min(textW/w, (p.y-margin)/h, 1)
	pw, ph := w*k, h*k
	p.pictures = append(p.pictures, &picture{ctx: p.ctx, layout: layout, x: margin + (textW-pw)/2, y: p.y - ph, w: pw, h: ph})
	p.y -= ph + 4
	return nil
}

// drawPictures draws every reserved map on its page, in vector (render.DrawOn): text stays
// text, and nothing is rasterised.
func (p *pack) drawPictures() error {
	for _, pic := range p.pictures { // in page order: the same bytes every run
		w, _, err := render.LayoutSize(pic.layout)
		if err != nil {
			return fmt.Errorf("cannot draw a map: %w", err)
		}
		if err := render.DrawOn(pic.ctx.Renderer, pic.layout, pic.x, pic.y, pic.w/w); err != nil {
			return fmt.Errorf("cannot draw a map: %w", err)
		}
	}
	return nil
}

// write adds the page numbers and writes the pages as one PDF with the time taken out.
func (p *pack) write(title string) ([]byte, error) {
	var buf bytes.Buffer
	doc := pdf.New(&buf, pageW, pageH, &pdf.Options{Compress: true, SubsetFonts: true})
	doc.SetInfo(oneLine(title), "Briefing", "", "", "argmap brief")
	for i, c := range p.pages {
		ctx := canvas.NewContext(c)
		t := canvas.NewTextBox(p.face(8.5, canvas.FontRegular, mutedColor), fmt.Sprintf("%d / %d", i+1, len(p.pages)), textW, 0, canvas.Center, canvas.Top, nil)
		ctx.DrawText(margin, footerY+3, t)
		if i > 0 {
			doc.NewPage(pageW, pageH)
		}
		c.RenderTo(doc)
		for _, l := range p.links {
			if l.page == i {
				doc.AddLink(l.url, l.rect)
			}
		}
	}
	if err := doc.Close(); err != nil {
		return nil, fmt.Errorf("cannot write the pdf: %w", err)
	}
	return pdfnorm.Reproducible(buf.Bytes())
}
