// Contents similar to a content or to a text being written.

#include <algorithm>
#include <cmath>
#include <map>

#include "access/standing.hpp"
#include "search/analysis.hpp"
#include "search/hits.hpp"
#include "search/search.hpp"
#include "search/search_access.hpp"
#include "storage/contents_store.hpp"

namespace copydesk::search {

using internal::Access;
using internal::AccessTo;
using internal::HitOf;
using internal::ReadableBy;
using Xapian::Query;

namespace {

// Only stemmed words make a content's subject; ids, tags and exact forms do not.
class StemsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() > 3 && term[0] == 'Z';
  }
};

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

// The weight of a content in another language than the one it is similar to: its translation
// shares its commands and names, but a writer checking "does this subject exist" reads their
// own language's contents first. Precision@5 on the relevance set (fr / en): weight 1 0.349 /
// 0.382, 0.5 0.378 / 0.415, 0.2 0.404 / 0.429, 0 0.407 / 0.439.
constexpr double kOtherLanguageWeight = 0.2;

// The terms of a content that make its subject: its most telling stems. On the relevance set,
// 15 and 50 both measured 0.02 below 30.
constexpr Xapian::termcount kSubjectTerms = 30;

// `subject` with the contents in the language of document `doc` first.
Query InItsLanguageFirst(const Xapian::Database& db, Xapian::docid doc, const Query& subject) {
  const auto document = db.get_document(doc);
  auto t = document.termlist_begin();
  t.skip_to(prefix::kLanguage);
  if (t == document.termlist_end() || (*t).rfind(prefix::kLanguage, 0) != 0) return subject;
  const Query same(*t);
  return Query(
      Query::OP_OR, Query(Query::OP_FILTER, subject, same),
      Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_AND_NOT, subject, same), kOtherLanguageWeight));
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
    if (!a || !access::May(tx, actor.user.id, *content, auth::Action::kReadContent)) {
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
    const auto eset = enquire.get_eset(kSubjectTerms, rset, &stems);
    std::vector<Query> terms;
    for (auto t = eset.begin(); t != eset.end(); ++t) terms.emplace_back(*t);
    if (terms.empty()) return out;
    const Query filter(Query::OP_AND, ReadableBy(*access),
                       Query(std::string(prefix::kArchived) + "0"));
    const Query subject(Query::OP_FILTER, Query(Query::OP_OR, terms.begin(), terms.end()), filter);
    enquire.set_query(
        Query(Query::OP_AND_NOT, InItsLanguageFirst(db, *posting, subject), Query(id_term)));
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
    const Query subject(Query::OP_FILTER, Query(Query::OP_OR, terms.begin(), terms.end()), filter);
    const Query same(std::string(prefix::kLanguage) + (lang == "fr" ? "fr" : "en"));
    enquire.set_query(Query(Query::OP_OR, Query(Query::OP_FILTER, subject, same),
                            Query(Query::OP_SCALE_WEIGHT, Query(Query::OP_AND_NOT, subject, same),
                                  kOtherLanguageWeight)));
    // A draft is short: what it shares with a content must be a good part of what it says.
    std::map<std::string, double> weights{{std::string(), unknown_weight}};
    for (const auto& [weight, term] : ranked) weights[term] = weight;
    return SharingASubject(enquire, limit, SharedTermsNeeded(terms.size()), &weights, 0.4);
  });
}

}  // namespace copydesk::search
