package article

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxPageSize is the largest saved web page ReadFile reads: pages carry scripts, styles and
// menus around the article, often several megabytes of them.
const MaxPageSize = 10 << 20

// maxTags bounds the elements of a page: a real article page has a few thousand.
const maxTags = 200_000

// Meta is what a saved web page says of itself.
type Meta struct {
	Title, Site, Date, URL string
}

// Source is an article as read from a file: its text, one paragraph a line, and what the
// page says of itself when it is a saved web page.
type Source struct {
	Path string
	Text string
	Meta Meta
	HTML bool
}

// ReadFile reads an article: UTF-8 text or Markdown up to MaxSize, or a saved web page
// (HTML) up to MaxPageSize, turned into text by FromHTML.
func ReadFile(path string) (*Source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the article: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if fi.Size() > MaxPageSize {
		return nil, fmt.Errorf("%s: the article is over the %d MiB limit of a saved web page (%d MiB for text): is it the right file?", path, MaxPageSize>>20, MaxSize>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the article: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxPageSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the article: %w", err)
	}
	src, err := FromBytes(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	src.Path = path
	return src, nil
}

// FromBytes reads an article from its bytes, as ReadFile does.
func FromBytes(b []byte) (*Source, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, errors.New("the article is empty")
	}
	if IsHTML(b) {
		if len(b) > MaxPageSize {
			return nil, fmt.Errorf("the page is over the %d MiB limit", MaxPageSize>>20)
		}
		if n := bytes.Count(b, []byte("<")); n > maxTags {
			return nil, fmt.Errorf("the page has %d tags, over the limit of %d: is it an article?", n, maxTags)
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			if strings.Contains(err.Error(), "open stack") {
				return nil, errors.New("the page nests its elements more than 512 deep: is it an article?")
			}
			return nil, fmt.Errorf("cannot read the HTML page: %w", err)
		}
		text := pageText(doc)
		if len(text) > MaxSize {
			return nil, ErrTooBig
		}
		return &Source{Text: text, Meta: pageMeta(doc), HTML: true}, nil
	}
	if len(b) > MaxSize {
		return nil, ErrTooBig
	}
	if !isText(b) {
		return nil, ErrNotText
	}
	return &Source{Text: strings.TrimPrefix(string(b), "\ufeff")}, nil
}

func isText(b []byte) bool {
	return !bytes.ContainsRune(b, 0) && strings.ToValidUTF8(string(b), "\ufffd") == string(b)
}

// pageMeta reads a page's title, site name, publication date and canonical address from
// its head: <title>, og:title, og:site_name, article:published_time (or the date meta tags
// news sites use), <link rel=canonical> (or og:url).
func pageMeta(doc *html.Node) Meta {
	var m Meta
	var title string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if title == "" {
					title = strings.Join(strings.Fields(textOf(n)), " ")
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					if m.Title == "" {
						m.Title = val
					}
				case "og:site_name":
					m.Site = val
				case "article:published_time", "datepublished", "date", "pubdate", "publish-date", "dc.date", "article:publicationdate", "sailthru.date":
					if m.Date == "" {
						m.Date = isoDate(val)
					}
				case "og:url":
					if m.URL == "" {
						m.URL = val
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
					m.URL = attr(n, "href")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if m.Title == "" {
		m.Title = title
	}
	if !strings.HasPrefix(m.URL, "https://") && !strings.HasPrefix(m.URL, "http://") {
		m.URL = ""
	}
	return m
}

// isoDate keeps the YYYY-MM-DD of a date, or "" when it does not start with one.
func isoDate(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		for i, r := range s[:10] {
			if i != 4 && i != 7 && (r < '0' || r > '9') {
				return ""
			}
		}
		return s[:10]
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}
