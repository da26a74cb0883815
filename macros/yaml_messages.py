"""PyYAML's parser errors as staff read them: in Indonesian, at the line where the mistake is."""

from __future__ import annotations

import re

import yaml

from .model import BY_YEAR
from .problems import Problem

_YAML_MESSAGES = [
    ("but found '}'", "tanda '}' tanpa pasangan '{'; hapus kurung kurawal yang berlebih"),
    ("but found ']'", "tanda ']' tanpa pasangan '['; hapus kurung siku yang berlebih"),
    ("while scanning a quoted scalar", "tanda kutip di baris ini tidak ditutup; tambahkan tanda kutip penutup di "
                                       "akhir teks"),
    ("found character '\\t' that cannot start any token",
     "karakter tab tidak boleh dipakai di YAML; gunakan spasi untuk indentasi"),
    ("mapping values are not allowed here",
     "tanda ':' tidak terduga; periksa indentasi, atau beri tanda kutip pada teks yang memuat ': '"),
    ("could not find expected ':'", "baris ini tidak berbentuk 'kunci: nilai'; periksa indentasi dan tanda ':'"),
    ("did not find expected key", "indentasi tidak rata dengan baris di atasnya"),
    ("did not find expected '-' indicator", "indentasi butir daftar ('- ') tidak rata"),
    ("expected <block end>", "indentasi tidak rata dengan baris di atasnya"),
    ("but found another document", "berkas hanya boleh berisi satu dokumen YAML (hapus '---' kedua)"),
    ("while parsing a flow mapping", "kurung kurawal '{' di baris ini tidak ditutup dengan '}' di baris yang sama, "
                                     "atau isiannya tidak dipisah koma; periksa juga tanda kutip dan tanda '#' "
                                     "(sisa baris sesudah ' #' dianggap komentar)"),
    ("while parsing a flow sequence", "kurung siku '[' di baris ini tidak ditutup dengan ']' di baris yang sama, "
                                      "atau isiannya tidak dipisah koma; periksa juga tanda kutip"),
    ("while parsing a flow node", "kurung kurawal '{' atau siku '[' tidak ditutup, atau isian sesudah ':' "
                                  "kosong; lengkapi isiannya dan tutup kurungnya"),
]
# A character YAML reserves (%, @, `) at the start of an unquoted value.
_RESERVED_START = re.compile(r"found character '(.)' that cannot start any token")

# Characters that give an unquoted value a meaning of its own in YAML: a list entry, a folded or literal block,
# an alias, an anchor, a key, a flow separator, a tag. Staff type them as text ('-' for "none", '>= 90', '*) 10').
_INDICATOR_START = "-><|*&?,!"

_QUOTED_VALUE = re.compile(r"""^(\s*(?:-\s+)?[^\s#'"][^:#]*:\s+|\s*-\s+)(["'])(.*)$""")


