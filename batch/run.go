package batch

import (
	"context"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

// Stats sums up a batch.
type Stats struct {
	Documents int
	Mentions  int
	Errors    int
	Bytes     int64
	Elapsed   time.Duration
}

// MBPerSecond is the throughput of the batch in megabytes of text per second.
func (s Stats) MBPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
}

// Run processes inputs through p with workers goroutines and hands the
// records to emit in input order, whatever the number of workers, so that output is
// byte-identical for any --workers. A document that fails yields a record
// with Error set in its place. At most a few documents per worker are held
// in memory at once. If emit returns an error, the batch stops and returns
// it.
//
// When ctx is done, Run returns at once with ctx's error, having emitted
// every record that was complete along with all before it, and no other:
// documents still in a worker are dropped (their goroutines end when the
// pipeline is done with them, and the one reading inputs when its current
// read returns: a command exits then, a server should close the input).
func Run(ctx context.Context, p *pipeline.Pipeline, inputs iter.Seq[Input], workers int, emit func(*output.Record) error) (Stats, error) {
	return run(ctx, p, inputs, workers, false, func(r *output.Record, _ []byte) error { return emit(r) }, nil)
}

// RunLines is Run for writers of JSON Lines: each worker also encodes its
// record (Record.AppendJSON and a newline), so that encoding, a tenth of
// the work, does not wait in line in the one goroutine that emits.
//
// flush, if not nil, is called whenever the records emitted so far are
// all that is ready: a writer that flushes then hands each record on as
// soon as it and all before it are done (what a reader of a stream needs),
// while a fast batch still writes in large blocks.
func RunLines(ctx context.Context, p *pipeline.Pipeline, inputs iter.Seq[Input], workers int, emit func(rec *output.Record, line []byte) error, flush func() error) (Stats, error) {
	return run(ctx, p, inputs, workers, true, emit, flush)
}

func run(ctx context.Context, p *pipeline.Pipeline, inputs iter.Seq[Input], workers int, encode bool, emit func(*output.Record, []byte) error, flush func() error) (Stats, error) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	start := time.Now()
	type job struct {
		seq int
		in  Input
	}
	type result struct {
		seq   int
		rec   *output.Record
		line  []byte
		bytes int
	}
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job)
	results := make(chan result, workers)
	window := make(chan struct{}, 4*workers) // documents in flight

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				rec := record(p, j.in)
				var line []byte
				if encode {
					line = append(rec.AppendJSON(nil), '\n')
				}
				select {
				case results <- result{j.seq, rec, line, len(j.in.Text)}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		seq := 0
		for in := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq, in}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var stats Stats
	var emitErr error
	pending := map[int]result{}
	next := 0
	for {
		var r result
		var ok bool
		select {
		case r, ok = <-results:
		case <-parent.Done():
			// Stop here, on a record boundary: what is emitted is complete.
			stats.Elapsed = time.Since(start)
			if emitErr == nil && flush != nil {
				emitErr = flush()
			}
			if emitErr == nil {
				emitErr = parent.Err()
			}
			return stats, emitErr
		}
		if !ok {
			break
		}
		pending[r.seq] = r
		for res, ok := pending[next]; ok; res, ok = pending[next] {
			delete(pending, next)
			next++
			<-window
			if emitErr != nil {
				continue
			}
			rec := res.rec
			stats.Documents++
			stats.Bytes += int64(res.bytes)
			if rec.Error != "" {
				stats.Errors++
			}
			stats.Mentions += len(rec.Mentions)
			if err := emit(rec, res.line); err != nil {
				emitErr = err
				cancel()
			}
		}
		if emitErr == nil && flush != nil && len(results) == 0 {
			if err := flush(); err != nil {
				emitErr = err
				cancel()
			}
		}
	}
	stats.Elapsed = time.Since(start)
	return stats, emitErr
}

// Record processes one input into its output record, or its error record:
// what Run emits for it.
func Record(p *pipeline.Pipeline, in Input) *output.Record { return record(p, in) }

// record processes one input into its output record, or its error record.
func record(p *pipeline.Pipeline, in Input) *output.Record {
	if in.Err != nil {
		return &output.Record{ID: in.ID, Source: in.Source, Error: in.Err.Error()}
	}
	rec, err := p.Record(in.ID, in.Source, in.Text)
	if err != nil {
		return &output.Record{ID: in.ID, Source: in.Source, Error: in.Source + ": " + err.Error()}
	}
	return rec
}
