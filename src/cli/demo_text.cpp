#include "cli/demo_text.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace copydesk::cli::demo {

namespace json = boost::json;

std::uint64_t Dice::Next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::int64_t Dice::Between(std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(Next() % span);
}

double Dice::Unit() {
  return static_cast<double>(Next() >> 11) / 9007199254740992.0;
}

std::size_t Dice::Weighted(const std::vector<int>& weights) {
  int total = 0;
  for (int w : weights) total += w;
  std::int64_t roll = Between(0, total - 1);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (roll < weights[i]) return i;
    roll -= weights[i];
  }
  return weights.size() - 1;
}

std::vector<std::size_t> Dice::Sample(std::size_t n, std::size_t k) {
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  k = std::min(k, n);
  for (std::size_t i = 0; i < k; ++i) {
    std::swap(all[i], all[static_cast<std::size_t>(Between(static_cast<std::int64_t>(i),
                                                           static_cast<std::int64_t>(n) - 1))]);
  }
  all.resize(k);
  return all;
}

std::uint64_t MixSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
  Dice dice(seed ^ (a * 0xD6E8FEB86659FD93ULL) ^ (b * 0xA0761D6478BD642FULL));
  return dice.Next();
}

std::string_view KindKey(Kind kind) {
  switch (kind) {
    case Kind::kArticle:
      return "article";
    case Kind::kSocialPost:
      return "social_post";
    case Kind::kNewsletter:
      return "newsletter";
    case Kind::kPrint:
      return "print";
    case Kind::kVideo:
      return "video";
  }
  return "article";
}

std::string_view NetworkName(Network network) {
  switch (network) {
    case Network::kLinkedIn:
      return "LinkedIn";
    case Network::kX:
      return "X";
    case Network::kFacebook:
      return "Facebook";
    case Network::kInstagram:
      return "Instagram";
    case Network::kNone:
      break;
  }
  return "";
}

std::string_view MainField(Kind kind) {
  switch (kind) {
    case Kind::kSocialPost:
      return "text";
    case Kind::kVideo:
      return "script";
    default:
      return "body";
  }
}

namespace {

std::string S(std::string_view v) {
  return std::string(v);
}

std::size_t Chars(std::string_view text) {
  return CountCharacters(text);
}

// French puts a space before a colon; English does not.
std::string Colon(bool fr) {
  return fr ? " : " : ": ";
}

// "**Faites entretenir votre chaudière** chaque année" → without the Markdown emphasis, for
// networks that show asterisks as they are.
std::string Plain(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '*' && i + 1 < text.size() && text[i + 1] == '*') {
      ++i;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// Cuts text to at most `limit` characters at a word boundary, with an ellipsis when cut.
std::string Shorten(std::string_view text, std::size_t limit) {
  if (Chars(text) <= limit) return S(text);
  std::string out;
  std::size_t chars = 0, last_space = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && ++chars > limit - 1) break;
    if (text[i] == ' ') last_space = out.size();
    out.push_back(text[i]);
  }
  if (last_space > 0) out.resize(last_space);
  while (!out.empty() && (out.back() == ',' || out.back() == ':' || out.back() == ' ')) {
    out.pop_back();
  }
  return out + "…";
}

// A title: a complete one from the bank, or a subject with an angle ("Votre chaudière : ce
// qu'il faut savoir").
std::string Title(Dice& dice, const PhraseBank& bank, const CommonPhrases& common, bool fr) {
  if (dice.Chance(0.55)) return S(dice.Pick(bank.titles));
  return S(dice.Pick(bank.subjects)) + Colon(fr) + S(dice.Pick(common.angles));
}

// `count` sentences of the bank that `used` does not hold yet, joined as one paragraph.
std::string Paragraph(Dice& dice, const PhraseBank& bank, std::vector<bool>& used, int count) {
  std::string out;
  for (int n = 0; n < count; ++n) {
    std::vector<std::size_t> free;
    for (std::size_t i = 0; i < bank.sentences.size(); ++i) {
      if (!used[i]) free.push_back(i);
    }
    if (free.empty()) break;
    const std::size_t pick = dice.Pick(free);
    used[pick] = true;
    if (!out.empty()) out += ' ';
    out += bank.sentences[pick];
  }
  return out;
}

std::string Bullets(Dice& dice, const PhraseBank& bank, int count, std::string_view marker) {
  std::string out;
  for (std::size_t i : dice.Sample(bank.tips.size(), static_cast<std::size_t>(count))) {
    if (!out.empty()) out += '\n';
    out += S(marker) + (marker == "- " ? S(bank.tips[i]) : Plain(bank.tips[i]));
  }
  return out;
}

