package render

// Reproducible takes the time stamps out of a PDF that tdewolff/canvas's PDF renderer wrote
// (the creation date, the modified date of each embedded font), so that the same document
// gives the same bytes on every run and in every time zone. Draw does this to its own PDFs;
// documents that lay out pages of their own with canvas call it on theirs.
func Reproducible(doc []byte) ([]byte, error) { return reproducible(doc) }
