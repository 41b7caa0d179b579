#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/search.hpp"
#include "search/search_access.hpp"
#include "storage/database.hpp"

// What a search asks for, as Xapian queries: its filters, and its words in each language.
namespace copydesk::search::internal {

//! The names a workspace's ids go by, folded, for field:value ("status:prêt", "type:article").
struct Names {
  std::vector<std::pair<std::string, std::string>> statuses, types, channels, projects, people;
};

//! The names of workspace `ws`'s ids, folded.
Names NamesOf(storage::Tx& tx, const std::string& ws);

//! The filters of a search as one boolean query: permissions first, then what was asked. All
//! boolean: they never change scores. `names` is read when types or statuses are asked for.
Xapian::Query FilterQuery(const Access& access, const std::optional<Names>& names,
                          const SearchRequest& req);

//! The languages a search's words are stemmed in: French and English, or those of its language
//! filter.
std::vector<std::string> QueryLanguages(const SearchRequest& req);

//! How much each of `languages` weighs in the ranking of query `q` (same order): 1 for the
//! language its words speak, less for the others; when the words do not tell (found as often in
//! both), the `searcher`'s own language ("fr", "en") first. Counted over the contents `filter`
//! lets through.
std::vector<double> LanguageWeights(const Xapian::Database& db, const std::string& q,
                                    const std::vector<std::string>& languages,
                                    const Xapian::Query& filter, const std::string& searcher);

//! The text of query `q` as a query: each language's contents matched with the words stemmed in
//! that language, its score scaled by `weights` (LanguageWeights; empty: all 1), the words as
//! typed, together and close by ranked higher; with `typing` (search as you type), the last
//! word also as a prefix. Everything when `q` has no words. `self` is who "me" names in
//! field:value.
Xapian::Query TextQuery(const Xapian::Database& db, const std::string& q,
                        const std::vector<std::string>& languages,
                        const std::optional<Names>& names, const std::string& self,
                        const std::vector<double>& weights = {}, bool typing = false);

//! How a search's matches are weighed: BM25 with parameters tuned on the relevance set.
Xapian::BM25Weight Ranking();

//! A word of the query people typed as text (not a field value, operator or excluded word).
struct QueryWord {
  std::size_t begin = 0, end = 0;  //!< bytes in the query
  std::string folded;
  bool last = false;  //!< the word being typed (prefix), when the query does not end with a space
};

//! The words of `q` people typed as text, in order.
std::vector<QueryWord> TextWords(const std::string& q);

//! The word being typed: a prefix of the indexed stems (the most frequent ones it starts), or its
//! own stem in one of `languages` when typed in full.
Xapian::Query TypedWord(const std::string& folded, const std::vector<std::string>& languages);
//! The word being typed, in one language.
Xapian::Query TypedWord(const std::string& folded, const std::string& language);

//! A whole word as the index holds it: its stem in either language.
Xapian::Query KnownWord(const std::string& folded);

}  // namespace copydesk::search::internal
