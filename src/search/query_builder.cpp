#include "search/query_builder.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "search/analysis.hpp"
#include "search/search_index.hpp"
#include "storage/settings_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::search::internal {

using Xapian::Query;

namespace {

Query AnyOf(const std::string& pfx, const std::vector<std::string>& values) {
  std::vector<Query> terms;
  for (const auto& v : values) terms.emplace_back(pfx + v);
  return Query(Query::OP_OR, terms.begin(), terms.end());
}

std::string SortableTime(TimeMs ms) {
  return Xapian::sortable_serialise(static_cast<double>(ms));
}

Query TimeRange(Xapian::valueno slot, const std::optional<TimeMs>& from,
                const std::optional<TimeMs>& to) {
  if (from && to) return Query(Query::OP_VALUE_RANGE, slot, SortableTime(*from), SortableTime(*to));
  if (from) return Query(Query::OP_VALUE_GE, slot, SortableTime(*from));
  return Query(Query::OP_VALUE_LE, slot, SortableTime(*to));
}

// Where contents stand in their publication, as content/publication.cpp derives it: the
// published and the undated by their terms; late (not published, its next date passed) by the
// slot that only contents not published have; planned is dated and not late.
Query PublicationQuery(const std::vector<std::string>& states, TimeMs now) {
  const Query late(Query::OP_VALUE_LE, kSlotNextPublication, SortableTime(now - 1));
  std::vector<Query> any;
  for (const auto& state : states) {
    if (state == "published") {
      any.emplace_back(std::string(prefix::kPublication) + "published");
    } else if (state == "unscheduled") {
      any.emplace_back(std::string(prefix::kPublication) + "undated");
    } else if (state == "late") {
      any.push_back(late);
    } else if (state == "planned") {
      any.emplace_back(Query::OP_AND_NOT, Query(std::string(prefix::kPublication) + "dated"), late);
    } else {
      any.push_back(Query::MatchNothing);
    }
  }
  return Query(Query::OP_OR, any.begin(), any.end());
}

// ---- field:value in the query -----------------------------------------------------------------

// Maps a value typed after "field:" to the boolean terms of the ids it names. A value that
// names nothing matches nothing.
class NamedField : public Xapian::FieldProcessor {
 public:
  NamedField(std::string pfx, const std::vector<std::pair<std::string, std::string>>* names,
             std::string self_id = "")
      : prefix_(std::move(pfx)), names_(names), self_id_(std::move(self_id)) {}

  Query operator()(const std::string& value) override {
    const std::string folded = FoldForMatch(Trim(value));
    std::set<std::string> ids;
    if (!self_id_.empty() && (folded == "me" || folded == "moi")) ids.insert(self_id_);
    if (names_) {
      for (const auto& [name, id] : *names_) {
        if (name == folded || id == value) ids.insert(id);
      }
    } else {
      ids.insert(folded);  // tags and languages are their own terms
    }
    std::vector<Query> terms;
    for (const auto& id : ids) terms.emplace_back(prefix_ + id);
    if (terms.empty()) return Query(std::string("XNONE"));  // a term no document has
    return Query(Query::OP_OR, terms.begin(), terms.end());
  }

 private:
  std::string prefix_;
  const std::vector<std::pair<std::string, std::string>>* names_;
  std::string self_id_;
};

class LanguageField : public Xapian::FieldProcessor {
 public:
  Query operator()(const std::string& value) override {
    const std::string v = FoldForMatch(Trim(value));
    if (v == "fr" || v == "french" || v == "francais")
      return Query(std::string(prefix::kLanguage) + "fr");
    if (v == "en" || v == "english" || v == "anglais")
      return Query(std::string(prefix::kLanguage) + "en");
    return Query(std::string("XNONE"));
  }
};

// ---- the words of a query ---------------------------------------------------------------------

bool IsOperator(std::string_view token) {
  return token == "AND" || token == "OR" || token == "NOT" || token == "XOR" || token == "NEAR";
}

// The query as the index sees text, token by token: operators in capitals stay operators.
std::string PrepareQuery(const std::string& q, std::string_view language) {
  std::string out;
  std::size_t i = 0;
  while (i < q.size()) {
    const std::size_t start = i;
    while (i < q.size() && q[i] != ' ' && q[i] != '\t') ++i;
    const std::string_view token(q.data() + start, i - start);
    // A field's value (tag:spring_2025, owner:…) is matched by its own rules, not as words.
    const bool field_value =
        token.find(':') != std::string_view::npos && !token.starts_with("title:");
    out += IsOperator(token) || field_value ? std::string(token) : PrepareText(token, language);
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) out.push_back(q[i++]);
  }
  return out;
}

