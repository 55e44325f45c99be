package batch

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/extract-ca/extract/pipeline"
)

// Resume continues an output file left by an interrupted run (a crash,
// kill -9, a signal), so that the file ends byte-identical to what an
// uninterrupted run writes.
//
// The file holds a prefix of the run's output, since records are written
// in input order: its complete lines are the first records, and a last line
// without its newline was cut and is dropped. Resume keeps the longest
// prefix of lines that the inputs would give again (the same id and, for a
// result, the same sha256 of the text; an error record is kept when the id
// is the same) and skips those inputs; from the first input that differs,
// the file is truncated and the run writes the rest.
//
// Lines written with other settings (another gazetteer, model or word
// lists, --no-ner, --without, another version) would make a file no
// uninterrupted run writes, and the text's sha256 does not show them. So
// before anything is cut or written, up to checkSamples of the kept
// records, spread over them from the first to the last, are processed
// again and must give the same bytes; if one does not, nothing is
// written and Err says which line. A change of settings that changes
// none of the sampled records goes unseen.
type Resume struct {
	f     *os.File
	path  string
	lines []doneLine
	// Kept is the number of records kept from the file (the inputs
	// skipped) once the inputs have been read.
	Kept int
	// Err is set when the file could not be cut where it had to be; the
	// inputs stopped there, since writing after the wrong place would
	// make a wrong file.
	Err error
}

type doneLine struct {
	id, sha256 string // sha256 "" for an error record
	end        int64  // offset after the line's newline
}

// OpenResume opens path for a resumed run, creating it if it does not
// exist, reads the records it holds and drops a cut last line. The returned
// file is positioned for writing; Resume.Inputs decides what is kept.
func OpenResume(path string) (*Resume, *os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, nil, err
	}
	rs := &Resume{f: f, path: path}
	end, err := rs.scan()
	if err == nil {
		err = rs.truncate(end)
	}
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("--resume %s: %w", path, err)
	}
	return rs, f, nil
}

// scan reads the file's complete lines and returns the offset after the
// last one that is a record. A line that is not one (a damaged file) ends
// the scan: it and everything after it are written again.
func (rs *Resume) scan() (int64, error) {
	br := bufio.NewReaderSize(rs.f, 1<<16)
	var off int64
	var buf []byte
	for {
		line, err := br.ReadSlice('\n')
		buf = append(buf, line...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			return off, nil // buf, if any, is a cut line
		}
		if err != nil {
			return 0, err
		}
		var rec struct {
			ID     string `json:"id"`
			SHA256 string `json:"sha256"`
			Error  string `json:"error"`
		}
		if json.Unmarshal(buf, &rec) != nil || rec.ID == "" || (rec.Error == "" && rec.SHA256 == "") {
			return off, nil
		}
		off += int64(len(buf))
		if rec.Error != "" {
			rec.SHA256 = ""
		}
		rs.lines = append(rs.lines, doneLine{rec.ID, rec.SHA256, off})
		buf = buf[:0]
	}
}

// truncate cuts the file at end and places the write offset there.
func (rs *Resume) truncate(end int64) error {
	if err := rs.f.Truncate(end); err != nil {
		return err
	}
	_, err := rs.f.Seek(end, io.SeekStart)
	return err
}

// checkSamples is how many kept records are processed again to check that
// the file was written with the same settings: a handful of documents,
// nothing next to a run.
const checkSamples = 16

// Inputs yields the inputs that are not in the file yet. It checks a
// sample of the kept records against p (see Resume) and truncates the file
// after the last record kept, before it yields the first input to process,
// so that nothing has been written by then. If a check fails, or the caller
// stops early, the file is left as it is.
func (rs *Resume) Inputs(p *pipeline.Pipeline, inputs iter.Seq[Input]) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		i := 0
		matching := true
		var samples []sample
		keep := func() bool {
			rs.Kept = i
			if err := rs.check(p, samples); err != nil {
				rs.Err = err
				return false
			}
			if err := rs.cut(i); err != nil {
				rs.Err = fmt.Errorf("--resume: %w", err)
				return false
			}
			return true
		}
		for in := range inputs {
			if matching && i < len(rs.lines) && rs.lines[i].matches(in) {
				// Samples at evenly spaced lines, and always the last
				// matched one (replaced as matching goes on). Error
				// records are kept on their id alone (a file unreadable
				// then may be readable now), so they are not samples.
				if rs.lines[i].sha256 != "" {
					if n := len(samples); n > 0 && !rs.sampled(samples[n-1].line) {
						samples = samples[:n-1]
					}
					samples = append(samples, sample{i, in})
				}
				i++
				continue
			}
			if matching {
				matching = false
				if !keep() {
					return
				}
			}
			if !yield(in) {
				return
			}
		}
		if matching {
			keep()
		}
	}
}

// sample is a kept record to process again: its line and its input.
type sample struct {
	line int
	in   Input
}

// sampled tells whether line i is one of the evenly spaced samples.
func (rs *Resume) sampled(i int) bool {
	n := len(rs.lines)
	if n <= checkSamples {
		return true
	}
	// Lines k*(n-1)/(checkSamples-1) for k = 0..checkSamples-1.
	k := (i*(checkSamples-1) + n - 2) / (n - 1)
	return k*(n-1)/(checkSamples-1) == i
}

// check processes the sampled inputs again and compares their records with
// the file's lines.
func (rs *Resume) check(p *pipeline.Pipeline, samples []sample) error {
	for _, s := range samples {
		start := int64(0)
		if s.line > 0 {
			start = rs.lines[s.line-1].end
		}
		have := make([]byte, rs.lines[s.line].end-start)
		if _, err := rs.f.ReadAt(have, start); err != nil {
			return fmt.Errorf("--resume %s: %w", rs.path, err)
		}
		want := append(record(p, s.in).AppendJSON(nil), '\n')
		if !bytes.Equal(have, want) {
			return fmt.Errorf("--resume %s: line %d (document %q) is not what these settings write for its document: "+
				"the file was written with another gazetteer, model, word lists, --no-ner or --without, or by another version; "+
				"nothing was written (run the same command as before, or without --resume)",
				rs.path, s.line+1, s.in.ID)
		}
	}
	return nil
}

// cut keeps the first n records of the file.
func (rs *Resume) cut(n int) error {
	var end int64
	if n > 0 {
		end = rs.lines[n-1].end
	}
	if n == len(rs.lines) {
		return nil // the file ends there already
	}
	return rs.truncate(end)
}

func (l doneLine) matches(in Input) bool {
	if l.id != in.ID {
		return false
	}
	if l.sha256 == "" {
		return true
	}
	if in.Err != nil {
		return false
	}
	sum := sha256.Sum256([]byte(in.Text))
	return hex.EncodeToString(sum[:]) == l.sha256
}

// ErrResumeNeedsFile: --resume continues a file, which standard output is not.
var ErrResumeNeedsFile = errors.New("--resume needs -o FILE")
