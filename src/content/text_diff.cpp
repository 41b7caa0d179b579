#include "content/text_diff.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>

namespace copydesk::content {
namespace {

// ---------------------------------------------------------------------------------------------
// Tokenizer

enum class CharClass {
  kSpace,       // joins with neighbouring white space into one token
  kWord,        // letter or digit of any script: joins into words
  kApostrophe,  // ends an elision when between two word characters, else a mark
  kMark,        // punctuation, symbol, control character or invalid byte: a token of its own
};

struct CodePoint {
  CharClass cls;
  std::size_t size;  // bytes, at least 1
};

bool IsContinuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

CharClass ClassifyMultiByte(char32_t cp) {
  switch (cp) {
    case 0x0085:  // next line
    case 0x00A0:  // no-break space, before : ; ! ? in French
    case 0x1680:
    case 0x2028:  // line separator
    case 0x2029:  // paragraph separator
    case 0x202F:  // narrow no-break space, inside « » in French
    case 0x205F:
    case 0x3000:
      return CharClass::kSpace;
    case 0x2019:  // ’ typographic apostrophe
    case 0x02BC:  // ʼ modifier letter apostrophe
      return CharClass::kApostrophe;
    // Latin-1 punctuation and symbols; ª º ² ³ ¹ µ ¼ ½ ¾ and the soft hyphen stay in words.
    case 0x00A1:
    case 0x00A2:
    case 0x00A3:
    case 0x00A4:
    case 0x00A5:
    case 0x00A6:
    case 0x00A7:
    case 0x00A8:
    case 0x00A9:
    case 0x00AB:
    case 0x00AC:
    case 0x00AE:
    case 0x00AF:
    case 0x00B0:
    case 0x00B1:
    case 0x00B4:
    case 0x00B6:
    case 0x00B7:
    case 0x00B8:
    case 0x00BB:
    case 0x00BF:
    case 0x00D7:
    case 0x00F7:
      return CharClass::kMark;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CharClass::kSpace;  // en quad … hair space
  // General punctuation: ‐ ‑ – — ‘ “ ” „ † • … ‰ ′ ‹ › ⁄ and friends.
  if (cp >= 0x2010 && cp <= 0x205E) return CharClass::kMark;
  if (cp >= 0x20A0 && cp <= 0x20CF) return CharClass::kMark;  // currency: € …
  if (cp >= 0x2E00 && cp <= 0x2E7F) return CharClass::kMark;  // supplemental punctuation
  if (cp >= 0x3001 && cp <= 0x3003) return CharClass::kMark;  // 、 。 〃
  return CharClass::kWord;
}

// Reads the code point at `pos`. A byte that does not start a valid UTF-8 sequence (stray
// continuation, overlong form, surrogate, truncated sequence) is a one-byte mark, so invalid
// input still splits into tokens that cover every byte.
CodePoint ClassifyAt(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    if ((lead >= 'a' && lead <= 'z') || (lead >= 'A' && lead <= 'Z') ||
        (lead >= '0' && lead <= '9')) {
      return {CharClass::kWord, 1};
    }
    if (lead == ' ' || (lead >= '\t' && lead <= '\r')) return {CharClass::kSpace, 1};
    if (lead == '\'') return {CharClass::kApostrophe, 1};
    return {CharClass::kMark, 1};
  }
  std::size_t size = 0;
  char32_t cp = 0;
  unsigned char min_second = 0x80;
  unsigned char max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3;
    cp = lead & 0x0F;
    if (lead == 0xE0) min_second = 0xA0;  // overlong
    if (lead == 0xED) max_second = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4;
    cp = lead & 0x07;
    if (lead == 0xF0) min_second = 0x90;  // overlong
    if (lead == 0xF4) max_second = 0x8F;  // above U+10FFFF
  } else {
    return {CharClass::kMark, 1};
  }
  if (pos + size > text.size()) return {CharClass::kMark, 1};
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  if (second < min_second || second > max_second) return {CharClass::kMark, 1};
  for (std::size_t i = 1; i < size; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!IsContinuation(byte)) return {CharClass::kMark, 1};
    cp = (cp << 6) | (byte & 0x3F);
  }
  return {ClassifyMultiByte(cp), size};
}