def parse_error(error: yaml.YAMLError, text: str, shown: str) -> Problem:
    """The problem staff read for a PyYAML error raised while reading `text`, the file shown as `shown`."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        unclosed = _unclosed_quote(text)
        if unclosed and (mark is None or unclosed[0] <= mark.line + 1):
            # YAML lets a quote run on over many lines, so it fails far below the real mistake.
            return Problem(shown, "YAML tidak valid: tanda kutip tidak ditutup: tambahkan tanda "
                                  "kutip penutup di akhir teks", *unclosed)
        dash = _dash_without_space(text, error)
        if dash is not None:
            return Problem(shown, f"YAML tidak valid: tanda '-' butir daftar harus diikuti spasi; tulis '- {dash[2]}'",
                           dash[0], dash[1])
        inner = _quote_inside_quotes(text, error.problem_mark, error.problem or "")
        if inner is not None:
            return Problem(shown, f"YAML tidak valid: tanda kutip {inner[1]} di dalam teks menutup teks yang diawali "
                                  f"tanda kutip yang sama; apit teksnya dengan tanda kutip yang lain: "
                                  f"{yaml_quoted(inner[2])}", error.problem_mark.line + 1, inner[0])
        sign = _sign_before(text, error.problem_mark)
        if sign is not None:
            # Checked before the table: YAML stops after the alias or anchor, at what follows it, and names that
            # place as a mapping's "block end" or a brace's missing ',' (indentation, braces), not the sign.
            return _sign_problem(sign, text, shown)
        if error.context_mark and (error.context or "").startswith(("while parsing a flow", "while scanning a quoted",
                                                                    "while scanning a simple key")):
            # Where the braces, the quote or the line read as a key open: the parser notices the mistake later, often
            # lines below ('satuan:Nilai' is a key without its ':' only once the next line starts).
            mark = error.context_mark
        if mark is None:
            return Problem(shown, _yaml_message(error, text))
        slip = _colon_slip(text, mark)
        if slip is not None:
            return Problem(shown, f"YAML tidak valid: {slip[1]}", mark.line + 1, slip[0])
        braces = _braces_left_out(text, mark) if "mapping values are not allowed" in (error.problem or "") else None
        if braces is not None:
            return Problem(shown, f"YAML tidak valid: {braces[1]}", mark.line + 1, braces[0])
        if "could not find expected ':'" in (error.problem or "") and error.context_mark is mark:
            below = _line_below_its_key(text, mark)
            if below:
                return Problem(shown, f"YAML tidak valid: {below}", mark.line + 1, mark.column + 1)
        # A mistake noticed at the end of the file (a brace left open on its last line) is on its last written line.
        line = min(mark.line + 1, len(text.rstrip().splitlines()) or 1)
        return Problem(shown, _yaml_message(error, text), line, mark.column + 1 if line == mark.line + 1 else None)
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        return Problem(shown, f"karakter kendali U+{error.character:04X} tidak boleh ada di berkas; "
                              "hapus karakter ini (biasanya terbawa saat menyalin teks)", line, column)
    return Problem(shown, f"YAML tidak valid: {error}")


def anchor_problem(event: yaml.NodeEvent, on_key: bool, text: str, shown: str) -> Problem:
    """The problem staff read for an anchor ('&name') that opens `event`, a mapping's key when `on_key`: YAML keeps
    the value without it."""
    anchor, mark = f"&{event.anchor}", event.start_mark
    if on_key:
        # A key is a field's name or a year, never text '&k' could belong to.
        message = f"jangkar YAML '{anchor}' tidak dipakai di berkas data cascade; hapus '{anchor}' dari kunci ini"
    elif not isinstance(event, yaml.ScalarEvent):
        message = f"jangkar YAML '{anchor}' tidak diizinkan; hapus '{anchor}'"
    else:
        message = (f"tanda '&' di awal nilai dibaca YAML sebagai jangkar (anchor), sehingga '{anchor}' tidak ikut "
                   f"tersimpan; {_anchored_value_advice(event, anchor, text)}")
    return Problem(shown, message, mark.line + 1, mark.column + 1)


def _anchored_value_advice(event: yaml.ScalarEvent, anchor: str, text: str) -> str:
    """What mends a single value that an anchor opens, by how the value is written."""
    if event.style in ('"', "'"):
        # Quoting the anchor in too would nest quotes, and the text inside is already kept as typed.
        return f"nilainya sudah bertanda kutip, jadi hapus saja '{anchor}'"
    if event.style in ("|", ">"):
        return f"nilainya sudah ditulis sebagai teks berlapis ('{event.style}'), jadi hapus saja '{anchor}'"
    if event.end_mark.line == event.start_mark.line:
        return quote_advice(text, event.start_mark.index)
    # Continued on the lines below: its first line alone would drop the rest. YAML joins the lines with spaces,
    # which one quoted line keeps; an empty line among them is a line break, which one line cannot show.
    if "\n" not in event.value:
        return f"beri tanda kutip pada seluruh nilainya: {yaml_quoted(f'{anchor} {event.value}')}"
    return (f"beri tanda kutip pembuka sebelum '{anchor}' dan tanda kutip penutup di akhir teksnya "
            f"(baris {event.end_mark.line + 1})")


# An alias ('*name') or an anchor ('&name') where a value starts, then only spaces up to where YAML stopped: YAML read
# the sign as one and could not read what follows on the line ('*catatan sementara', '&Laporan, BPS'). A value starts
# a line (after its list dashes), or follows a key's ': ' or, in braces, a '[', '{' or ','; a sign after a space
# inside a text ('Sarana &Prasarana: Desa') is part of that text, and YAML stopped there for another reason.
_SIGN_BEFORE = re.compile(r"(?P<sign>[*&])(?P<name>[0-9A-Za-z_-]+)[ \t]*$")
_VALUE_STARTS = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|:[ \t]+)$")
_FLOW_VALUE_STARTS = re.compile(r"[\[{,][ \t]*$")
_SIGN_READ_AS = {"*": "alias (rujukan ke jangkar '&{name}')", "&": "jangkar (anchor) '&{name}'"}


def _sign_before(text: str, mark: yaml.Mark | None) -> tuple[int, str, str] | None:
    """Where an alias or anchor that YAML stopped right after starts on `mark`'s line, with its sign and name."""
    if mark is None:
        return None
    line_start = text.rfind("\n", 0, mark.index) + 1
    found = _SIGN_BEFORE.search(text[line_start:mark.index])
    if found is None:
        return None
    start = line_start + found.start()
    before = text[line_start:start]
    if not (_VALUE_STARTS.search(before) or (_in_braces(text, start) and _FLOW_VALUE_STARTS.search(before))):
        return None
    return start, found["sign"], found["name"]


