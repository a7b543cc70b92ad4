package argmap_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap-dev/argmap/argmap"
	"github.com/argmap-dev/argmap/argmap/synth"
)

// BenchmarkLoadSeed reads, parses and validates the seed debate from disk.
func BenchmarkLoadSeed(b *testing.B) {
	for b.Loop() {
		if d, diags := argmap.Load("../seeds/camp-taji", argmap.Options{}); d == nil {
			b.Fatal(diags)
		}
	}
}

// BenchmarkLoadSeedWithSource adds the quote check against the source text.
func BenchmarkLoadSeedWithSource(b *testing.B) {
	src, err := os.ReadFile("../../shared/seeds/000_82e5244e262e7d64.txt")
	if err != nil {
		b.Skip("source text not present")
	}
	for b.Loop() {
		if d, diags := argmap.Load("../seeds/camp-taji", argmap.Options{Source: string(src)}); d == nil {
			b.Fatal(diags)
		}
	}
}

func benchmarkGenerated(b *testing.B, claims int) {
	files := synth.Generate(synth.Config{Claims: claims})
	dir := b.TempDir()
	if err := synth.Write(dir, files); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if d, diags := argmap.Load(filepath.Join(dir), argmap.Options{}); d == nil {
			b.Fatal(diags)
		}
	}
}

// BenchmarkLoad1000 reads, parses and validates a generated debate of 1,000 claims.
func BenchmarkLoad1000(b *testing.B) { benchmarkGenerated(b, 1000) }

// BenchmarkLoad10000 shows how loading scales.
func BenchmarkLoad10000(b *testing.B) { benchmarkGenerated(b, 10000) }

// danglingDebate is a debate whose one expert has n claims, each supporting a claim that
// does not exist and resembles none: the worst case for "did you mean" hints.
func danglingDebate(n int) []argmap.File {
	var b strings.Builder
	b.WriteString("id = \"a\"\nname = \"A\"\n")
	for i := range n {
		fmt.Fprintf(&b, "[[claims]]\nid = \"claim-%05d\"\nkind = \"premise\"\ntext = \"C.\"\nsupports = [\"missing-%d\"]\n", i, i)
	}
	return []argmap.File{
		{Path: "d/debate.toml", Data: []byte("title = \"T\"\n[[propositions]]\nid = \"p\"\ntext = \"P.\"\n")},
		{Path: "d/experts/a.toml", Data: []byte(b.String())},
	}
}

// BenchmarkDanglingReferences checks 5,000 and 20,000 references to missing claims.
func BenchmarkDanglingReferences(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		files := danglingDebate(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, diags := argmap.Parse(files, argmap.Options{}); !diags.HasErrors() {
					b.Fatal("no errors")
				}
			}
		})
	}
}

// wrongSource is 10 MiB of common English words in a fixed pseudo-random order: a source
// text that is not the debate's.
func wrongSource() string {
	words := strings.Fields("the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how")
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < argmap.MaxFileSize-100 {
		b.WriteString(words[r.IntN(len(words))])
		b.WriteByte(' ')
	}
	return b.String()
}

// BenchmarkLoadSeedWrongSource checks the seed's quotes against a 10 MiB source that is
// not theirs.
func BenchmarkLoadSeedWrongSource(b *testing.B) {
	src := wrongSource()
	for b.Loop() {
		if d, _ := argmap.Load("../seeds/camp-taji", argmap.Options{Source: src}); d != nil {
			b.Fatal("the quotes occur in the wrong source")
		}
	}
}
