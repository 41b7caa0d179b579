#include "search/indexer.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <deque>
#include <filesystem>
#include <set>

#include "content/publication.hpp"
#include "content/translations.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "search/analysis.hpp"
#include "storage/search_store.hpp"
#include "storage/settings_store.hpp"
#include "storage/translations_store.hpp"
#include "storage/workflow_store.hpp"
#include "workspace/content_type.hpp"

namespace copydesk::search {

namespace json = boost::json;

namespace {

// Longest text kept in a document for snippets: a passage is cut from it, never all of it.
constexpr std::size_t kStoredTextBytes = 16 * 1024;

// Documents a rebuild writes between flushes. Measured on 100,000 demo contents (reindex, idle
// 2-core machine): 1,000 → 1,940/s, 4,000 → 2,030–2,170/s, 10,000 (Xapian's default) → 1,880/s.
constexpr std::int64_t kRebuildFlush = 4000;

// The shortest time between the starts of two batches while events keep coming: a save waits at
// most this long, plus the batch, before it is searchable (the goal is 2 s under load).
constexpr auto kBatchWindow = std::chrono::milliseconds(500);

std::string CutUtf8(std::string text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text;
}

std::string SortableTime(std::int64_t ms) {
  return Xapian::sortable_serialise(static_cast<double>(ms));
}

std::int64_t LastSeqOf(const Xapian::Database& db) {
  const auto value = db.get_metadata(kLastSeqKey);
  return value.empty() ? 0 : std::stoll(value);
}

// True when the index holds exactly `doc` under `id_term` already: an event that changed nothing
// the index keeps (a revision labelled, an approval given, a setting renamed back) then costs no
// rewrite of the document's terms and positions. The stored data (which carries the time of the
// last change) is compared first: when it differs, as it does after any edit, nothing more is
// read.
bool IndexedAlready(Xapian::WritableDatabase& db, const std::string& id_term,
                    const Xapian::Document& doc) {
  const auto posting = db.postlist_begin(id_term);
  if (posting == db.postlist_end(id_term)) return false;
  const auto stored = db.get_document(*posting);
  if (stored.get_data() != doc.get_data()) return false;
  return stored.serialise() == doc.serialise();
}

}  // namespace

struct DocumentBuilder::WorkspaceSettings {
  std::map<std::string, storage::ChannelRecord> channels;
  std::map<std::string, std::string> projects;                     // id → name
  std::map<std::string, std::vector<workspace::FieldDef>> fields;  // type id → fields
  std::set<std::string> published_statuses;                        // of category "published"
};

DocumentBuilder::DocumentBuilder(Xapian::WritableDatabase* spelling,
                                 std::unordered_map<std::string, Xapian::termcount>* word_counts)
    : word_counts_(word_counts) {
  // Words as written (with positions, for phrases and proximity) and their stems: a page that
  // holds the words as typed ranks above one that holds only a word of the same stem, and
  // both languages' pages share the written forms' statistics. Search as you type expands the
  // stems' prefixes.
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (spelling) {
    generator_.set_database(*spelling);
    generator_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  }
}

DocumentBuilder::~DocumentBuilder() = default;

void DocumentBuilder::CountWords(const std::string& prepared) {
  if (!word_counts_) return;
  for (const auto& w : SplitWords(prepared)) {
    if (w.end - w.begin < 2 || w.end - w.begin > 40) continue;
    ++(*word_counts_)[prepared.substr(w.begin, w.end - w.begin)];
  }
}

const DocumentBuilder::WorkspaceSettings& DocumentBuilder::SettingsOf(storage::Tx& tx,
                                                                      const std::string& ws) {
  auto& slot = settings_[ws];
  if (!slot) {
    slot = std::make_unique<WorkspaceSettings>();
    for (auto& c : storage::ListChannels(tx, ws)) slot->channels.emplace(c.id, std::move(c));
    for (auto& p : storage::ListProjects(tx, ws, true)) slot->projects.emplace(p.id, p.name);
    for (const auto& st : storage::ListStatuses(tx, ws)) {
      if (st.category == "published") slot->published_statuses.insert(st.id);
    }
    for (auto& t : storage::ListContentTypes(tx, ws)) {
      slot->fields.emplace(t.id, workspace::FieldDefsFromJson(t.fields_json));
    }
  }
  return *slot;
}

Xapian::Document DocumentBuilder::Build(storage::Tx& tx, const storage::ContentRecord& c) {
  const auto& settings = SettingsOf(tx, c.workspace_id);
  const std::string lang = c.language == "fr" ? "fr" : "en";
  Xapian::Document doc;
  generator_.set_stemmer(StemmerFor(lang));
  generator_.set_document(doc);

  // The title counts three times the body, and title:… searches it alone.
  const std::string title = PrepareText(c.title, lang);
  generator_.index_text(title, 1, prefix::kTitle);
  generator_.increase_termpos();
  generator_.index_text(title, 3);
  CountWords(title);

  std::string text;
  std::error_code ec;
  const auto fields = json::parse(c.fields_json, ec);
  const auto defs = settings.fields.find(c.type_id);
  if (!ec && fields.is_object() && defs != settings.fields.end()) {
    for (const auto& def : defs->second) {
      if (!workspace::IsTextKind(def.kind)) continue;
      const auto* value = fields.as_object().if_contains(def.key);
      if (!value || !value->is_string() || value->as_string().empty()) continue;
      const std::string_view raw(value->as_string());
      text += def.kind == workspace::FieldKind::kRichText ? MarkdownToText(raw) : std::string(raw);
      text += "\n";
    }
  }
  // Channel variants are text of the content too: a phrase written only for X finds it.
  if (c.variants_json != "{}") {
    const auto variants = json::parse(c.variants_json, ec);
    if (!ec && variants.is_object()) {
      for (const auto& v : variants.as_object()) {
        const auto* f =
            v.value().is_object() ? v.value().as_object().if_contains("fields") : nullptr;
        if (!f || !f->is_object()) continue;
        for (const auto& field : f->as_object()) {
          if (field.value().is_string()) text += std::string(field.value().as_string()) + "\n";
        }
      }
    }
  }
  generator_.increase_termpos();
  const std::string prepared_text = PrepareText(text, lang);
  generator_.index_text(prepared_text);
  CountWords(prepared_text);

  // Tags, channel and project names are words people search by too.
  std::string labels;
  std::vector<std::string> channels;  // with ancestors, each once
  for (const auto& id : c.channel_ids) {
    std::string at = id;
    for (int depth = 0; depth < 16 && !at.empty(); ++depth) {
      if (std::find(channels.begin(), channels.end(), at) != channels.end()) break;
      channels.push_back(at);
      const auto found = settings.channels.find(at);
      if (found == settings.channels.end()) break;
      if (depth == 0) labels += found->second.name + "\n";
      at = found->second.parent_id.value_or("");
    }
  }
  for (const auto& tag : c.tags) labels += tag + "\n";
  if (c.project_id) {
    if (const auto p = settings.projects.find(*c.project_id); p != settings.projects.end())
      labels += p->second;
  }
  generator_.increase_termpos();
  const std::string prepared_labels = PrepareText(labels, lang);
  generator_.index_text(prepared_labels);
  CountWords(prepared_labels);

  using namespace prefix;
  doc.add_boolean_term(kId + c.id);
  doc.add_boolean_term(kWorkspace + c.workspace_id);
  // Who may read it: every staff member of the workspace. Guests' shares are looked up at query
  // time (ReadableBy), by id and project terms.
  doc.add_boolean_term(kStaff + c.workspace_id);
  doc.add_boolean_term(kType + c.type_id);
  if (c.status_id) doc.add_boolean_term(kStatus + *c.status_id);
  for (const auto& ch : channels) doc.add_boolean_term(kChannel + ch);
  for (const auto& tag : c.tags) doc.add_boolean_term(kTag + FoldForMatch(tag));
  if (c.owner_id) doc.add_boolean_term(kOwner + *c.owner_id);
  for (const auto& a : c.assignee_ids) doc.add_boolean_term(kAssignee + a);
  if (c.project_id) doc.add_boolean_term(kProject + *c.project_id);
  doc.add_boolean_term(kLanguage + lang);
  doc.add_boolean_term(std::string(kArchived) + (c.archived_at ? "1" : "0"));

  // What does not depend on when one asks; late is read from the slot at query time.
  const auto publication = content::DerivePublication(
      c, c.status_id && settings.published_statuses.contains(*c.status_id), 0);
  doc.add_boolean_term(std::string(kPublication) + (publication.published  ? "published"
                                                    : publication.has_date ? "dated"
                                                                           : "undated"));
  if (publication.next_at) doc.add_value(kSlotNextPublication, SortableTime(*publication.next_at));
  for (const auto& state : content::TranslationFilterStates(
           c.id, c.language, storage::ListTranslationGroups(tx, {c.id}, std::nullopt)))
    doc.add_boolean_term(kTranslation + state);

  doc.add_value(kSlotUpdated, SortableTime(c.updated_at));
  if (c.publish_at) doc.add_value(kSlotPublish, SortableTime(*c.publish_at));
  if (c.due_at) doc.add_value(kSlotDue, SortableTime(*c.due_at));
  std::string facets = "T" + c.type_id;
  if (c.status_id) facets += "\x1fS" + *c.status_id;
  for (const auto& ch : channels)
    facets +=
        "\x1f"
        "C" +
        ch;
  for (const auto& tag : c.tags) facets += "\x1fK" + tag;
  if (c.owner_id) facets += "\x1fO" + *c.owner_id;
  facets += "\x1fL" + lang;
  doc.add_value(kSlotFacets, facets);

  json::array channel_ids;
  for (const auto& id : c.channel_ids) channel_ids.push_back(json::string(id));
  json::object data{{"id", c.id},
                    {"title", c.title},
                    {"type", c.type_id},
                    {"status", c.status_id ? json::value(*c.status_id) : json::value(nullptr)},
                    {"channels", std::move(channel_ids)},
                    {"language", lang},
                    {"updated_at", c.updated_at},
                    {"archived", c.archived_at.has_value()},
                    {"text", CutUtf8(std::move(text), kStoredTextBytes)}};
  doc.set_data(json::serialize(data));
  return doc;
}

RebuildStats Rebuild(storage::Database& db, SearchIndex& index, std::ostream* progress) {
  const auto started = std::chrono::steady_clock::now();
  RebuildStats stats;
  const auto folder = index.NewFolder();
  {
    Xapian::WritableDatabase writer(folder.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    // Contents are read after this sequence: any change made meanwhile is an event after it,
    // applied again later (re-applying an event is harmless).
    stats.last_seq = db.Read([](storage::Tx& tx) { return storage::LastEventSeq(tx); });

    // Documents are read and analysed on a second thread while this one writes them: the two
    // halves of the work take about as long as each other.
    using Batch = std::vector<Xapian::Document>;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> queue;
    bool produced = false, stop = false;
    std::exception_ptr failure;
    std::unordered_map<std::string, Xapian::termcount> words;
    std::thread producer([&] {
      try {
        DocumentBuilder builder(nullptr, &words);
        std::string after;
        for (;;) {
          const auto ids = db.Read(
              [&](storage::Tx& tx) { return storage::ListContentIdsAfter(tx, after, 250); });
          if (ids.empty()) break;
          Batch batch;
          db.Read([&](storage::Tx& tx) {
            for (const auto& id : ids) {
              if (auto c = storage::FindContent(tx, id)) batch.push_back(builder.Build(tx, *c));
            }
          });
          after = ids.back();
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return queue.size() < 8 || stop; });
          if (stop) break;
          queue.push_back(std::move(batch));
          changed.notify_all();
        }
      } catch (...) {
        failure = std::current_exception();
      }
      std::lock_guard lock(mutex);
      produced = true;
      changed.notify_all();
    });
    try {
      std::int64_t uncommitted = 0;
      for (;;) {
        Batch batch;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return !queue.empty() || produced; });
          if (queue.empty()) break;
          batch = std::move(queue.front());
          queue.pop_front();
          changed.notify_all();
        }
        for (auto& doc : batch) writer.add_document(doc);
        stats.contents += static_cast<std::int64_t>(batch.size());
        uncommitted += static_cast<std::int64_t>(batch.size());
        // Moderate flushes keep the writer's in-memory maps small without merging into the
        // growing tables too often; nothing reads this folder before it is published.
        if (uncommitted >= kRebuildFlush) {
          writer.commit();
          uncommitted = 0;
          if (progress && stats.contents % 10000 < 1000)
            *progress << "  " << stats.contents << " contents indexed" << std::endl;
        }
      }
    } catch (...) {
      {
        std::lock_guard lock(mutex);
        stop = true;
        changed.notify_all();
      }
      producer.join();
      throw;
    }
    producer.join();
    if (failure) std::rethrow_exception(failure);
    for (const auto& [word, count] : words) writer.add_spelling(word, count);
    writer.set_metadata(kLastSeqKey, std::to_string(stats.last_seq));
    writer.set_metadata(kFormatKey, kIndexFormat);
    writer.commit();
  }
  // Written in docid order but flushed in pieces, the B-trees are left a quarter to half empty
  // (423 MB where 329 MB hold the same at 100,000 contents): a compacted copy is what goes in
  // use. Seconds against the minutes of the build.
  const auto compacted = index.NewFolder();
  Xapian::Database(folder.string()).compact(compacted.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  std::filesystem::remove_all(folder);
  index.Publish(compacted);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

Indexer::Indexer(storage::Database& db, SearchIndex& index) : db_(db), index_(index) {}

Indexer::~Indexer() {
  Stop();
}

void Indexer::OpenWriter() {
  auto current = index_.CurrentFolder();
  if (current && !writer_ &&
      Xapian::Database(current->string()).get_metadata(kFormatKey) != kIndexFormat) {
    // Made by a copydesk that split words differently (or indexed other things): its terms would
    // not meet this one's queries. Searches keep using it until the rebuild swaps a new one in.
    current.reset();
  }
  if (!current) {
    writer_.reset();
    Rebuild(db_, index_);
    current = index_.CurrentFolder();
    if (!current) throw std::runtime_error("the search index could not be built");
  }
  if (writer_ && writer_folder_ == current->string()) return;
  // First open, or `copydesk reindex` swapped a new index in: follow it.
  writer_.reset();
  writer_ =
      std::make_unique<Xapian::WritableDatabase>(current->string(), Xapian::DB_CREATE_OR_OPEN);
  writer_folder_ = current->string();
  index_.RemoveStaleFolders();
}

std::int64_t Indexer::CatchUp(int max_events) {
  std::lock_guard lock(mutex_);
  OpenWriter();
  return ApplyBatch(max_events);
}

std::int64_t Indexer::LastAppliedSeq() {
  std::lock_guard lock(mutex_);
  OpenWriter();
  return LastSeqOf(*writer_);
}

void Indexer::Flush() {
  while (CatchUp() > 0) {
  }
}

std::int64_t Indexer::ApplyBatch(int max_events) {
  const auto last = LastSeqOf(*writer_);
  applied_seq_ = last;
  const auto events =
      db_.Read([&](storage::Tx& tx) { return storage::ListEventsAfter(tx, last, max_events); });
  if (events.empty()) return 0;

  // What the events touched: contents, or every content carrying a setting that changed.
  std::set<std::string> ids;
  auto add_carrying = [&](const std::string& term) {
    for (auto it = writer_->postlist_begin(term); it != writer_->postlist_end(term); ++it) {
      const auto doc = writer_->get_document(*it);
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        t.skip_to(prefix::kId);
        if (t != doc.termlist_end() && (*t).rfind(prefix::kId, 0) == 0) ids.insert((*t).substr(1));
        break;
      }
    }
  };
  auto starts = [](const std::string& s, const char* p) { return s.rfind(p, 0) == 0; };
  for (const auto& e : events) {
    if (!e.subject_id) continue;
    const auto& k = e.kind;
    if (starts(k, "content.") || starts(k, "approval.") || starts(k, "revision.")) {
      ids.insert(*e.subject_id);
    } else if (k == "channel.updated" || k == "channel.deleted") {
      add_carrying(prefix::kChannel + *e.subject_id);
    } else if (k == "type.updated") {
      add_carrying(prefix::kType + *e.subject_id);
    } else if (starts(k, "project.") && k != "project.created") {
      add_carrying(prefix::kProject + *e.subject_id);
    } else if (k == "workflow.updated" && e.workspace_id) {
      add_carrying(prefix::kWorkspace + *e.workspace_id);
    }
  }

  // Words are counted, not handed to Xapian's spelling as each document is built: a content
  // saved a thousand times would add each of its words a thousand times, rewriting the spelling
  // table at every commit for nothing. Only words the index has never seen are added below
  // (a rebuild counts them all once).
  std::unordered_map<std::string, Xapian::termcount> words;
  DocumentBuilder builder(nullptr, &words);
  std::vector<std::pair<std::string, std::optional<Xapian::Document>>> staged;
  db_.Read([&](storage::Tx& tx) {
    // A change to a content changes where its linked translations stand (a source's edit puts
    // them out of date, a new translation fills a source's missing language): them too. An
    // unlinked translation's former source is named by its event.
    std::set<std::string> linked;
    for (const auto& id : ids) {
      for (auto& other : storage::LinkedContentIds(tx, id)) linked.insert(std::move(other));
    }
    for (const auto& e : events) {
      if (e.kind != "content.translation_unlinked") continue;
      if (auto source = storage::UnlinkedSourceOf(tx, e.seq)) linked.insert(std::move(*source));
    }
    ids.merge(linked);
    for (const auto& id : ids) {
      auto c = storage::FindContent(tx, id);
      staged.emplace_back(id, c ? std::optional(builder.Build(tx, *c)) : std::nullopt);
    }
  });
  writer_->begin_transaction();
  try {
    {
      // One walk of the spelling words, in order, skipping to each word of the batch.
      std::vector<std::pair<std::string, Xapian::termcount>> sorted(words.begin(), words.end());
      std::sort(sorted.begin(), sorted.end());
      std::vector<std::pair<std::string, Xapian::termcount>> unseen;
      auto known = writer_->spellings_begin();
      const auto end = writer_->spellings_end();
      for (const auto& [word, count] : sorted) {
        if (known != end) known.skip_to(word);
        if (known == end || *known != word) unseen.emplace_back(word, count);
      }
      for (const auto& [word, count] : unseen) writer_->add_spelling(word, count);
    }
    for (auto& [id, doc] : staged) {
      if (!doc) {
        writer_->delete_document(prefix::kId + id);
      } else if (!IndexedAlready(*writer_, prefix::kId + id, *doc)) {
        writer_->replace_document(prefix::kId + id, *doc);
      }
    }
    // The sequence goes in the same commit as the documents: both land, or neither.
    writer_->set_metadata(kLastSeqKey, std::to_string(events.back().seq));
    if (before_commit) before_commit(staged.size());
    writer_->commit_transaction();
    applied_seq_ = events.back().seq;
  } catch (...) {
    try {
      writer_->cancel_transaction();
    } catch (...) {
    }
    throw;
  }
  return static_cast<std::int64_t>(events.size());
}

