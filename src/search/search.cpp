#include "search/search.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <memory>
#include <set>
#include <unordered_map>

#include "auth/access.hpp"
#include "core/text.hpp"
#include "search/analysis.hpp"
#include "search/snippet.hpp"
#include "storage/contents_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/shares_store.hpp"
#include "storage/workflow_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::search {

namespace json = boost::json;
using Xapian::Query;

namespace {

// ---- who may read what ------------------------------------------------------------------------

struct Access {
  std::string workspace_id;
  std::optional<auth::Role> role;
  std::string user_id;
  storage::SharedWith shared;  //!< for guests: what is shared with them, read now
};

// `ws` is the workspace's id or slug, as on every workspace route.
Result<Access> AccessTo(storage::Tx& tx, const auth::Actor& actor, const std::string& ws) {
  const auto workspace = storage::FindWorkspace(tx, ws);
  if (!workspace) return Error::NotFound("No such workspace.");
  Access a{workspace->id, std::nullopt, actor.user.id, {}};
  if (auto stored = storage::FindRole(tx, a.workspace_id, actor.user.id))
    a.role = auth::ParseRole(*stored);
  if (!a.role) return Error::NotFound("No such workspace.");
  if (!auth::Can(a.role, auth::Action::kReadContent))
    a.shared = storage::SharedWithUser(tx, a.workspace_id, actor.user.id);
  return a;
}

// The contents the caller may read, as a query: the workspace's scope AND what the caller may
// read in it. Staff read the whole workspace; a guest reads the contents and projects shared
// with them, read from the database for each search (never from the index, so that a share
// removed a moment ago already hides its content).
Query ReadableBy(const Access& a) {
  std::vector<Query> readers;
  if (auth::Can(a.role, auth::Action::kReadContent))
    readers.emplace_back(prefix::kStaff + a.workspace_id);
  for (const auto& id : a.shared.content_ids) readers.emplace_back(prefix::kId + id);
  for (const auto& id : a.shared.project_ids) readers.emplace_back(prefix::kProject + id);
  if (readers.empty()) return Query::MatchNothing;
  return Query(Query::OP_AND, Query(prefix::kWorkspace + a.workspace_id),
               Query(Query::OP_OR, readers.begin(), readers.end()));
}

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

// ---- field:value in the query -----------------------------------------------------------------

// The names a workspace's ids go by, folded, for field:value ("status:prêt", "type:article").
struct Names {
  std::vector<std::pair<std::string, std::string>> statuses, types, channels, projects, people;
};

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

// True when OR or XOR joins words of `q`: then a query can find something while a word is unknown.
bool HasAlternatives(std::string_view q) {
  std::size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < q.size() && q[i] != ' ' && q[i] != '\t') ++i;
    const auto token = q.substr(start, i - start);
    if (token == "OR" || token == "XOR") return true;
  }
  return false;
}

// The query as the index sees text, token by token: operators in capitals stay operators.
std::string PrepareQuery(const std::string& q, std::string_view language) {
  std::string out;
  std::size_t i = 0;
  while (i < q.size()) {
    const std::size_t start = i;
    while (i < q.size() && q[i] != ' ' && q[i] != '\t') ++i;
    const std::string_view token(q.data() + start, i - start);
    out += IsOperator(token) ? std::string(token) : PrepareText(token, language);
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) out.push_back(q[i++]);
  }
  return out;
}

// A word of the query people typed as text (not a field value, operator or excluded word).
struct QueryWord {
  std::size_t begin = 0, end = 0;  // bytes in the query
  std::string folded;
  bool last = false;  // the word being typed (prefix), when the query does not end with a space
};

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

// How many indexed stems a word being typed stands for: the most frequent ones it starts. More
// finds rarer words from three letters on, and costs time on every keystroke (at 100,000
// contents, "cha": 64 → 24 ms, 24 → 20 ms, 12 → 17 ms); a rarer word appears a letter later.
constexpr Xapian::termcount kTypedExpansion = 24;

// The word being typed: a prefix of the indexed stems (the most frequent ones it starts), or its
// own stem in one of `languages` when typed in full.
Query TypedWord(const std::string& folded, const std::vector<std::string>& languages) {
  std::vector<Query> parts;
  std::set<std::string> seen;
  for (const auto& language : languages) {
    const std::string word = PrepareText(folded, language);
    if (seen.insert("*" + word).second) {
      parts.emplace_back(Query::OP_WILDCARD, "Z" + word, kTypedExpansion,
                         Query::WILDCARD_LIMIT_MOST_FREQUENT);
    }
    const std::string stem = "Z" + StemmerFor(language)(word);
    if (seen.insert(stem).second) parts.emplace_back(stem);
  }
  return Query(Query::OP_OR, parts.begin(), parts.end());
}
Query TypedWord(const std::string& folded, const std::string& language) {
  return TypedWord(folded, std::vector<std::string>{language});
}

