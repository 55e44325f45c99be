// Package batch feeds many documents through a pipeline: it turns the
// command line's paths (files, directories, globs, "-" for standard input)
// and JSONL lines into inputs with ids, and runs them with several workers
// while handing the records on in input order, so that the output is the
// same for any number of workers.
//
//	files, err := batch.Expand([]string{"corpus/", "news/*.md"}, warn)
//	p, err := pipeline.New(pipeline.Config{NER: true})
//	inputs := batch.Reader{Format: batch.FormatText, Stdin: os.Stdin}.Inputs(files)
//	stats, err := batch.Run(ctx, p, inputs, 0,
//		func(r *output.Record) error { return w.Write(r) })
//
// The contract: every input (a file, a JSONL line, standard input) yields
// exactly one record, in input order: its result, or an error record that
// names the file (and line). Ids are unique within a run. Resume continues
// the output file of an interrupted run.
//
// It sits above pipeline (which knows one document at a time) and below
// the command, so that other front ends (a server, Beam) can reuse it;
// ReadModel reads the trained model their --model names.
package batch
