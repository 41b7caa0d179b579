#include "search/snippet.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "search/analysis.hpp"

namespace copydesk::search {

namespace {

// A snippet is one line of HTML text: line breaks and tabs become spaces, then the text is
// escaped as everywhere else.
std::string EscapeLine(std::string_view text) {
  std::string flat(text);
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return EscapeHtml(flat);
}

}  // namespace

Highlighter::Highlighter(const std::vector<std::string>& words, std::string_view prefix,
                         std::string_view language)
    : language_(language), prefix_(PrepareText(prefix, language)) {
  const auto stem = StemmerFor(language);
  const auto& stopper = StopperFor(language);
  for (const auto& w : words) {
    const std::string prepared = PrepareText(w, language);
    for (const auto& span : SplitWords(prepared)) {
      const std::string folded = prepared.substr(span.begin, span.end - span.begin);
      if (stopper(folded)) continue;
      words_.insert(folded);
      stems_.insert(stem(folded));
    }
  }
  if (!prefix_.empty()) {
    auto spans = SplitWords(prefix_);
    prefix_ = spans.empty()
                  ? ""
                  : prefix_.substr(spans.back().begin, spans.back().end - spans.back().begin);
  }
}

bool Highlighter::Matches(std::string_view word) const {
  const std::string folded = FoldForMatch(word);
  if (words_.count(folded)) return true;
  if (!prefix_.empty() && folded.compare(0, prefix_.size(), prefix_) == 0) return true;
  if (stems_.empty()) return false;
  static thread_local Xapian::Stem fr = StemmerFor("fr");
  static thread_local Xapian::Stem en = StemmerFor("en");
  return stems_.count((language_ == "fr" ? fr : en)(folded)) > 0;
}

std::string Highlighter::Snippet(std::string_view text, std::size_t max_words) const {
  const auto spans = SplitWords(text);
  if (spans.empty()) return "";
  std::vector<char> hit(spans.size());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    hit[i] = Matches(text.substr(spans[i].begin, spans[i].end - spans[i].begin));
  }
  // The window with the most matches; the first one wins ties, so short texts start at the top.
  std::size_t best = 0, best_hits = 0, hits = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    hits += hit[i];
    if (i >= max_words) hits -= hit[i - max_words];
    const std::size_t start = i + 1 >= max_words ? i + 1 - max_words : 0;
    if (hits > best_hits) {
      best_hits = hits;
      best = start;
    }
  }
  // Start a few words before the first match, so it reads in context.
  if (best_hits > 0) {
    std::size_t first = best;
    while (!hit[first]) ++first;
    best = first > 4 ? std::max(best, first - 4) : best;
    best = std::min(best, first);
  }
  const std::size_t end = std::min(spans.size(), best + max_words);
  std::string out;
  if (best > 0) out += "…";
  std::size_t pos =
      best == 0 ? 0 : spans[best].begin;  // the whole start of a text shown from its top
  for (std::size_t i = best; i < end; ++i) {
    out += EscapeLine(text.substr(pos, spans[i].begin - pos));
    const auto word = text.substr(spans[i].begin, spans[i].end - spans[i].begin);
    if (hit[i])
      out += "<mark>" + EscapeLine(word) + "</mark>";
    else
      out += EscapeLine(word);
    pos = spans[i].end;
  }
  if (end < spans.size())
    out += "…";
  else
    out += EscapeLine(text.substr(pos));  // up to the end: its closing punctuation too
  return out;
}

}  // namespace copydesk::search
