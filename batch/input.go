package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/internal/jsonid"
)

// Input is one document to process, or the reason it could not be read.
type Input struct {
	ID     string
	Source string // file path, "-" for standard input, "file:line" for a JSONL line
	Text   string
	Err    error
}

// InputFormat says how to read the inputs.
type InputFormat string

const (
	// FormatText: every file is one document; its id is its path relative
	// to the argument it was found under, without extension (File.ID).
	FormatText InputFormat = "text"
	// FormatJSONL: every line is {"id": ..., "text": ...}.
	FormatJSONL InputFormat = "jsonl"
)

// DefaultMaxBytes is the largest document read when Reader.MaxBytes is 0:
// 50 MiB. A larger file, standard input or JSONL line gets an error record
// at once, without being read whole, so that one stray dump in a crawl
// costs neither the memory nor the hours that processing it would.
const DefaultMaxBytes = 50 << 20

// ErrNoInput is returned by Expand when a path names nothing.
var ErrNoInput = errors.New("no such file, directory or matching glob")

// File is one file named by the command line, directly or found in a
// directory.
type File struct {
	Path string // as given, or the directory argument joined with the path below it; "-" for standard input
	// ID is the id of the document a text file holds: its path relative
	// to the argument it was found under, slash-separated, without
	// extension (corpus/x/a.txt under corpus/ is "x/a"); the base name
	// without extension for a file given directly; "stdin" for "-".
	ID string
}

// Expand turns the command line's paths into files: a directory is walked
// recursively for *.txt and *.md files in lexical order, a glob is
// expanded, "-" stands for standard input and is kept as it is. A path
// that matches nothing is an error, reported before any work starts.
//
// Symbolic links are followed: an argument that is a link to a directory is
// walked, and so is a link to a directory inside a tree, unless that
// directory was walked already under the same argument (a loop, or two
// links to one place), which is skipped and told to warn. A link to a file
// is a file; a dangling one is kept, so that its error takes its place in
// the output. Nothing else found in a tree is skipped except files with
// other extensions. warn may be nil.
func Expand(paths []string, warn func(msg string)) ([]File, error) {
	if warn == nil {
		warn = func(string) {}
	}
	var out []File
	for _, p := range paths {
		if p == "-" {
			out = append(out, File{Path: p, ID: "stdin"})
			continue
		}
		info, err := os.Stat(p)
		switch {
		case err == nil && info.IsDir():
			out = walkTextFiles(out, p, warn)
		case err == nil:
			out = append(out, File{Path: p, ID: baseID(p)})
		default:
			// Not there (or a dangling link, which Glob matches by its
			// own name): a glob.
			matches, gerr := filepath.Glob(p)
			if gerr != nil || len(matches) == 0 {
				return nil, fmt.Errorf("%s: %w", p, ErrNoInput)
			}
			sort.Strings(matches)
			for _, m := range matches {
				if info, err := os.Stat(m); err == nil && info.IsDir() {
					out = walkTextFiles(out, m, warn)
				} else {
					out = append(out, File{Path: m, ID: baseID(m)})
				}
			}
		}
	}
	return out, nil
}

// ExpandPaths is Expand for callers that need only the paths.
func ExpandPaths(paths []string) ([]string, error) {
	files, err := Expand(paths, nil)
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f.Path
	}
	return out, err
}

// walkTextFiles appends the *.txt and *.md files under root, following
// symbolic links to directories. filepath.WalkDir does not follow them,
// not even at the root, which made a linked directory argument yield no
// documents and no word.
func walkTextFiles(out []File, root string, warn func(string)) []File {
	seen := map[string]string{} // real path of each directory walked → the path it was walked as
	var walk func(dir string)
	walk = func(dir string) {
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			warn(fmt.Sprintf("%s: skipped: %v", dir, err))
			return
		}
		if first, ok := seen[real]; ok {
			warn(fmt.Sprintf("%s: skipped: the same directory as %s (a symbolic link loop or a second link to it)", dir, first))
			return
		}
		seen[real] = dir
		// ReadDir sorts by name and, on an error, returns what it read.
		entries, err := os.ReadDir(dir)
		if err != nil {
			warn(fmt.Sprintf("%s: directory not read whole: %v", dir, err))
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			isDir := e.IsDir()
			if e.Type()&fs.ModeSymlink != 0 {
				if info, err := os.Stat(path); err == nil && info.IsDir() {
					isDir = true
				}
			}
			if isDir {
				walk(path)
				continue
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".txt", ".md":
				out = append(out, File{Path: path, ID: relID(root, path)})
			}
		}
	}
	walk(root)
	return out
}

