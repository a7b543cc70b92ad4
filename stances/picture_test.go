package stances

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestPictureDOT(t *testing.T) {
	d := fixture(t, 3,
		"a: ++ . -*",
		"b: +  ~ .",
	)
	m := New(d, Options{Order: ByFile})
	got := string(m.DOT())
	for _, want := range []string{
		`<TD BGCOLOR="#0072B2"><FONT COLOR="#FFFFFF"><B>++</B></FONT></TD>`,
		`<TD><FONT COLOR="#999999">·</FONT></TD>`,
		`<TD BGCOLOR="#EAAE80"><FONT COLOR="#000000"><B>-*</B></FONT></TD>`,
		`<TD BGCOLOR="#CCCCCC"><FONT COLOR="#000000"><B>~</B></FONT></TD>`,
		`<B>P3</B></TD><TD ALIGN="LEFT">Proposition 3.</TD>`,
		`<B>Expert A</B>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("matrix DOT lacks %s", want)
		}
	}
	agree := string(m.AgreementDOT())
	// a and b share p1 only (++ and +): same side, n=1, few.
	if !strings.Contains(agree, "<B>100%</B><BR/><FONT POINT-SIZE=\"8\">n=1, few</FONT>") {
		t.Errorf("agreement DOT lacks the a-b cell:\n%s", agree)
	}
	if !bytes.Equal(m.DOT(), New(d, Options{Order: ByFile}).DOT()) {
		t.Error("matrix DOT differs between two builds")
	}
}

func TestPictureEscapesAndNativeDot(t *testing.T) {
	d := parse(t, hostileFiles())
	m := New(d, Options{})
	for name, src := range map[string][]byte{"matrix": m.DOT(), "agreement": m.AgreementDOT(), "transposed": New(d, Options{Transpose: true}).DOT()} {
		if bytes.Contains(src, []byte("<script>")) {
			t.Errorf("%s DOT holds unescaped markup", name)
		}
		dot, err := exec.LookPath("dot")
		if err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("CI must have Graphviz's dot")
			}
			continue
		}
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = bytes.NewReader(src)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil || errb.Len() > 0 {
			t.Errorf("%s: native dot rejects our DOT: %v %s", name, err, errb.String())
		}
		if !strings.Contains(out.String(), "&lt;script&gt;") {
			t.Errorf("%s: SVG does not show the hostile text literally", name)
		}
	}
}
