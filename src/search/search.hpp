#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "search/search_index.hpp"
#include "storage/content_filter.hpp"
#include "storage/database.hpp"

namespace copydesk::search {

//! What a search asks for: words, the filter every screen shares (without due dates: the index
//! keeps none), an order and a page.
struct SearchRequest : storage::ContentFilter {
  std::string q;                   //!< words, "phrases", -word, field:value
  std::string sort = "relevance";  //!< relevance, updated, publish_at; "-" first for descending
  int offset = 0;
  int limit = 20;
  bool spelling = true;  //!< try the spelling correction when nothing or an unknown word is found
  bool facets = true;    //!< count facets (false: faster, for search as you type)
  //! The last word is still being typed (search as you type): it also matches as a prefix. A
  //! submitted search matches its words as they are, completions would only dilute it.
  bool typing = false;
};

//! One content found.
struct SearchHit {
  std::string id;
  std::string title;
  std::string snippet;  //!< HTML-escaped text with <mark> around matches
  std::string type_id;
  std::optional<std::string> status_id;
  std::vector<std::string> channel_ids;
  std::string language;
  TimeMs updated_at = 0;
  int score = 0;  //!< relevance, 0–100
};

//! A search's answer: only contents the caller may read, in items, total and facets alike.
struct SearchResult {
  std::int64_t total = 0;
  //! The total is Xapian's estimate (past SearchLimits::exact_total matches): "about".
  bool total_estimated = false;
  std::vector<SearchHit> items;
  //! Facet name (type, status, channel, tag, owner, language) → value → matching contents.
  std::map<std::string, std::map<std::string, std::int64_t>> facets;
  //! The facet counts are scaled from the matches counted (SearchLimits::exact_facets or so).
  bool facets_estimated = false;
  std::optional<std::string> corrected_query;  //!< the query the results are for, when corrected
};

//! How much a search counts exactly before it estimates, and how many answers it keeps.
struct SearchLimits {
  //! Matches whose facets are counted exactly; past them, facet counts are scaled from those
  //! counted and labelled as estimates (as mature engines do: counting the facets of every match
  //! of a common word cost more than the rest of the search). A guest's search is always exact:
  //! it matches only what is shared with them.
  std::int64_t exact_facets = 1000;
  //! Matches counted exactly for the total; past them, Xapian's estimate, labelled as one.
  std::int64_t exact_total = 50000;
  //! Whole answers kept for identical requests (10–30 KB each).
  std::size_t answers_kept = 512;
};

namespace internal {
class AnswerCache;
}

//! Sort names a search accepts.
bool IsSearchSort(std::string_view sort);

//! Full-text search over the index, with filters, facets, snippets, spelling correction and
//! similar contents. Access is part of every Xapian query (terms the caller may read), never a
//! filter applied to results afterwards.
class Search {
 public:
  Search(storage::Database& db, SearchIndex& index, SearchLimits limits = {});
  ~Search();

  //! Searches workspace `ws`; 404 when the caller is not a member.
  Result<SearchResult> Find(const auth::Actor& actor, const std::string& ws,
                            const SearchRequest& request);
  //! Contents closest to content `id` (relevance feedback over its terms); 404 when the caller
  //! may not read it.
  Result<std::vector<SearchHit>> SimilarTo(const auth::Actor& actor, const std::string& id,
                                           int limit = 5);
  //! Contents of `ws` closest to a text being written (title weighs more).
  Result<std::vector<SearchHit>> SimilarToText(const auth::Actor& actor, const std::string& ws,
                                               const std::string& title, const std::string& text,
                                               std::optional<std::string> language, int limit = 5);

 private:
  storage::Database& db_;
  SearchIndex& index_;
  SearchLimits limits_;
  std::unique_ptr<internal::AnswerCache> answers_;  //!< recent answers, for identical requests
};

}  // namespace copydesk::search
