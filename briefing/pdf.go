package briefing

import (
	"context"
	"errors"
)

// PDF writes the briefing as a printable PDF pack.
func (b *Briefing) PDF(ctx context.Context) ([]byte, error) {
	return nil, errors.New("not yet")
}
