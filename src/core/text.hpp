#pragma once

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

}  // namespace copydesk