// How many indexed stems a word being typed stands for: the most frequent ones it starts. More
// finds rarer words from three letters on, and costs time on every keystroke (at 100,000
// contents, "cha": 64 → 24 ms, 24 → 20 ms, 12 → 17 ms); a rarer word appears a letter later.
constexpr Xapian::termcount kTypedExpansion = 24;

// The weight of a completion of the word being typed, against 1 for the word as typed.
constexpr double kCompletionWeight = 0.25;

// How a query's matches are ranked beyond BM25 over stems, tuned on the relevance set
// (bench/relevance, BENCHMARKS.md "Search relevance"): words as typed weigh twice their stems.
// A boost for words within 4 positions of one another (OP_NEAR) gained 0.002 nDCG for 1.8 times
// the CPU of a search: not kept; "phrases" still match positions.
constexpr double kExactWeight = 2.0;

// BM25's parameters: Xapian's defaults measured best (k1 0.8–1.5, b 0.3–0.75 within ±0.004).
constexpr double kBm25K1 = 1.0, kBm25B = 0.5, kBm25MinNormLength = 0.5;

// Contents counted exactly per word and language when telling a query's language.
constexpr Xapian::doccount kLanguageSample = 2000;

// The score of a language's contents when the query's words clearly speak another: still found
// (an English page that is the only answer), ranked below the pages in the query's language.
constexpr double kOtherLanguageWeight = 0.5;

// How much more common in one language than in another a word must be to tell the first.
constexpr double kTellingRatio = 3;

// How much likelier the searcher's own language is than another when the words do not tell.
constexpr double kSearcherLanguage = 3;

}  // namespace

// ---- filters ----------------------------------------------------------------------------------

Names NamesOf(storage::Tx& tx, const std::string& ws) {
  Names n;
  for (const auto& s : storage::ListStatuses(tx, ws))
    n.statuses.emplace_back(FoldForMatch(s.name), s.id);
  for (const auto& t : storage::ListContentTypes(tx, ws)) {
    n.types.emplace_back(FoldForMatch(t.name), t.id);
    n.types.emplace_back(FoldForMatch(t.key), t.id);
  }
  for (const auto& c : storage::ListChannels(tx, ws))
    n.channels.emplace_back(FoldForMatch(c.name), c.id);
  for (const auto& p : storage::ListProjects(tx, ws, true))
    n.projects.emplace_back(FoldForMatch(p.name), p.id);
  for (const auto& m : storage::ListMembers(tx, ws)) {
    n.people.emplace_back(FoldForMatch(m.name), m.user_id);
    n.people.emplace_back(FoldForMatch(m.email), m.user_id);
    const auto space = m.name.find(' ');
    n.people.emplace_back(FoldForMatch(m.name.substr(0, space)), m.user_id);  // first name
  }
  return n;
}