// The tokens as views into `text`, so diffing long bodies does not copy every word.
std::vector<std::string_view> SplitTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  tokens.reserve(text.size() / 3 + 1);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const CodePoint first = ClassifyAt(text, pos);
    std::size_t end = pos + first.size;
    if (first.cls == CharClass::kSpace || first.cls == CharClass::kWord) {
      while (end < text.size()) {
        const CodePoint next = ClassifyAt(text, end);
        if (next.cls != first.cls) break;
        end += next.size;
      }
    }
    // "l’offre": the apostrophe closes the elided word. A quote after a word ("clients'") or
    // before one ("'offre") stays a mark of its own.
    if (first.cls == CharClass::kWord && end < text.size()) {
      const CodePoint next = ClassifyAt(text, end);
      const std::size_t after = end + next.size;
      if (next.cls == CharClass::kApostrophe && after < text.size() &&
          ClassifyAt(text, after).cls == CharClass::kWord) {
        end = after;
      }
    }
    tokens.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return tokens;
}

bool IsSpaceToken(std::string_view token) {
  return !token.empty() && ClassifyAt(token, 0).cls == CharClass::kSpace;
}

bool IsWordToken(std::string_view token) {
  return !token.empty() && ClassifyAt(token, 0).cls == CharClass::kWord;
}

// ---------------------------------------------------------------------------------------------
// Myers diff over interned tokens (or lines)

using Kind = DiffOp::Kind;

//! A run of `count` consecutive tokens kept, inserted from `after` or deleted from `before`.
struct Edit {
  Kind kind;
  std::size_t count;
};

void Append(std::vector<Edit>& edits, Kind kind, std::size_t count) {
  if (count == 0) return;
  if (!edits.empty() && edits.back().kind == kind) {
    edits.back().count += count;
  } else {
    edits.push_back({kind, count});
  }
}

//! Maps equal strings to equal small integers, so the diff compares ints, not strings.
class Interner {
 public:
  std::vector<int> Ids(const std::vector<std::string_view>& items) {
    std::vector<int> ids;
    ids.reserve(items.size());
    for (std::string_view item : items) {
      const auto [it, inserted] = ids_.try_emplace(item, static_cast<int>(ids_.size()));
      ids.push_back(it->second);
    }
    return ids;
  }

 private:
  std::unordered_map<std::string_view, int> ids_;
};

// Myers' O(ND) algorithm with the linear-space "middle snake" bisection (as in
// diff-match-patch): memory stays O(N + M) however different the texts are.
class MyersDiff {
  // Past this many edits in one bisection, give up minimality for speed (as GNU diff does).
  // Measured on a 5,000-word complete rewrite: 0.5–0.7 s exact, ~40 ms with 256, and the diff
  // is no longer. Diffs of up to about 500 changed tokens stay minimal.
  static constexpr int kMaxExactCost = 256;

 public:
  MyersDiff(std::span<const int> a, std::span<const int> b) : a_(a), b_(b) {}

  std::vector<Edit> Run() {
    Compare(0, static_cast<int>(a_.size()), 0, static_cast<int>(b_.size()));
    return std::move(edits_);
  }

