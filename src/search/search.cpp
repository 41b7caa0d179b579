#include "search/search.hpp"

#include "core/text.hpp"
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
  const Query filter = internal::FilterQuery(*access, names, req);
  const std::vector<std::string> languages = internal::QueryLanguages(req);
  const std::string self = actor.user.id;
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
    // Facets count every match, so the matcher must visit them all; without facets (search as
    // you type) it stops early, and the total is exact up to a few hundred, estimated beyond.
    FacetSpy spy;
    if (req.facets) enquire.add_matchspy(&spy);
    const Xapian::doccount check_at_least = req.facets ? db.get_doccount() : 500;
    const auto mset = enquire.get_mset(req.offset, req.limit, check_at_least);
    out.total = mset.get_matches_estimated();
    if (req.facets) out.facets = FacetsOf(spy);
    out.items = internal::HitsWithSnippets(mset, q);
  };

  return index_.Read([&](const Xapian::Database& db) -> Result<SearchResult> {
    // Each word the caller's contents do not hold is replaced by the closest one they do, before
    // searching: words are alternatives, so an unknown word would not stop the others from
    // finding something, it would only be lost.
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
  });
}

}  // namespace copydesk::search
