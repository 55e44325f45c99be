(function () {
	// Choosing an entity (its button or one of its marks) highlights
	// every mark of it; choosing it again clears. #entity=ID in the URL
	// chooses one on load, for the links of the index.
	var current = null;
	function pick(id) {
		current = current === id ? null : id;
		document.querySelectorAll("mark[data-entity]").forEach(function (m) {
			m.classList.toggle("on", current !== null && m.getAttribute("data-entity") === current);
		});
		document.querySelectorAll("button.pick").forEach(function (b) {
			b.classList.toggle("on", b.getAttribute("data-pick") === current);
		});
		document.body.classList.toggle("picking", current !== null);
	}
	document.addEventListener("click", function (ev) {
		var t = ev.target.closest("button.pick, mark[data-entity]");
		if (t) pick(t.getAttribute("data-pick") || t.getAttribute("data-entity"));
	});
	var h = location.hash.match(/^#entity=(.*)$/);
	if (h) pick(decodeURIComponent(h[1]));
	// The page's own script ran; article text never runs as script (it
	// is escaped), which the browser test checks through this attribute.
	document.documentElement.setAttribute("data-view", window.__pwned ? "pwned" : "ok");
	// The stylesheet is a file of its own beside the pages: the browser
	// test checks through this attribute that a page opened from disk
	// found it (style.css sets the body's margin to 0, a browser's
	// default is 8px).
	var styled = getComputedStyle(document.body).marginTop === "0px";
	document.documentElement.setAttribute("data-style", styled ? "loaded" : "missing");
})();