 private:
  void Compare(int a_lo, int a_hi, int b_lo, int b_hi) {
    int prefix = 0;
    while (a_lo + prefix < a_hi && b_lo + prefix < b_hi && a_[a_lo + prefix] == b_[b_lo + prefix]) {
      ++prefix;
    }
    Append(edits_, Kind::kEqual, prefix);
    a_lo += prefix;
    b_lo += prefix;
    int suffix = 0;
    while (a_hi - suffix > a_lo && b_hi - suffix > b_lo &&
           a_[a_hi - 1 - suffix] == b_[b_hi - 1 - suffix]) {
      ++suffix;
    }
    a_hi -= suffix;
    b_hi -= suffix;

    if (a_lo == a_hi) {
      Append(edits_, Kind::kInsert, b_hi - b_lo);
    } else if (b_lo == b_hi) {
      Append(edits_, Kind::kDelete, a_hi - a_lo);
    } else {
      const auto [x, y] = Bisect(a_lo, a_hi, b_lo, b_hi);
      const bool degenerate = (x == a_lo && y == b_lo) || (x == a_hi && y == b_hi);
      if (degenerate) {  // cannot happen after trimming; guards against endless recursion
        Append(edits_, Kind::kDelete, a_hi - a_lo);
        Append(edits_, Kind::kInsert, b_hi - b_lo);
      } else {
        Compare(a_lo, x, b_lo, y);
        Compare(x, a_hi, y, b_hi);
      }
    }
    Append(edits_, Kind::kEqual, suffix);
  }

  // Walks forward from the start and backward from the end, d edits at a time, until the two
  // frontiers meet; returns the meeting point, which splits the problem in two halves of about
  // d/2 edits each.
  std::pair<int, int> Bisect(int a_lo, int a_hi, int b_lo, int b_hi) {
    const int n = a_hi - a_lo;
    const int m = b_hi - b_lo;
    const int max_d = (n + m + 1) / 2;
    const int v_offset = max_d;
    const int v_length = 2 * max_d + 2;
    v1_.assign(v_length, -1);
    v2_.assign(v_length, -1);
    v1_[v_offset + 1] = 0;
    v2_[v_offset + 1] = 0;
    const int delta = n - m;
    // With an odd delta the forward walk detects the overlap, with an even one the backward.
    const bool front = (delta % 2 != 0);
    int k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
    const auto a = [&](int i) { return a_[a_lo + i]; };
    const auto b = [&](int i) { return b_[b_lo + i]; };

    for (int d = 0; d < max_d; ++d) {
      if (d == kMaxExactCost) return FurthestPoint(d, n, m, a_lo, b_lo);
      for (int k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2) {
        const int k1_offset = v_offset + k1;
        int x1 = (k1 == -d || (k1 != d && v1_[k1_offset - 1] < v1_[k1_offset + 1]))
                     ? v1_[k1_offset + 1]
                     : v1_[k1_offset - 1] + 1;
        int y1 = x1 - k1;
        while (x1 < n && y1 < m && a(x1) == b(y1)) {
          ++x1;
          ++y1;
        }
        v1_[k1_offset] = x1;
        if (x1 > n) {
          k1_end += 2;  // ran off the right edge
        } else if (y1 > m) {
          k1_start += 2;  // ran off the bottom edge
        } else if (front) {
          const int k2_offset = v_offset + delta - k1;
          if (k2_offset >= 0 && k2_offset < v_length && v2_[k2_offset] != -1) {
            if (x1 >= n - v2_[k2_offset]) return {a_lo + x1, b_lo + y1};
          }
        }
      }
      for (int k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2) {
        const int k2_offset = v_offset + k2;
        int x2 = (k2 == -d || (k2 != d && v2_[k2_offset - 1] < v2_[k2_offset + 1]))
                     ? v2_[k2_offset + 1]
                     : v2_[k2_offset - 1] + 1;
        int y2 = x2 - k2;
        while (x2 < n && y2 < m && a(n - x2 - 1) == b(m - y2 - 1)) {
          ++x2;
          ++y2;
        }
        v2_[k2_offset] = x2;
        if (x2 > n) {
          k2_end += 2;
        } else if (y2 > m) {
          k2_start += 2;
        } else if (!front) {
          const int k1_offset = v_offset + delta - k2;
          if (k1_offset >= 0 && k1_offset < v_length && v1_[k1_offset] != -1) {
            const int x1 = v1_[k1_offset];
            const int y1 = v_offset + x1 - k1_offset;
            if (x1 >= n - x2) return {a_lo + x1, b_lo + y1};
          }
        }
      }
    }
    return {a_lo, b_lo};  // no overlap: treated as "replace everything" by the caller
  }

