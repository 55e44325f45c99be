package view

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

const chromiumPath = "/usr/bin/chromium"

// browser is one Chromium run, started at once so that the test's runs
// overlap (each takes seconds to start); wait gives its standard output.
type browser struct {
	done chan struct{}
	out  string
	err  error
}

// chromium starts headless Chromium on url with extra flags. The flags
// keep it from reaching the network or touching a profile outside the
// test's directory.
func chromium(t *testing.T, url string, extra ...string) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("%s missing: install the Debian package chromium (apt-get install -y chromium; .ci/run does it as root) to test the pages in a browser", chromiumPath)
	}
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + t.TempDir()}, extra...)
	b := &browser{done: make(chan struct{})}
	// Registered after the TempDir above, so it runs first: a test that
	// fails early still waits for Chromium before its directory goes.
	t.Cleanup(func() { <-b.done })
	go func() {
		defer close(b.done)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, chromiumPath, append(args, url)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			b.err = fmt.Errorf("chromium %s: %v\n%s", strings.Join(extra, " "), err, errb.String())
		}
		b.out = out.String()
	}()
	return b
}

func (b *browser) wait(t *testing.T) string {
	t.Helper()
	<-b.done
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.out
}

var markRE = regexp.MustCompile(`<mark class="([^"]*)" data-label="([^"]*)" data-entity="([^"]*)"[^>]*>([^<]*)</mark>`)

// TestChromium loads a document page whose text holds a script and
// markup into headless Chromium and checks the DOM the browser built: the
// marks are there with their label and entity, the article's script and
// markup are text (no element made of them, the script never ran), and
// the page's own script (../view.js) ran, found its stylesheet
// (../style.css) and highlighted the entity the URL chose. It
// then takes screenshots of the page and of an evaluation page.
func TestChromium(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir)
	page := "file://" + filepath.Join(dir, "docs", "0001-a__b_.html") + "#entity=person%2Femomali-rahmon"
	gold, pred, mistakes := diffSample(t)
	evalDir := t.TempDir()
	if err := WriteDiff(evalDir, gold, pred, mistakes); err != nil {
		t.Fatal(err)
	}
	diffPage := "file://" + filepath.Join(evalDir, "docs", "0001-a__b_.html")
	docDOM := chromium(t, page, "--dump-dom")
	diffDOM := chromium(t, diffPage, "--dump-dom")
	shot := screenshot(t, page, filepath.Join(os.TempDir(), "extract-view-chromium.png"))
	diffShot := screenshot(t, diffPage, filepath.Join(os.TempDir(), "extract-view-chromium-eval.png"))

	dom := docDOM.wait(t)

	// The page's script sets data-view on <html>: "ok" proves it ran and
	// that window.__pwned, which the article's script would set, is not.
	if !strings.Contains(dom, `data-view="ok"`) {
		t.Errorf("the page's own script did not report ok (or the article's script ran):\n%s", head(dom))
	}
	if !strings.Contains(dom, `data-style="loaded"`) {
		t.Errorf("the page did not load its stylesheet (../style.css) from disk:\n%s", head(dom))
	}
	if n := strings.Count(dom, "<script"); n != 1 {
		t.Errorf("%d script elements in the DOM, want the page's own one", n)
	}
	if !strings.Contains(dom, "&lt;script&gt;window.__pwned=1&lt;/script&gt;") {
		t.Error("the article's script is not in the DOM as text")
	}
	if strings.Contains(dom, "<b>") || !strings.Contains(dom, "&lt;b&gt;bold&lt;/b&gt;") {
		t.Error("the article's <b> became an element")
	}

	want := [][3]string{
		{"PERSON", "person/emomali-rahmon", "Рахмон"},
		{"PERSON", "auto/PERSON/aliyev", "Aliyev"},
		{"PLACE", "place/dushanbe", "Dushanbe"},
		{"GROUP", "group/sco", "SCO"},
		{"PERSON", "person/emomali-rahmon", "Rahmon"},
		{"PLACE", "place/tashkent", "Tashkent"},
	}
	marks := markRE.FindAllStringSubmatch(dom, -1)
	if len(marks) != len(want) {
		t.Fatalf("%d marks in the DOM, want %d:\n%s", len(marks), len(want), dom)
	}
	for i, m := range marks {
		if m[2] != want[i][0] || m[3] != want[i][1] || m[4] != want[i][2] {
			t.Errorf("mark %d: label %q entity %q text %q; want %q", i, m[2], m[3], m[4], want[i])
		}
		// #entity= in the URL chose Rahmon: his marks, and only his, are on.
		on := strings.Contains(" "+m[1]+" ", " on ")
		if on != (m[3] == "person/emomali-rahmon") {
			t.Errorf("mark %d (%s): class %q", i, m[3], m[1])
		}
	}
	if !regexp.MustCompile(`<body class="picking"`).MatchString(dom) {
		t.Error("body is not in picking mode after #entity=")
	}

	dom = diffDOM.wait(t)
	for _, kind := range []string{"correct", "missed", "spurious", "wrong-label", "wrong-span"} {
		if !strings.Contains(dom, `class="diff k-`+kind+`"`) {
			t.Errorf("eval page: no %s mark in the DOM", kind)
		}
	}
	if !strings.Contains(dom, `data-view="ok"`) || strings.Count(dom, "<script") != 1 {
		t.Error("eval page: the article's script ran or became an element")
	}
	if !strings.Contains(dom, `data-style="loaded"`) {
		t.Error("eval page: the stylesheet was not loaded from disk")
	}
	shot()
	diffShot()
}

// screenshot starts a screenshot of url into path; the function it
// returns waits for it, checks it is a PNG and logs where it is, for a
// person to look at.
func screenshot(t *testing.T, url, path string) func() {
	t.Helper()
	os.Remove(path)
	b := chromium(t, url, "--screenshot="+path, "--window-size=1200,900", "--hide-scrollbars")
	return func() {
		t.Helper()
		b.wait(t)
		png, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("no screenshot: %v", err)
		}
		if !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Fatalf("%s is not a PNG", path)
		}
		t.Logf("screenshot: %s (%d bytes)", path, len(png))
	}
}

func head(s string) string {
	if len(s) > 400 {
		return s[:400]
	}
	return s
}
