#pragma once

#include <cstdint>
#include <map>
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
  bool facets = true;    //!< count facets over every match (false: faster, for search as you type)
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
  std::vector<SearchHit> items;
  //! Facet name (type, status, channel, tag, owner, language) → value → matching contents.
  std::map<std::string, std::map<std::string, std::int64_t>> facets;
  std::optional<std::string> corrected_query;  //!< the query the results are for, when corrected
};

//! Sort names a search accepts.
bool IsSearchSort(std::string_view sort);

//! Full-text search over the index, with filters, facets, snippets, spelling correction and
//! similar contents. Access is part of every Xapian query (terms the caller may read), never a
//! filter applied to results afterwards.
class Search {
 public:
  Search(storage::Database& db, SearchIndex& index) : db_(db), index_(index) {}

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
};

}  // namespace copydesk::search
