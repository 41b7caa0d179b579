#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace copydesk {

namespace {

// Two-byte UTF-8 sequences of Latin-1 Supplement and Latin Extended-A letters used in French and
// its neighbours, with their folded ASCII spelling.
constexpr std::array<std::pair<const char*, const char*>, 62> kFolds{{
    {"à", "a"}, {"á", "a"},  {"â", "a"},  {"ã", "a"},  {"ä", "a"}, {"å", "a"}, {"æ", "ae"},
    {"ç", "c"}, {"è", "e"},  {"é", "e"},  {"ê", "e"},  {"ë", "e"}, {"ì", "i"}, {"í", "i"},
    {"î", "i"}, {"ï", "i"},  {"ñ", "n"},  {"ò", "o"},  {"ó", "o"}, {"ô", "o"}, {"õ", "o"},
    {"ö", "o"}, {"ø", "o"},  {"ù", "u"},  {"ú", "u"},  {"û", "u"}, {"ü", "u"}, {"ý", "y"},
    {"ÿ", "y"}, {"œ", "oe"}, {"À", "a"},  {"Á", "a"},  {"Â", "a"}, {"Ã", "a"}, {"Ä", "a"},
    {"Å", "a"}, {"Æ", "ae"}, {"Ç", "c"},  {"È", "e"},  {"É", "e"}, {"Ê", "e"}, {"Ë", "e"},
    {"Ì", "i"}, {"Í", "i"},  {"Î", "i"},  {"Ï", "i"},  {"Ñ", "n"}, {"Ò", "o"}, {"Ó", "o"},
    {"Ô", "o"}, {"Õ", "o"},  {"Ö", "o"},  {"Ø", "o"},  {"Ù", "u"}, {"Ú", "u"}, {"Û", "u"},
    {"Ü", "u"}, {"Ý", "y"},  {"Œ", "oe"}, {"ß", "ss"}, {"Ÿ", "y"}, {"’", "'"},
}};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

std::string FoldForMatch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      const std::string_view f(from);
      if (text.substr(i, f.size()) == f) {
        out += to;
        i += f.size();
        folded = true;
        break;
      }
    }
    if (!folded) {
      out.push_back(text[i]);
      ++i;
    }
  }
  return out;
}

std::string Slugify(std::string_view name) {
  const std::string folded = FoldForMatch(name);
  std::string slug;
  bool dash = false;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !slug.empty()) slug.push_back('-');
      slug.push_back(c);
      dash = false;
      if (slug.size() >= 48) break;
    } else {
      dash = true;
    }
  }
  return slug.empty() ? "workspace" : slug;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string NormalizeEmail(std::string_view email) {
  email = Trim(email);
  if (email.empty() || email.size() > 254) return "";
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos ||
      email.find('@', at + 1) != std::string_view::npos) {
    return "";
  }
  const auto domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return "";
  std::string out;
  for (char c : email) {
    if (IsSpace(c) || static_cast<unsigned char>(c) < 0x20) return "";
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return out;
}

namespace {

// Length of the valid UTF-8 sequence starting at `i`, or 0 when there is none.
std::size_t ValidSequenceAt(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len;
  std::uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  const bool overlong =
      (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string ToValidUtf8(std::string_view text, std::size_t max_bytes) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t len = ValidSequenceAt(text, i);
    const std::string_view piece = len > 0 ? text.substr(i, len) : kReplacement;
    if (out.size() + piece.size() > max_bytes) break;
    out += piece;
    i += len > 0 ? len : 1;
  }
  return out;
}

std::size_t CountCharacters(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

namespace {

// The code point of the valid UTF-8 sequence of `len` bytes at the start of `s`.
std::uint32_t CodePointAt(std::string_view s, std::size_t len) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (len == 1) return byte(0);
  std::uint32_t cp = byte(0) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  return cp;
}

bool IsControl(std::uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// Unicode 15's general category Cf (format characters), as ranges.
bool IsFormat(std::uint32_t cp) {
  static constexpr std::pair<std::uint32_t, std::uint32_t> kFormat[] = {
      {0x00AD, 0x00AD},   {0x0600, 0x0605},   {0x061C, 0x061C},   {0x06DD, 0x06DD},
      {0x070F, 0x070F},   {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x180E, 0x180E},
      {0x200B, 0x200F},   {0x202A, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},
      {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
      {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
      {0xE0020, 0xE007F},
  };
  for (const auto& [first, last] : kFormat) {
    if (cp >= first && cp <= last) return true;
  }
  return false;
}

// Format characters that change how the text around them reads rather than joining letters:
// the bidirectional embeddings, overrides and isolates, and the line and paragraph separators.
// Zero-width joiners stay allowed: emoji sequences and Persian or Indic names need them.
bool ReordersText(std::uint32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

}  // namespace

std::optional<std::string> CheckNameCharacters(std::string_view name) {
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t len = ValidSequenceAt(name, i);
    if (len == 0) return "must be valid UTF-8";
    const std::uint32_t cp = CodePointAt(name.substr(i), len);
    if (IsControl(cp) || ReordersText(cp))
      return "must not contain control characters (line breaks, tabs, NUL, direction marks)";
    i += len;
  }
  return std::nullopt;
}

bool StartsWithControlOrFormat(std::string_view utf8) {
  if (utf8.empty()) return false;
  const std::size_t len = ValidSequenceAt(utf8, 0);
  // Not UTF-8 at all: nothing a spreadsheet reads as text either.
  if (len == 0) return true;
  const std::uint32_t cp = CodePointAt(utf8, len);
  return IsControl(cp) || IsFormat(cp);
}

bool StartsLikeSpreadsheetFormula(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || StartsWithControlOrFormat(text);
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

}  // namespace copydesk
