package argmap

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"
)

// Limits on what Load and Parse accept, so that a huge input gets an error, not an
// out-of-memory.
const (
	MaxFileSize = 10 << 20 // bytes per file
	MaxFiles    = 10000    // expert files per debate

	// The curator's summary in debate.toml is read first, so it is kept short; the limits
	// count characters (runes), not bytes.
	MaxBottomLine = 1200  // characters of bottom_line: a short paragraph
	MaxKeyPoints  = 10    // key_points
	MaxKeyPoint   = 300   // characters of one key point
	MaxNotes      = 10000 // characters of notes
)

// ManifestName is the name of the file that describes a debate and its propositions.
const ManifestName = "debate.toml"

// File is one TOML file of a debate. Path is used in diagnostics; a file whose base name is
// debate.toml is the debate's manifest, any other is an expert file.
type File struct {
	Path string
	Data []byte
}

// Options tune validation.
type Options struct {
	// Source, when not empty, is the text the experts' reactions were published in: every
	// quote must occur in it. In a debate with several [[sources]], it is the first one's.
	Source string
	// SourceName names the source text in diagnostics (its file name).
	SourceName string
	// Sources are the texts of a debate's [[sources]] by id, and their names: each quote
	// must occur in the source its claim or expert names.
	Sources     map[string]string
	SourceNames map[string]string

	// Set by Load when files could not be read, so that Parse does not report what they
	// might have defined.
	brokenManifest, brokenExperts bool
	// Set by Load: what reading the files found, for Parse to report with its own.
	read Diagnostics
	// Set by Load, which owns the files: Parse drops each file's bytes once it has its text
	// (a large debate's bytes would otherwise be held twice while it is read).
	release bool
}

// Load reads and validates the debate at path: a debate folder (debate.toml and
// experts/*.toml), a file of a debate folder (the whole debate is loaded), or a lone TOML
// file. The debate is nil when the diagnostics hold an error.
func Load(path string, opt Options) (*Debate, Diagnostics) {
	files, diags := ReadFiles(path)
	for _, x := range diags {
		if x.Severity != Error {
			continue
		}
		if filepath.Base(x.Path) == ManifestName {
			opt.brokenManifest = true
		} else if strings.HasSuffix(x.Path, ".toml") {
			opt.brokenExperts = true
		}
	}
	opt.read, opt.release = diags, true
	return Parse(files, opt)
}

// Root returns the debate folder a path belongs to: path itself when it is a folder, the
// folder of a debate.toml, or the debate folder above experts/x.toml. For a lone file that
// belongs to no debate it returns the file itself.
func Root(path string) string {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		up := filepath.Dir(filepath.Clean(path))
		if filepath.Base(filepath.Clean(path)) == "experts" && exists(filepath.Join(up, ManifestName)) {
			return up
		}
		return path
	}
	dir := filepath.Dir(path)
	if filepath.Base(path) == ManifestName {
		return dir
	}
	if filepath.Base(dir) == "experts" {
		if up := filepath.Dir(dir); exists(filepath.Join(up, ManifestName)) {
			return up
		}
	}
	return path
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// ReadFiles reads the files of the debate at path (see [Load]) without parsing them. Files
// over MaxFileSize are reported, not read.
func ReadFiles(path string) ([]File, Diagnostics) {
	var diags Diagnostics
	root := Root(path)
	fi, err := os.Stat(root)
	if err != nil {
		diags.errorf(whole(path), "%s", describeOSError(err))
		return nil, diags
	}
	if !fi.IsDir() {
		f, ok := readFile(root, &diags)
		if !ok {
			return nil, diags
		}
		return []File{f}, diags
	}
	manifest := filepath.Join(root, ManifestName)
	if _, err := os.Stat(manifest); err != nil {
		diags.add(whole(root), Error, "a debate folder holds debate.toml and experts/*.toml; see docs/schema.md",
			"no %s in this folder", ManifestName)
		return nil, diags
	}
	var files []File
	if f, ok := readFile(manifest, &diags); ok {
		files = append(files, f)
	}
	expertsDir := filepath.Join(root, "experts")
	entries, err := os.ReadDir(expertsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		diags.errorf(whole(expertsDir), "%s", describeOSError(err))
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, ".toml") && e.IsDir():
			diags.warn(whole(filepath.Join(expertsDir, name)), "ignored-file", name, "an expert file is a file, not a folder",
				"a folder named like an expert file: not read")
		case strings.HasSuffix(name, ".toml"):
			names = append(names, name)
		case looksLikeTOML(name):
			diags.warn(whole(filepath.Join(expertsDir, name)), "ignored-file", name, fmt.Sprintf("did you mean %q?", strings.TrimSuffix(name, filepath.Ext(name))+".toml"),
				"not read: expert files end in .toml")
		}
	}
	sort.Strings(names)
	if len(names) > MaxFiles {
		diags.errorf(whole(expertsDir), "%d expert files, over the limit of %d", len(names), MaxFiles)
		names = names[:MaxFiles]
	}
	for _, name := range names {
		if f, ok := readFile(filepath.Join(expertsDir, name), &diags); ok {
			files = append(files, f)
		}
	}
	return files, diags
}