  // When the frontiers have not met after kMaxExactCost edits, the texts have little in common
  // here: split where either walk got furthest. The diff is still exact but may be a little
  // longer than minimal, and its cost stays O((N + M) * kMaxExactCost).
  std::pair<int, int> FurthestPoint(int d, int n, int m, int a_lo, int b_lo) const {
    const int v_offset = (static_cast<int>(v1_.size()) - 2) / 2;
    int best = 0;  // never (0, 0) nor (n, m): the split must make progress
    std::pair<int, int> point = {a_lo, b_lo};
    for (int k = -d; k <= d; ++k) {
      const int x1 = v1_[v_offset + k];
      const int y1 = x1 - k;
      if (x1 >= 0 && x1 <= n && y1 >= 0 && y1 <= m && x1 + y1 > best && x1 + y1 < n + m) {
        best = x1 + y1;
        point = {a_lo + x1, b_lo + y1};
      }
      const int x2 = v2_[v_offset + k];
      const int y2 = x2 - k;
      if (x2 >= 0 && x2 <= n && y2 >= 0 && y2 <= m && x2 + y2 > best && x2 + y2 < n + m) {
        best = x2 + y2;
        point = {a_lo + n - x2, b_lo + m - y2};
      }
    }
    return point;
  }

  std::span<const int> a_;
  std::span<const int> b_;
  std::vector<int> v1_;
  std::vector<int> v2_;
  std::vector<Edit> edits_;
};

// Drops empty runs, merges neighbours of the same kind and writes every change as its
// deletions followed by its insertions, the order readers expect.
std::vector<Edit> Compact(const std::vector<Edit>& edits) {
  std::vector<Edit> out;
  std::size_t deleted = 0;
  std::size_t inserted = 0;
  for (const Edit& edit : edits) {
    if (edit.kind == Kind::kDelete) {
      deleted += edit.count;
    } else if (edit.kind == Kind::kInsert) {
      inserted += edit.count;
    } else if (edit.count > 0) {
      Append(out, Kind::kDelete, deleted);
      Append(out, Kind::kInsert, inserted);
      deleted = inserted = 0;
      Append(out, Kind::kEqual, edit.count);
    }
  }
  Append(out, Kind::kDelete, deleted);
  Append(out, Kind::kInsert, inserted);
  return out;
}

//! How good a place the boundary between `left` and `right` is for a change to start or end;
//! nullptr stands for the start or the end of the text.
using BoundaryScore = int (*)(const std::string_view* left, const std::string_view* right);

// A lone insertion or deletion between two kept runs can often sit at several places with the
// same cost ("the offer" → "the new offer": " new" or "new "). Myers picks one arbitrarily;
// this moves it to where `score` says its edges fall best, the later one on ties.
void SlideToBoundaries(std::vector<Edit>& edits, const std::vector<std::string_view>& a_items,
                       const std::vector<int>& a_ids, const std::vector<std::string_view>& b_items,
                       const std::vector<int>& b_ids, BoundaryScore score) {
  std::size_t a_pos = 0;
  std::size_t b_pos = 0;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    Edit& edit = edits[i];
    const bool lone = edit.kind != Kind::kEqual && i > 0 && i + 1 < edits.size() &&
                      edits[i - 1].kind == Kind::kEqual && edits[i + 1].kind == Kind::kEqual;
    if (lone) {
      const bool insert = edit.kind == Kind::kInsert;
      const auto& ids = insert ? b_ids : a_ids;
      const auto& items = insert ? b_items : a_items;
      const std::size_t p = insert ? b_pos : a_pos;
      const std::size_t k = edit.count;
      const std::size_t before = edits[i - 1].count;
      const std::size_t after = edits[i + 1].count;
      std::size_t left = 0;
      while (left < before && ids[p - 1 - left] == ids[p + k - 1 - left]) ++left;
      std::size_t right = 0;
      while (right < after && ids[p + right] == ids[p + k + right]) ++right;
      if (left + right > 0) {
        const auto at = [&](std::size_t index) -> const std::string_view* {
          return index < items.size() ? &items[index] : nullptr;
        };
        std::ptrdiff_t best_shift = 0;
        int best_score = -1;
        for (std::ptrdiff_t shift = -static_cast<std::ptrdiff_t>(left);
             shift <= static_cast<std::ptrdiff_t>(right); ++shift) {
          const std::size_t start = p + shift;
          const int s = score(start == 0 ? nullptr : at(start - 1), at(start)) +
                        score(at(start + k - 1), at(start + k));
          if (s >= best_score) {
            best_score = s;
            best_shift = shift;
          }
        }
        edits[i - 1].count += best_shift;
        edits[i + 1].count -= best_shift;
        a_pos += best_shift;
        b_pos += best_shift;
      }
    }
    if (edit.kind != Kind::kInsert) a_pos += edit.count;
    if (edit.kind != Kind::kDelete) b_pos += edit.count;
  }
}