def _sign_problem(sign: tuple[int, str, str], text: str, shown: str) -> Problem:
    """The problem for a value YAML stopped reading after its first word, an alias or an anchor: at the sign."""
    index, char, name = sign
    line_start = text.rfind("\n", 0, index) + 1
    read_as = _SIGN_READ_AS[char].format(name=name)
    return Problem(shown, f"YAML tidak valid: tanda '{char}' di awal nilai tanpa tanda kutip dibaca YAML sebagai "
                          f"{read_as}, sehingga sisa nilainya tidak terbaca; {quote_advice(text, index)}",
                   text.count("\n", 0, index) + 1, index - line_start + 1)


# A key at the start of a line (after its list dash) and what follows it: a colon pasted from a full-width script
# ('：'), a colon followed by a non-breaking space (Word's), or by the value with no space at all.
_KEY_START = r"[ \t]*(?:-[ \t]+)?[^\s:#'\"{}\[\],]+"
_WIDE_COLON = re.compile(_KEY_START + r"[ \t]*(?P<char>[：﹕︓꞉∶])")
_HARD_SPACE_AFTER = re.compile(_KEY_START + r":(?P<char>[\u00a0\u2007\u202f])")
_NO_SPACE_AFTER = re.compile(r"(?P<key>[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*):(?P<char>[^\s:/])(?P<value>.*)")
_HARD_INDENT = re.compile(r"[ \t]*(?P<char>[\u00a0\u2007\u202f])")
_CHARACTER_NAMES = {"\u00a0": "spasi tak-putus (U+00A0)", "\u2007": "spasi angka (U+2007)",
                    "\u202f": "spasi tak-putus sempit (U+202F)"}


def _line_at(text: str, mark: yaml.Mark) -> str:
    """The line `mark` is on, without its line break (the last line for a mark at the end of the text)."""
    line_start = text.rfind("\n", 0, mark.index + 1) + 1 if mark.index < len(text) else text.rfind("\n") + 1
    return text[line_start:text.find("\n", line_start) % (len(text) + 1)]


def _colon_slip(text: str, mark: yaml.Mark) -> tuple[int, str] | None:
    """The column and message for a line at `mark` whose key YAML could not read for a character typed in place of
    ': ' or of an indenting space, as the tab is named: these look the same as the right ones on screen."""
    line = _line_at(text, mark)
    found = _HARD_INDENT.match(line)
    if found:
        name = _CHARACTER_NAMES[found["char"]]
        return found.start("char") + 1, (f"{name} di indentasi baris ini tidak dibaca YAML sebagai spasi (biasanya "
                                         "terbawa saat menyalin dari Word); ganti dengan spasi biasa")
    found = _WIDE_COLON.match(line)
    if found:
        return found.start("char") + 1, (f"tanda '{found['char']}' (U+{ord(found['char']):04X}) bukan titik dua "
                                         "yang dibaca YAML; ganti dengan titik dua biasa ':' diikuti spasi")
    found = _HARD_SPACE_AFTER.match(line)
    if found:
        name = _CHARACTER_NAMES[found["char"]]
        return found.start("char") + 1, (f"sesudah tanda ':' ada {name}, yang tidak dibaca YAML sebagai spasi "
                                         "(biasanya terbawa saat menyalin dari Word); ganti dengan spasi biasa")
    found = _NO_SPACE_AFTER.fullmatch(line)
    if found:
        return found.start("char"), (f"sesudah tanda ':' harus ada spasi; tulis "
                                     f"'{found['key'].strip()}: {found['char']}{found['value']}'")
    return None


