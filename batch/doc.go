// Package batch feeds many documents through a pipeline: it turns the
// command line's paths (files, directories, globs, "-" for standard input)
// and JSONL lines into inputs with ids, and runs them with several workers
// while handing the records on in input order, so that the output is the
// same for any number of workers.
//
//	files, err := batch.ExpandPaths([]string{"corpus/", "news/*.md"})
//	p, err := pipeline.New(pipeline.Config{NER: true})
//	stats, err := batch.Run(ctx, p, batch.ReadInputs(files, batch.FormatText, os.Stdin), 0,
//		func(r *output.Record) error { return w.Write(r) })
//
// It sits above pipeline (which knows one document at a time) and below
// the command, so that other front ends (a server, Beam) can reuse it.
package batch
