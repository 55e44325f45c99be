package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Fold maps one word to the key under which the matcher compares it, so that
// the spellings of a Central Asian name used by English, Russian and
// local-Latin texts coincide ("Rakhmonov", "Rahmonov" and "Рахмонов" all give
// "rahmonov"). The rules, applied in this order (details and examples in
// docs/folding.md):
//
//  1. Case: lower-case, Unicode-aware (İ and ı give i).
//  2. Diacritics: Latin letters lose their diacritics (é→e, ā→a, ə→a,
//     ß→ss, æ→ae, ø→o, đ→d, ł→l); the Turkic ş ș š→sh, ç č→ch, ž→zh.
//  3. Cyrillic: Russian, Kazakh, Kyrgyz, Tajik and Uzbek letters are
//     transliterated (х→kh, ж→zh, щ→shch, ё→yo, қ→q, ғ→gh, ң→ng, ҷ→j, ў→o;
//     ъ and ь vanish).
//  4. Marks: apostrophes (' ’ ‘ ` ´ ʼ ʻ ʿ ʾ), periods, combining marks and any
//     other non-letter non-digit vanish; a final possessive 's or ’s is
//     dropped ("U.S."→"us", "O‘zbekiston"→"ozbekiston", "Rahmon's"→"rahmon").
//  5. Transliteration habits, on the result: dzh dj zh→j; kh x→h; gh→g; q→k;
//     yo→e; ye at the start or after a vowel→e; y→i; a final -ow -ew (-owa
//     -ewa)→-ov -ev (-ova -eva); oo→u; doubled letters collapse; a final
//     -iev -ieva→-ev -eva. Rule 5 is repeated until nothing changes.
//
// For Latin and Cyrillic input the key holds only ASCII lower-case letters
// and digits. Letters and digits of other scripts (Arabic, Greek, Chinese...)
// pass through lower-cased, unchanged. Fold is deterministic and idempotent
// (Fold(Fold(w)) == Fold(w)), never panics (invalid UTF-8 bytes are dropped),
// and does not allocate when w is already a key.
func Fold(word string) string {
	var arr [64]byte
	// Fast path: the word is already made of ASCII lower-case letters and
	// digits, so only the transliteration habits (rule 5) can change it.
	clean := true
	for i := 0; i < len(word); i++ {
		if c := word[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			clean = false
			break
		}
	}
	if clean {
		var b []byte
		if len(word) <= len(arr) {
			b = arr[:len(word)]
		} else {
			b = make([]byte, len(word))
		}
		copy(b, word)
		b, changed := habits(b)
		if !changed {
			return word
		}
		return string(b)
	}
	return string(appendFold(arr[:0], word))
}

// appendFold appends the key of word (Fold) to b. The matcher folds every
// word of a text into one buffer this way instead of allocating a string
// per word.
func appendFold(b []byte, word string) []byte {
	n := len(b)
	b = appendBase(b, word)
	key, _ := habits(b[n:]) // rewrites in place, only ever shortening
	return b[:n+len(key)]
}

// appendBase applies rules 1-4 to word and appends the result to b.
func appendBase(b []byte, word string) []byte {
	word = trimPossessive(word)
	for i := 0; i < len(word); {
		if c := word[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				b = append(b, c)
			case c >= 'A' && c <= 'Z':
				b = append(b, c+'a'-'A')
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(word[i:])
		i += size
		switch {
		case r >= 0x0430 && r <= 0x045F, r >= 0x00DF && r <= 0x00FF:
			// Already lower case (common Cyrillic, Latin-1).
		case r >= 0x0410 && r <= 0x042F, r >= 0x00C0 && r <= 0x00DE && r != 0x00D7:
			r += 0x20
		default:
			r = unicode.ToLower(r)
		}
		b = appendRune(b, r)
	}
	return b
}

// trimPossessive drops a final English possessive 's or ’s (any case) that
// follows at least one byte: "Rahmon's" → "Rahmon".
func trimPossessive(w string) string {
	n := len(w)
	if n < 3 || w[n-1] != 's' && w[n-1] != 'S' {
		return w
	}
	if w[n-2] == '\'' {
		return w[:n-2]
	}
	if n >= 5 && w[n-4:n-1] == "\u2019" {
		return w[:n-4]
	}
	return w
}

// appendRune appends the key of one lower-cased rune (rules 2-4).
func appendRune(b []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return append(b, byte(r))
		}
		return b
	case r >= latinLo && r < latinLo+rune(len(latinTab)):
		return append(b, latinTab[r-latinLo]...)
	case r >= cyrLo && r < cyrLo+rune(len(cyrTab)):
		return append(b, cyrTab[r-cyrLo]...)
	case r >= 0x02B0 && r <= 0x02FF:
		// Spacing modifier letters: the apostrophes ʻ ʼ ʿ ʾ and their kin.
		return b
	}
	if s, ok := otherTab[r]; ok {
		return append(b, s...)
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return b // marks, punctuation, symbols, invalid UTF-8 (U+FFFD)
	}
	if unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Cyrillic, r) {
		return b // a rare letter without a table entry: keep the key ASCII
	}
	return utf8.AppendRune(b, r) // another script passes through
}