int WordBoundaryScore(const std::string_view* left, const std::string_view* right) {
  if (left == nullptr || right == nullptr) return 6;
  const auto has_blank_line = [](std::string_view t) {
    return IsSpaceToken(t) && std::count(t.begin(), t.end(), '\n') >= 2;
  };
  const auto has_newline = [](std::string_view t) {
    return IsSpaceToken(t) && t.find('\n') != std::string_view::npos;
  };
  if (has_blank_line(*left) || has_blank_line(*right)) return 5;
  if (has_newline(*left) || has_newline(*right)) return 4;
  const bool sentence_end = *left == "." || *left == "!" || *left == "?" || *left == "…";
  if (sentence_end && IsSpaceToken(*right)) return 3;
  if (IsSpaceToken(*left) || IsSpaceToken(*right)) return 2;
  if (!IsWordToken(*left) || !IsWordToken(*right)) return 1;
  return 0;
}

bool IsBlankLine(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Paragraph-aware: a change of lines should start right after a blank line (or the start of
// the text) and end with the blank line that closes it, so the same paragraph edit made by two
// people produces the same hunk.
int LineBoundaryScore(const std::string_view* left, const std::string_view* right) {
  if (left == nullptr || right == nullptr) return 6;
  if (IsBlankLine(*left)) return 5;
  if (IsBlankLine(*right)) return 3;
  return 0;
}

// "winter offer" → "summer deal" reads better as one removal and one addition than as two
// replacements around a kept space: a single space or mark kept between two replacements is
// folded into them. Expects compacted edits.
std::vector<Edit> FoldSeparatorsBetweenReplacements(const std::vector<Edit>& edits,
                                                    const std::vector<std::string_view>& a_items) {
  std::vector<Edit> out;
  std::size_t a_pos = 0;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const Edit& edit = edits[i];
    const bool replacement_before = out.size() >= 2 && out[out.size() - 2].kind == Kind::kDelete &&
                                    out.back().kind == Kind::kInsert;
    const bool replacement_after = i + 2 < edits.size() && edits[i + 1].kind == Kind::kDelete &&
                                   edits[i + 2].kind == Kind::kInsert;
    if (edit.kind == Kind::kEqual && edit.count == 1 && !IsWordToken(a_items[a_pos]) &&
        replacement_before && replacement_after) {
      out[out.size() - 2].count += 1 + edits[i + 1].count;
      out.back().count += 1 + edits[i + 2].count;
      a_pos += 1 + edits[i + 1].count;
      i += 2;
      continue;
    }
    out.push_back(edit);
    if (edit.kind != Kind::kInsert) a_pos += edit.count;
  }
  return out;
}

std::string Join(const std::vector<std::string_view>& items, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) out += items[i];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Three-way merge

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t newline = text.find('\n', pos);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

//! One side's change to base: lines [base_begin, base_end) become `lines`.
struct Hunk {
  std::size_t base_begin;
  std::size_t base_end;
  std::vector<std::string_view> lines;

  bool IsInsertion() const { return base_begin == base_end; }
  bool operator==(const Hunk&) const = default;
};

std::vector<Hunk> LineHunks(const std::vector<std::string_view>& base,
                            const std::vector<int>& base_ids,
                            const std::vector<std::string_view>& side,
                            const std::vector<int>& side_ids) {
  std::vector<Edit> edits = MyersDiff(base_ids, side_ids).Run();
  edits = Compact(edits);
  SlideToBoundaries(edits, base, base_ids, side, side_ids, LineBoundaryScore);
  edits = Compact(edits);

  std::vector<Hunk> hunks;
  std::size_t base_pos = 0;
  std::size_t side_pos = 0;
  for (const Edit& edit : edits) {
    if (edit.kind == Kind::kEqual) {
      base_pos += edit.count;
      side_pos += edit.count;
      continue;
    }
    // Compacted: a deletion is directly followed by its insertion, if any.
    if (hunks.empty() || hunks.back().base_end != base_pos || edit.kind == Kind::kDelete) {
      hunks.push_back({base_pos, base_pos, {}});
    }
    Hunk& hunk = hunks.back();
    if (edit.kind == Kind::kDelete) {
      base_pos += edit.count;
      hunk.base_end = base_pos;
    } else {
      hunk.lines.insert(hunk.lines.end(), side.begin() + side_pos,
                        side.begin() + side_pos + edit.count);
      side_pos += edit.count;
    }
  }
  return hunks;
}

bool EndsWithNewline(std::string_view text) {
  return text.empty() || text.back() == '\n';
}

std::string_view LastLineEnding(std::string_view text) {
  const std::size_t newline = text.rfind('\n');
  if (newline == std::string_view::npos) return {};
  return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
}

}  // namespace

