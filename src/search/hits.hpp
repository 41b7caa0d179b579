#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "search/search.hpp"

namespace copydesk::search::internal {

//! The hit a match stands for, read from its document's data; its text in `text` when given.
SearchHit HitOf(const Xapian::MSetIterator& it, const Xapian::MSet& mset, std::string* text);

//! The hits of a search for `q`, each with a snippet of its text where the words of `q` are
//! marked.
std::vector<SearchHit> HitsWithSnippets(const Xapian::MSet& mset, const std::string& q);

}  // namespace copydesk::search::internal
