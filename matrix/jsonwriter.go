package matrix

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/argmap-dev/argmap/stances"
)

// jsonWriter streams a JSON document through a buffer, so that a large matrix is never held
// whole in memory, and without reflection. Strings are escaped exactly as encoding/json
// escapes them (HTML characters and U+2028/U+2029 included, invalid UTF-8 as U+FFFD). It keeps
// the first write error; later writes do nothing.
type jsonWriter struct {
	w       *bufio.Writer
	err     error
	scratch []byte
}

func newJSONWriter(w io.Writer) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) bytes(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// str writes s as a JSON string.
func (j *jsonWriter) str(s string) {
	j.scratch = appendJSONString(j.scratch[:0], s)
	j.bytes(j.scratch)
}

func (j *jsonWriter) int(n int) {
	j.scratch = strconv.AppendInt(j.scratch[:0], int64(n), 10)
	j.bytes(j.scratch)
}

// figure writes a figure as stances.Figure.MarshalJSON does, without its allocations: the value
// rounded to 4 places, or null. A rounded value is 0 or at least 1e-4 in size, which
// encoding/json writes in this shortest 'f' form.
func (j *jsonWriter) figure(f stances.Figure) {
	if !f.OK || math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		j.raw("null")
		return
	}
	j.scratch = strconv.AppendFloat(j.scratch[:0], stances.Round(f.Value, 4), 'f', -1, 64)
	j.bytes(j.scratch)
}

func (j *jsonWriter) float(v float64) {
	j.figure(stances.Figure{Value: v, OK: true})
}

func (j *jsonWriter) bool(b bool) {
	j.raw(strconv.FormatBool(b))
}

func (j *jsonWriter) flush() error {
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, as encoding/json.Marshal writes it.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
