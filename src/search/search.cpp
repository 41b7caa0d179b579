#include "search/search.hpp"

#include <functional>

#include "core/text.hpp"
#include "search/answer_cache.hpp"
#include "search/facets.hpp"
#include "search/hits.hpp"
#include "search/query_builder.hpp"
#include "search/search_access.hpp"

namespace copydesk::search {

using internal::Access;
using internal::AccessTo;
using internal::FacetsOf;
using internal::FacetSpy;
using internal::KnownWord;
using internal::Names;
using internal::NamesOf;
using internal::TextWords;
using internal::TypedWord;
using Xapian::Query;

namespace {

// Orders the matches as `sort` asks: by relevance unless a time is asked for, newest first when
// there are no words to be relevant to.
void SortBy(Xapian::Enquire& enquire, const std::string& sort_name, const std::string& q) {
  std::string sort = sort_name;
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
}

// How many permitted contents hold `term` (or a word starting with it): never a word only
// others may read, so a correction cannot reveal a hidden content.
Xapian::doccount Permitted(const Xapian::Database& db, const Query& q, const Query& filter) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Query(Query::OP_FILTER, q, filter));
  return enquire.get_mset(0, 0, 1).get_matches_lower_bound();
}

// The query with each unknown word replaced by the closest word the caller's contents hold;
// none when no word was replaced.
std::optional<std::string> CorrectedQuery(const Xapian::Database& db, const std::string& q,
                                          const Query& filter, bool typing) {
  const auto words = TextWords(q);
  std::string corrected = q;
  bool changed = false;
  // Replace from the end so earlier offsets stay valid.
  for (auto w = words.rbegin(); w != words.rend(); ++w) {
    if (w->folded.size() < 3 || w->folded.find_first_not_of("0123456789") == std::string::npos)
      continue;
    if (Permitted(db,
                  w->last && typing
                      ? Query(Query::OP_OR, TypedWord(w->folded, "fr"), TypedWord(w->folded, "en"))
                      : KnownWord(w->folded),
                  filter) > 0) {
      continue;
    }
    const std::string suggestion = db.get_spelling_suggestion(w->folded, 2);
    if (suggestion.empty() || suggestion == w->folded ||
        Permitted(db, KnownWord(suggestion), filter) == 0)
      continue;
    corrected.replace(w->begin, w->end - w->begin, suggestion);
    changed = true;
  }
  if (!changed) return std::nullopt;
  return corrected;
}

// Appends `s` to `key` with its length first, so no two different inputs make the same key.
void Append(std::string& key, std::string_view s) {
  key += std::to_string(s.size());
  key += ':';
  key += s;
}

// Everything a search's answer depends on besides the index's state: the request in full, and
// who asks as far as it matters — a workspace's staff all read the same contents; a guest reads
// what is shared with them now (read for this request, so a share removed a moment ago changes
// the key); "me" and names in field:value depend on the person and the workspace's names.
std::string AnswerKey(const Access& access, const std::optional<Names>& names,
                      const SearchRequest& req, const std::string& language) {
  std::string key;
  Append(key, access.workspace_id);
  // The searcher's language ranks the words both languages share.
  Append(key, language);
  if (auth::Can(access.role, auth::Action::kReadContent)) {
    key += "staff;";
  } else {
    key += "guest;";
    Append(key, access.user_id);
    for (const auto& id : access.shared.content_ids) Append(key, id);
    key += ';';
    for (const auto& id : access.shared.project_ids) Append(key, id);
    key += ';';
  }
  if (names) {
    Append(key, access.user_id);
    std::string all;
    for (const auto* table :
         {&names->statuses, &names->types, &names->channels, &names->projects, &names->people}) {
      for (const auto& [name, id] : *table) {
        Append(all, name);
        Append(all, id);
      }
      all += ';';
    }
    Append(key, all);
  }
  Append(key, req.q);
  Append(key, req.sort);
  key += std::to_string(req.offset) + ',' + std::to_string(req.limit) + ',' +
         (req.spelling ? '1' : '0') + (req.facets ? '1' : '0') + (req.archived ? '1' : '0') +
         (req.typing ? '1' : '0') + ';';
  for (const auto& list : storage::kContentFilterLists) {
    for (const auto& v : req.*list.member) Append(key, v);
    key += ';';
  }
  for (const auto& bound : storage::kContentFilterBounds) {
    if (const auto& t = req.*bound.member) key += std::to_string(*t);
    key += ';';
  }
  return key;
}

