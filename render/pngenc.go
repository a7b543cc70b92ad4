package render

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"sync"
)

// encodePNG writes img as an 8-bit PNG, RGB when every pixel is opaque, else RGBA (img holds
// premultiplied colours; PNG wants them straight). Every row is filtered with Up, the
// difference from the row above: image/png tries all five filters on every row and keeps the
// best, which took nearly half of the time of drawing a map, for files a few per cent
// smaller. A map is mostly flat colour, where Up leaves long runs of zeros for the
// compressor.
func encodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	opaque := img.Opaque()
	var hdr [13]byte
	binary.BigEndian.PutUint32(hdr[0:], uint32(width))
	binary.BigEndian.PutUint32(hdr[4:], uint32(height))
	hdr[8] = 8 // bit depth
	hdr[9] = 6 // RGBA
	if opaque {
		hdr[9] = 2 // RGB
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	writeChunk(bw, "IHDR", hdr[:])
	writeChunk(bw, "IDAT", compressRows(img, opaque))
	writeChunk(bw, "IEND", nil)
	return bw.Flush()
}

// pngParts is how many parts of the image's rows are filtered and compressed at once, each
// on its own goroutine, into one zlib stream (each part ends on a sync flush, as pigz
// does). It is fixed, so that the bytes do not depend on the machine's processors.
const pngParts = 4

// compressRows returns the zlib stream of the filtered rows (PNG's IDAT data).
func compressRows(img *image.RGBA, opaque bool) []byte {
	height := img.Bounds().Dy()
	parts := max(1, min(pngParts, height))
	type part struct {
		data  []byte
		adler uint32
		n     int
	}
	res := make([]part, parts)
	var wg sync.WaitGroup
	for p := range parts {
		y0, y1 := p*height/parts, (p+1)*height/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			fw, _ := flate.NewWriter(&buf, flate.BestSpeed) // the level is valid
			sum := adler32.New()
			n := 0
			filterRows(img, opaque, y0, y1, func(row []byte) {
				fw.Write(row) // a bytes.Buffer does not fail
				sum.Write(row)
				n += len(row)
			})
			if p == parts-1 {
				fw.Close()
			} else {
				fw.Flush()
			}
			res[p] = part{buf.Bytes(), sum.Sum32(), n}
		}()
	}
	wg.Wait()
	out := []byte{0x78, 0x01} // zlib header: deflate, 32 KiB window, fastest
	sum := uint32(1)          // the Adler-32 of nothing
	for _, r := range res {
		out = append(out, r.data...)
		sum = adler32Combine(sum, r.adler, r.n)
	}
	return binary.BigEndian.AppendUint32(out, sum)
}

// adler32Combine returns the Adler-32 of two byte sequences one after the other from their
// own checksums and the length of the second (as zlib's adler32_combine).
func adler32Combine(a1, a2 uint32, len2 int) uint32 {
	const base = 65521
	rem := uint32(len2 % base)
	s1 := a1 & 0xffff
	s2 := (rem * s1) % base
	s1 += (a2 & 0xffff) + base - 1
	s2 += (a1 >> 16) + (a2 >> 16) + base - rem
	if s1 >= base {
		s1 -= base
	}
	if s1 >= base {
		s1 -= base
	}
	if s2 >= base<<1 {
		s2 -= base << 1
	}
	if s2 >= base {
		s2 -= base
	}
	return s1 | s2<<16
}

// filterRows filters rows y0..y1 of img with Up and hands each to emit (filter byte first).
func filterRows(img *image.RGBA, opaque bool, y0, y1 int, emit func([]byte)) {
	b := img.Bounds()
	width := b.Dx()
	bpp := 4
	if opaque {
		bpp = 3
	}
	rowLen := width * bpp
	prev, cur, out := make([]byte, rowLen), make([]byte, rowLen), make([]byte, 1+rowLen)
	out[0] = 2 // filter: Up
	row := func(y int) []byte { return img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):][:4*width] }
	straight := func(pix, dst []byte) {
		for x := 0; x < len(pix); x += 4 {
			r, g, bl, a := pix[x], pix[x+1], pix[x+2], pix[x+3]
			if a != 0xff && a != 0 {
				r, g, bl = unpremultiply(r, a), unpremultiply(g, a), unpremultiply(bl, a)
			}
			dst[x], dst[x+1], dst[x+2], dst[x+3] = r, g, bl, a
		}
	}
	if !opaque && y0 > 0 {
		straight(row(y0-1), prev)
	}
	for y := y0; y < y1; y++ {
		pix := row(y)
		f := out[1:]
		if opaque {
			// RGB straight from the image, less the row above: one pass.
			if y == 0 {
				for x, j := 0, 0; x < len(pix); x, j = x+4, j+3 {
					f[j], f[j+1], f[j+2] = pix[x], pix[x+1], pix[x+2]
				}
			} else {
				up := row(y - 1)
				for x, j := 0, 0; x < len(pix); x, j = x+4, j+3 {
					f[j], f[j+1], f[j+2] = pix[x]-up[x], pix[x+1]-up[x+1], pix[x+2]-up[x+2]
				}
			}
			emit(out)
			continue
		}
		straight(pix, cur)
		for i, c := range cur {
			f[i] = c - prev[i]
		}
		emit(out)
		prev, cur = cur, prev
	}
}

func unpremultiply(c, a uint8) uint8 { return uint8((uint32(c)*0xff + uint32(a)/2) / uint32(a)) }

// writeChunk writes one PNG chunk: length, type, data and the CRC of type and data.
func writeChunk(w *bufio.Writer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	w.WriteString(typ)
	w.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}
