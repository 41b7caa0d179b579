#include "content/channel_rules.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>

namespace copydesk::content {

namespace {

// The networks' published figures (docs/variants.md lists the sources): X counts 280 weighted
// characters; LinkedIn shows about 210 characters of a 3,000-character post before "…see more";
// Facebook about 125 of 63,206; Instagram 125 of a 2,200-character caption with at most 30
// hashtags and 20 mentions; inbox lists show about 50 characters of a subject line, which
// should stay under 78, and a preheader of up to 100.
std::vector<NetworkRules> MakeRules() {
  auto chars = [](const char* key, std::optional<std::int64_t> limit) {
    return NetworkField{key, limit, Counting::kChars};
  };
  return {
      {"x", {{"text", 280, Counting::kX}}, std::nullopt, "16:9", std::nullopt, std::nullopt},
      {"linkedin", {chars("text", 3000)}, 210, "1.91:1", std::nullopt, std::nullopt},
      {"facebook", {chars("text", 63206)}, 125, "1.91:1", std::nullopt, std::nullopt},
      {"instagram", {chars("text", 2200)}, 125, "4:5", 30, 20},
      {"newsletter",
       {chars("subject", 78), chars("preheader", 100), chars("text", std::nullopt)},
       50,
       std::nullopt,
       std::nullopt,
       std::nullopt},
  };
}

// X's configuration v3: the code points that weigh 1 (scale 100, weight 100); all others 2.
struct Range {
  UChar32 first, last;
};
constexpr std::array<Range, 4> kLightRanges = {
    {{0, 4351}, {8192, 8205}, {8208, 8223}, {8242, 8247}}};
constexpr std::int64_t kUrlWeight = 23;

std::int64_t Weight(UChar32 c) {
  for (const auto& r : kLightRanges) {
    if (c >= r.first && c <= r.last) return 1;
  }
  return 2;
}

// The text in NFC, as code points: what the networks count once a post is published.
std::vector<UChar32> CodePoints(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  icu::UnicodeString normal = U_SUCCESS(status) ? nfc->normalize(source, status) : source;
  if (U_FAILURE(status)) normal = source;
  std::vector<UChar32> out;
  out.reserve(static_cast<std::size_t>(normal.length()));
  for (std::int32_t i = 0; i < normal.length(); i = normal.moveIndex32(i, 1))
    out.push_back(normal.char32At(i));
  return out;
}

bool IsAsciiAlnum(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

UChar32 Lower(UChar32 c) {
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

bool StartsWith(const std::vector<UChar32>& cps, std::size_t at, std::string_view prefix) {
  if (at + prefix.size() > cps.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(cps[at + i]) != static_cast<UChar32>(prefix[i])) return false;
  }
  return true;
}

// Top-level domains twitter-text recognises without a scheme: the generic ones and the country
// codes people in our markets write (a bare "example.unknowntld" stays plain text, as on X).
bool KnownTld(const std::string& tld) {
  static const std::array<std::string_view, 40> kTlds = {
      "com",  "org",    "net",  "edu",  "gov",   "info", "biz", "io", "co",   "eu",
      "fr",   "be",     "ch",   "ca",   "de",    "uk",   "es",  "it", "nl",   "pt",
      "lu",   "us",     "app",  "dev",  "ai",    "me",   "tv",  "ly", "news", "blog",
      "shop", "online", "site", "tech", "store", "xyz",  "jp",  "cn", "ru",   "br"};
  return std::find(kTlds.begin(), kTlds.end(), tld) != kTlds.end();
}

bool IsSpace(UChar32 c) {
  return u_isUWhiteSpace(c) != 0;
}

// Punctuation that ends a sentence rather than a URL: "see https://a.co/x." counts the dot apart.
bool TrailingPunctuation(UChar32 c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == '\'' || c == '"' || c == ']';
}

// The end (exclusive) of a URL starting at `at`, or `at` when none starts there.
std::size_t UrlEnd(const std::vector<UChar32>& cps, std::size_t at) {
  if (at > 0) {
    const UChar32 before = cps[at - 1];
    if (IsAsciiAlnum(before) || before == '@' || before == '.' || before == '-' || before == '_' ||
        before == '/')
      return at;
  }
  std::size_t i = at;
  bool scheme = false;
  if (StartsWith(cps, at, "https://")) {
    i += 8;
    scheme = true;
  } else if (StartsWith(cps, at, "http://")) {
    i += 7;
    scheme = true;
  }
  // The host: labels of letters, digits and hyphens joined by dots.
  const std::size_t host_start = i;
  std::size_t labels = 0;
  std::string last_label;
  while (i < cps.size()) {
    std::size_t j = i;
    std::string label;
    while (j < cps.size() && (IsAsciiAlnum(cps[j]) || cps[j] == '-')) {
      label += static_cast<char>(Lower(cps[j]));
      ++j;
    }
    if (j == i) break;
    ++labels;
    last_label = label;
    i = j;
    if (i + 1 < cps.size() && cps[i] == '.' && IsAsciiAlnum(cps[i + 1]))
      ++i;
    else
      break;
  }
  if (i == host_start) return at;
  if (!scheme && (labels < 2 || !KnownTld(last_label))) return at;
  if (scheme && labels < 2 && last_label != "localhost") return at;
  // A port, a path, a query: up to the next space, less the punctuation that ends a sentence.
  if (i < cps.size() && (cps[i] == ':' || cps[i] == '/' || cps[i] == '?' || cps[i] == '#')) {
    while (i < cps.size() && !IsSpace(cps[i])) ++i;
    while (i > host_start && TrailingPunctuation(cps[i - 1])) --i;
  }
  // A domain directly followed by a letter ("example.comet") is not a domain.
  if (i < cps.size() && (u_isalnum(cps[i]) || cps[i] == '@')) return at;
  return i;
}

// Whether a grapheme cluster is an emoji as twemoji's parser (which twitter-text uses) finds
// them: a pictograph shown as emoji, a keycap, a flag, or a sequence with modifiers and joiners.
bool IsEmoji(const std::vector<UChar32>& cps, std::size_t from, std::size_t to) {
  const UChar32 first = cps[from];
  if (u_hasBinaryProperty(first, UCHAR_REGIONAL_INDICATOR)) return true;
  if (u_hasBinaryProperty(first, UCHAR_EMOJI_PRESENTATION)) return true;
  bool selector = false, joined = false;
  for (std::size_t i = from + 1; i < to; ++i) {
    if (cps[i] == 0xFE0F || cps[i] == 0x20E3) selector = true;
    if (cps[i] == 0x200D || u_hasBinaryProperty(cps[i], UCHAR_EMOJI_MODIFIER)) joined = true;
  }
  if (selector && u_hasBinaryProperty(first, UCHAR_EMOJI)) return true;
  return joined && u_hasBinaryProperty(first, UCHAR_EXTENDED_PICTOGRAPHIC);
}

// The ends (exclusive) of the grapheme clusters of a text, in code point offsets.
std::vector<std::size_t> ClusterEnds(const std::vector<UChar32>& cps) {
  icu::UnicodeString s;
  for (UChar32 c : cps) s.append(c);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  std::vector<std::size_t> ends;
  if (U_FAILURE(status) || !it) {
    for (std::size_t i = 1; i <= cps.size(); ++i) ends.push_back(i);
    return ends;
  }
  it->setText(s);
  for (std::int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
    ends.push_back(static_cast<std::size_t>(s.countChar32(0, b)));
  return ends;
}

bool WordCharacter(UChar32 c) {
  return u_isalnum(c) || c == '_' || u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
         u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
}

}  // namespace

std::string_view CountingName(Counting counting) {
  return counting == Counting::kX ? "x" : "chars";
}

const std::vector<NetworkRules>& AllNetworkRules() {
  static const std::vector<NetworkRules> rules = MakeRules();
  return rules;
}

const NetworkRules* RulesOf(std::string_view network) {
  for (const auto& r : AllNetworkRules()) {
    if (r.network == network) return &r;
  }
  return nullptr;
}

const NetworkField* FieldOf(const NetworkRules& rules, std::string_view key) {
  for (const auto& f : rules.fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

std::int64_t XWeightedLength(std::string_view text) {
  const auto cps = CodePoints(text);
  const auto ends = ClusterEnds(cps);
  std::int64_t total = 0;
  std::size_t i = 0, cluster = 0;
  while (i < cps.size()) {
    while (cluster < ends.size() && ends[cluster] <= i) ++cluster;
    if (const std::size_t end = UrlEnd(cps, i); end > i) {
      total += kUrlWeight;
      i = end;
      continue;
    }
    const std::size_t cluster_end = cluster < ends.size() ? ends[cluster] : cps.size();
    if (cluster_end > i && IsEmoji(cps, i, cluster_end)) {
      total += 2;
      i = cluster_end;
      continue;
    }
    total += Weight(cps[i]);
    ++i;
  }
  return total;
}

std::int64_t CodePointLength(std::string_view text) {
  return static_cast<std::int64_t>(CodePoints(text).size());
}

std::int64_t CountText(std::string_view text, Counting counting) {
  return counting == Counting::kX ? XWeightedLength(text) : CodePointLength(text);
}

std::int64_t CountHashtags(std::string_view text) {
  const auto cps = CodePoints(text);
  std::int64_t n = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] != '#' && cps[i] != 0xFF03) continue;
    if (i > 0 && (WordCharacter(cps[i - 1]) || cps[i - 1] == '&')) continue;
    std::size_t j = i + 1;
    bool letter = false;
    // A tag starts with a letter, a digit or "_": "#️⃣" (a keycap) is no tag.
    if (j < cps.size() && !u_isalnum(cps[j]) && cps[j] != '_') continue;
    while (j < cps.size() && WordCharacter(cps[j])) {
      if (u_hasBinaryProperty(cps[j], UCHAR_ALPHABETIC) || cps[j] == '_') letter = true;
      ++j;
    }
    if (letter) ++n;
    i = j - 1;
  }
  return n;
}

std::int64_t CountMentions(std::string_view text) {
  const auto cps = CodePoints(text);
  std::int64_t n = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] != '@' && cps[i] != 0xFF20) continue;
    if (i > 0 && (IsAsciiAlnum(cps[i - 1]) || cps[i - 1] == '_' || cps[i - 1] == '@')) continue;
    std::size_t j = i + 1;
    while (j < cps.size() && (IsAsciiAlnum(cps[j]) || cps[j] == '_')) ++j;
    if (j > i + 1) ++n;
    i = j - 1;
  }
  return n;
}

}  // namespace copydesk::content
