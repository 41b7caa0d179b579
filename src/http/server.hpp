#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/config.hpp"
#include "http/dispatcher.hpp"
#include "http/live_channel.hpp"

namespace copydesk::http {

//! Where uploads are written while they arrive (emptied when the server starts): in the data
//! folder, so that the store takes a finished one by renaming it.
std::string UploadFolder(const Config& config);

//! The HTTP/1.1 server: Boost.Beast over Asio with C++20 coroutines, one I/O thread per core,
//! handlers run on a worker pool so slow work (database, password hashing) never blocks I/O.
//! Upgrades to WebSocket at kLivePath when given a live channel. The only compile unit that
//! includes Beast and Asio.
class Server {
 public:
  //! `live`, when set, must outlive the server.
  Server(const Config& config, Dispatcher& dispatcher, Metrics& metrics,
         LiveChannel* live = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  //! Binds the listening address and starts serving on background threads. Throws
  //! std::runtime_error naming the address when it cannot bind.
  void Start();
  //! The address actually bound, "host:port" (useful with port 0).
  std::string Address() const;
  //! Stops accepting, lets requests in flight finish within `grace` (WebSocket connections are
  //! closed with 1001 "going away"), then stops the threads.
  void Shutdown(std::chrono::milliseconds grace = std::chrono::seconds(10));
  //! Blocks until SIGINT or SIGTERM, then shuts down gracefully.
  void RunUntilSignal();

  //! Holds SIGINT and SIGTERM back in the calling thread and every thread it starts afterwards,
  //! so that a stop signal sent at any moment (even before RunUntilSignal waits for it) ends in
  //! a graceful shutdown, never in the default action. Call before creating any thread.
  static void HoldStopSignals();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace copydesk::http
