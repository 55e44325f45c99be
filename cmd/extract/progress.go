package main

import (
	"fmt"
	"io"
	"iter"
	"sync"
	"time"

	"github.com/extract-ca/extract/batch"
)

// progressState is what the progress line shows at one moment.
type progressState struct {
	done    int           // documents written
	total   int           // documents in the run; 0 when unknown (standard input, JSONL, --resume)
	bytes   int64         // text bytes of the documents written
	elapsed time.Duration // since the run started
}

// renderProgress draws the progress line: it starts with \r and ends by
// clearing to the end of the line, so that a shorter line never leaves
// characters of the one before it on the terminal. The ETA assumes the
// remaining documents take as long on average as the ones done, which is
// the only estimate available without reading them first.
func renderProgress(s progressState) string {
	secs := s.elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.bytes) / 1e6 / secs
	}
	var line string
	if s.total > 0 {
		pct := 100 * s.done / s.total
		line = fmt.Sprintf("%d/%d documents %3d%% %.2f MB/s", s.done, s.total, pct, rate)
		if s.done > 0 && s.done < s.total {
			eta := time.Duration(float64(s.elapsed) * float64(s.total-s.done) / float64(s.done))
			line += " ETA " + formatETA(eta)
		}
	} else {
		line = fmt.Sprintf("%d documents %.2f MB/s", s.done, rate)
	}
	return "\r" + line + "\033[K"
}

// formatETA writes d as m:ss, or h:mm:ss from an hour on, rounded up to
// the second so that the ETA reads 0:00 only when nothing is left.
func formatETA(d time.Duration) string {
	secs := int64((d + time.Second - 1) / time.Second)
	if secs < 0 {
		secs = 0
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// progressBar redraws the progress line on a terminal as records are
// written. Records come out in input order, one per input, so the bytes
// of each input are queued as they are read and taken off as its record
// is written: the MB/s counts text done, not text read ahead.
type progressBar struct {
	w     io.Writer
	total int
	start time.Time
	last  time.Time // last redraw; redraws are at most every interval

	mu     sync.Mutex // the queue is filled by the reading goroutine
	queued []int64

	state progressState
}

// progressInterval keeps a fast run from spending its time on the terminal.
const progressInterval = 100 * time.Millisecond

func newProgressBar(w io.Writer, total int) *progressBar {
	return &progressBar{w: w, total: total, start: time.Now(), state: progressState{total: total}}
}

// count wraps inputs so that the size of each is known when its record is written.
func (p *progressBar) count(inputs iter.Seq[batch.Input]) iter.Seq[batch.Input] {
	return func(yield func(batch.Input) bool) {
		for in := range inputs {
			p.mu.Lock()
			p.queued = append(p.queued, int64(len(in.Text)))
			p.mu.Unlock()
			if !yield(in) {
				return
			}
		}
	}
}

// written records one more document and redraws when it is time to.
func (p *progressBar) written() {
	p.mu.Lock()
	if len(p.queued) > 0 {
		p.state.bytes += p.queued[0]
		p.queued = p.queued[1:]
	}
	p.mu.Unlock()
	p.state.done++
	now := time.Now()
	if now.Sub(p.last) < progressInterval && p.state.done != p.total {
		return
	}
	p.last = now
	p.state.elapsed = now.Sub(p.start)
	fmt.Fprint(p.w, renderProgress(p.state))
}

// clear removes the progress line, so that the summary starts on a clean line.
func (p *progressBar) clear() { fmt.Fprint(p.w, "\r\033[K") }