// looksLikeTOML reports whether a file name that does not end in .toml was probably meant
// to: another case (".TOML") or a near miss (".tml", ".tom"). Backups ("x.toml~") and
// hidden files are not.
func looksLikeTOML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" || strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
		return false
	}
	return editDistance(ext[1:], "toml") <= 1
}

// readFile reads a regular file (or a symbolic link to one). Anything else (a named pipe, a
// device, a socket) is reported, not read: reading it could block forever or never end.
func readFile(path string, diags *Diagnostics) (File, bool) {
	// O_NONBLOCK: opening a named pipe does not wait for a writer; the check below refuses it.
	fh, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		diags.errorf(whole(path), "%s", describeOSError(err))
		return File{}, false
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil {
		diags.errorf(whole(path), "%s", describeOSError(err))
		return File{}, false
	}
	if !fi.Mode().IsRegular() {
		diags.add(whole(path), Error, "argmap reads only regular files", "not a regular file but %s", describeMode(fi.Mode()))
		return File{}, false
	}
	var buf bytes.Buffer
	if fi.Size() <= MaxFileSize {
		buf.Grow(int(fi.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(io.LimitReader(fh, MaxFileSize+1))
	data := buf.Bytes()
	if err != nil {
		diags.errorf(whole(path), "%s", describeOSError(err))
		return File{}, false
	}
	if len(data) > MaxFileSize {
		diags.add(whole(path), Error, "split the debate into smaller files", "file is larger than the %d MiB limit", MaxFileSize>>20)
		return File{}, false
	}
	return File{Path: path, Data: data}, true
}

// describeMode names the type of a file that is not a regular file.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// Parse validates the files of one debate and builds its model. Files are taken in the order
// given; the one named debate.toml is the manifest. The debate is nil when the diagnostics
// hold an error. Diagnostics are sorted.
func Parse(files []File, opt Options) (*Debate, Diagnostics) {
	// Files are decoded in parallel (TOML decoding is most of the work), each into its own
	// result, and assembled in the order given.
	type result struct {
		diags  Diagnostics
		man    *manifestDecl
		expert *expertDecl
	}
	results := make([]result, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				r := &results[i]
				f := files[i]
				if len(f.Data) > MaxFileSize {
					r.diags.add(whole(f.Path), Error, "split the debate into smaller files", "file is larger than the %d MiB limit", MaxFileSize>>20)
					continue
				}
				root, ctx, ok := parseFile(f, &r.diags)
				if opt.release {
					files[i].Data = nil
				}
				if !ok {
					continue
				}
				if filepath.Base(f.Path) == ManifestName {
					r.man = readManifest(root, ctx)
				} else {
					r.expert = readExpert(root, ctx)
				}
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()

	diags := append(Diagnostics(nil), opt.read...)
	var man *manifestDecl
	var experts []*expertDecl
	for i, r := range results {
		diags = append(diags, r.diags...)
		if r.man == nil && r.expert == nil { // could not be parsed
			if filepath.Base(files[i].Path) == ManifestName {
				opt.brokenManifest = true
			} else {
				opt.brokenExperts = true
			}
		}
		switch {
		case r.man != nil && man != nil:
			diags.errorf(whole(files[i].Path), "second %s in one debate (the first is %s)", ManifestName, DisplayPath(man.path))
		case r.man != nil:
			man = r.man
		case r.expert != nil:
			experts = append(experts, r.expert)
		}
	}
	d := validate(man, experts, opt, &diags)
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return d, diags
}

// parseFile decodes one file and indexes its positions.
func parseFile(f File, diags *Diagnostics) (*node, *fileCtx, bool) {
	if !utf8.Valid(f.Data) {
		line, col := firstInvalidUTF8(f.Data)
		diags.add(Pos{Path: f.Path, Line: line, Col: col}, Error, "save the file as UTF-8 text", "not UTF-8 text")
		return nil, nil, false
	}
	if line, col, c, bad := firstControl(f.Data); bad {
		hint := "remove it; TOML allows only tab and newline"
		if c == 0 {
			hint = "a NUL byte: is the file UTF-16? save it as UTF-8"
		}
		diags.add(Pos{Path: f.Path, Line: line, Col: col}, Error, hint, "control character 0x%02x in the file", c)
		return nil, nil, false
	}
	if off, msg, ok := prescan(f.Data, schemaShape); !ok {
		line, col := offsetPos(f.Data, off)
		diags.add(Pos{Path: f.Path, Line: line, Col: col}, Error, "a debate file never needs more than a few levels; see docs/schema.md", "%s", msg)
		return nil, nil, false
	}
	text := string(f.Data) // one copy, shared by the decoder and the index
	m, ok := decodeTOML(f.Path, text, diags)
	if !ok {
		return nil, nil, false
	}
	ctx := &fileCtx{path: f.Path, ix: buildIndex(text), diags: diags}
	return &node{f: ctx, m: m}, ctx, true
}

func firstInvalidUTF8(b []byte) (line, col int) {
	line, col = 1, 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		b = b[size:]
	}
	return line, col
}

// manifestDecl is debate.toml as read, with positions.
type manifestDecl struct {
	sourceIDs []text // the ids of [[sources]]
	noProps   bool   // the propositions key is missing or unusable
	allow     []text // [check] allow
	path      string
	d         *Debate
	props     []*propDecl
}

type propDecl struct {
	p      *Proposition
	at     Pos // the id
	kindAt Pos
	tags   []text
}

type expertDecl struct {
	sourceAt Pos
	ids      map[string]*claimDecl // the claims by id, set by validate
	path     string
	e        *Expert
	at       Pos // the id
	claims   []*claimDecl
	stances  []*stanceDecl
}

// locOf is where p is in its file; pos puts it back in the expert's file.
func locOf(p Pos) loc { return loc{p.Line, p.Col} }

func (x *expertDecl) pos(l loc) Pos { return Pos{Path: x.path, Line: l.line, Col: l.col} }

type claimDecl struct {
	sourceAt         Pos
	c                *Claim
	at               Pos // the id
	kindAt, quoteAt  Pos
	supports, attack []text
}

type stanceDecl struct {
	s *Stance
	// Where its keys are, without the file's path (the expert's): a large panel has tens of
	// thousands of stances.
	propAt, positionAt, confAt, quoteAt loc
	position                            string
	confidence                          int64
	hasConfidence                       bool
	evidence                            []text
}

func readManifest(root *node, f *fileCtx) *manifestDecl {
	m := &manifestDecl{path: f.path, d: &Debate{}}
	m.d.Title, _ = root.str("title", true)
	m.d.Date = root.date("date")
	m.d.Description, _ = root.str("description", false)
	m.d.BottomLine = root.bounded("bottom_line", MaxBottomLine, "a bottom line is a short paragraph; put the rest in description or notes")
	m.d.KeyPoints = root.points("key_points")
	m.d.Notes = root.bounded("notes", MaxNotes, "notes on method are read at the end of a briefing: keep them to a page")
	if src, ok := root.subtable("source"); ok {
		s := &Source{}
		s.Title, _ = src.str("title", true)
		s.Publisher, _ = src.str("publisher", false)
		s.URL, _ = src.str("url", false)
		s.Date = src.date("date")
		src.finish()
		m.d.Source = s
	}
	for _, sn := range root.tables("sources") {
		s := &Source{}
		var at Pos
		s.ID, at = sn.str("id", true)
		s.Title, _ = sn.str("title", true)
		s.Publisher, _ = sn.str("publisher", false)
		s.URL, _ = sn.str("url", false)
		s.Date = sn.date("date")
		sn.finish()
		m.d.Sources = append(m.d.Sources, s)
		m.sourceIDs = append(m.sourceIDs, text{s.ID, at})
	}
	if m.d.Source != nil && len(m.d.Sources) > 0 {
		root.f.diags.add(root.at("source"), Error, "move it into [[sources]] with an id", "a debate has one [source] or several [[sources]], not both")
	}
	props := root.tables("propositions")
	if v, ok := root.m["propositions"]; !ok {
		m.noProps = true
		root.f.diags.add(root.here(), Error, "add [[propositions]] tables with id and text", "missing required key %q", "propositions")
	} else if len(props) == 0 {
		_, isArray := v.([]map[string]any)
		m.noProps = !isArray
	}
	for _, pn := range props {
		p := &Proposition{}
		var at Pos
		p.ID, at = pn.str("id", true)
		p.Text, _ = pn.str("text", true)
		kind, kindAt := pn.str("kind", false)
		p.Kind = PropositionKind(kind)
		tags := pn.strs("tags")
		for _, t := range tags {
			p.Tags = append(p.Tags, t.s)
		}
		pn.finish()
		m.props = append(m.props, &propDecl{p: p, at: at, kindAt: kindAt, tags: tags})
	}
	if chk, ok := root.subtable("check"); ok {
		m.allow = chk.strs("allow")
		chk.finish()
	}
	root.finish()
	return m
}

func readExpert(root *node, f *fileCtx) *expertDecl {
	x := &expertDecl{path: f.path, e: &Expert{}}
	x.e.ID, x.at = root.str("id", true)
	x.e.Name, _ = root.str("name", true)
	x.e.SortName, _ = root.str("sort_name", false)
	x.e.Role, _ = root.str("role", false)
	x.e.Affiliation, _ = root.str("affiliation", false)
	x.e.Source, x.sourceAt = root.str("source", false)
	for _, cn := range root.tables("claims") {
		c := &Claim{}
		cd := &claimDecl{c: c}
		c.ID, cd.at = cn.str("id", true)
		var kind string
		kind, cd.kindAt = cn.str("kind", true)
		c.Kind = Kind(kind)
		c.Text, _ = cn.str("text", true)
		c.Quote, cd.quoteAt = cn.str("quote", false)
		c.Implicit = cn.boolean("implicit")
		c.Source, cd.sourceAt = cn.str("source", false)
		cd.supports = cn.strs("supports")
		cd.attack = cn.strs("attacks")
		cn.finish()
		x.claims = append(x.claims, cd)
	}
	for _, sn := range root.tables("stances") {
		s := &Stance{}
		sd := &stanceDecl{s: s}
		var at Pos
		s.Proposition, at = sn.str("proposition", true)
		sd.propAt = locOf(at)
		sd.position, at = sn.str("position", true)
		sd.positionAt = locOf(at)
		sd.confidence, sd.hasConfidence = sn.integer("confidence")
		sd.confAt = locOf(sn.valAt("confidence"))
		s.Inferred = sn.boolean("inferred")
		sd.evidence = sn.strs("evidence")
		s.Quote, at = sn.str("quote", false)
		sd.quoteAt = locOf(at)
		s.Note, _ = sn.str("note", false)
		sn.finish()
		x.stances = append(x.stances, sd)
	}
	root.finish()
	return x
}
