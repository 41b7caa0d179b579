#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace copydesk::search {

//! Text as the index sees it: accents and case folded and, in French, elisions split
//! (l'offre → l offre, d'énergie → d energie). Documents and queries both go through it.
std::string PrepareText(std::string_view text, std::string_view language);

//! Plain text of Markdown (rich text fields): markup, links' targets and HTML tags removed.
std::string MarkdownToText(std::string_view markdown);

//! The Snowball stemmer of a content language ("fr" → french, anything else → english).
Xapian::Stem StemmerFor(std::string_view language);

//! Words too common to search by, in French and English (folded).
const Xapian::SimpleStopper& StopperFor(std::string_view language);

//! The likelier language of a text ("fr" or "en"), by its common words.
std::string GuessLanguage(std::string_view text);

//! A word of a text: its bytes [begin, end).
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

//! The words of UTF-8 text: runs of ASCII letters and digits and of non-ASCII characters.
std::vector<WordSpan> SplitWords(std::string_view text);

}  // namespace copydesk::search
