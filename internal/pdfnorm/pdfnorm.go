// Package pdfnorm makes the PDFs that tdewolff/canvas writes reproducible: the same drawing
// gives the same bytes, in every time zone. render (maps) and briefing (the PDF pack)
// both use it.
package pdfnorm

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
)

// Reproducible takes the time out of a PDF that canvas wrote, so that the same map gives the
// same bytes in every time zone. canvas stamps the time twice: in the document information's
// CreationDate, in local time ("D:20200311120000Z" or "…+0530": its length follows the
// offset), which is removed, and in the "modified" date of every embedded font program
// (tdewolff/font writes time.Now() into its head table), which is set to the font's created
// date.
//
// The PDF is the one canvas writes: a header, numbered objects, one classic cross-reference
// table and a trailer. Objects that change (the information, font programs, whose streams are
// compressed again) change length, so the objects after them move and the table is rewritten.
func Reproducible(doc []byte) ([]byte, error) {
	xref := bytes.LastIndex(doc, []byte("\nxref\n"))
	if xref < 0 {
		return nil, errors.New("no cross-reference table")
	}
	xref++
	offsets, err := XrefOffsets(doc[xref:])
	if err != nil {
		return nil, err
	}
	// Objects in file order, each running to the next one or to the table.
	type span struct{ num, start, end int }
	spans := make([]span, len(offsets))
	for i, off := range offsets {
		if off <= 0 || off >= xref {
			return nil, fmt.Errorf("object %d at offset %d is outside the file", i+1, off)
		}
		spans[i] = span{num: i + 1, start: off}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	for i := range spans {
		if i+1 < len(spans) {
			spans[i].end = spans[i+1].start
		} else {
			spans[i].end = xref
		}
	}
	var out bytes.Buffer
	out.Write(doc[:spans[0].start])
	newOff := make([]int, len(offsets))
	for _, s := range spans {
		newOff[s.num-1] = out.Len()
		obj, err := patchFontObject(doc[s.start:s.end])
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", s.num, err)
		}
		out.Write(dropCreationDate(obj))
	}
	start := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range newOff {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	trailer := bytes.Index(doc[xref:], []byte("trailer"))
	startxref := bytes.LastIndex(doc, []byte("startxref"))
	if trailer < 0 || startxref < xref+trailer {
		return nil, errors.New("no trailer")
	}
	out.Write(doc[xref+trailer : startxref])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", start)
	return out.Bytes(), nil
}

// creationDate matches the creation date entry canvas writes into the document information:
// a literal string of digits, a sign or Z, and apostrophes (never parentheses or escapes).
var creationDate = regexp.MustCompile(`/CreationDate\s*\(D:[0-9+\-Z']*\)`)

// dropCreationDate removes the creation date from a document information object; other
// objects, and any holding a stream, come back unchanged. The entry is optional in PDF.
func dropCreationDate(obj []byte) []byte {
	loc := creationDate.FindIndex(obj)
	if loc == nil || bytes.Contains(obj, []byte("stream\n")) {
		return obj
	}
	return append(obj[:loc[0]:loc[0]], obj[loc[1]:]...)
}

var xrefHead = regexp.MustCompile(`^xref\n0 (\d+)\n0000000000 65535 f \n`)

// XrefOffsets reads the offsets of objects 1..n from a cross-reference table.
func XrefOffsets(b []byte) ([]int, error) {
	m := xrefHead.FindSubmatch(b)
	if m == nil {
		return nil, errors.New("unexpected cross-reference table")
	}
	n, _ := strconv.Atoi(string(m[1]))
	b = b[len(m[0]):]
	const entry = 20 // "0000012345 00000 n \n"
	if n < 2 || len(b) < (n-1)*entry {
		return nil, errors.New("short cross-reference table")
	}
	offsets := make([]int, n-1)
	for i := range offsets {
		off, err := strconv.Atoi(string(b[i*entry : i*entry+10]))
		if err != nil {
			return nil, fmt.Errorf("cross-reference entry %d: %w", i+1, err)
		}
		offsets[i] = off
	}
	return offsets, nil
}

// FlateStream matches the head of an object holding a Flate-compressed stream, as canvas
// writes it: the object head, and the stream's length.
var FlateStream = regexp.MustCompile(`^(\d+ 0 obj\n<<)/Filter/FlateDecode/Length (\d+)>>stream\n`)

// patchFontObject returns obj with the modified date of its TrueType font program, if it is
// one, set to the font's created date. Other objects come back unchanged.
func patchFontObject(obj []byte) ([]byte, error) {
	m := FlateStream.FindSubmatchIndex(obj)
	if m == nil {
		return obj, nil
	}
	n, err := strconv.Atoi(string(obj[m[4]:m[5]]))
	if err != nil || m[1]+n > len(obj) {
		return nil, errors.New("bad stream length")
	}
	zr, err := zlib.NewReader(bytes.NewReader(obj[m[1] : m[1]+n]))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if !fixFontDate(data) {
		return obj, nil
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(data)
	zw.Close()
	var out bytes.Buffer
	out.Write(obj[m[2]:m[3]])
	fmt.Fprintf(&out, "/Filter/FlateDecode/Length %d>>stream\n", z.Len())
	out.Write(z.Bytes())
	out.Write(obj[m[1]+n:])
	return out.Bytes(), nil
}

// fixFontDate sets the modified date of a TrueType font to its created date and fixes the
// checksums that cover it. It reports false if font is no TrueType font with a head table.
func fixFontDate(font []byte) bool {
	be := binary.BigEndian
	if len(font) < 12 || be.Uint32(font) != 0x00010000 {
		return false
	}
	numTables := int(be.Uint16(font[4:]))
	if len(font) < 12+16*numTables {
		return false
	}
	for i := range numTables {
		rec := font[12+16*i:]
		if string(rec[:4]) != "head" {
			continue
		}
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if length < 54 || off+length > len(font) {
			return false
		}
		head := font[off : off+length]
		copy(head[28:36], head[20:28]) // modified = created
		be.PutUint32(head[8:], 0)      // checksumAdjustment is summed as zero
		end := min(off+(length+3)&^3, len(font))
		be.PutUint32(rec[4:], checksum(font[off:end]))
		be.PutUint32(head[8:], 0xB1B0AFBA-checksum(font))
		return true
	}
	return false
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit words, zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