std::vector<std::string> TokenizeWords(std::string_view text) {
  const std::vector<std::string_view> views = SplitTokens(text);
  return {views.begin(), views.end()};
}

std::vector<DiffOp> DiffWords(std::string_view before, std::string_view after) {
  const std::vector<std::string_view> a_tokens = SplitTokens(before);
  const std::vector<std::string_view> b_tokens = SplitTokens(after);
  Interner interner;
  const std::vector<int> a_ids = interner.Ids(a_tokens);
  const std::vector<int> b_ids = interner.Ids(b_tokens);

  std::vector<Edit> edits = Compact(MyersDiff(a_ids, b_ids).Run());
  SlideToBoundaries(edits, a_tokens, a_ids, b_tokens, b_ids, WordBoundaryScore);
  edits = FoldSeparatorsBetweenReplacements(Compact(edits), a_tokens);

  std::vector<DiffOp> ops;
  ops.reserve(edits.size());
  std::size_t a_pos = 0;
  std::size_t b_pos = 0;
  for (const Edit& edit : edits) {
    if (edit.kind == Kind::kInsert) {
      ops.push_back({edit.kind, Join(b_tokens, b_pos, b_pos + edit.count)});
    } else {
      ops.push_back({edit.kind, Join(a_tokens, a_pos, a_pos + edit.count)});
    }
    if (edit.kind != Kind::kInsert) a_pos += edit.count;
    if (edit.kind != Kind::kDelete) b_pos += edit.count;
  }
  return ops;
}

std::string DiffToHtml(const std::vector<DiffOp>& ops) {
  std::string html;
  for (const DiffOp& op : ops) {
    if (op.kind == Kind::kDelete) html += "<del>";
    if (op.kind == Kind::kInsert) html += "<ins>";
    for (const char c : op.text) {
      switch (c) {
        case '&':
          html += "&amp;";
          break;
        case '<':
          html += "&lt;";
          break;
        case '>':
          html += "&gt;";
          break;
        case '"':
          html += "&quot;";
          break;
        case '\'':
          html += "&#39;";
          break;
        default:
          html += c;
      }
    }
    if (op.kind == Kind::kDelete) html += "</del>";
    if (op.kind == Kind::kInsert) html += "</ins>";
  }
  return html;
}

