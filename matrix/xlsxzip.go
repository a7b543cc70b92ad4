package matrix

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// orderedZip is the zip writer of our workbooks. excelize writes the parts of streamed sheets
// in map order, which changes from run to run; orderedZip compresses each part as it comes,
// keeps the compressed bytes, and writes the parts on Close with the worksheets in name order
// and everything else where it came, so that the same matrix gives the same bytes. Only the
// compressed workbook is held, as excelize holds it anyway.
type orderedZip struct {
	w     io.Writer
	parts []*zipPart
	cur   *zipPart
}

type zipPart struct {
	name string
	buf  bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

func newOrderedZip(w io.Writer) excelize.ZipWriter { return &orderedZip{w: w} }

func (z *orderedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	err := z.cur.fw.Close()
	z.cur = nil
	return err
}

func (z *orderedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	// BestSpeed: a third of the time of the default level for a fifth more bytes.
	fw, err := flate.NewWriter(&p.buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	p.fw = fw
	z.parts = append(z.parts, p)
	z.cur = p
	return p, nil
}

// AddFS is not used by the workbooks we write.
func (z *orderedZip) AddFS(fs.FS) error { return nil }

func (z *orderedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	// The worksheets' slots, in the order they came, take the worksheets in name order.
	const sheets = "xl/worksheets/"
	var slots []int
	var ws []*zipPart
	for i, p := range z.parts {
		if strings.HasPrefix(p.name, sheets) {
			slots = append(slots, i)
			ws = append(ws, p)
		}
	}
	slices.SortFunc(ws, func(a, b *zipPart) int {
		if len(a.name) != len(b.name) { // sheet2.xml before sheet10.xml
			return len(a.name) - len(b.name)
		}
		return strings.Compare(a.name, b.name)
	})
	for k, i := range slots {
		z.parts[i] = ws[k]
	}
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(),
			CompressedSize64: uint64(p.buf.Len()), UncompressedSize64: p.size}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(p.buf.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