// A whole word as the index holds it: its stem in either language.
Query KnownWord(const std::string& folded) {
  return Query(Query::OP_OR, Query("Z" + StemmerFor("fr")(folded)),
               Query("Z" + StemmerFor("en")(folded)));
}

// ---- facets -------------------------------------------------------------------------------------

// Counts every matching document's facet values: with check_at_least covering the whole index,
// the matcher shows it every match, so counts are exact — and only permitted ones are matches.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    const std::string values = doc.get_value(kSlotFacets);
    std::size_t start = 0;
    while (start < values.size()) {
      auto end = values.find('\x1f', start);
      if (end == std::string::npos) end = values.size();
      ++counts[values.substr(start, end - start)];
      start = end + 1;
    }
  }
  std::unordered_map<std::string, std::int64_t> counts;
};

std::map<std::string, std::map<std::string, std::int64_t>> FacetsOf(const FacetSpy& spy) {
  std::map<std::string, std::map<std::string, std::int64_t>> out{
      {"type", {}}, {"status", {}}, {"channel", {}}, {"tag", {}}, {"owner", {}}, {"language", {}}};
  std::map<std::string, std::string> tag_shown;  // folded → as first seen
  for (const auto& [value, count] : spy.counts) {
    if (value.empty()) continue;
    const std::string v = value.substr(1);
    switch (value[0]) {
      case 'T':
        out["type"][v] += count;
        break;
      case 'S':
        out["status"][v] += count;
        break;
      case 'C':
        out["channel"][v] += count;
        break;
      case 'O':
        out["owner"][v] += count;
        break;
      case 'L':
        out["language"][v] += count;
        break;
      case 'K': {
        // "Gaz" and "gaz" are one tag.
        auto [it, added] = tag_shown.emplace(FoldForMatch(v), v);
        out["tag"][it->second] += count;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

SearchHit HitOf(const Xapian::MSetIterator& it, const Xapian::MSet& mset, std::string* text) {
  SearchHit hit;
  std::error_code ec;
  const auto data = json::parse(it.get_document().get_data(), ec);
  if (ec || !data.is_object()) return hit;
  const auto& o = data.as_object();
  hit.id = std::string(o.at("id").as_string());
  hit.title = std::string(o.at("title").as_string());
  hit.type_id = std::string(o.at("type").as_string());
  if (o.at("status").is_string()) hit.status_id = std::string(o.at("status").as_string());
  for (const auto& c : o.at("channels").as_array()) hit.channel_ids.emplace_back(c.as_string());
  hit.language = std::string(o.at("language").as_string());
  hit.updated_at = o.at("updated_at").to_number<std::int64_t>();
  hit.score = mset.convert_to_percent(it);
  if (text) *text = std::string(o.at("text").as_string());
  return hit;
}

// Only stemmed words make a content's subject; ids, tags and exact forms do not.
class StemsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 3 && term[0] == 'Z';
  }
};

}  // namespace

bool IsSearchSort(std::string_view sort) {
  if (!sort.empty() && sort.front() == '-') sort.remove_prefix(1);
  return sort == "relevance" || sort == "updated" || sort == "publish_at";
}

Result<SearchResult> Search::Find(const auth::Actor& actor, const std::string& ws,
                                  const SearchRequest& req) {
  std::optional<Names> names;
  auto access = db_.Read([&](storage::Tx& tx) -> Result<Access> {
    auto a = AccessTo(tx, actor, ws);
    // Names are read only when the query or the filters need them.
    if (a &&
        (req.q.find(':') != std::string::npos || !req.types.empty() || !req.statuses.empty())) {
      names = NamesOf(tx, a->workspace_id);
    }
    return a;
  });
  if (!access) return std::move(access).error();

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
  std::vector<Query> filters{ReadableBy(*access),
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
  const Query filter(Query::OP_AND, filters.begin(), filters.end());

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

  const std::string self = actor.user.id;
  auto run = [&](const Xapian::Database& db, const std::string& q, SearchResult& out) {
    // The word being typed matches as a prefix of the indexed stems (or as its own stem); the
    // rest goes through the query parser. Not inside an open phrase.
    std::string head = q;
    std::string typing_word;
    const auto text_words = TextWords(q);
    if (!text_words.empty() && text_words.back().last &&
        std::count(q.begin(), q.end(), '"') % 2 == 0) {
      head = q.substr(0, text_words.back().begin);
      typing_word = text_words.back().folded;
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
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
        qp.set_stopper(&StopperFor(lang));
        qp.set_default_op(Query::OP_AND);
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
        const unsigned flags =
            Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT;
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
          per_language.push_back(Query(Query::OP_FILTER, parsed, in_language));
        }
      }
      text = Query(Query::OP_OR, per_language.begin(), per_language.end());
      if (!typing_word.empty()) {
        // The word being typed is expanded once for every language (its prefix expansion is the
        // same in each: both share one index), not once per language.
        const Query typed = TypedWord(typing_word, languages);
        text = head_has_words ? Query(Query::OP_AND, text, typed)
                              : Query(Query::OP_FILTER, typed, text);
      }
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Query(Query::OP_FILTER, text, filter));
    std::string sort = req.sort;
    bool descending = false;
    if (!sort.empty() && sort.front() == '-') {
      sort = sort.substr(1);
      descending = true;
    }
    if (sort == "updated") {
      enquire.set_sort_by_value_then_relevance(kSlotUpdated, true);
    } else if (sort == "publish_at") {
      enquire.set_sort_by_value_then_relevance(kSlotPublish, descending);
    } else if (Trim(q).empty()) {
      enquire.set_sort_by_value_then_relevance(kSlotUpdated, true);  // no words: newest first
    }
    // Facets count every match, so the matcher must visit them all; without facets (search as
    // you type) it stops early, and the total is exact up to a few hundred, estimated beyond.
    FacetSpy spy;
    if (req.facets) enquire.add_matchspy(&spy);
    const Xapian::doccount check_at_least = req.facets ? db.get_doccount() : 500;
    const auto mset = enquire.get_mset(req.offset, req.limit, check_at_least);
    out.total = mset.get_matches_estimated();
    if (req.facets) out.facets = FacetsOf(spy);

    std::vector<std::string> words;
    std::string typing;
    for (const auto& w : TextWords(q)) {
      if (w.last && q.size() == w.end)
        typing = w.folded;
      else
        words.push_back(w.folded);
    }
    std::map<std::string, Highlighter> highlighters;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::string body;
      auto hit = HitOf(it, mset, &body);
      auto h = highlighters.find(hit.language);
      if (h == highlighters.end())
        h = highlighters.emplace(hit.language, Highlighter(words, typing, hit.language)).first;
      hit.snippet = h->second.Snippet(body.empty() ? hit.title : body);
      out.items.push_back(std::move(hit));
    }
  };

  // How many permitted contents hold `term` (or a word starting with it): never a word only
  // others may read, so a correction cannot reveal a hidden content.
  auto permitted = [&](const Xapian::Database& db, const Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Query(Query::OP_FILTER, q, filter));
    return enquire.get_mset(0, 0, 1).get_matches_lower_bound();
  };

  return index_.Read([&](const Xapian::Database& db) -> Result<SearchResult> {
    SearchResult result;
    run(db, req.q, result);
    if (!req.spelling) return result;
    // Words are joined by AND: when something was found, every word is known to the caller's
    // contents and there is nothing to correct (unless OR or XOR let a word match nothing).
    // This spares a query per word on most searches as you type.
    if (result.total > 0 && !HasAlternatives(req.q)) return result;
    const auto words = TextWords(req.q);
    std::string corrected = req.q;
    bool changed = false;
    // Replace from the end so earlier offsets stay valid.
    for (auto w = words.rbegin(); w != words.rend(); ++w) {
      if (w->folded.size() < 3 || w->folded.find_first_not_of("0123456789") == std::string::npos)
        continue;
      if (permitted(db, w->last ? Query(Query::OP_OR, TypedWord(w->folded, "fr"),
                                        TypedWord(w->folded, "en"))
                                : KnownWord(w->folded)) > 0) {
        continue;
      }
      const std::string suggestion = db.get_spelling_suggestion(w->folded, 2);
      if (suggestion.empty() || suggestion == w->folded ||
          permitted(db, KnownWord(suggestion)) == 0)
        continue;
      corrected.replace(w->begin, w->end - w->begin, suggestion);
      changed = true;
    }
    if (!changed) return result;
    SearchResult better;
    run(db, corrected, better);
    if (better.total == 0 && result.total > 0) return result;
    better.corrected_query = corrected;
    return better;
  });
}

