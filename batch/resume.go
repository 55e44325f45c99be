package batch

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
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
type Resume struct {
	f     *os.File
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
	rs := &Resume{f: f}
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

// Inputs yields the inputs that are not in the file yet. It truncates the
// file after the last record kept, before it yields the first input to
// process, so that nothing has been written by then. If the caller stops
// early, the file is left as it is.
func (rs *Resume) Inputs(inputs iter.Seq[Input]) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		i := 0
		matching := true
		for in := range inputs {
			if matching && i < len(rs.lines) && rs.lines[i].matches(in) {
				i++
				continue
			}
			if matching {
				matching = false
				rs.Kept = i
				if err := rs.cut(i); err != nil {
					rs.Err = fmt.Errorf("--resume: %w", err)
					return
				}
			}
			if !yield(in) {
				return
			}
		}
		if matching {
			rs.Kept = i
			if err := rs.cut(i); err != nil {
				rs.Err = fmt.Errorf("--resume: %w", err)
			}
		}
	}
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