std::string Hashtags(Dice& dice, const PhraseBank& bank, int count) {
  std::string out;
  for (std::size_t i : dice.Sample(bank.hashtags.size(), static_cast<std::size_t>(count))) {
    if (!out.empty()) out += ' ';
    out += bank.hashtags[i];
  }
  return out;
}

std::vector<std::string> Tags(Dice& dice, const PhraseBank& bank) {
  std::vector<std::string> tags;
  for (std::size_t i :
       dice.Sample(bank.tags.size(), static_cast<std::size_t>(dice.Between(1, 3)))) {
    tags.push_back(S(bank.tags[i]));
  }
  return tags;
}

std::string ArticleBody(Dice& dice, const PhraseBank& bank, const CommonPhrases& common) {
  std::vector<bool> used(bank.sentences.size(), false);
  const auto headings = dice.Sample(bank.headings.size(), 3);
  std::string body = Paragraph(dice, bank, used, static_cast<int>(dice.Between(2, 3)));
  body += "\n\n## " + S(bank.headings[headings[0]]) + "\n\n" + Paragraph(dice, bank, used, 2);
  body += "\n\n" + S(dice.Pick(common.list_intros)) + "\n\n" +
          Bullets(dice, bank, static_cast<int>(dice.Between(3, 4)), "- ");
  body += "\n\n## " + S(bank.headings[headings[1]]) + "\n\n" +
          Paragraph(dice, bank, used, static_cast<int>(dice.Between(2, 3)));
  if (dice.Chance(0.3) && headings.size() > 2) {
    body += "\n\n## " + S(bank.headings[headings[2]]) + "\n\n" + Paragraph(dice, bank, used, 2);
  }
  if (dice.Chance(0.5)) {
    const std::string extra = Paragraph(dice, bank, used, 1);
    if (!extra.empty()) body += "\n\n> **" + S(dice.Pick(common.good_to_know)) + "** — " + extra;
  }
  return body + "\n\n" + S(dice.Pick(common.ctas));
}

Draft Article(Dice& dice, const Brief& brief, const PhraseBank& bank, const CommonPhrases& common,
              bool fr) {
  Draft d;
  d.title = Title(dice, bank, common, fr);
  const std::string lead = S(dice.Pick(bank.leads));
  d.fields["lead"] = lead;
  d.fields["body"] = ArticleBody(dice, bank, common);
  if (dice.Chance(0.85)) {  // drafts often get their SEO fields last
    const std::string branded = d.title + S(common.brand_suffix);
    d.fields["seo_title"] = Chars(branded) <= 60 ? branded : Shorten(d.title, 60);
    // Now and then someone pastes the whole lead: the 160 limit shows up as a violation.
    d.fields["meta_description"] = dice.Chance(0.1) ? lead : Shorten(lead, 160);
  }
  return d;
}

Draft SocialPost(Dice& dice, const Brief& brief, const PhraseBank& bank,
                 const CommonPhrases& common, bool fr) {
  Draft d;
  d.title = S(NetworkName(brief.network)) + " — " + Title(dice, bank, common, fr);
  std::vector<bool> used(bank.sentences.size(), false);
  const std::string hook = S(dice.Pick(bank.hooks));
  const std::string cta = S(dice.Pick(common.social_ctas));
  std::string text;
  switch (brief.network) {
    case Network::kX: {
      // Written to fit 280 characters, unless this one is meant to run over.
      const std::string tags = Hashtags(dice, bank, static_cast<int>(dice.Between(1, 2)));
      for (int attempt = 0; attempt < 6; ++attempt) {
        std::vector<bool> try_used = used;
        const std::string middle = Paragraph(dice, bank, try_used, brief.over_limit ? 2 : 1);
        text = hook + " " + middle + " " + cta + " " + tags;
        if (brief.over_limit ? Chars(text) > 280 : Chars(text) <= 280) break;
        text = hook + " " + cta + " " + tags;
      }
      break;
    }
    case Network::kLinkedIn:
      text = hook + "\n\n" + Paragraph(dice, bank, used, static_cast<int>(dice.Between(2, 3))) +
             "\n\n" + S(dice.Pick(common.list_intros)) + "\n" + Bullets(dice, bank, 3, "✅ ") +
             "\n\n" + cta + "\n\n" + Hashtags(dice, bank, 3);
      break;
    case Network::kInstagram:
      text = hook + " ✨\n\n" + Paragraph(dice, bank, used, 1) + "\n\n" +
             Bullets(dice, bank, 2, "▪️ ") + "\n\n" + Hashtags(dice, bank, 4) + " #ÉnergieSud";
      break;
    default:
      text = hook + "\n\n" + Paragraph(dice, bank, used, 2) + "\n\n" + cta;
      break;
  }
  d.fields["text"] = text;
  return d;
}

