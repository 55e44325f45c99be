package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// readmeCommands returns the extract command lines of the README's ```sh
// blocks: lines that start with ./extract, extract or go run ./cmd/extract,
// joined with the lines a trailing backslash continues. Other lines
// (go test, scripts/..., neo4j-admin) need tools or data a clone does not
// have, and are not extract's promise.
func readmeCommands(readme string) []string {
	var cmds []string
	inSh := false
	var cont strings.Builder
	for _, line := range strings.Split(readme, "\n") {
		if strings.HasPrefix(line, "```") {
			inSh = !inSh && strings.TrimPrefix(line, "```") == "sh"
			continue
		}
		if !inSh {
			continue
		}
		if cont.Len() > 0 || isExtractLine(line) {
			cont.WriteString(strings.TrimSuffix(line, "\\"))
			if strings.HasSuffix(line, "\\") {
				continue
			}
			cmds = append(cmds, cont.String())
			cont.Reset()
		}
	}
	return cmds
}

func isExtractLine(line string) bool {
	line = strings.TrimSpace(line)
	for _, p := range []string{"./extract ", "extract ", "go run ./cmd/extract ", "go build -o extract ", "source <(./extract "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// exampleDir makes a directory that looks like the root of a clone, with
// the built binary on PATH as extract and as ./extract, so that the
// commands run as a user pastes them, and what they write stays in it.
func exampleDir(t *testing.T) (dir string, env []string) {
	bin := buildExtract(t)
	dir = t.TempDir()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	// What the commands write (.gitignore's root entries: extract,
	// mentions.jsonl, ...) is left out: a user who ran the README's first
	// command has a mentions.jsonl there, which the tests, writing through a
	// link, would share.
	written := map[string]bool{".git": true}
	if ignore, err := os.ReadFile(filepath.Join(root, ".gitignore")); err == nil {
		for _, line := range strings.Split(string(ignore), "\n") {
			if name, ok := strings.CutPrefix(strings.TrimSpace(line), "/"); ok {
				written[name] = true
			}
		}
	}
	for _, e := range entries {
		if written[e.Name()] {
			continue
		}
		if err := os.Symlink(filepath.Join(root, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(bin, filepath.Join(dir, "extract")); err != nil {
		t.Fatal(err)
	}
	// HOME too, so that a command that installs something for the user
	// (a completion script) cannot write outside the test's directory.
	return dir, append(os.Environ(), "HOME="+dir, "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// runShell runs each command with bash in dir, in order (later commands
// read what earlier ones wrote: mentions.jsonl, my.model), and requires
// exit status 0. The building and go run lines use the binary the test
// built, so that the test does not compile the command once per line.
func runShell(t *testing.T, dir string, env []string, cmds []string) {
	for _, cmd := range cmds {
		if strings.HasPrefix(cmd, "go build -o extract ") {
			continue // exampleDir put the binary there
		}
		cmd = strings.ReplaceAll(cmd, "go run ./cmd/extract ", "extract ")
		c := exec.Command("bash", "-e", "-o", "pipefail", "-c", cmd)
		c.Dir, c.Env = dir, env
		var stderr bytes.Buffer
		c.Stdout, c.Stderr = nil, &stderr
		if err := c.Run(); err != nil {
			t.Errorf("%s\n%v\n%s", cmd, err, stderr.Bytes())
		}
	}
}

// TestReadmeCommands runs every extract command of the README, in order,
// on the repository's files, and requires exit status 0: a README example
// that stops working (a renamed flag, a moved file) fails here.
func TestReadmeCommands(t *testing.T) {
	t.Parallel() // with TestHelpExamples: each runs tens of processes one after another
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(string(readme))
	if len(cmds) < 30 {
		t.Fatalf("found %d extract commands in README.md; the parser has lost them", len(cmds))
	}
	dir, env := exampleDir(t)
	runShell(t, dir, env, cmds)
}

// TestHelpExamples runs the Example lines of every command's help the same
// way, and requires that every command but the generated ones has some.
func TestHelpExamples(t *testing.T) {
	t.Parallel()
	root := App{}.rootCommand()
	var cmds []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Example == "" {
			t.Errorf("%q has no examples", c.CommandPath())
		}
		var cont strings.Builder
		for _, line := range strings.Split(c.Example, "\n") {
			line = strings.TrimSpace(line)
			if cont.Len() == 0 && !strings.HasPrefix(line, "extract ") && !strings.HasPrefix(line, "go run ./cmd/extract ") {
				continue // comments, and lines for a shell's start-up files
			}
			cont.WriteString(strings.TrimSuffix(line, "\\") + " ")
			if !strings.HasSuffix(line, "\\") {
				cmds = append(cmds, cont.String())
				cont.Reset()
			}
		}
		for _, sub := range c.Commands() {
			// help and completion are cobra's own, added at Execute.
			if sub.Name() != "help" && sub.Name() != "completion" {
				walk(sub)
			}
		}
	}
	walk(root)
	dir, env := exampleDir(t)
	runShell(t, dir, env, cmds)
}

func TestReadmeCommandsParser(t *testing.T) {
	readme := "text\n```sh\n./extract run seeds/   # comment\ngo test ./...\n./extract a \\\n    b\n```\n```\n./extract not sh\n```\n"
	got := readmeCommands(readme)
	want := []string{"./extract run seeds/   # comment", "./extract a     b"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("readmeCommands = %q, want %q", got, want)
	}
}
