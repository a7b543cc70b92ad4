package argmap

import (
	"strings"
	"unicode/utf8"
)

// maxAutomaton bounds the transition table of one search pass (entries of 4 bytes): quotes
// beyond it are searched in further passes.
const maxAutomaton = 4 << 20

// maxPattern is the longest part of a quote the automaton holds; a longer quote is matched
// by its start, then compared whole, so that one huge quote cannot make a huge table.
const maxPattern = 2048

// quoteResult is what one pass over the source learns about a quote.
type quoteResult struct {
	found   bool // occurs as whole words
	longest int  // length of its longest prefix that occurs at all
}

// searchQuotes finds, for every (normalised) quote, whether it occurs in src as whole words
// (see containsWords) and the longest prefix of it that occurs at all. It reads src once
// per pass with an Aho-Corasick automaton over all quotes, so its time is linear in the
// sizes of src and the quotes, however many quotes miss: searching for each quote on its
// own took seconds on a 10 MiB source.
func searchQuotes(src string, quotes []string) []quoteResult {
	res := make([]quoteResult, len(quotes))
	for start := 0; start < len(quotes); {
		// As many quotes as the table allows, at least one.
		end, size := start, 0
		for end < len(quotes) && (end == start || (size+min(len(quotes[end]), maxPattern)+1)*257 <= maxAutomaton) {
			size += min(len(quotes[end]), maxPattern) + 1
			end++
		}
		searchPass(src, quotes[start:end], res[start:end])
		start = end
	}
	return res
}

func searchPass(src string, quotes []string, res []quoteResult) {
	// Byte classes: every byte that occurs in no quote is class 0.
	var class [256]int32
	n := int32(1)
	patterns := make([]string, len(quotes))
	for i, q := range quotes {
		patterns[i] = q[:min(len(q), maxPattern)]
	}
	for _, q := range patterns {
		for i := 0; i < len(q); i++ {
			if class[q[i]] == 0 {
				class[q[i]] = n
				n++
			}
		}
	}
	// The trie: state 0 is the root; child[s*n+c] is 0 for no child (the root is never a child).
	child := make([]int32, n, 64*int(n))
	var ends [][]int // ends[s]: the quotes that end at state s
	ends = append(ends, nil)
	paths := make([][]int32, len(quotes)) // the states along each quote
	for qi, q := range patterns {
		s := int32(0)
		path := make([]int32, 0, len(q))
		for i := 0; i < len(q); i++ {
			c := class[q[i]]
			if child[s*n+c] == 0 {
				child[s*n+c] = int32(len(ends))
				ends = append(ends, nil)
				child = append(child, make([]int32, n)...)
			}
			s = child[s*n+c]
			path = append(path, s)
		}
		ends[s] = append(ends[s], qi)
		paths[qi] = path
	}
	states := int32(len(ends))
	// Breadth first: failure links and the full transition table (child becomes next).
	fail := make([]int32, states)
	out := make([]int32, states) // nearest state on the failure chain where a quote ends, or -1
	order := make([]int32, 0, states)
	out[0] = -1
	for c := int32(1); c < n; c++ {
		if t := child[c]; t != 0 {
			fail[t], out[t] = 0, -1
			order = append(order, t)
		}
	}
	for k := 0; k < len(order); k++ {
		s := order[k]
		for c := int32(1); c < n; c++ {
			t := child[s*n+c]
			if t == 0 {
				child[s*n+c] = child[fail[s]*n+c]
				continue
			}
			f := child[fail[s]*n+c]
			fail[t] = f
			if len(ends[f]) > 0 {
				out[t] = f
			} else {
				out[t] = out[f]
			}
			order = append(order, t)
		}
	}
	next := child

	visited := make([]bool, states)
	s := int32(0)
	for j := 0; j < len(src); j++ {
		s = next[s*n+class[src[j]]]
		visited[s] = true
		for m := s; m > 0; m = out[m] {
			for _, qi := range ends[m] {
				if res[qi].found {
					continue
				}
				// The start's word boundary first: it is cheap, and in a source of one long
				// word it rules out every match before a long quote is compared whole.
				i, q := j+1-len(patterns[qi]), quotes[qi]
				if startsInWord(src, i) {
					continue
				}
				if strings.HasPrefix(src[i:], q) && wordBounded(src, i, i+len(q)) {
					res[qi].found = true
				}
			}
		}
	}
	// A state's failure link is a suffix of it: what reached the state reached that too.
	for k := len(order) - 1; k >= 0; k-- {
		if visited[order[k]] {
			visited[fail[order[k]]] = true
		}
	}
	for qi, path := range paths {
		for i, st := range path {
			if !visited[st] {
				break
			}
			res[qi].longest = i + 1
		}
	}
}

// wordBounded reports whether src[i:j] neither starts nor ends inside a word: "ear to
// have" is not a match in "appear to have".
func wordBounded(src string, i, j int) bool {
	after, _ := utf8.DecodeRuneInString(src[j:])
	last, _ := utf8.DecodeLastRuneInString(src[i:j])
	endsInWord := j < len(src) && isWordRune(after) && isWordRune(last)
	return !startsInWord(src, i) && !endsInWord
}

// startsInWord reports whether position i of src is inside a word: a letter or digit both
// before and after it.
func startsInWord(src string, i int) bool {
	if i == 0 || i >= len(src) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(src[:i])
	first, _ := utf8.DecodeRuneInString(src[i:])
	return isWordRune(before) && isWordRune(first)
}