// Rule 5: transliteration habits. Every rewrite keeps the word's length or
// shortens it, and the ones that keep it (x→h, q→k, y→i, w→v) remove one of
// x q w y, which no rewrite produces; so repeating the rules until nothing
// changes ends after at most 2·len(b) rounds, and the result is a fixed
// point, which makes Fold idempotent. The rewrites work in place on ASCII
// bytes; bytes of other scripts (≥ 0x80) never match and are kept.

func habits(b []byte) ([]byte, bool) {
	changed := false
	for mayChange(b) {
		var c bool
		if b, c = habitRound(b); !c {
			break
		}
		changed = true
	}
	return b, changed
}

// mayChange reports whether a round of the habits could change b: whether
// b holds what one of the rules rewrites (x, q, y, w, zh, kh, gh, dj, a
// doubled letter, a final -iev or -ieva). Each rule changes nothing
// without its pattern, so a round over a word without any changes
// nothing; most words have none, and one look at their bytes spares them
// the eleven passes of a round.
func mayChange(b []byte) bool {
	prev := byte(0)
	for _, c := range b {
		// One table look per byte: most bytes are none of these.
		if k := habitBytes[c]; k != 0 {
			switch {
			case k&rewritten != 0,
				k&endsPairH != 0 && (prev == 'z' || prev == 'k' || prev == 'g'),
				k&endsPairJ != 0 && prev == 'd',
				k&letter != 0 && c == prev:
				return true
			}
		}
		prev = c
	}
	_, ending := ruleEndingAt(b)
	return ending
}

// habitBytes says what mayChange must know of a byte.
var habitBytes = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = letter
	}
	for _, c := range "xqyw" {
		t[c] = rewritten
	}
	t['h'] |= endsPairH
	t['j'] |= endsPairJ
	return t
}()

const (
	letter    = 1 << iota // a lower-case letter: doubled, it collapses
	rewritten             // x q y w: a rule rewrites it wherever it stands
	endsPairH             // ends zh, kh or gh
	endsPairJ             // ends dj
)

func bit(c byte) uint32 { return 1 << (c - 'a') }

func habitRound(b []byte) ([]byte, bool) {
	var m uint32 // the ASCII letters present; a rule runs only if it can match
	for _, c := range b {
		if c >= 'a' && c <= 'z' {
			m |= bit(c)
		}
	}
	has := func(c byte) bool { return m&bit(c) != 0 }
	changed, c := false, false
	if has('z') && has('h') || has('d') && has('j') {
		if b, c = ruleJ(b); c {
			changed, m = true, m|bit('j')
		}
	}
	if has('k') && has('h') || has('x') {
		if b, c = ruleH(b); c {
			changed, m = true, m|bit('h')
		}
	}
	if has('g') && has('h') {
		if b, c = pair(b, 'g', 'h', 'g'); c {
			changed = true
		}
	}
	if has('q') {
		if c = subst(b, 'q', 'k'); c {
			changed, m = true, m|bit('k')
		}
	}
	if has('y') && has('o') {
		if b, c = pair(b, 'y', 'o', 'e'); c {
			changed, m = true, m|bit('e')
		}
	}
	if has('y') && has('e') {
		if b, c = ruleYe(b); c {
			changed = true
		}
	}
	if has('y') {
		if c = subst(b, 'y', 'i'); c {
			changed, m = true, m|bit('i')
		}
	}
	if has('w') {
		if c = ruleW(b); c {
			changed = true
		}
	}
	if has('o') {
		if b, c = pair(b, 'o', 'o', 'u'); c {
			changed = true
		}
	}
	if b, c = collapse(b); c {
		changed = true
	}
	if b, c = ruleEnding(b); c {
		changed = true
	}
	return b, changed
}