Draft Newsletter(Dice& dice, const Brief& brief, const PhraseBank& bank,
                 const CommonPhrases& common, bool fr) {
  Draft d;
  const std::string month = S(common.months[static_cast<std::size_t>(brief.month % 12)]);
  const std::string lead_title = S(dice.Pick(bank.titles));
  d.title =
      (fr ? "Lettre clients de " + month : "Customer newsletter, " + month) + " — " + lead_title;
  d.fields["subject"] = lead_title;
  d.fields["preheader"] = S(dice.Pick(bank.hooks));
  std::string intro = S(dice.Pick(common.intros));
  intro.replace(intro.find("{month}"), 7, month);
  std::vector<bool> used(bank.sentences.size(), false);
  std::string body = S(dice.Pick(common.greetings)) + "\n\n" + intro + "\n\n## " + lead_title +
                     "\n\n" + Paragraph(dice, bank, used, 2) + "\n\n[" + S(common.read_more) +
                     "](https://www.energie-sud.example/blog/" + Slugify(lead_title) + ")";
  if (brief.second_topic != nullptr) {
    const PhraseBank& other = brief.second_topic->In(brief.language);
    std::vector<bool> other_used(other.sentences.size(), false);
    body += "\n\n## " + S(dice.Pick(other.titles)) + "\n\n" +
            Paragraph(dice, other, other_used, 2) + "\n\n" + Bullets(dice, other, 2, "- ");
  }
  d.fields["body"] = body + "\n\n" + S(dice.Pick(common.signoffs));
  return d;
}

Draft Print(Dice& dice, const Brief& brief, const PhraseBank& bank, const CommonPhrases& common,
            bool fr) {
  Draft d;
  const std::string headline = S(dice.Pick(bank.titles));
  const std::string format = brief.print_formats.empty() ? "" : dice.Pick(brief.print_formats);
  d.title = (format.empty() ? "Print" : format) + " — " + headline;
  std::vector<bool> used(bank.sentences.size(), false);
  d.fields["body"] = "# " + headline + "\n\n**" + S(dice.Pick(bank.leads)) + "**\n\n" +
                     Paragraph(dice, bank, used, 2) + "\n\n" +
                     Bullets(dice, bank, static_cast<int>(dice.Between(3, 4)), "- ") + "\n\n" +
                     S(dice.Pick(common.ctas)) + "\n\n*" + S(common.legal) + "*";
  if (!format.empty()) d.fields["format"] = format;
  return d;
}

Draft Video(Dice& dice, const Brief& brief, const PhraseBank& bank, const CommonPhrases& common,
            bool fr) {
  Draft d;
  d.title = S(fr ? "Vidéo — " : "Video — ") + Title(dice, bank, common, fr);
  std::vector<bool> used(bank.sentences.size(), false);
  auto quote = [fr](const std::string& text) {
    return fr ? "« " + text + " »" : "\"" + text + "\"";
  };
  std::string script;
  int shot = 1;
  for (std::size_t scene : dice.Sample(bank.scenes.size(), bank.scenes.size())) {
    script += "**" + S(common.shot) + " " + std::to_string(shot++) + " — " + S(bank.scenes[scene]) +
              "**\n" + S(common.voice_over) + Colon(fr) + quote(Paragraph(dice, bank, used, 1)) +
              "\n\n";
  }
  script += S(common.end_shot) + " " + quote(S(dice.Pick(common.ctas)));
  d.fields["script"] = script;
  d.fields["duration"] = dice.Between(2, 8) * 15;  // 30 s to 2 min, as agencies quote them
  return d;
}

// The bank sentences (or hooks, or tips) that appear in `text`.
std::vector<std::string_view> Present(const std::vector<std::string_view>& phrases,
                                      const std::string& text) {
  std::vector<std::string_view> out;
  for (auto p : phrases) {
    if (text.find(p) != std::string::npos) out.push_back(p);
  }
  return out;
}

std::vector<std::string_view> Absent(const std::vector<std::string_view>& phrases,
                                     const std::string& text) {
  std::vector<std::string_view> out;
  for (auto p : phrases) {
    if (text.find(p) == std::string::npos) out.push_back(p);
  }
  return out;
}

void ReplaceOnce(std::string& text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
}

