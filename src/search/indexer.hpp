#pragma once

#include <xapian.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <unordered_map>

#include "search/search_index.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

namespace copydesk::search {

//! Builds the Xapian document of a content: its text, boolean terms, value slots and the data
//! results are presented from. Keeps each workspace's settings (channels, projects, types) for
//! the documents of one batch.
class DocumentBuilder {
 public:
  //! `spelling`: where words are added for spelling correction as documents are built;
  //! `word_counts`: where they are counted instead, to be added at once (a rebuild, whose
  //! documents are built on another thread than the writer's). Both nullptr: not added.
  explicit DocumentBuilder(
      Xapian::WritableDatabase* spelling,
      std::unordered_map<std::string, Xapian::termcount>* word_counts = nullptr);
  ~DocumentBuilder();

  //! The document of `content`, read with `tx` for its workspace's settings.
  Xapian::Document Build(storage::Tx& tx, const storage::ContentRecord& content);

 private:
  struct WorkspaceSettings;
  const WorkspaceSettings& SettingsOf(storage::Tx& tx, const std::string& workspace_id);

  void CountWords(const std::string& prepared);

  Xapian::TermGenerator generator_;
  std::unordered_map<std::string, Xapian::termcount>* word_counts_;
  std::map<std::string, std::unique_ptr<WorkspaceSettings>> settings_;
};

//! What a rebuild did.
struct RebuildStats {
  std::int64_t contents = 0;
  std::int64_t last_seq = 0;
  double seconds = 0;
};

//! Rebuilds the index from the database into a new folder and makes it current; a server
//! running on the same data folder notices and reopens. For `copydesk reindex` and first starts.
RebuildStats Rebuild(storage::Database& db, SearchIndex& index, std::ostream* progress = nullptr);

//! Feeds the index from the events table: applies events in sequence order and records the
//! last applied sequence in the index's metadata, in the same commit as the documents, so a
//! crash or restart resumes exactly where the index is. Applying an event re-reads the current
//! state of what it touched, so applying one twice changes nothing.
class Indexer {
 public:
  Indexer(storage::Database& db, SearchIndex& index);
  ~Indexer();

  //! Applies up to `max_events` events written since the last applied one (building the index
  //! first when there is none, and following a swap by `copydesk reindex`). Returns how many
  //! events were applied.
  std::int64_t CatchUp(int max_events = 2000);
  //! The last event sequence the index reflects.
  std::int64_t LastAppliedSeq();
  //! The same as last committed, without waiting for a batch in progress (0 before the first):
  //! for /metrics.
  std::int64_t AppliedSeq() const { return applied_seq_.load(std::memory_order_relaxed); }

  //! Polls for new events every `every` on a thread of its own, until Stop().
  void Start(std::chrono::milliseconds every = std::chrono::milliseconds(150));
  //! Stops the thread (after the batch in progress) and closes the index.
  void Stop();
  //! Applies what is pending now, from any thread (tests: "searchable after a save").
  void Flush();

  //! Tests only: called with the number of documents staged, just before a commit; throwing
  //! from it is a crash in the middle of a batch.
  std::function<void(std::size_t)> before_commit;

 private:
  void OpenWriter();
  std::int64_t ApplyBatch(int max_events);

  storage::Database& db_;
  SearchIndex& index_;
  std::mutex mutex_;  // one batch at a time; guards the writer
  std::unique_ptr<Xapian::WritableDatabase> writer_;
  std::string writer_folder_;
  std::thread thread_;
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::atomic<std::int64_t> applied_seq_{0};
};

}  // namespace copydesk::search
