#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace copydesk {

//! Lowercases ASCII and folds the common Latin accents (é → e, Ç → c, œ → oe): the key under
//! which names and tags are compared, so "Médias" and "medias" meet.
std::string FoldForMatch(std::string_view text);

//! A URL-friendly slug of a name: folded, ASCII letters and digits joined by '-', at most 48
//! characters; "workspace" when nothing is left.
std::string Slugify(std::string_view name);

//! Trims ASCII white space at both ends.
std::string_view Trim(std::string_view text);

//! A lowercase, trimmed e-mail address, or "" when it does not look like one (one '@', a dot in
//! the domain, no spaces, at most 254 bytes).
std::string NormalizeEmail(std::string_view email);

//! Number of Unicode code points in valid UTF-8 text: what people call "characters".
std::size_t CountCharacters(std::string_view utf8);

//! `text` made valid UTF-8 of at most `max_bytes`: a byte outside any valid sequence becomes
//! U+FFFD and no character is cut in half. For text from outside, such as HTTP headers, that is
//! stored and later sent back inside JSON.
std::string ToValidUtf8(std::string_view text, std::size_t max_bytes);

//! Why `name` cannot be a name (of a person, workspace, team, channel, type, project, tag, view,
//! task list…), or nullopt. Checked by every name's rule: a name is shown in lists, e-mails,
//! logs and exports, where a NUL, a line break, an escape or an invisible direction override
//! would cut it, forge a line or make it read as something else. `name` is valid UTF-8.
std::optional<std::string> CheckNameCharacters(std::string_view name);

//! True when `utf8` is a control (Unicode Cc) or format (Cf) character at its start: the
//! characters a spreadsheet may skip or act on before it sees what follows.
bool StartsWithControlOrFormat(std::string_view utf8);

//! True when a spreadsheet could take a cell holding `text` for a formula: it starts with
//! = + - @, or with a control or format character (a tab, a CR, a zero-width space, a direction
//! mark…) that can come before one. Exports prefix such cells with an apostrophe.
bool StartsLikeSpreadsheetFormula(std::string_view text);

//! `text` with &, <, >, " and ' escaped, for HTML text and attribute values (e-mails, exports).
std::string EscapeHtml(std::string_view text);

}  // namespace copydesk