// FileOf is the File of a path given directly or matched by a glob, as
// Expand makes it, for a front end that matches paths itself (Beam, on
// gs:// or s3://): its id is the base name without extension.
func FileOf(path string) File { return File{Path: path, ID: baseID(path)} }

// baseID is the id of a file given directly: its base name without
// extension.
func baseID(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// relID is the id of a file found under root: its path below root,
// slash-separated, without extension.
func relID(root, path string) string {
	rel, err := filepath.Rel(root, path)
	if err != nil { // cannot happen for a path made by joining onto root
		rel = filepath.Base(path)
	}
	rel = filepath.ToSlash(rel)
	return strings.TrimSuffix(rel, filepath.Ext(rel))
}

// Reader reads the documents of files.
type Reader struct {
	Format   InputFormat
	Stdin    io.Reader // read for the file "-"
	MaxBytes int64     // largest document (text file, stdin, JSONL line); 0 means DefaultMaxBytes
}

// ReadInputs yields the documents of files, in order, with Reader{format,
// stdin, DefaultMaxBytes}.
func ReadInputs(files []File, format InputFormat, stdin io.Reader) iter.Seq[Input] {
	return Reader{Format: format, Stdin: stdin}.Inputs(files)
}

// Inputs yields the documents of files, in order: one Input per text file
// or standard input, one per JSONL line (blank or not). An input that
// cannot be read or used yields an Input with Err set, in its place, and
// reading goes on. An id given to an earlier input of the same sequence
// makes the later one an error: the output's ids are unique, so that a
// consumer may key on them and --resume can trust them.
func (r Reader) Inputs(files []File) iter.Seq[Input] {
	return r.Unique(func(yield func(Input) bool) {
		for _, f := range files {
			for in := range r.readFile(f) {
				if !yield(in) {
					return
				}
			}
		}
	})
}

// Unique passes inputs on, except that an input whose id an earlier one
// has becomes an error saying which input has it. Inputs applies it to
// all the files of a run; a front end that reads files apart (Beam)
// applies it to the inputs of one id, in input order.
func (r Reader) Unique(inputs iter.Seq[Input]) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		first := map[string]string{} // id → source of the input that has it
		for in := range inputs {
			if prev, ok := first[in.ID]; ok {
				err := fmt.Errorf("id %q is already the id of %s", in.ID, prev)
				if r.Format != FormatJSONL {
					err = fmt.Errorf("%w (an id is the path below the argument, without extension: give a directory above both to tell them apart)", err)
				}
				in = Input{ID: in.ID, Source: in.Source, Err: &fileerr.ParseError{File: in.Source, Err: err}}
			} else {
				first[in.ID] = in.Source
			}
			if !yield(in) {
				return
			}
		}
	}
}

// readFile yields the documents of one local file (or standard input),
// ids not checked against other files'.
func (r Reader) readFile(f File) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		if r.Format == FormatJSONL {
			r.readJSONLFile(f.Path, r.maxBytes(), yield)
		} else {
			yield(r.readText(f, r.maxBytes()))
		}
	}
}