Query FilterQuery(const Access& access, const std::optional<Names>& names,
                  const SearchRequest& req) {
  auto resolve = [&](const std::vector<std::pair<std::string, std::string>>& table,
                     const std::vector<std::string>& values) {
    std::vector<std::string> ids;
    for (const auto& v : values) {
      const std::string folded = FoldForMatch(v);
      bool found = false;
      for (const auto& [name, id] : table) {
        if (id == v || name == folded) {
          ids.push_back(id);
          found = true;
        }
      }
      if (!found) ids.push_back(v);  // an unknown id matches nothing
    }
    return ids;
  };

  // Filters: permissions first, then what was asked. All boolean: they never change scores.
  std::vector<Query> filters{ReadableBy(access),
                             Query(std::string(prefix::kArchived) + (req.archived ? "1" : "0"))};
  if (!req.types.empty()) filters.push_back(AnyOf(prefix::kType, resolve(names->types, req.types)));
  if (!req.statuses.empty())
    filters.push_back(AnyOf(prefix::kStatus, resolve(names->statuses, req.statuses)));
  if (!req.channels.empty()) filters.push_back(AnyOf(prefix::kChannel, req.channels));
  if (!req.tags.empty()) {
    std::vector<std::string> keys;
    for (const auto& t : req.tags) keys.push_back(FoldForMatch(Trim(t)));
    filters.push_back(AnyOf(prefix::kTag, keys));
  }
  if (!req.owners.empty()) filters.push_back(AnyOf(prefix::kOwner, req.owners));
  if (!req.assignees.empty()) filters.push_back(AnyOf(prefix::kAssignee, req.assignees));
  if (!req.projects.empty()) filters.push_back(AnyOf(prefix::kProject, req.projects));
  if (!req.languages.empty()) filters.push_back(AnyOf(prefix::kLanguage, req.languages));
  if (req.updated_from || req.updated_to)
    filters.push_back(TimeRange(kSlotUpdated, req.updated_from, req.updated_to));
  if (req.publish_from || req.publish_to)
    filters.push_back(TimeRange(kSlotPublish, req.publish_from, req.publish_to));
  if (!req.publications.empty()) filters.push_back(PublicationQuery(req.publications, NowMs()));
  if (!req.translations.empty()) filters.push_back(AnyOf(prefix::kTranslation, req.translations));
  const Query filter(Query::OP_AND, filters.begin(), filters.end());
  return filter;
}

std::vector<std::string> QueryLanguages(const SearchRequest& req) {
  std::vector<std::string> languages = {"fr", "en"};
  if (!req.languages.empty()) {
    languages.clear();
    for (const auto& l : req.languages) {
      if ((l == "fr" || l == "en") &&
          std::find(languages.begin(), languages.end(), l) == languages.end()) {
        languages.push_back(l);
      }
    }
  }
  return languages;
}

// ---- the words of a query ---------------------------------------------------------------------

std::vector<double> LanguageWeights(const Xapian::Database& db, const std::string& q,
                                    const std::vector<std::string>& languages, const Query& filter,
                                    const std::string& searcher) {
  std::vector<double> weights(languages.size(), 1.0);
  const auto words = TextWords(q);
  if (languages.size() < 2 || words.empty()) return weights;
  // Contents of each language holding a word, counted exactly up to kLanguageSample and
  // estimated beyond: a word met in thousands of contents says little about its language anyway.
  auto count = [&](const Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Query(Query::OP_FILTER, q, filter));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return static_cast<double>(enquire.get_mset(0, 0, kLanguageSample).get_matches_estimated());
  };
  // Each word's share of each language's contents.
  std::vector<std::vector<double>> shares(words.size(), std::vector<double>(languages.size()));
  for (std::size_t l = 0; l < languages.size(); ++l) {
    const Query in_language(std::string(prefix::kLanguage) + languages[l]);
    const double contents = count(in_language);
    if (contents == 0) return weights;  // one language only: nothing to prefer
    for (std::size_t i = 0; i < words.size(); ++i) {
      const std::string stem =
          "Z" + StemmerFor(languages[l])(PrepareText(words[i].folded, languages[l]));
      // Add-one smoothing: a word absent from a language makes it less likely, never impossible.
      shares[i][l] = std::log((count(Query(Query::OP_FILTER, Query(stem), in_language)) + 0.5) /
                              (contents + 1.0));
    }
  }
  // A word tells a language only when it is clearly more common there: commands, names and
  // numbers met as often in both (twin pages) tell nothing, even when one language has fewer
  // contents (which would make every shared word look like that language's).
  std::vector<double> log_odds(languages.size(), 0.0);
  for (const auto& word : shares) {
    const double best = *std::max_element(word.begin(), word.end());
    for (std::size_t l = 0; l < languages.size(); ++l)
      log_odds[l] += std::min(0.0, word[l] - best + std::log(kTellingRatio));
  }
  // Words both languages share (commands, names) leave it to the searcher's own language.
  for (std::size_t l = 0; l < languages.size(); ++l) {
    if (languages[l] == searcher) log_odds[l] += std::log(kSearcherLanguage);
  }
  // The languages' probabilities given the words (equal priors), then each language's weight:
  // 1 for the likeliest, down to kOtherLanguageWeight for one the words clearly do not speak.
  const double top = *std::max_element(log_odds.begin(), log_odds.end());
  double total = 0;
  for (auto& v : log_odds) total += (v = std::exp(v - top));
  for (std::size_t l = 0; l < languages.size(); ++l) {
    const double share = std::min(1.0, log_odds[l] / total * static_cast<double>(languages.size()));
    weights[l] = kOtherLanguageWeight + (1.0 - kOtherLanguageWeight) * share;
  }
  return weights;
}

