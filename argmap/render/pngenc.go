package render

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
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
	bpp := 4
	if opaque {
		bpp = 3
	}
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

	var idat bytes.Buffer
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	rowLen := width * bpp
	prev, cur, out := make([]byte, rowLen), make([]byte, rowLen), make([]byte, 1+rowLen)
	out[0] = 2 // filter: Up
	for y := range height {
		pix := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):][:4*width]
		if opaque {
			// RGB straight from the image, less the row above: one pass.
			f := out[1:]
			if y == 0 {
				for x, j := 0, 0; x < len(pix); x, j = x+4, j+3 {
					f[j], f[j+1], f[j+2] = pix[x], pix[x+1], pix[x+2]
				}
			} else {
				up := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y-1):][:4*width]
				for x, j := 0, 0; x < len(pix); x, j = x+4, j+3 {
					f[j], f[j+1], f[j+2] = pix[x]-up[x], pix[x+1]-up[x+1], pix[x+2]-up[x+2]
				}
			}
			if _, err := zw.Write(out); err != nil {
				return err
			}
			continue
		}
		{
			for x := 0; x < len(pix); x += 4 {
				r, g, bl, a := pix[x], pix[x+1], pix[x+2], pix[x+3]
				if a != 0xff && a != 0 {
					r, g, bl = unpremultiply(r, a), unpremultiply(g, a), unpremultiply(bl, a)
				}
				cur[x], cur[x+1], cur[x+2], cur[x+3] = r, g, bl, a
			}
		}
		f := out[1:]
		for i, c := range cur {
			f[i] = c - prev[i]
		}
		if _, err := zw.Write(out); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return err
	}
	writeChunk(bw, "IDAT", idat.Bytes())
	writeChunk(bw, "IEND", nil)
	return bw.Flush()
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