void Indexer::Start(std::chrono::milliseconds every) {
  if (thread_.joinable()) return;
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this, every] {
    std::unique_lock lk(wake_mutex_);
    while (!stopping_) {
      lk.unlock();
      try {
        // Catch up in batches, stopping between them when asked. Under a stream of saves, a
        // batch starts at most every kBatchWindow: each Xapian commit rewrites the blocks of
        // every term it touches and syncs every table, so one commit for a window of events
        // (a content saved several times in it indexed once) costs far less than one for each
        // handful. Half of a PATCH run's server CPU was this thread, committing every ~300 ms
        // batches of ~100 events.
        for (;;) {
          const auto began = std::chrono::steady_clock::now();
          if (CatchUp() == 0) break;
          std::unique_lock check(wake_mutex_);
          if (wake_.wait_until(check, began + kBatchWindow, [this] { return stopping_; })) break;
        }
      } catch (const Xapian::Error& e) {
        Log(LogLevel::kError, "search indexing failed; retrying", {{"error", e.get_description()}});
      } catch (const std::exception& e) {
        Log(LogLevel::kError, "search indexing failed; retrying", {{"error", e.what()}});
      }
      lk.lock();
      wake_.wait_for(lk, every, [this] { return stopping_; });
    }
  });
}

void Indexer::Stop() {
  {
    std::lock_guard lk(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  writer_.reset();
}

}  // namespace copydesk::search
