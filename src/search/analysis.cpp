#include "search/analysis.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"

namespace copydesk::search {

namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// French words that lose their vowel before another word: l'offre, d'énergie, qu'elle.
constexpr std::array<std::string_view, 13> kElided = {
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};

constexpr std::array<const char*, 70> kFrenchStop = {
    "a",   "au",  "aux",  "avec", "c",     "ce",   "ces", "cet",   "cette", "d",   "dans", "de",
    "des", "du",  "elle", "en",   "est",   "et",   "eux", "il",    "ils",   "j",   "je",   "l",
    "la",  "le",  "les",  "leur", "leurs", "lui",  "m",   "ma",    "mais",  "me",  "mes",  "moi",
    "mon", "n",   "ne",   "nos",  "notre", "nous", "on",  "ou",    "par",   "pas", "pour", "qu",
    "que", "qui", "s",    "sa",   "se",    "ses",  "son", "sont",  "sur",   "t",   "ta",   "te",
    "tes", "toi", "ton",  "tu",   "un",    "une",  "vos", "votre", "vous",  "y"};
constexpr std::array<const char*, 52> kEnglishStop = {
    "a",    "an", "and",  "are",  "as",   "at",   "be",   "been", "but",   "by",   "can",
    "did",  "do", "does", "for",  "from", "had",  "has",  "have", "he",    "her",  "his",
    "i",    "if", "in",   "into", "is",   "it",   "its",  "me",   "my",    "no",   "not",
    "of",   "on", "or",   "our",  "she",  "so",   "that", "the",  "their", "them", "they",
    "this", "to", "us",   "was",  "we",   "were", "with", "you"};

const Xapian::SimpleStopper* MakeStopper(const char* const* words, std::size_t n) {
  auto* stopper = new Xapian::SimpleStopper;  // lives as long as the program
  for (std::size_t i = 0; i < n; ++i) stopper->add(words[i]);
  return stopper;
}

// The French stemmer, fed folded words. Snowball knows French endings by their accents
// ("validée" → valid) but text arrives folded ("validee"): give the past participle's "ée" its
// accent back before stemming, so validée, validées and validation meet.
class FoldedFrenchStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    auto ends = [&](std::string_view end) {
      return word.size() > end.size() + 2 &&
             word.compare(word.size() - end.size(), end.size(), end) == 0;
    };
    if (ends("ees"))
      return FoldForMatch(french_(word.substr(0, word.size() - 3) + "\xC3\xA9"
                                                                    "es"));
    if (ends("ee"))
      return FoldForMatch(french_(word.substr(0, word.size() - 2) + "\xC3\xA9"
                                                                    "e"));
    return FoldForMatch(french_(word));
  }
  std::string get_description() const override { return "french (folded)"; }

 private:
  Xapian::Stem french_{"french"};
};

}  // namespace

