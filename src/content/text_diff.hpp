#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::content {

//! One step of a diff: text kept, added or removed.
struct DiffOp {
  enum class Kind { kEqual, kInsert, kDelete };
  Kind kind;
  std::string text;
};

//! Splits text into words, runs of white space and single punctuation marks, following French
//! and English usage: letters of any script and digits make words (UTF-8 aware), an apostrophe
//! (' or ’) ends an elision ("l’offre" → "l’", "offre"), hyphenated words split at the hyphen,
//! non-breaking spaces count as space, « » … are punctuation. Concatenating the tokens gives the
//! input back exactly.
std::vector<std::string> TokenizeWords(std::string_view text);

//! A word-level diff from `before` to `after`, minimal in tokens (Myers) unless the texts share
//! little (then bounded in time, not minimal), with adjacent ops of the same kind merged and a
//! change written as its deletion then its insertion. A lone space or mark kept between two
//! replacements joins them ("winter offer" → "summer deal" is one deletion and one insertion).
//! Concatenating equal+delete texts gives `before`; equal+insert gives `after`; no ops when both
//! are empty.
std::vector<DiffOp> DiffWords(std::string_view before, std::string_view after);

//! The same diff as HTML: text escaped, removals in <del>, additions in <ins>; newlines kept.
std::string DiffToHtml(const std::vector<DiffOp>& ops);

//! Three-way merge of text at line granularity (diff3): changes of `mine` and `theirs` against
//! `base` that touch different lines (or paragraphs), even neighbouring ones, are combined;
//! nullopt when they share a line and differ, or insert different text at the same place.
//! Identical changes on both sides are not a conflict. Line endings (LF or CRLF) are kept as
//! they are; whether the result ends with a line ending is merged like any other change.
std::optional<std::string> MergeText(std::string_view base, std::string_view mine,
                                     std::string_view theirs);

}  // namespace copydesk::content