namespace {

// A stop word in either language: not a word a query is about.
bool IsStopWord(const std::string& word) {
  return StopperFor("fr")(word) || StopperFor("en")(word);
}

// What ranks a content that matches higher than another one, beyond its stems: holding the
// words as they were typed (not only a word of the same stem: "installed" above "installing").
// Nothing here decides what matches.
Query Boosts(const std::vector<QueryWord>& words, const std::string& language) {
  std::vector<Query> exact;
  for (const auto& w : words) {
    const std::string prepared = PrepareText(w.folded, language);
    for (const auto& part : SplitWords(prepared)) {
      const std::string word = prepared.substr(part.begin, part.end - part.begin);
      if (!IsStopWord(word)) exact.emplace_back(word);
    }
  }
  if (exact.empty()) return Query();
  return Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_OR, exact.begin(), exact.end()),
               kExactWeight);
}

}  // namespace

Query TextQuery(const Xapian::Database& db, const std::string& q,
                const std::vector<std::string>& languages, const std::optional<Names>& names,
                const std::string& self, const std::vector<double>& weights, bool typing) {
  // The word being typed matches as a prefix of the indexed stems (or as its own stem); the
  // rest goes through the query parser. Not inside an open phrase.
  std::string head = q;
  std::string typing_word;
  auto text_words = TextWords(q);
  if (typing && !text_words.empty() && text_words.back().last &&
      std::count(q.begin(), q.end(), '"') % 2 == 0) {
    head = q.substr(0, text_words.back().begin);
    typing_word = text_words.back().folded;
    text_words.pop_back();
  }
  // Each language's contents are matched with the query stemmed in that language.
  Query text = Query::MatchAll;
  if (!Trim(q).empty()) {
    std::vector<Query> per_language;
    bool head_has_words = false;
    for (const auto& lang : languages) {
      Xapian::QueryParser qp;
      qp.set_database(db);
      qp.set_stemmer(StemmerFor(lang));
      qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      qp.set_stopper(&StopperFor(lang));
      // Words are alternatives, the contents holding more of them first (BM25 adds up): a page
      // that lacks one word of three is still found, and an unknown word loses nothing.
      qp.set_default_op(Query::OP_OR);
      qp.add_prefix("title", prefix::kTitle);
      static const std::vector<std::pair<std::string, std::string>> kNone;
      NamedField status(prefix::kStatus, names ? &names->statuses : &kNone);
      NamedField type(prefix::kType, names ? &names->types : &kNone);
      NamedField channel(prefix::kChannel, names ? &names->channels : &kNone);
      NamedField project(prefix::kProject, names ? &names->projects : &kNone);
      NamedField owner(prefix::kOwner, names ? &names->people : &kNone, self);
      NamedField assignee(prefix::kAssignee, names ? &names->people : &kNone, self);
      NamedField tag(prefix::kTag, nullptr);
      LanguageField language;
      qp.add_boolean_prefix("status", &status);
      qp.add_boolean_prefix("statut", &status);
      qp.add_boolean_prefix("type", &type);
      qp.add_boolean_prefix("channel", &channel);
      qp.add_boolean_prefix("canal", &channel);
      qp.add_boolean_prefix("project", &project);
      qp.add_boolean_prefix("projet", &project);
      qp.add_boolean_prefix("owner", &owner);
      qp.add_boolean_prefix("assignee", &assignee);
      qp.add_boolean_prefix("tag", &tag);
      qp.add_boolean_prefix("language", &language);
      qp.add_boolean_prefix("langue", &language);
      const std::string prepared = PrepareQuery(head, lang);
      const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                             Xapian::QueryParser::FLAG_LOVEHATE |
                             Xapian::QueryParser::FLAG_PURE_NOT;
      Query parsed;
      try {
        parsed = qp.parse_query(prepared, flags);
      } catch (const Xapian::QueryParserError&) {
        // Unbalanced quotes or a dangling operator: read it as plain words.
        parsed = qp.parse_query(prepared, 0);
      }
      const Query in_language(std::string(prefix::kLanguage) + lang);
      if (parsed.empty()) {
        // No word before the one being typed (or only stop words).
        per_language.push_back(typing_word.empty()
                                   ? Query(Query::OP_FILTER, Query::MatchAll, in_language)
                                   : in_language);
      } else {
        head_has_words = true;
        if (const Query boosts = Boosts(text_words, lang); !boosts.empty())
          parsed = Query(Query::OP_AND_MAYBE, parsed, boosts);
        const double weight = weights.empty() ? 1.0 : weights[&lang - languages.data()];
        per_language.push_back(Query(
            Query::OP_FILTER,
            weight == 1.0 ? parsed : Query(Query::OP_SCALE_WEIGHT, parsed, weight), in_language));
      }
    }
    text = Query(Query::OP_OR, per_language.begin(), per_language.end());
    if (!typing_word.empty()) {
      // The word being typed is expanded once for every language (its prefix expansion is the
      // same in each: both share one index), not once per language.
      const Query typed = TypedWord(typing_word, languages);
      text =
          head_has_words ? Query(Query::OP_AND, text, typed) : Query(Query::OP_FILTER, typed, text);
    }
  }
  return text;
}