// ruleJ: dzh, dj, zh → j.
func ruleJ(b []byte) ([]byte, bool) {
	w, changed := 0, false
	for i := 0; i < len(b); {
		switch {
		case b[i] == 'd' && i+2 < len(b) && b[i+1] == 'z' && b[i+2] == 'h':
			b[w], i, changed = 'j', i+3, true
		case i+1 < len(b) && (b[i] == 'd' && b[i+1] == 'j' || b[i] == 'z' && b[i+1] == 'h'):
			b[w], i, changed = 'j', i+2, true
		default:
			b[w], i = b[i], i+1
		}
		w++
	}
	return b[:w], changed
}

// ruleH: kh → h, x → h.
func ruleH(b []byte) ([]byte, bool) {
	w, changed := 0, false
	for i := 0; i < len(b); {
		switch {
		case b[i] == 'x':
			b[w], i, changed = 'h', i+1, true
		case b[i] == 'k' && i+1 < len(b) && b[i+1] == 'h':
			b[w], i, changed = 'h', i+2, true
		default:
			b[w], i = b[i], i+1
		}
		w++
	}
	return b[:w], changed
}

// pair rewrites the two-letter sequence xy to the letter z, left to right.
func pair(b []byte, x, y, z byte) ([]byte, bool) {
	w, changed := 0, false
	for i := 0; i < len(b); {
		if b[i] == x && i+1 < len(b) && b[i+1] == y {
			b[w], i, changed = z, i+2, true
		} else {
			b[w], i = b[i], i+1
		}
		w++
	}
	return b[:w], changed
}