std::string PrepareText(std::string_view text, std::string_view language) {
  std::string folded = FoldForMatch(text);
  // "_" joins words for Xapian but separates them for people (package_name, fr_FR) and for
  // Markdown's emphasis: a separator on both sides, so that titles, texts and queries agree.
  std::replace(folded.begin(), folded.end(), '_', ' ');
  if (language != "fr") return folded;
  // An apostrophe (' or ’) right after an elided word starting a word becomes a space.
  std::string out;
  out.reserve(folded.size());
  std::size_t word_start = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    std::size_t apostrophe = 0;
    if (c == '\'')
      apostrophe = 1;
    else if (c == 0xE2 && folded.compare(i, 3, "\xE2\x80\x99") == 0)
      apostrophe = 3;
    if (apostrophe) {
      const std::string_view before = std::string_view(out).substr(word_start);
      bool elided = false;
      for (auto w : kElided) elided = elided || before == w;
      if (elided) {
        out.push_back(' ');
        i += apostrophe - 1;
        word_start = out.size();
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
    if (!IsWordByte(c)) word_start = out.size();
  }
  return out;
}

std::string MarkdownToText(std::string_view md) {
  std::string out;
  out.reserve(md.size());
  bool line_start = true;
  for (std::size_t i = 0; i < md.size(); ++i) {
    const char c = md[i];
    if (line_start) {
      // Block markers: headings, quotes, list bullets, ordered list numbers.
      std::size_t j = i;
      while (j < md.size() && (md[j] == ' ' || md[j] == '\t')) ++j;
      std::size_t k = j;
      while (k < md.size() && (md[k] == '#' || md[k] == '>')) ++k;
      if (k == j && k + 1 < md.size() && (md[k] == '-' || md[k] == '*' || md[k] == '+') &&
          md[k + 1] == ' ')
        ++k;
      if (k == j) {
        std::size_t d = k;
        while (d < md.size() && md[d] >= '0' && md[d] <= '9') ++d;
        if (d > k && d + 1 < md.size() && (md[d] == '.' || md[d] == ')') && md[d + 1] == ' ')
          k = d + 1;
      }
      if (k > j) {
        i = k;
        line_start = false;
        if (i >= md.size()) break;
        --i;
        continue;
      }
      line_start = false;
    }
    if (c == '\n') {
      out.push_back('\n');
      line_start = true;
      continue;
    }
    if (c == '\\' && i + 1 < md.size() && std::ispunct(static_cast<unsigned char>(md[i + 1]))) {
      // An escaped mark is the character itself ("\<name\>" is text, not a tag).
      out.push_back(md[++i]);
      continue;
    }
    if (c == '*' || c == '_' || c == '`' || c == '~' || c == '\\') {
      out.push_back(' ');
      continue;
    }
    if (c == '!' && i + 1 < md.size() && md[i + 1] == '[') continue;
    if (c == '[' || c == ']') {
      if (c == ']' && i + 1 < md.size() && md[i + 1] == '(') {
        // The link's target is not text people wrote: skip it.
        const auto close = md.find(')', i + 1);
        if (close != std::string_view::npos) i = close;
      }
      continue;
    }
    if (c == '<') {
      const auto close = md.find('>', i);
      if (close != std::string_view::npos && close - i < 200) {
        i = close;
        out.push_back(' ');
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

Xapian::Stem StemmerFor(std::string_view language) {
  if (language == "fr") return Xapian::Stem(new FoldedFrenchStemmer);
  return Xapian::Stem("english");
}

const Xapian::SimpleStopper& StopperFor(std::string_view language) {
  static const Xapian::SimpleStopper* fr = MakeStopper(kFrenchStop.data(), kFrenchStop.size());
  static const Xapian::SimpleStopper* en = MakeStopper(kEnglishStop.data(), kEnglishStop.size());
  return language == "fr" ? *fr : *en;
}

std::string GuessLanguage(std::string_view text) {
  const std::string folded = FoldForMatch(text);
  const auto& fr = StopperFor("fr");
  const auto& en = StopperFor("en");
  int fr_hits = 0, en_hits = 0;
  for (const auto& w : SplitWords(folded)) {
    const std::string word = folded.substr(w.begin, w.end - w.begin);
    if (word.size() < 2) continue;  // "a", "l": in both lists, or elisions
    fr_hits += fr(word) ? 1 : 0;
    en_hits += en(word) ? 1 : 0;
  }
  if (folded.find("'") != std::string::npos || folded.find("\xE2\x80\x99") != std::string::npos) {
    for (std::string_view e : {" l'", " d'", " l\xE2\x80\x99", " d\xE2\x80\x99", " qu'"}) {
      if (folded.find(e) != std::string::npos) ++fr_hits;
    }
  }
  return fr_hits > en_hits ? "fr" : "en";
}

std::vector<WordSpan> SplitWords(std::string_view text) {
  std::vector<WordSpan> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t begin = i;
    while (i < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      if (!IsWordByte(c)) break;
      // Typographic punctuation is non-ASCII but not a letter: ’ « » – — … and no-break spaces.
      if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80)
        break;
      if (c == 0xC2 && i + 1 < text.size()) {
        const unsigned char n = static_cast<unsigned char>(text[i + 1]);
        if (n == 0xAB || n == 0xBB || n == 0xA0) break;
      }
      ++i;
    }
    if (i > begin) {
      out.push_back({begin, i});
    } else if (i < text.size()) {
      i += (static_cast<unsigned char>(text[i]) == 0xE2) ? 3 : 2;  // skip the punctuation
    }
  }
  return out;
}

}  // namespace copydesk::search