// The index's state as part of a key: its identity (a rebuild makes a new one), its commit, and
// the event sequence it reflects. None before the first build (an in-memory stand-in).
std::optional<std::string> IndexState(const Xapian::Database& db) {
  try {
    const std::string uuid = db.get_uuid();
    if (uuid.empty()) return std::nullopt;
    return uuid + ';' + std::to_string(db.get_revision()) + ';' + db.get_metadata(kLastSeqKey) +
           ';';
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

}  // namespace

Search::Search(storage::Database& db, SearchIndex& index, SearchLimits limits)
    : db_(db),
      index_(index),
      limits_(limits),
      answers_(std::make_unique<internal::AnswerCache>(limits.answers_kept)) {}

Search::~Search() = default;

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
  const Query filter = internal::FilterQuery(*access, names, req);
  const std::vector<std::string> languages = internal::QueryLanguages(req);
  const std::string self = actor.user.id;
  // A guest's totals and facets stay exact: they match only what is shared with them.
  const bool exact = !auth::Can(access->role, auth::Action::kReadContent);
  // "Late" depends on when one asks, not only on the index: such answers are not kept.
  const bool keep = req.publications.empty();
  const std::string key =
      keep ? AnswerKey(*access, names, req, actor.user.language) : std::string();
  auto run = [&](const Xapian::Database& db, const std::string& q, SearchResult& out) {
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(internal::Ranking());
    enquire.set_query(Query(
        Query::OP_FILTER,
        internal::TextQuery(
            db, q, languages, names, self,
            internal::LanguageWeights(db, q, languages, filter, actor.user.language), req.typing),
        filter));
    SortBy(enquire, req.sort, q);
    // The ranking pass checks at least limits_.exact_facets matches (every one for a guest), then
    // skips those that cannot enter the page: facets are counted on the matches it checked and
    // scaled to the total when it did not check them all (then labelled as estimates).
    FacetSpy spy;
    if (req.facets) enquire.add_matchspy(&spy);
    const auto all = db.get_doccount();
    const Xapian::doccount check_at_least =
        exact ? all : static_cast<Xapian::doccount>(req.facets ? limits_.exact_facets : 500);
    const auto mset = enquire.get_mset(req.offset, req.limit, check_at_least);
    out.total = mset.get_matches_estimated();
    out.total_estimated = mset.get_matches_lower_bound() != mset.get_matches_upper_bound();
    if (out.total_estimated && req.facets) {
      // Xapian's estimate is rounded to one or two figures ("20,000" for 13,063): counting the
      // matches without ranking them costs far less than ranking them, and is exact up to
      // limits_.exact_total.
      Xapian::Enquire count(db);
      count.set_query(enquire.get_query());
      count.set_weighting_scheme(Xapian::BoolWeight());
      const auto counted =
          count.get_mset(0, 0, exact ? all : static_cast<Xapian::doccount>(limits_.exact_total));
      out.total = counted.get_matches_estimated();
      out.total_estimated = counted.get_matches_lower_bound() != counted.get_matches_upper_bound();
    }
    if (req.facets) {
      out.facets = FacetsOf(spy, out.total);
      out.facets_estimated = out.total_estimated || spy.seen < out.total;
    }
    // Snippets for the page's hits only: the mset holds nothing else.
    out.items = internal::HitsWithSnippets(mset, q);
  };

  // The answer to the request. Each word the caller's contents do not hold is replaced by the
  // closest one they do, before searching: words are alternatives, so an unknown word would not
  // stop the others from finding something, it would only be lost.
  auto answer_from = [&](const Xapian::Database& db) -> SearchResult {
    const auto corrected =
        req.spelling ? CorrectedQuery(db, req.q, filter, req.typing) : std::nullopt;
    SearchResult result;
    if (corrected) {
      run(db, *corrected, result);
      if (result.total > 0) {
        result.corrected_query = *corrected;
        return result;
      }
      result = SearchResult();
    }
    run(db, req.q, result);
    return result;
  };

  return index_.Read([&](const Xapian::Database& db) -> Result<SearchResult> {
    // The index's state is part of the key: a save the index has taken in is never answered
    // from before it.
    const auto state = keep ? IndexState(db) : std::nullopt;
    const std::string at = state ? *state + key : std::string();
    if (state) {
      if (auto kept = answers_->Find(at)) return *kept;
    }
    auto answer = answer_from(db);
    if (state) answers_->Keep(at, std::make_shared<const SearchResult>(answer));
    return answer;
  });
}

}  // namespace copydesk::search