# A yearly field's years typed after its key without their braces: 'target: 2024: "98,5"'. (`BY_YEAR`'s fields:
# a text field's ': ' is text to quote; quarters belong under a year, which one line cannot show.)
_BRACES_LEFT_OUT = re.compile(rf"[ \t]*(?:-[ \t]+)?(?P<key>{'|'.join(sorted(BY_YEAR))}):[ \t]+"
                              r"(?P<entries>\d{4}:[ \t]+[^#{}\[\]]*?)[ \t]*(?:#.*)?")
_NEXT_YEAR = re.compile(r",[ \t]*(?=\d{4}:[ \t])")


def _braces_left_out(text: str, mark: yaml.Mark) -> tuple[int, str] | None:
    """The column and message for a line at `mark` whose yearly field's years were typed without braces: YAML reads
    the year's ': ' as a mapping where a value stands. The braces shown hold each value quoted, as typed."""
    found = _BRACES_LEFT_OUT.fullmatch(_line_at(text, mark))
    if found is None:
        return None
    entries = []
    for entry in _NEXT_YEAR.split(found["entries"]):
        year, _, value = entry.partition(":")
        value = value.strip()
        quoted = len(value) > 1 and value[0] == value[-1] and value[0] in "\"'"
        if not value or (value[0] in "\"'" and not quoted):
            return None  # a quote cut at a ' #' that is its text's, not a comment: no whole value to show
        entries.append(f"{year}: {value if quoted else yaml_quoted(value)}")
    key = found["key"]
    return found.start("entries") + 1, (f"tahun dan nilainya ditulis di dalam kurung kurawal: tulis "
                                        f"'{key}: {{{', '.join(entries)}}}', atau tiap tahun di barisnya sendiri di "
                                        f"bawah '{key}:'")


_KEY_LINE = re.compile(r"(?P<indent>[ \t]*(?:-[ \t]+)?)(?P<key>[^\s:#'\"{}\[\],][^:#]*):(?:[ \t]+(?P<value>[^#]*?))?"
                       r"[ \t]*(?:#.*)?")


def _line_below_its_key(text: str, mark: yaml.Mark) -> str | None:
    """What is wrong with a line YAML took for a key without its ':' (at `mark`) where it is text that belongs to
    the key on the line above: its value, moved to the next line, or the rest of its value, not indented under it."""
    lines = text.splitlines()
    if mark.line >= len(lines) or ":" in lines[mark.line]:
        return None
    above = next((number for number in range(mark.line - 1, -1, -1) if lines[number].strip()), None)
    found = _KEY_LINE.fullmatch(lines[above]) if above is not None else None
    if found is None:
        return None
    key, indent = found["key"].strip(), len(found["indent"])
    if not found["value"]:
        return (f"baris ini terbaca sebagai kunci tanpa ':', padahal tampaknya nilai '{key}:' di baris {above + 1}; "
                f"tulis nilainya di baris itu sesudah '{key}: ', atau menjorok lebih dalam dari '{key}'")
    return (f"baris ini terbaca sebagai kunci tanpa ':'; bila ini lanjutan nilai '{key}:' di baris {above + 1}, "
            f"tulis menjorok lebih dalam dari '{key}' (lebih dari {indent} spasi) atau satukan dengan baris itu")


# A list item's dash written against its key ('-uraian: ...'): YAML reads '-uraian' as a key of the item above.
_DASH_AGAINST_KEY = re.compile(r"(?P<indent>[ \t]*)-(?P<key>[A-Za-z_][\w-]*:.*)")


def _dash_without_space(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str] | None:
    """Line, column and the line's rest for a '-' written against its key on a line YAML stopped at or just below
    (it notices the missing item only at the next key)."""
    lines = text.splitlines()
    marks = [mark.line for mark in (error.context_mark, error.problem_mark) if mark is not None]
    for number in dict.fromkeys(n for line in marks for n in (line, line - 1) if 0 <= n < len(lines)):
        found = _DASH_AGAINST_KEY.fullmatch(lines[number])
        if found:
            return number + 1, len(found["indent"]) + 1, found["key"].strip()
    return None


