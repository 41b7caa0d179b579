#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::search {

//! Marks the words of a text that a query matched, the way the index matched them: folded,
//! stemmed in the text's language, and the word being typed as a prefix.
class Highlighter {
 public:
  //! `words`: the query's words as typed; `prefix`: the word being typed ("" when none).
  Highlighter(const std::vector<std::string>& words, std::string_view prefix,
              std::string_view language);

  //! True when `word` (as written in the text) is one the query matched.
  bool Matches(std::string_view word) const;

  //! A passage of about `max_words` words of `text` around the most matches, HTML-escaped, with
  //! <mark> around matched words and "…" where it was cut.
  std::string Snippet(std::string_view text, std::size_t max_words = 30) const;

 private:
  std::string language_;
  std::set<std::string> words_;
  std::set<std::string> stems_;
  std::string prefix_;
};

}  // namespace copydesk::search
