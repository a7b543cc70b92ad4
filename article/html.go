package article

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// IsHTML reports whether text looks like an HTML page (a saved web page).
func IsHTML(text []byte) bool {
	head := bytes.ToLower(text[:min(len(text), 1024)])
	return bytes.Contains(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html"))
}

// maxDepth bounds how deep the reader walks a page's elements: deeper ones (no real page
// nests so deep) are left out.
const maxDepth = 512

// FromHTML turns an HTML page into the text Parse reads: one paragraph a line, headings as
// Markdown headings, a paragraph that opens with bold text as "**bold** rest". Scripts,
// styles, navigation, headers, footers, forms and asides are left out.
func FromHTML(page []byte) (string, error) {
	src, err := FromBytes(page)
	if err != nil {
		return "", err
	}
	return src.Text, nil
}

// pageText is the text of a parsed page, as FromHTML gives it.
func pageText(doc *html.Node) string {
	var out []string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer,
				atom.Form, atom.Aside, atom.Template, atom.Svg, atom.Iframe, atom.Button, atom.Head:
				return
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				level := int(n.Data[1] - '0')
				if t := inline(n); t != "" {
					out = append(out, strings.Repeat("#", level)+" "+strings.ReplaceAll(t, "**", ""))
				}
				return
			case atom.P, atom.Li, atom.Blockquote, atom.Figcaption, atom.Dd, atom.Dt:
				if !hasBlock(n) {
					if t := inline(n); t != "" {
						out = append(out, t)
					}
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return strings.Join(out, "\n") + "\n"
}

// hasBlock reports whether n holds block elements (a <blockquote> of paragraphs).
func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				return true
			}
		}
	}
	return false
}

// inline returns the text of an element on one line; bold text that opens it is kept as
// Markdown bold, so that "<p><strong>Jane Doe:</strong> …" reads as a Q&A answer.
func inline(n *html.Node) string {
	var b strings.Builder
	first := true
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		switch {
		case depth > maxDepth:
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			if strings.TrimSpace(n.Data) != "" {
				first = false
			}
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style):
		case n.Type == html.ElementNode && (n.DataAtom == atom.Strong || n.DataAtom == atom.B) && first:
			var inner strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					inner.WriteString(c.Data)
				}
			}
			if t := strings.Join(strings.Fields(inner.String()), " "); t != "" {
				b.WriteString("**" + t + "**")
				first = false
			}
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, depth+1)
			}
		}
	}
	walk(n, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}