// ReadFrom yields the documents of f read from src instead of from
// f.Path, for a front end whose files are not on the local disk (Beam reads
// gs:// and s3:// through its own file systems): one Input for a text file,
// one per line for JSONL, with the checks and errors of Inputs, naming
// f.Path. size is the file's size in bytes as its listing gives it, or -1:
// a text file over MaxBytes is then refused without being read. Ids are
// not checked against other files' (see Unique).
func (r Reader) ReadFrom(f File, size int64, src io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		if r.Format == FormatJSONL {
			readJSONL(src, f.Path, r.maxBytes(), yield)
		} else {
			yield(readTextFrom(Input{ID: f.ID, Source: f.Path}, size, src, r.maxBytes()))
		}
	}
}

func (r Reader) maxBytes() int64 {
	if r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.MaxBytes
}

// readText reads one text document. A file that is not regular (a named
// pipe, a device, a socket) is refused before it is opened, since opening
// a named pipe for reading blocks until someone writes to it; a file over
// max is refused before it is read.
func (r Reader) readText(f File, max int64) Input {
	in := Input{ID: f.ID, Source: f.Path}
	fail := func(err error) Input {
		in.Err = &fileerr.ParseError{File: f.Path, Err: err}
		return in
	}
	var src io.Reader = r.Stdin
	size := int64(-1) // unknown for a stream
	if f.Path != "-" {
		info, err := os.Stat(f.Path)
		if err != nil {
			return fail(unwrapPath(err))
		}
		if !info.Mode().IsRegular() {
			return fail(fmt.Errorf("not a regular file (%s); give it as - on standard input to read it as a stream", fileKind(info.Mode())))
		}
		if info.Size() > max {
			return readTextFrom(in, info.Size(), nil, max)
		}
		fh, err := os.Open(f.Path)
		if err != nil {
			return fail(unwrapPath(err))
		}
		defer fh.Close()
		src = fh
		size = info.Size()
	}
	return readTextFrom(in, size, src, max)
}

// readTextFrom reads the text of in from src, at most max bytes; a size
// over max (-1: unknown) refuses it without reading.
func readTextFrom(in Input, size int64, src io.Reader, max int64) Input {
	fail := func(err error) Input {
		in.Err = &fileerr.ParseError{File: in.Source, Err: err}
		return in
	}
	if size > max {
		return fail(fmt.Errorf("%d bytes, over --max-bytes %d", size, max))
	}
	// Read one byte more than allowed, to tell a file that grew (or
	// standard input) over the limit without reading all of it.
	hint := min(size, max) + 1 // a buffer of the file's size, read in one go
	if size < 0 {
		hint = 512 // a stream: what to expect is unknown
	}
	b, err := readSized(io.LimitReader(src, max+1), hint)
	if err != nil {
		return fail(unwrapPath(err))
	}
	if int64(len(b)) > max {
		return fail(fmt.Errorf("over --max-bytes %d", max))
	}
	in.Text = string(b)
	return in
}

// readSized is io.ReadAll into a buffer of size bytes to start with: for a
// file of known size, one read fills it and a second sees the end, where
// io.ReadAll's small first buffer grows through a read per doubling (a
// tenth of a --no-ner run went to those reads).
func readSized(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, size)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grown: a file that grew, or a stream
		}
	}
}

// unwrapPath drops the *fs.PathError around err, whose path the
// ParseError says already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	}
	return "irregular file"
}

// readJSONLFile opens path (or takes standard input for "-") and yields
// its lines; a file that cannot be opened yields one error input.
func (r Reader) readJSONLFile(path string, max int64, yield func(Input) bool) bool {
	src := r.Stdin
	if path != "-" {
		fail := func(err error) bool {
			return yield(Input{ID: path, Source: path, Err: &fileerr.ParseError{File: path, Err: err}})
		}
		info, err := os.Stat(path)
		if err != nil {
			return fail(unwrapPath(err))
		}
		if !info.Mode().IsRegular() {
			return fail(fmt.Errorf("not a regular file (%s); give it as - on standard input to read it as a stream", fileKind(info.Mode())))
		}
		fh, err := os.Open(path)
		if err != nil {
			return fail(unwrapPath(err))
		}
		defer fh.Close()
		src = fh
	}
	return readJSONL(src, path, max, yield)
}