namespace {

// The hits of a "same subject" query that share at least `need` of its terms with it and, when
// `weights` (term → weight) are given, at least `min_share` of their total weight; best first,
// at most `limit`. One or two everyday words in common ("next", "new") are not a subject.
std::vector<SearchHit> SharingASubject(Xapian::Enquire& enquire, int limit, std::size_t need,
                                       const std::map<std::string, double>* weights = nullptr,
                                       double min_share = 0) {
  std::vector<SearchHit> out;
  double total = 0;
  if (weights) {
    for (const auto& [term, weight] : *weights) total += weight;
  }
  const auto mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit) * 4);
  for (auto it = mset.begin(); it != mset.end() && static_cast<int>(out.size()) < limit; ++it) {
    std::size_t shared = 0;
    double shared_weight = 0;
    for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
         ++t) {
      ++shared;
      if (weights) {
        if (auto w = weights->find(*t); w != weights->end()) shared_weight += w->second;
      }
    }
    if (shared < need) continue;
    if (weights && total > 0 && shared_weight < min_share * total) continue;
    out.push_back(HitOf(it, mset, nullptr));
  }
  return out;
}

// How many of `terms` a similar content must share: two, or all when there are fewer.
std::size_t SharedTermsNeeded(std::size_t terms) {
  return std::min<std::size_t>(2, terms);
}

}  // namespace