// subst rewrites every letter x to y.
func subst(b []byte, x, y byte) bool {
	changed := false
	for i, c := range b {
		if c == x {
			b[i], changed = y, true
		}
	}
	return changed
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// ruleYe: ye → e at the start of the word or after a vowel (Yerlan → Erlan,
// Nazarbayev → Nazarbaev, Dostoyevsky → Dostoevsky).
func ruleYe(b []byte) ([]byte, bool) {
	w, changed := 0, false
	for i := 0; i < len(b); {
		if b[i] == 'y' && i+1 < len(b) && b[i+1] == 'e' && (w == 0 || isVowel(b[w-1])) {
			b[w], i, changed = 'e', i+2, true
		} else {
			b[w], i = b[i], i+1
		}
		w++
	}
	return b[:w], changed
}

// ruleW: a final -ow, -ew, -owa, -ewa → -ov, -ev, -ova, -eva
// (Turkmen Berdimuhamedow, Berdimuhamedowa).
func ruleW(b []byte) bool {
	n := len(b)
	if n >= 3 && b[n-1] == 'a' {
		n--
	}
	if n >= 2 && b[n-1] == 'w' && (b[n-2] == 'o' || b[n-2] == 'e') {
		b[n-1] = 'v'
		return true
	}
	return false
}

// collapse shortens every run of one repeated ASCII letter to one letter.
// Digits and bytes of other scripts are left alone.
func collapse(b []byte) ([]byte, bool) {
	w, prev := 0, byte(0)
	for _, c := range b {
		if c == prev && c >= 'a' && c <= 'z' {
			continue
		}
		b[w], prev = c, c
		w++
	}
	return b[:w], w != len(b)
}

// ruleEnding: a final -iev, -ieva → -ev, -eva after at least one letter
// (Aliyev → aliiev → aliev → alev; Nazarbayev → nazarbaiev → nazarbaev).
func ruleEnding(b []byte) ([]byte, bool) {
	k, ok := ruleEndingAt(b)
	if ok {
		copy(b[k-3:], b[k-2:])
		return b[:len(b)-1], true
	}
	return b, false
}

// ruleEndingAt returns the index just past the "v" of a final -iev or
// -ieva that ruleEnding rewrites, if b has one.
func ruleEndingAt(b []byte) (int, bool) {
	n := len(b)
	k := n
	if n >= 5 && b[n-1] == 'a' {
		k = n - 1
	}
	return k, k >= 4 && b[k-3] == 'i' && b[k-2] == 'e' && b[k-1] == 'v'
}

// Rule 2 and rule 3 tables, for lower-case runes (Fold lower-cases first).

const (
	latinLo = 0x00A0 // Latin-1 Supplement, Latin Extended-A and -B
	cyrLo   = 0x0400 // Cyrillic
)

var (
	latinTab [0x0250 - latinLo]string
	cyrTab   [0x0500 - cyrLo]string
	otherTab = map[rune]string{}
)

// Latin returns the ASCII spelling of one lower-case Latin letter with a
// diacritic, or of a ligature (é→e, ş→sh, æ→ae, ß→ss), by the table Fold
// uses (rule 2); ok is false for any other rune. The importers make ids
// with it, so that an id spells a name as its key does.
func Latin(r rune) (s string, ok bool) {
	if r >= latinLo && r < latinLo+rune(len(latinTab)) {
		s = latinTab[r-latinLo]
	} else if unicode.Is(unicode.Latin, r) {
		s = otherTab[r]
	}
	return s, s != ""
}

// latinBases lists, for each base letter, the Latin letters that fold to it
// by losing their diacritics. Derived from the Unicode character names
// ("LATIN SMALL LETTER A WITH ..."); latinSpecial overrides some of them.
var latinBases = [...]struct{ base, letters string }{
	{"a", "àáâãäåāăąǎǟǡǻȁȃȧᶏḁẚạảấầẩẫậắằẳẵặⱥ"},
	{"b", "ƀƃɓᵬᶀḃḅḇꞗ"},
	{"c", "çćĉċčƈȼɕḉꞓꞔ"},
	{"d", "ďđƌȡɖɗᵭᶁᶑḋḍḏḑḓꟈ"},
	{"e", "èéêëēĕėęěȅȇȩɇᶒḕḗḙḛḝẹẻẽếềểễệⱸꬴ"},
	{"f", "ƒᵮᶂḟꞙ"},
	{"g", "ĝğġģǥǧǵɠᶃḡꞡ"},
	{"h", "ĥħȟɦḣḥḧḩḫẖⱨꞕ"},
	{"i", "ìíîïĩīĭįǐȉȋɨᶖḭḯỉị"},
	{"j", "ĵǰɉʝ"},
	{"k", "ķƙǩᶄḱḳḵⱪꝁꝃꝅꞣ"},
	{"l", "ĺļľŀłƚȴɫɬɭᶅḷḹḻḽⱡꝉꞎꬷꬸꬹ"},
	{"m", "ɱᵯᶆḿṁṃꬺ"},
	{"n", "ñńņňƞǹȵɲɳᵰᶇṅṇṉṋꞑꞥꬻ"},
	{"o", "òóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợⱺꝋꝍ"},
	{"p", "ƥᵱᵽᶈṕṗꝑꝓꝕ"},
	{"q", "ɋʠꝗꝙ"},
	{"r", "ŕŗřȑȓɍɼɽɾᵲᵳᶉṙṛṝṟꞧꭉ"},
	{"s", "śŝşšșȿʂᵴᶊṡṣṥṧṩꞩꟊ"},
	{"t", "ţťŧƫƭțȶʈᵵṫṭṯṱẗⱦ"},
	{"u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗᶙṳṵṷṹṻụủứừửữựꞹꭎꭒ"},
	{"v", "ʋᶌṽṿⱱⱴꝟ"},
	{"w", "ŵẁẃẅẇẉẘⱳ"},
	{"x", "ᶍẋẍꭖꭗꭘꭙ"},
	{"y", "ýÿŷƴȳɏẏẙỳỵỷỹỿꭚ"},
	{"z", "źżžƶȥɀʐʑᵶᶎẑẓẕⱬ"},
}

// latinSpecial holds the Latin letters that are not "a base letter with a
// diacritic", and the Turkic letters whose sound English spells with two
// letters (Aşgabat = Ashgabat, Türkmenbaşy = Turkmenbashi, Çärjew = Charjew).
var latinSpecial = map[rune]string{
	'ª': "a", 'º': "o", 'µ': "m",
	'ß': "ss", 'æ': "ae", 'ǣ': "ae", 'ǽ': "ae", 'œ': "oe", 'ĳ': "ij",
	'ð': "d", 'þ': "th", 'ı': "i", 'ȷ': "j", 'ĸ': "k", 'ŉ': "n", 'ŋ': "ng", 'ſ': "s",
	'ǆ': "dzh", 'ǅ': "dzh", 'ǉ': "lj", 'ǈ': "lj", 'ǌ': "nj", 'ǋ': "nj", 'ǳ': "dz", 'ǲ': "dz",
	'ə': "a", 'ǝ': "e", 'ɛ': "e", 'ɔ': "o", 'ʃ': "sh", 'ʒ': "zh", 'ǯ': "zh",
	'ş': "sh", 'ș': "sh", 'š': "sh", 'ç': "ch", 'č': "ch", 'ž': "zh",
	'ẛ': "s", 'ẜ': "s", 'ẝ': "s", 'ẞ': "ss",
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "st", 'ﬆ': "st",
}

// cyrillic transliterates the lower-case letters of U+0400-U+04FF: Russian,
// Kazakh, Kyrgyz, Tajik and Uzbek as the folding rules need them, the other
// languages' letters to their usual Latin spelling. Letters not listed (ъ, ь,
// the palochka) and the signs of the block vanish.
var cyrillic = map[rune]string{
	// Russian
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya",
	// Kazakh, Kyrgyz, Tajik, Uzbek
	'ә': "a", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ө': "o", 'ұ': "u", 'ү': "u",
	'һ': "h", 'і': "i", 'ӣ': "i", 'ӯ': "u", 'ҳ': "h", 'ҷ': "j", 'ў': "o",
	// Ukrainian, Belarusian, Serbian, Macedonian
	'ѐ': "e", 'ђ': "dj", 'ѓ': "g", 'є': "ye", 'ѕ': "dz", 'ї': "yi", 'ј': "j",
	'љ': "lj", 'њ': "nj", 'ћ': "c", 'ќ': "k", 'ѝ': "i", 'џ': "dzh", 'ґ': "g",
	// Historic letters
	'ѡ': "o", 'ѣ': "e", 'ѥ': "ye", 'ѧ': "ya", 'ѩ': "ya", 'ѫ': "u", 'ѭ': "yu",
	'ѯ': "ks", 'ѱ': "ps", 'ѳ': "f", 'ѵ': "i", 'ѷ': "i", 'ѹ': "u", 'ѻ': "o",
	'ѽ': "o", 'ѿ': "ot", 'ҁ': "s",
	// Other languages of Russia and the Caucasus (Tatar, Bashkir, Chuvash,
	// Abkhaz, Chukchi...)
	'ҋ': "y", 'ҏ': "r", 'ҕ': "g", 'җ': "zh", 'ҙ': "z", 'ҝ': "k", 'ҟ': "k",
	'ҡ': "q", 'ҥ': "ng", 'ҧ': "p", 'ҩ': "o", 'ҫ': "s", 'ҭ': "t", 'ҵ': "ts",
	'ҹ': "ch", 'ҽ': "ch", 'ҿ': "ch", 'ӂ': "zh", 'ӄ': "k", 'ӆ': "l", 'ӈ': "ng",
	'ӊ': "n", 'ӌ': "ch", 'ӎ': "m", 'ӑ': "a", 'ӓ': "a", 'ӕ': "ae", 'ӗ': "e",
	'ӛ': "a", 'ӝ': "zh", 'ӟ': "z", 'ӡ': "dz", 'ӥ': "i", 'ӧ': "o", 'ӫ': "o",
	'ӭ': "e", 'ӱ': "u", 'ӳ': "u", 'ӵ': "ch", 'ӷ': "g", 'ӹ': "y", 'ӻ': "g",
	'ӽ': "kh", 'ӿ': "kh",
}

func init() {
	set := func(r rune, s string) {
		switch {
		case r >= latinLo && r < latinLo+rune(len(latinTab)):
			latinTab[r-latinLo] = s
		case r >= cyrLo && r < cyrLo+rune(len(cyrTab)):
			cyrTab[r-cyrLo] = s
		default:
			otherTab[r] = s
		}
	}
	for _, e := range latinBases {
		for _, r := range e.letters {
			set(r, e.base)
		}
	}
	for r, s := range latinSpecial {
		set(r, s)
	}
	for r, s := range cyrillic {
		set(r, s)
	}
	// Fullwidth digits and letters (lower-cased already).
	for r := rune(0); r < 10; r++ {
		set(0xFF10+r, string(rune('0'+r)))
	}
	for r := rune(0); r < 26; r++ {
		set(0xFF41+r, string(rune('a'+r)))
	}
}

// Spell writes one word in lower-case ASCII the way a reader would still
// recognise it: Fold's rules 1-4 (case, diacritics, Cyrillic, marks) without
// the transliteration habits of rule 5, so "Cooley" stays "cooley" (its key
// is "culei") and "Холмуродов" becomes "kholmurodov". Ids of names the
// gazetteer does not know are made of it (pipeline.AutoID); keys, not
// spellings, are what the matcher compares.
func Spell(word string) string {
	var arr [64]byte
	return string(appendBase(arr[:0], word))
}
