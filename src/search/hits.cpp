#include "search/hits.hpp"

#include <boost/json.hpp>
#include <map>

#include "search/query_builder.hpp"
#include "search/snippet.hpp"

namespace copydesk::search::internal {

namespace json = boost::json;

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

std::vector<SearchHit> HitsWithSnippets(const Xapian::MSet& mset, const std::string& q) {
  std::vector<SearchHit> out;
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
    out.push_back(std::move(hit));
  }
  return out;
}

}  // namespace copydesk::search::internal