std::optional<std::string> MergeText(std::string_view base, std::string_view mine,
                                     std::string_view theirs) {
  // A last line without a newline would differ from the same line once someone writes after
  // it, so appending a paragraph would "change" the last one. Every text gets the same virtual
  // final line ending for the line merge; whether the result ends with one is merged apart.
  std::string_view ending = LastLineEnding(base);
  if (ending.empty()) ending = LastLineEnding(mine);
  if (ending.empty()) ending = LastLineEnding(theirs);
  if (ending.empty()) ending = "\n";
  const auto complete = [&](std::string_view text) {
    std::string out(text);
    if (!EndsWithNewline(text)) out += ending;
    return out;
  };
  const std::string base_text = complete(base);
  const std::string mine_text = complete(mine);
  const std::string theirs_text = complete(theirs);
  const bool base_ends = EndsWithNewline(base);
  const bool mine_ends = EndsWithNewline(mine);
  const bool theirs_ends = EndsWithNewline(theirs);
  const bool result_ends = mine_ends != base_ends ? mine_ends : theirs_ends;

  const std::vector<std::string_view> base_lines = SplitLines(base_text);
  const std::vector<std::string_view> mine_lines = SplitLines(mine_text);
  const std::vector<std::string_view> theirs_lines = SplitLines(theirs_text);
  Interner interner;
  const std::vector<int> base_ids = interner.Ids(base_lines);
  const std::vector<int> mine_ids = interner.Ids(mine_lines);
  const std::vector<int> theirs_ids = interner.Ids(theirs_lines);
  const std::vector<Hunk> mine_hunks = LineHunks(base_lines, base_ids, mine_lines, mine_ids);
  const std::vector<Hunk> theirs_hunks = LineHunks(base_lines, base_ids, theirs_lines, theirs_ids);

  std::string merged;
  merged.reserve(std::max(mine_text.size(), theirs_text.size()));
  std::size_t base_pos = 0;
  const auto apply = [&](const Hunk& hunk) {
    for (std::size_t i = base_pos; i < hunk.base_begin; ++i) merged += base_lines[i];
    for (std::string_view line : hunk.lines) merged += line;
    base_pos = hunk.base_end;
  };
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < mine_hunks.size() || j < theirs_hunks.size()) {
    if (j == theirs_hunks.size()) {
      apply(mine_hunks[i++]);
      continue;
    }
    if (i == mine_hunks.size()) {
      apply(theirs_hunks[j++]);
      continue;
    }
    const Hunk& m = mine_hunks[i];
    const Hunk& t = theirs_hunks[j];
    if (m == t) {  // both made the same change
      apply(m);
      ++i;
      ++j;
      continue;
    }
    // Changes that share a base line, or that insert different text at the same place, cannot
    // both be kept. A change ending where the other begins touches no common line: both apply.
    const bool overlap = m.base_begin < t.base_end && t.base_begin < m.base_end;
    const bool same_insertion_point =
        m.IsInsertion() && t.IsInsertion() && m.base_begin == t.base_begin;
    if (overlap || same_insertion_point) return std::nullopt;
    if (m.base_end <= t.base_begin) {
      apply(m);
      ++i;
    } else {
      apply(t);
      ++j;
    }
  }
  for (std::size_t k = base_pos; k < base_lines.size(); ++k) merged += base_lines[k];

  // The last line normally carries the virtual ending; when it came from a side that had a
  // real one (mine dropped the final newline, theirs appended a line), only the "\n" goes.
  if (!result_ends && !merged.empty()) {
    merged.resize(merged.size() - (merged.ends_with(ending) ? ending.size() : 1));
  }
  return merged;
}

}  // namespace copydesk::content