// jsonlInput is one line of --input jsonl.
type jsonlInput struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

// readJSONL yields one input per line of r, whatever the line holds, so
// that a line-oriented caller (Spark RDD.pipe, Hadoop Streaming) gets one
// line out per line in. A line over max bytes is skipped to its end
// without being held, and yields an error.
func readJSONL(r io.Reader, file string, max int64, yield func(Input) bool) bool {
	lr := &lineReader{br: bufio.NewReaderSize(r, jsonlBufferSize)}
	if f, ok := r.(*os.File); ok {
		if off, err := f.Seek(0, io.SeekCurrent); err == nil {
			lr.seeker, lr.off = f, off
		}
	}
	var buf []byte
	for line := 1; ; line++ {
		b, n, err := lr.readLine(buf[:0], max)
		buf = b[:0]
		if n == 0 && err == io.EOF {
			return true // no line left
		}
		where := fmt.Sprintf("%s:%d", file, line)
		in := Input{ID: where, Source: where}
		fail := func(err error) bool {
			in.Err = &fileerr.ParseError{File: file, Line: line, Err: err}
			return yield(in)
		}
		switch {
		case err != nil && err != io.EOF && err != errLineTooLong:
			// A failed read: what follows cannot be read either.
			fail(fmt.Errorf("reading stopped: %v", err))
			return true
		case err == errLineTooLong:
			if !fail(fmt.Errorf("line of %d bytes, over --max-bytes %d", n, max)) {
				return false
			}
		default:
			if !yield(parseJSONLLine(b, file, line, in)) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

var errLineTooLong = errors.New("line too long")

// jsonlBufferSize is the buffer of a JSONL reader: from a file, a longer
// line is measured before it is read. A variable for the fuzz target,
// which makes it small.
var jsonlBufferSize = 64 << 10

// lineReader reads the lines of a JSONL input. From a file it can seek
// in, a line longer than its buffer is first measured without being held,
// then read again whole if it is within the limit: a line over the limit
// costs no memory. From a stream (standard input), a line is held up to
// the limit while it is read.
type lineReader struct {
	br     *bufio.Reader
	seeker io.ReadSeeker // the file under br, or nil for a stream
	off    int64         // offset in the file of br's next byte
}

// readLine reads one line into buf without its "\n" and returns it with
// the line's length in bytes (without "\n"). A line over max bytes is read
// to its end but not kept: errLineTooLong. io.EOF comes with the last line when it
// has no "\n", and alone (n == 0) when there is no line left.
func (lr *lineReader) readLine(buf []byte, max int64) ([]byte, int64, error) {
	if lr.seeker == nil {
		return readLine(lr.br, buf, max)
	}
	start := lr.off
	chunk, err := lr.br.ReadSlice('\n')
	lr.off += int64(len(chunk))
	if err != bufio.ErrBufferFull {
		return finishLine(append(buf, chunk...), int64(len(chunk)), false, max, err)
	}
	// Longer than the buffer: measure it to its end.
	n := int64(len(chunk))
	for err == bufio.ErrBufferFull {
		chunk, err = lr.br.ReadSlice('\n')
		lr.off += int64(len(chunk))
		n += int64(len(chunk))
	}
	newline := len(chunk) > 0 && chunk[len(chunk)-1] == '\n'
	length := n
	if newline {
		length--
	}
	if length > max || err != nil && err != io.EOF {
		return finishLine(buf[:0], n, true, max, err)
	}
	// Within the limit: read it again, whole, into a buffer of its size.
	if _, serr := lr.seeker.Seek(start, io.SeekStart); serr != nil {
		return buf[:0], n, serr
	}
	lr.br.Reset(lr.seeker)
	if int64(cap(buf)) < n {
		buf = make([]byte, 0, n)
	}
	buf = buf[:n]
	if _, rerr := io.ReadFull(lr.br, buf); rerr != nil {
		return buf[:0], n, rerr
	}
	lr.off = start + n
	return finishLine(buf, n, false, max, err)
}

// readLine reads one line of a stream into buf, as lineReader.readLine
// does, holding at most max+1 bytes of it.
func readLine(br *bufio.Reader, buf []byte, max int64) ([]byte, int64, error) {
	var n int64
	long := false
	for {
		chunk, err := br.ReadSlice('\n')
		n += int64(len(chunk))
		if !long {
			if int64(len(buf)+len(chunk)) > max+1 { // +1: the "\n"
				long, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return finishLine(buf, n, long, max, err)
	}
}

// finishLine ends the reading of one line of n bytes read (with its "\n",
// if it has one, the last byte of buf unless long): it drops the "\n" and
// says errLineTooLong for a line over max.
func finishLine(buf []byte, n int64, long bool, max int64, err error) ([]byte, int64, error) {
	if n > 0 && (long && err == nil || !long && buf[len(buf)-1] == '\n') {
		n-- // the newline is not part of the line
		if !long {
			buf = buf[:len(buf)-1]
		}
	}
	if n > max { // a last line without "\n" may be one byte over
		long, buf = true, buf[:0]
	}
	switch {
	case long:
		if err == nil || err == io.EOF {
			err = errLineTooLong
		}
	case err == io.EOF && n > 0:
		// The last line, without "\n": a line like any other, and the
		// next call says io.EOF alone.
		err = nil
	}
	return buf, n, err
}

// parseJSONLLine makes the input of one JSONL line; in has its place as id
// and source.
func parseJSONLLine(b []byte, file string, line int, in Input) Input {
	var err error
	var rec jsonlInput
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		err = errors.New(`blank line; every line must be {"id": ..., "text": ...}`)
	case !utf8.Valid(b):
		// encoding/json would replace the bad bytes with U+FFFD
		// silently; a text file with them is refused, and so is this.
		err = fmt.Errorf("column %d: invalid UTF-8", fileerr.Column(b, fileerr.InvalidUTF8(b)))
	default:
		if off, bad := loneSurrogate(b); bad {
			// The same for a \ud800 escape that has no pair.
			err = fmt.Errorf("column %d: lone surrogate %s in a JSON string", fileerr.Column(b, off), b[off:off+6])
		} else if jerr := json.Unmarshal(b, &rec); jerr != nil {
			err = fmt.Errorf("invalid JSON: %v", jerr)
		} else if rec.Text == nil {
			err = errors.New(`no "text" field`)
		} else {
			in.Text = *rec.Text
			if id, ok := jsonID(rec.ID); ok {
				in.ID = id
			} else if len(rec.ID) > 0 {
				err = errors.New(`"id" must be a string or a number`)
			}
		}
	}
	if err != nil {
		in.Text = ""
		in.Err = &fileerr.ParseError{File: file, Line: line, Err: err}
	}
	return in
}

// loneSurrogate finds a \uD800-\uDFFF escape in b that is not a high
// surrogate followed by a low one, and returns its byte offset. Outside
// strings a backslash is a JSON error anyway, so b is scanned as a whole.
func loneSurrogate(b []byte) (int, bool) {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			continue
		}
		if b[i+1] != 'u' {
			i++ // an escaped character, perhaps a backslash
			continue
		}
		r, ok := hex4(b[i+2:])
		if !ok {
			continue // invalid JSON, for json.Unmarshal to report
		}
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if i+12 <= len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
				if lo, ok := hex4(b[i+8:]); ok && lo >= 0xDC00 && lo < 0xE000 {
					i += 11
					continue
				}
			}
			return i, true
		case r >= 0xDC00 && r < 0xE000:
			return i, true
		}
		i += 5
	}
	return 0, false
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// jsonID is the id of a JSONL input, ok only when there is one to use. The
// caller lets a missing id fall back to file:line and rejects any other
// unusable one (null, "", not a string or number), unlike the gold
// readers, which take "" for an absent id.
func jsonID(raw json.RawMessage) (string, bool) {
	id, ok := jsonid.Parse(raw)
	return id, ok && id != ""
}