Xapian::BM25Weight Ranking() {
  return Xapian::BM25Weight(kBm25K1, 0, 1, kBm25B, kBm25MinNormLength);
}

std::vector<QueryWord> TextWords(const std::string& q) {
  std::vector<QueryWord> out;
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < q.size() && q[i] != ' ' && q[i] != '\t') ++i;
    if (i == start) break;
    const std::string_view token(q.data() + start, i - start);
    if (IsOperator(token) || token.front() == '-' || token.find(':') != std::string_view::npos)
      continue;
    for (const auto& w : SplitWords(token)) {
      out.push_back({start + w.begin, start + w.end,
                     FoldForMatch(token.substr(w.begin, w.end - w.begin)), false});
    }
  }
  if (!out.empty() && out.back().end == q.size()) out.back().last = true;
  return out;
}

Query TypedWord(const std::string& folded, const std::vector<std::string>& languages) {
  std::vector<Query> parts;
  std::set<std::string> seen;
  for (const auto& language : languages) {
    const std::string word = PrepareText(folded, language);
    if (seen.insert("*" + word).second) {
      // The word's completions count for a fraction of a whole word: they find "chauffage"
      // from "chauf" as it is typed, and never outrank the word itself once it is complete.
      parts.emplace_back(Query::OP_SCALE_WEIGHT,
                         Query(Query::OP_WILDCARD, "Z" + word, kTypedExpansion,
                               Query::WILDCARD_LIMIT_MOST_FREQUENT),
                         kCompletionWeight);
    }
    const std::string stem = "Z" + StemmerFor(language)(word);
    if (seen.insert(stem).second) parts.emplace_back(stem);
  }
  return Query(Query::OP_OR, parts.begin(), parts.end());
}
Query TypedWord(const std::string& folded, const std::string& language) {
  return TypedWord(folded, std::vector<std::string>{language});
}

Query KnownWord(const std::string& folded) {
  return Query(Query::OP_OR, Query("Z" + StemmerFor("fr")(folded)),
               Query("Z" + StemmerFor("en")(folded)));
}

}  // namespace copydesk::search::internal