// One edit of a text: reword, cut or add a sentence, add a tip, or swap the hook. False when
// the chosen edit does not apply to this text. Texts that must stay short (posts for X) are
// never made longer.
bool EditText(Dice& dice, const PhraseBank& bank, std::string& text, bool may_grow) {
  const auto present = Present(bank.sentences, text);
  const auto absent = Absent(bank.sentences, text);
  switch (dice.Between(0, 4)) {
    case 0:  // reword a sentence
      if (present.empty() || absent.empty()) return false;
      ReplaceOnce(text, dice.Pick(present), dice.Pick(absent));
      return true;
    case 1: {  // cut a sentence that sits next to another one (never the only one in a quote)
      for (auto s : present) {
        for (auto t : present) {
          if (s == t) continue;
          for (const std::string& pair : {S(t) + " " + S(s), S(s) + " " + S(t)}) {
            if (text.find(pair) != std::string::npos) {
              ReplaceOnce(text, pair, t);
              return true;
            }
          }
        }
      }
      return false;
    }
    case 2: {  // one more sentence, right after one on the same subject
      if (!may_grow || present.empty() || absent.empty()) return false;
      const auto after = dice.Pick(present);
      text.insert(text.find(after) + after.size(), " " + S(dice.Pick(absent)));
      return true;
    }
    case 3: {  // one more tip, in the list that holds this topic's tips
      const auto tips = Present(bank.tips, text);
      const auto others = Absent(bank.tips, text);
      if (!may_grow || tips.empty() || others.empty()) return false;
      const auto at = text.find("- " + S(tips.back()));
      if (at == std::string::npos) return false;  // a list of another kind ("✅ ")
      const auto end = text.find('\n', at);
      text.insert(end == std::string::npos ? text.size() : end, "\n- " + S(dice.Pick(others)));
      return true;
    }
    default: {  // a better opening line
      const auto hooks = Present(bank.hooks, text);
      const auto others = Absent(bank.hooks, text);
      if (hooks.empty() || others.empty()) return false;
      ReplaceOnce(text, hooks.front(), dice.Pick(others));
      return true;
    }
  }
}

}  // namespace

Draft WriteDraft(Dice& dice, const Brief& brief) {
  const bool fr = brief.language == "fr";
  const PhraseBank& bank = brief.topic->In(brief.language);
  const CommonPhrases& common = Common(brief.language);
  Draft d;
  switch (brief.kind) {
    case Kind::kArticle:
      d = Article(dice, brief, bank, common, fr);
      break;
    case Kind::kSocialPost:
      d = SocialPost(dice, brief, bank, common, fr);
      break;
    case Kind::kNewsletter:
      d = Newsletter(dice, brief, bank, common, fr);
      break;
    case Kind::kPrint:
      d = Print(dice, brief, bank, common, fr);
      break;
    case Kind::kVideo:
      d = Video(dice, brief, bank, common, fr);
      break;
  }
  d.tags = Tags(dice, bank);
  return d;
}

Revision ReviseDraft(Dice& dice, const Brief& brief, const std::string& title,
                     const json::object& fields) {
  const bool fr = brief.language == "fr";
  const PhraseBank& bank = brief.topic->In(brief.language);
  const CommonPhrases& common = Common(brief.language);
  Revision r;
  const std::string key(MainField(brief.kind));
  std::string text;
  if (const auto* v = fields.if_contains(key); v && v->is_string())
    text = std::string(v->as_string());
  const std::string before = text;
  // One or two edits of the main text, as a colleague's pass usually is.
  const int edits = dice.Chance(0.35) ? 2 : 1;
  for (int done = 0, tries = 0; done < edits && tries < 12; ++tries) {
    if (EditText(dice, bank, text, brief.network != Network::kX)) ++done;
  }
  if (text != before) r.fields[key] = text;
  if (brief.kind == Kind::kArticle && dice.Chance(0.2)) {
    const auto* lead = fields.if_contains("lead");
    const auto others =
        Absent(bank.leads, lead && lead->is_string() ? std::string(lead->as_string()) : "");
    if (!others.empty()) r.fields["lead"] = S(dice.Pick(others));
  }
  if (dice.Chance(r.fields.empty() ? 1.0 : 0.12)) {
    // A sharper title; "LinkedIn — ", "Vidéo — " and the like stay in front.
    std::string next = Title(dice, bank, common, fr);
    if (const auto dash = title.find(" — "); dash != std::string::npos) {
      next = title.substr(0, dash) + " — " + next;
    }
    if (next == title) next += fr ? " (nouvelle version)" : " (new version)";
    r.title = next;
  }
  return r;
}

}  // namespace copydesk::cli::demo