Result<std::vector<SearchHit>> Search::SimilarTo(const auth::Actor& actor, const std::string& id,
                                                 int limit) {
  auto access = db_.Read([&](storage::Tx& tx) -> Result<Access> {
    auto content = storage::FindContent(tx, id);
    if (!content) return Error::NotFound("No such content.");
    auto a = AccessTo(tx, actor, content->workspace_id);
    if (!a || !auth::CanOnContent(tx, actor.user.id, *content, auth::Action::kReadContent)) {
      return Error::NotFound("No such content.");
    }
    return a;
  });
  if (!access) return std::move(access).error();
  const std::string id_term = prefix::kId + id;
  return index_.Read([&](const Xapian::Database& db) -> Result<std::vector<SearchHit>> {
    std::vector<SearchHit> out;
    auto posting = db.postlist_begin(id_term);
    if (posting == db.postlist_end(id_term)) return out;  // not indexed yet
    Xapian::RSet rset;
    rset.add_document(*posting);
    Xapian::Enquire enquire(db);
    enquire.set_query(Query(id_term));
    StemsOnly stems;
    const auto eset = enquire.get_eset(30, rset, &stems);
    std::vector<Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    if (terms.empty()) return out;
    const Query filter(Query::OP_AND, ReadableBy(*access),
                       Query(std::string(prefix::kArchived) + "0"));
    enquire.set_query(
        Query(Query::OP_AND_NOT,
              Query(Query::OP_FILTER, Query(Query::OP_OR, terms.begin(), terms.end()), filter),
              Query(id_term)));
    return SharingASubject(enquire, limit, SharedTermsNeeded(terms.size()));
  });
}

Result<std::vector<SearchHit>> Search::SimilarToText(
    const auth::Actor& actor, const std::string& ws, const std::string& title,
    const std::string& text, std::optional<std::string> language, int limit) {
  auto access = db_.Read([&](storage::Tx& tx) { return AccessTo(tx, actor, ws); });
  if (!access) return std::move(access).error();
  const std::string lang = language.value_or(GuessLanguage(title + "\n" + text));
  // The draft's words as its document would hold them, title three times over.
  Xapian::Document draft;
  Xapian::TermGenerator generator;
  generator.set_stemmer(StemmerFor(lang));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  generator.set_document(draft);
  generator.index_text(PrepareText(title, lang), 3);
  generator.increase_termpos();
  generator.index_text(PrepareText(text, lang));
  const auto& stopper = StopperFor(lang);
  return index_.Read([&](const Xapian::Database& db) -> Result<std::vector<SearchHit>> {
    std::vector<SearchHit> out;
    const double docs = db.get_doccount();
    std::vector<std::pair<double, std::string>> ranked;
    double unknown_weight = 0;
    for (auto t = draft.termlist_begin(); t != draft.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.size() < 4 || stopper(term.substr(1))) continue;
      const double freq = db.get_termfreq(term);
      if (freq == 0) {
        // A word no content holds says the most about how new the subject is: it counts in
        // what a similar content must share, though none can.
        unknown_weight += t.get_wdf() * std::log((docs + 1) / 0.5);
        continue;
      }
      // A word in a fifth of a sizeable workspace's contents ("énergie" at an energy company)
      // says nothing about the subject.
      if (docs >= 50 && freq > docs / 5) continue;
      ranked.emplace_back(t.get_wdf() * std::log((docs + 1) / (freq + 0.5)), term);
    }
    std::sort(ranked.rbegin(), ranked.rend());
    if (ranked.size() > 25) ranked.resize(25);
    if (ranked.empty()) return out;
    std::vector<Query> terms;
    for (const auto& [weight, term] : ranked) terms.emplace_back(term);
    const Query filter(Query::OP_AND, ReadableBy(*access),
                       Query(std::string(prefix::kArchived) + "0"));
    Xapian::Enquire enquire(db);
    enquire.set_query(
        Query(Query::OP_FILTER, Query(Query::OP_OR, terms.begin(), terms.end()), filter));
    // A draft is short: what it shares with a content must be a good part of what it says.
    std::map<std::string, double> weights{{std::string(), unknown_weight}};
    for (const auto& [weight, term] : ranked) weights[term] = weight;
    return SharingASubject(enquire, limit, SharedTermsNeeded(terms.size()), &weights, 0.4);
  });
}

}  // namespace copydesk::search