def _quote_inside_quotes(text: str, mark: yaml.Mark | None, problem: str) -> tuple[int, str, str] | None:
    """Column of the quote that ended a quoted value early, the quote and the text meant, when YAML found more
    text after it on its line ('uraian: "Program "Desa" Sehat"'): the value was meant to run to the last quote."""
    if mark is None or "but found '<scalar>'" not in problem or text[mark.index - 1:mark.index] not in ('"', "'"):
        return None
    line_start = text.rfind("\n", 0, mark.index) + 1
    line_end = text.find("\n", mark.index) % (len(text) + 1)
    found = _QUOTED_VALUE.match(text[line_start:line_end])
    if found is None or found.group(2) != text[mark.index - 1]:
        return None
    quote, rest = found.group(2), found.group(3).rstrip()
    if not rest.endswith(quote):
        return None
    return mark.column, quote, rest[:-1]


def _unclosed_quote(text: str) -> tuple[int, int] | None:
    """Line and column of the first quoted value that does not close on its own line, if any."""
    for number, line in enumerate(text.splitlines(), 1):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.group(2), match.group(3)
        closing = re.sub(r'\\.', "", rest) if quote == '"' else rest.replace("''", "")
        if quote not in closing:
            return number, len(match.group(1)) + 1
    return None


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = f"{error.context or ''} {error.problem or ''}"
    reserved = _RESERVED_START.search(problem)
    if reserved and reserved[1] != "\t" and error.problem_mark:
        return (f"YAML tidak valid: tanda '{reserved[1]}' tidak boleh mengawali nilai tanpa tanda kutip; "
                f"{quote_advice(text, error.problem_mark.index)}")
    for needle, message in _YAML_MESSAGES:
        if needle in problem:
            if "tab" in message or "\t" in needle:
                return message
            return f"YAML tidak valid: {message}"
    # YAML marks the character it stopped at, or where what it was reading began: the sign that opens the value.
    for mark in (error.context_mark, error.problem_mark):
        if mark is not None and text[mark.index:mark.index + 1] in tuple(_INDICATOR_START):
            return (f"YAML tidak valid: tanda '{text[mark.index]}' di awal nilai tanpa tanda kutip dibaca YAML "
                    f"sebagai tanda khusus; {quote_advice(text, mark.index)}")
    return f"YAML tidak valid: {problem.strip()}"


# Where a value typed in braces ends: at '}', ']' or a ',' that is not a decimal comma ('98,5').
_IN_BRACES = re.compile(r"(?:[^,}\]\n]|(?<=\d),(?=\d))*")


def yaml_quoted(value: str) -> str:
    """`value` in the quotes that keep it as typed in a data file: double quotes, or single quotes (a single quote
    in it doubled) where it holds a double quote, which would end double quotes, or a backslash, which they read as
    the start of an escape ('C:\\data' would not load)."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def quote_advice(text: str, start: int) -> str:
    """What to do about a value typed from `start` (an index into `text`) that YAML reads as something else: put
    it in quotes, shown whole (`_typed_value`)."""
    return f"beri tanda kutip pada seluruh nilainya: {yaml_quoted(_typed_value(text, start))}"


def _typed_value(text: str, start: int) -> str:
    """The value typed from `start` (an index into `text`) to the end of its line or the line's comment; in braces
    (opened on this line or before), to the next '}', ']' or separating ','. Its first character, the sign YAML
    stopped at, is kept whatever it is."""
    line_end = text.find("\n", start)
    typed = re.match(r"(.*?)(?:\s+#.*)?$", text[start:None if line_end < 0 else line_end])[1]
    if _in_braces(text, start):
        typed = typed[:1] + _IN_BRACES.match(typed, 1)[0]
    return typed.strip()


def _in_braces(text: str, index: int) -> bool:
    """Whether `index` lies inside braces or brackets opened before it (on its line or an earlier one)."""
    opened = text.count("{", 0, index) + text.count("[", 0, index)
    return opened > text.count("}", 0, index) + text.count("]", 0, index)
